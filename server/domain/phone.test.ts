import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalisePhone } from './phone.ts';

test('Dutch phone numbers in their usual spellings normalise to one form', () => {
  for (const raw of ['+31 6 1234 5678', '0031612345678', '06-12345678', '06 12 34 56 78', '(06) 1234-5678']) {
    assert.equal(normalisePhone(raw), '0612345678', raw);
  }
  assert.equal(normalisePhone('+32 2 555 12 12'), '+3225551212');
});
