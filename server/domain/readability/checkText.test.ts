import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHtmlOrTemplate, checkReadability } from './checkText.ts';

/**
 * Hand count: Wij(1) heb-ben(2) uw(1) klacht(1) ont-van-gen(3) = 5 words, 8 syllables;
 * U(1) krijgt(1) bin-nen(2) zes(1) we-ken(2) een(1) ant-woord(2) = 7 words, 10 syllables.
 * 12 words, 2 sentences, 18 syllables → 1.5 syllables/word, 6 words/sentence.
 * Flesch–Douma = 206.84 − 77 × 1.5 − 0.93 × 6 = 85.76; Brouwer = 195 − 66.67 × 1.5 − 2 × 6 = 83.
 */
const SHORT = 'Wij hebben uw klacht ontvangen. U krijgt binnen zes weken een antwoord.';

/** An ambtelijke paragraph as still found in complaint letters. */
const AMBTELIJK =
  'Naar aanleiding van uw schrijven d.d. 12 maart jl. inzake de afhandeling van uw klacht delen wij u mede ' +
  'dat wij uw verzoek om schadevergoeding, teneinde te voorkomen dat onduidelijkheid ontstaat, thans nader ' +
  'in behandeling hebben genomen. Indien u derhalve van mening bent dat de aangelegenheid onvoldoende ' +
  'zorgvuldig is behandeld, wordt u verzocht zulks middels het bijgevoegde formulier alsmede eventuele ' +
  'relevante bescheiden binnen de daartoe gestelde termijn kenbaar te maken.';

/** The same message at B1. */
const B1 =
  'Wij hebben uw brief van 12 maart gelezen. U vraagt om een vergoeding voor de schade. ' +
  'Wij kijken nu opnieuw naar uw vraag. Vindt u dat wij niet goed hebben gewerkt? ' +
  'Vul dan het formulier in. Stuur ook de papieren mee die belangrijk zijn. Doe dit binnen zes weken.';

