import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { processJsonSchema } from '../../scripts/processSchema.ts';
import { processDefinitionSchema } from '../domain/process/definition.ts';
import { PRESET_DIR, presetKeys, SCHEMA_FILE } from './index.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The JSON Schema editors check process files against is generated from the zod schema the server
 * validates with (`npm run schema`); the committed file must be that output, and every shipped
 * preset must pass it, checked by a real JSON Schema validator when one is installed.
 */
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const presets = presetKeys().map((key) => ({ key, file: path.join(PRESET_DIR, `${key}.json`) }));
/** Process files of the tests (server/test/fixtures/*-process.json) name the schema too. */
const fixtureDir = path.resolve(import.meta.dirname, '../test/fixtures');
const fixtures = fs
  .readdirSync(fixtureDir)
  .filter((f) => f.endsWith('-process.json'))
  .map((f) => ({ key: f, file: path.join(fixtureDir, f) }));

/** A real JSON Schema validator (draft 2020-12, with formats): what an editor checks a file with. */
function jsonSchemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv);
  return ajv;
}

describe('the JSON Schema of a process definition', () => {
  test('the committed schema is what `npm run schema` generates', () => {
    assert.ok(fs.existsSync(SCHEMA_FILE), `${SCHEMA_FILE} is missing: run npm run schema`);
    assert.deepStrictEqual(
      read(SCHEMA_FILE),
      JSON.parse(JSON.stringify(processJsonSchema())),
      `${path.relative(process.cwd(), SCHEMA_FILE)} is out of date: run npm run schema and commit it`,
    );
  });

  test('every preset names the schema and passes the zod schema', () => {
    assert.ok(presets.length >= 4, `presets: ${presets.map((p) => p.key).join(', ')}`);
    for (const p of presets) {
      const raw = read(p.file);
      assert.equal(raw.$schema, `./${path.basename(SCHEMA_FILE)}`, `${p.key}: $schema`);
      const parsed = processDefinitionSchema.safeParse(raw);
      assert.ok(parsed.success, `${p.key}: ${parsed.error?.message}`);
    }
  });

  test('every preset and test process passes the JSON Schema, which refuses a wrong one', () => {
    const ajv = jsonSchemaValidator();
    const validate = ajv.compile(read(SCHEMA_FILE));
    for (const p of [...presets, ...fixtures]) {
      assert.ok(validate(read(p.file)), `${p.key}: ${JSON.stringify(validate.errors, null, 2)}`);
      assert.equal(
        path.resolve(path.dirname(p.file), read(p.file).$schema as string),
        SCHEMA_FILE,
        `${p.key}: $schema names the schema file`,
      );
    }
    // Not a schema that accepts anything: an unknown effect, a wrong status role and a missing label are refused.
    const sample = read(presets[0]!.file) as { transitions: Record<string, unknown>[]; statuses: Record<string, unknown>[] };
    const broken = structuredClone(sample);
    broken.transitions[0]!.effects = [{ type: 'sendFax' }];
    broken.statuses[0]!.roles = ['waitsForGodot'];
    delete broken.statuses[1]!.label;
    assert.equal(validate(broken), false);
    const at = new Set(validate.errors!.map((e) => e.instancePath));
    for (const p of ['/transitions/0/effects/0', '/statuses/0/roles/0', '/statuses/1'])
      assert.ok(at.has(p), `an error at ${p}; got ${[...at].join(', ')}`);
  });
});
