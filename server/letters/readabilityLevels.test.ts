import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DEMO_ORGANISATION_FILE, loadOrganisation } from '../config/organisation.ts';
import { checkReadability } from '../domain/readability/checkText.ts';
import { letterReadability } from './readability.ts';
import { letterTemplates } from './templates/index.ts';

/** The demo organisation with other plain-language settings, read through the real configuration loader. */
function withLevel(plainLanguage: Record<string, unknown>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-plain-'));
  try {
    const org = { ...JSON.parse(fs.readFileSync(DEMO_ORGANISATION_FILE, 'utf8')), plainLanguage };
    fs.writeFileSync(path.join(dir, 'org.json'), JSON.stringify(org));
    return loadOrganisation(path.join(dir, 'org.json'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Short, plain sentences of about seven words.
const easy = 'Wij hebben uw klacht goed gelezen. U hoort binnen twee weken van ons. Bel ons als u vragen heeft. ';
// One long sentence with long words: easy to spot alone, hidden in a long easy letter.
const hard =
  'De behandeling van uw bezwaarschrift betreffende de beëindiging van uw bijstandsuitkering heeft, gezien de complexiteit van de onderliggende regelgeving en de noodzakelijke afstemming met verschillende afdelingen, aanzienlijk meer tijd gevergd dan oorspronkelijk verwacht.';

const template = letterTemplates()[0] ?? assert.fail('a shipped letter template');
// Sections of the writer's own text (none of them a legally required section).
const sections = (texts: string[]) => texts.map((text, i) => ({ key: `part${i + 1}`, heading: `Deel ${i + 1}`, text }));

test('a level sets both the Flesch-Douma floor and the average sentence ceiling; overrides win', () => {
  const pick = (p: Record<string, unknown>) => {
    const { level, minFleschDouma, maxAverageSentenceWords } = withLevel(p).plainLanguage;
    return { level, minFleschDouma, maxAverageSentenceWords };
  };
  assert.deepEqual(pick({}), { level: 'B1', minFleschDouma: 60, maxAverageSentenceWords: 15 });
  assert.deepEqual(pick({ level: 'A2' }), { level: 'A2', minFleschDouma: 70, maxAverageSentenceWords: 12 });
  assert.deepEqual(pick({ level: 'A2', minFleschDouma: 65 }), { level: 'A2', minFleschDouma: 65, maxAverageSentenceWords: 12 });
});

test('the average sentence ceiling alone makes a text too hard, even with a good Flesch-Douma score', () => {
  // Short words, long sentences: Flesch-Douma stays high, the average is 21 words.
  const text = 'Wij zijn blij dat u ons belt en wij gaan nu met u en uw zoon op pad naar huis toe. '.repeat(3);
  const loose = checkReadability(text, { thresholdFleschDouma: 60 });
  assert.equal(loose.belowThreshold, false, `Flesch-Douma ${loose.scores.fleschDouma}`);
  const b1 = checkReadability(text, { thresholdFleschDouma: 60, maxAverageSentenceWords: 15 });
  assert.equal(b1.counts.avgWordsPerSentence, 21);
  assert.equal(b1.maxAverageSentenceWords, 15);
  assert.equal(b1.belowThreshold, true);
});

test('each section is scored: one hard passage is named even when the whole letter reads well', () => {
  const org = withLevel({ level: 'B1' });
  const r = letterReadability(sections([easy.repeat(6), hard, easy.repeat(6)]), template, org);
  assert.equal(r.belowThreshold, false, `whole letter: ${r.scores.fleschDouma}, ${r.counts.avgWordsPerSentence}`);
  assert.deepEqual(
    r.sections.map((s) => s.belowLevel),
    [false, true, false],
  );
  const warning = r.warnings.find((w) => w.code === 'sectionBelowLevel');
  assert.ok(warning, 'a warning for the hard section');
  assert.match(warning.message, /"Deel 2" is moeilijk te lezen voor taalniveau B1/);
});

test('A2 is stricter than B1: a text fine at B1 is flagged at A2', () => {
  // About 13 words per sentence, in everyday words.
  const text = 'Wij hebben uw klacht over de brief van vorige maand goed gelezen en besproken. '.repeat(4);
  const atB1 = letterReadability(sections([text]), template, withLevel({ level: 'B1' }));
  const atA2 = letterReadability(sections([text]), template, withLevel({ level: 'A2' }));
  assert.equal(atB1.belowThreshold, false, `B1: ${atB1.scores.fleschDouma} / ${atB1.counts.avgWordsPerSentence}`);
  assert.equal(atA2.belowThreshold, true);
  assert.equal(atA2.level, 'A2');
  assert.match(atA2.warnings[0]?.message ?? '', /taalniveau A2/);
});
