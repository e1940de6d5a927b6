import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadOrganisation } from '../config/organisation.ts';
import { validateProcess } from '../domain/process/validateProcess.ts';
import { validationContextOf } from './index.ts';

const config = path.resolve(import.meta.dirname, '../../config');
const preset = path.join(config, 'processes/care-complaint.json');

/** The scheduled report mail is about no case: a step that sent it would fail when taken, so start-up refuses it. */
test('a process step cannot send a template that is about no case (the report mail)', () => {
  const org = loadOrganisation(path.join(config, 'examples/care-organisation.json'));
  const raw = JSON.parse(readFileSync(preset, 'utf8'));
  const ctx = validationContextOf(org, preset);
  assert.doesNotThrow(() => validateProcess(raw, ctx), 'the preset itself is valid');
  const effect = raw.transitions
    .flatMap((t: { effects?: { type: string; template?: string; to?: unknown }[] }) => t.effects ?? [])
    .find((e: { type: string }) => e.type === 'sendMessage');
  Object.assign(effect, { template: 'reportMail', to: { address: 'kwaliteit@voorbeeld.example' } });
  assert.throws(() => validateProcess(raw, ctx), /unknown mail template "reportMail"/);
});
