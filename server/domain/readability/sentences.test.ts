import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences, tokenizeWords } from './sentences.ts';

const texts = (t: string) => splitSentences(t).map((s) => s.text);
const words = (t: string) => tokenizeWords(t).map((w) => w.text);

describe('splitSentences', () => {
  it('ends sentences at . ! ? and …', () => {
    assert.deepEqual(texts('Wij bellen u. Is dat goed? Ja! Tot dan… Groet.'), [
      'Wij bellen u.',
      'Is dat goed?',
      'Ja!',
      'Tot dan…',
      'Groet.',
    ]);
  });

  it('does not end a sentence after Dutch abbreviations', () => {
    const t =
      'Dhr. Jansen en mevr. De Vries van de afd. Klachten schreven o.a. over art. 9:8 Awb, bijv. nr. 12, d.w.z. de termijn. Mr. Bakker belt.';
    assert.deepEqual(texts(t), [
      'Dhr. Jansen en mevr. De Vries van de afd. Klachten schreven o.a. over art. 9:8 Awb, bijv. nr. 12, d.w.z. de termijn.',
      'Mr. Bakker belt.',
    ]);
  });

  it('does not end a sentence after an initial or inside a date', () => {
    assert.equal(texts('J. de Vries belt u op 12 jan. 2025 om 10.30 uur.').length, 1);
  });

  it('lets "enz." and "etc." end a sentence when a capital follows', () => {
    assert.deepEqual(texts('Brieven, e-mails enz. Daarna bellen wij.'), ['Brieven, e-mails enz.', 'Daarna bellen wij.']);
    assert.equal(texts('Brieven, e-mails enz. worden bewaard.').length, 1);
  });

  it('ends a sentence at every line break and list item, without counting the bullet', () => {
    const t = 'Geachte heer Jansen,\r\n\r\nU kunt:\n- bellen\n• mailen\n2. langskomen\nMet vriendelijke groet';
    assert.deepEqual(texts(t), ['Geachte heer Jansen,', 'U kunt:', 'bellen', 'mailen', 'langskomen', 'Met vriendelijke groet']);
  });

  it('leaves out lines without words and keeps exact offsets', () => {
    const t = '---\n  Wij bellen u.  Tot dan.';
    const s = splitSentences(t);
    assert.equal(s.length, 2);
    assert.deepEqual(
      s.map((x) => [x.index, x.start, x.end, t.slice(x.start, x.end)]),
      [
        [0, 6, 19, 'Wij bellen u.'],
        [1, 21, 29, 'Tot dan.'],
      ],
    );
    assert.deepEqual(
      s[0]!.words.map((w) => [w.text, w.start]),
      [
        ['Wij', 6],
        ['bellen', 10],
        ['u', 17],
      ],
    );
  });

  it('returns nothing for empty or wordless text', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences(' \n — ! ?'), []);
  });
});

describe('tokenizeWords', () => {
  it('keeps hyphenated words, contractions, numbers and abbreviations whole', () => {
    assert.deepEqual(words("Uw e-mail, zo'n 12,50 euro, auto’s, 06-12345678, d.w.z. bijv. & – 9:11."), [
      'Uw',
      'e-mail',
      "zo'n",
      '12,50',
      'euro',
      'auto’s',
      '06-12345678',
      'd.w.z.',
      'bijv.',
      '9:11',
    ]);
  });

  it('does not take the stop of an ordinary word', () => {
    assert.deepEqual(words('Dat is het.'), ['Dat', 'is', 'het']);
  });
});
