import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPassiveHints } from './passiveHints.ts';
import { splitSentences } from './sentences.ts';

const hints = (text: string) =>
  findPassiveHints(splitSentences(text), text).map((h) => [h.auxiliary, h.participle, text.slice(h.offset, h.offset + h.length)]);

describe('findPassiveHints', () => {
  it('finds "worden" + participle at the end of a main clause', () => {
    assert.deepEqual(hints('Uw klacht wordt door mevrouw Verhoeven zorgvuldig behandeld.'), [
      ['wordt', 'behandeld', 'wordt door mevrouw Verhoeven zorgvuldig behandeld'],
    ]);
  });

  it('finds the participle before the auxiliary in a subordinate clause', () => {
    assert.deepEqual(hints('Wij weten dat uw brief gisteren verstuurd werd.'), [['werd', 'verstuurd', 'verstuurd werd']]);
  });

  it('handles participles with ge- inside, a trema, or an unstressed prefix', () => {
    assert.deepEqual(
      hints('U wordt geïnformeerd. De zaak werd afgehandeld. De brieven worden verzonden.').map((h) => h[1]),
      ['geïnformeerd', 'afgehandeld', 'verzonden'],
    );
  });

  it('does not take nouns or names for participles', () => {
    assert.deepEqual(hints('Het wordt een besluit van de Gemeente Verhoeven.'), []);
    assert.deepEqual(
      hints('Er worden de bedrijven gecontroleerd.').map((h) => h[1]),
      ['gecontroleerd'],
    );
  });

  it('stays inside the clause and ignores active sentences', () => {
    assert.deepEqual(hints('Het wordt laat, gisteren is alles besproken.'), []);
    assert.deepEqual(hints('Wij behandelen uw klacht binnen zes weken.'), []);
  });
});