describe('checkReadability', () => {
  it('scores a short text exactly as counted by hand', () => {
    const r = checkReadability(SHORT);
    assert.deepEqual(r.counts, { sentences: 2, words: 12, syllables: 18, avgWordsPerSentence: 6, longSentenceShare: 0 });
    assert.deepEqual(r.scores, { fleschDouma: 85.8, brouwer: 83, band: 'gemakkelijk' });
    assert.equal(r.belowThreshold, false);
    assert.equal(r.threshold, 60);
  });

  it('scores the ambtelijke paragraph low, with long sentences, suggestions and a passive hint', () => {
    const r = checkReadability(AMBTELIJK);
    // 37 + 33 words; syllables counted per word (d.d. = "de dato" = 3, jl. = "jongstleden" = 3, 12 = 1).
    assert.deepEqual(r.counts, { sentences: 2, words: 70, syllables: 145, avgWordsPerSentence: 35, longSentenceShare: 1 });
    // 206.84 − 77 × 145/70 − 0.93 × 35 = 14.79; 195 − (200/3) × 145/70 − 2 × 35 = −13.10
    assert.deepEqual(r.scores, { fleschDouma: 14.8, brouwer: -13.1, band: 'zeer moeilijk' });
    assert.equal(r.belowThreshold, true);
    assert.deepEqual(
      r.longSentences.map((s) => [s.index, s.words]),
      [
        [0, 37],
        [1, 33],
      ],
    );
    const found = new Map(r.difficultWords.map((d) => [d.word.toLowerCase(), d.suggestions]));
    for (const [word, suggestion] of [
      ['indien', 'als'],
      ['derhalve', 'daarom'],
      ['teneinde', 'om'],
      ['thans', 'nu'],
      ['middels', 'met'],
      ['alsmede', 'en'],
      ['inzake', 'over'],
      ['verzocht', 'vragen'],
      ['naar aanleiding van', 'na'],
    ] as const) {
      assert.ok(found.get(word)?.includes(suggestion), `${word} → ${suggestion}`);
    }
    assert.ok(r.difficultWords.length >= 20, `${r.difficultWords.length} hits`);
    const indien = r.difficultWords.find((d) => d.term === 'indien')!;
    assert.equal(AMBTELIJK.slice(indien.offset, indien.offset + indien.length), 'Indien');
    assert.deepEqual(
      r.passiveHints.map((h) => [h.auxiliary, h.participle]),
      [['wordt', 'verzocht']],
    );
  });

  it('scores the B1 rewrite clearly higher, with nothing to flag', () => {
    const r = checkReadability(B1);
    // 8+8+7+8+5+8+5 words; 11+11+9+10+7+12+7 syllables.
    assert.deepEqual(r.counts, { sentences: 7, words: 49, syllables: 67, avgWordsPerSentence: 7, longSentenceShare: 0 });
    // 206.84 − 77 × 67/49 − 0.93 × 7 = 95.04; 195 − (200/3) × 67/49 − 2 × 7 = 89.84
    assert.deepEqual(r.scores, { fleschDouma: 95, brouwer: 89.8, band: 'zeer gemakkelijk' });
    assert.equal(r.belowThreshold, false);
    assert.deepEqual([r.longSentences, r.difficultWords, r.passiveHints], [[], [], []]);
  });

  it('uses the organisation settings for sentence length, threshold and words', () => {
    const r = checkReadability(SHORT, {
      maxSentenceWords: 6,
      thresholdFleschDouma: 90,
      extraWords: [{ words: ['ontvangen'], alternatives: ['gekregen'] }],
    });
    assert.deepEqual(r.longSentences, [{ index: 1, text: 'U krijgt binnen zes weken een antwoord.', words: 7, offset: 32, length: 39 }]);
    assert.equal(r.counts.longSentenceShare, 0.5);
    assert.equal(r.threshold, 90);
    assert.equal(r.belowThreshold, true);
    assert.deepEqual(
      r.difficultWords.map((d) => [d.word, d.offset, d.suggestions]),
      [['ontvangen', 21, ['gekregen']]],
    );
  });

  it('never throws and reports nothing measurable for empty or odd input', () => {
    for (const input of ['', '   \n\n', '— ? !', null, undefined, 42] as unknown as string[]) {
      const r = checkReadability(input, { maxSentenceWords: -1, thresholdFleschDouma: Number.NaN });
      assert.deepEqual(r.scores, { fleschDouma: null, brouwer: null, band: null });
      assert.equal(r.counts.words, 0);
      assert.equal(r.belowThreshold, false);
      assert.equal(r.threshold, 60);
    }
  });
});

describe('checkHtmlOrTemplate', () => {
  const TEMPLATE =
    '<p>Beste {{aanhef}},</p>\n<p>Wij hebben uw klacht <strong>{{caseReference}}</strong> ontvangen. ' +
    'U krijgt binnen zes weken een antwoord.</p><p>Indien u vragen heeft, bel ons.</p>';

  it('ignores merge fields and tags when measuring', () => {
    const r = checkHtmlOrTemplate(TEMPLATE);
    // "Beste" (2) + the SHORT text (12 words, 18 syllables) + "Indien u vragen heeft bel ons" (6 words, 8).
    assert.deepEqual(r.counts, { sentences: 4, words: 19, syllables: 28, avgWordsPerSentence: 4.8, longSentenceShare: 0 });
  });

  it('points offsets into the original template', () => {
    const r = checkHtmlOrTemplate(TEMPLATE, { maxSentenceWords: 4 });
    const indien = r.difficultWords.find((d) => d.term === 'indien')!;
    assert.equal(TEMPLATE.slice(indien.offset, indien.offset + indien.length), 'Indien');
    const first = r.longSentences[0]!;
    assert.equal(first.text, 'Wij hebben uw klacht  ontvangen.');
    assert.equal(
      TEMPLATE.slice(first.offset, first.offset + first.length),
      'Wij hebben uw klacht <strong>{{caseReference}}</strong> ontvangen.',
    );
  });
});
