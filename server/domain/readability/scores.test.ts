import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brouwer, doumaBand, fleschDouma } from './scores.ts';

const close = (actual: number | null, expected: number) => {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
};

describe('fleschDouma (TAAL-02)', () => {
  it('is 206.84 − 77 × syllables/word − 0.93 × words/sentence', () => {
    // 12 words, 2 sentences, 18 syllables: 206.84 − 77 × 1.5 − 0.93 × 6 = 206.84 − 115.5 − 5.58
    close(fleschDouma({ words: 12, sentences: 2, syllables: 18 }), 85.76);
    // 10 words, 1 sentence, 20 syllables: 206.84 − 154 − 9.3
    close(fleschDouma({ words: 10, sentences: 1, syllables: 20 }), 43.54);
  });

  it('is null when there is nothing to measure', () => {
    assert.equal(fleschDouma({ words: 0, sentences: 0, syllables: 0 }), null);
  });
});

describe('brouwer (TAAL-03)', () => {
  it('is 195 − (200/3) × syllables/word − 2 × words/sentence', () => {
    // 195 − 66.67 × 1.5 − 2 × 6 = 195 − 100 − 12
    close(brouwer({ words: 12, sentences: 2, syllables: 18 }), 83);
    // 195 − 66.67 × 2 − 2 × 10 = 41.67
    close(brouwer({ words: 10, sentences: 1, syllables: 20 }), 195 - 400 / 3 - 20);
  });

  it('is null when there is nothing to measure', () => {
    assert.equal(brouwer({ words: 5, sentences: 0, syllables: 5 }), null);
  });
});

describe('doumaBand', () => {
  it("uses Douma's bands, lower bound inclusive", () => {
    assert.equal(doumaBand(-12), 'zeer moeilijk');
    assert.equal(doumaBand(29.99), 'zeer moeilijk');
    assert.equal(doumaBand(30), 'moeilijk');
    assert.equal(doumaBand(45), 'tamelijk moeilijk');
    assert.equal(doumaBand(59.9), 'tamelijk moeilijk');
    assert.equal(doumaBand(60), 'normaal');
    assert.equal(doumaBand(70), 'tamelijk gemakkelijk');
    assert.equal(doumaBand(80), 'gemakkelijk');
    assert.equal(doumaBand(90), 'zeer gemakkelijk');
    assert.equal(doumaBand(120), 'zeer gemakkelijk');
  });
});
