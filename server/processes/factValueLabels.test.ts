import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processDefinitionSchema } from '../domain/process/definition.ts';
import { optionLabel } from '../domain/process/roles.ts';
import { FACT_KEYS, type FactKey, factSpec } from '../domain/process/vocabulary.ts';
import { presetKeys, PRESET_DIR, readDefinitionFile } from './index.ts';

/**
 * A value a step records without an input (setFact: the outcome) is shown on the case page like any
 * other fact. No input option names it, so the vocabulary does; without it a screen showed "judged".
 */
test('every value a preset step records by itself has words in Dutch and English', () => {
  for (const key of presetKeys()) {
    const def = processDefinitionSchema.parse(readDefinitionFile(`${PRESET_DIR}/${key}.json`));
    for (const t of def.transitions) {
      for (const e of t.effects) {
        if (e.type !== 'setFact' || typeof e.value !== 'string') continue;
        const label = optionLabel(def, e.fact as FactKey, e.value);
        assert.ok(label?.nl && label.en, `${key} ${t.key}: ${e.fact} = ${e.value} has no words`);
        assert.notEqual(label.nl, e.value, `${key} ${t.key}: ${e.fact} shows its code`);
      }
    }
  }
});

/**
 * The figures and an imported register show every value of a closed fact, also one the case's
 * process offers no input for (a question in a process that asks only complaint or signal); the
 * dashboard showed "question".
 */
test('every value of a closed standard fact has words in every preset, offered by an input or not', () => {
  for (const key of presetKeys()) {
    const def = processDefinitionSchema.parse(readDefinitionFile(`${PRESET_DIR}/${key}.json`));
    for (const fact of FACT_KEYS.filter((f) => factSpec(f).values)) {
      for (const value of factSpec(fact).values ?? []) {
        const label = optionLabel(def, fact, value);
        assert.ok(label?.nl && label.en, `${key}: ${fact} = ${value} has no words`);
        assert.notEqual(label.nl, value, `${key}: ${fact} = ${value} shows its code`);
      }
    }
  }
});
