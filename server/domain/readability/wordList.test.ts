import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import list from './plainWords.nl.json' with { type: 'json' };
import { createWordMatcher, DEFAULT_WORD_LIST, findDifficultWords } from './wordList.ts';

const hits = (text: string, matcher = createWordMatcher()) =>
  findDifficultWords(text, matcher).map((h) => [h.word, h.offset, h.suggestions[0]]);

describe('bundled word list', () => {
  it('has at least 150 entries, each with forms and alternatives, and says it is original', () => {
    assert.ok(DEFAULT_WORD_LIST.length >= 150, `only ${DEFAULT_WORD_LIST.length}`);
    for (const e of DEFAULT_WORD_LIST) {
      assert.ok(e.words.length > 0 && e.alternatives.length > 0, JSON.stringify(e));
    }
    assert.match(list.$comment, /Original work/);
    assert.match(list.$comment, /extraWords/);
  });

  it('lists no form twice', () => {
    const forms = DEFAULT_WORD_LIST.flatMap((e) => e.words.map((w) => w.toLowerCase()));
    assert.deepEqual(
      forms.filter((f, i) => forms.indexOf(f) !== i),
      [],
    );
  });
});

describe('findDifficultWords', () => {
  it('flags "indien" with the suggestion "als" (TAAL-06 test)', () => {
    assert.deepEqual(hits('Indien u vragen heeft, belt u ons.'), [['Indien', 0, 'als']]);
  });

  it('matches case-insensitively and listed inflections', () => {
    assert.deepEqual(hits('Wij VERZOEKEN u. U werd verzocht. Zij verzoekt het.'), [
      ['VERZOEKEN', 4, 'vragen'],
      ['verzocht', 24, 'vragen'],
      ['verzoekt', 38, 'vragen'],
    ]);
  });

  it('matches multi-word phrases, longest first, as one hit', () => {
    const found = findDifficultWords('Dit is ten behoeve van uw dossier. Wij stellen het ter beschikking gesteld.');
    assert.deepEqual(
      found.map((h) => [h.word, h.term, h.length]),
      [
        ['ten behoeve van', 'ten behoeve van', 15],
        ['ter beschikking gesteld', 'ter beschikking stellen', 23],
      ],
    );
  });

  it('matches whole words only', () => {
    assert.deepEqual(hits('Mijn dochter en haar reedsbus.'), []);
  });

  it('does not join a phrase across two sentences', () => {
    assert.deepEqual(hits('Dat was het in verband. Met u gaat het goed.'), []);
  });

  it('finds abbreviations and gives the full form', () => {
    assert.deepEqual(hits('Wij bellen z.s.m. terug, i.v.m. de drukte.'), [
      ['z.s.m.', 11, 'zo snel mogelijk'],
      ['i.v.m.', 25, 'door'],
    ]);
  });

  it("adds the organisation's own words, which replace a bundled entry with the same form", () => {
    const matcher = createWordMatcher([
      { words: ['klachtafhandelaar'], alternatives: ['uw contactpersoon'] },
      { words: ['thans'], alternatives: ['op dit moment'] },
    ]);
    assert.deepEqual(hits('De klachtafhandelaar belt thans.', matcher), [
      ['klachtafhandelaar', 3, 'uw contactpersoon'],
      ['thans', 26, 'op dit moment'],
    ]);
  });

  it('drops forms the organisation ignores, and skips malformed extra entries', () => {
    const bad = [{ words: 'x' }, { words: [], alternatives: [] }, null] as never[];
    const matcher = createWordMatcher(bad, ['termijn', 'Echter']);
    assert.deepEqual(hits('De termijn is echter kort, derhalve bellen wij.', matcher), [['derhalve', 27, 'daarom']]);
  });
});
