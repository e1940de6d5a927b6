import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPhone, normalisePhone, phoneLookupKeys, phoneOrInvalid } from './phone.ts';

test('a number in any usual spelling is one E.164 number: Dutch unless it names another country', () => {
  for (const raw of [
    '+31 6 1234 5678',
    '0031612345678',
    '06-12345678',
    '06 12 34 56 78',
    '(06) 1234-5678',
    '+31 (0)6 1234 5678',
    ' 06.12.34.56.78 ',
  ]) {
    assert.equal(normalisePhone(raw), '+31612345678', raw);
  }
  assert.equal(normalisePhone('020 123 4567'), '+31201234567');
  assert.equal(normalisePhone('088 123 45 71'), '+31881234571');
  assert.equal(normalisePhone('+32 470 12 34 56'), '+32470123456');
  assert.equal(normalisePhone('0032 470 12 34 56'), '+32470123456');
  assert.equal(normalisePhone('+44 20 7946 0958'), '+442079460958');
});

test('what is no number is refused: too short or long, not in the numbering plan, words, an extension', () => {
  for (const raw of [
    '06',
    '0612',
    '06 1234 567',
    '06 1234 56789',
    '0123456789',
    '+31 6',
    'bel me',
    '06-CALLME1',
    'call 0612345678',
    '0612345678 ext. 12',
    '',
  ]) {
    assert.equal(normalisePhone(raw), null, raw);
  }
  assert.throws(
    () => phoneOrInvalid('0612', 'complainant.phone'),
    (e: { invalidParams: { name: string }[] }) => {
      assert.equal(e.invalidParams[0]!.name, 'complainant.phone');
      return true;
    },
  );
  assert.equal(phoneOrInvalid('  ', 'phone'), null);
});

test('shown nationally when Dutch, internationally otherwise; earlier stored national digits read the same', () => {
  assert.equal(formatPhone('+31612345678'), '06 12345678');
  assert.equal(formatPhone('0612345678'), '06 12345678');
  assert.equal(formatPhone('+31201234567'), '020 123 4567');
  assert.equal(formatPhone('+32470123456'), '+32 470 12 34 56');
  assert.equal(formatPhone('not a number'), 'not a number');
});

test('a lookup asks for E.164 and the form the earlier normaliser stored', () => {
  assert.deepEqual(phoneLookupKeys('06-12345678'), ['+31612345678', '0612345678']);
  assert.deepEqual(phoneLookupKeys('+32 470 12 34 56'), ['+32470123456', '0032470123456']);
  assert.deepEqual(phoneLookupKeys('06'), []);
  assert.deepEqual(phoneLookupKeys(null), []);
});
