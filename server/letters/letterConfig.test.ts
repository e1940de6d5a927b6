import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DEMO_ORGANISATION_FILE, loadOrganisation } from '../config/organisation.ts';

const base = JSON.parse(fs.readFileSync(DEMO_ORGANISATION_FILE, 'utf8'));
function load(extra: Record<string, unknown>, files: Record<string, Buffer> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-letter-config-'));
  try {
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    fs.writeFileSync(path.join(dir, 'org.json'), JSON.stringify({ ...base, ...extra }));
    return loadOrganisation(path.join(dir, 'org.json'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('letter settings default to the coordinator, B1 at Flesch-Douma 60, no letterhead', () => {
  const org = load({});
  assert.deepEqual(org.letters.approverRoles, ['coordinator']);
  assert.equal(org.plainLanguage.minFleschDouma, 60);
  assert.equal(org.letterhead, undefined);
});

test('a template of the wrong kind, an unknown template and a bad colour are refused at start-up', () => {
  assert.throws(() => load({ letters: { templates: { 'kcc-complaint': { decision: 'referral' } } } }), /not a decision letter/);
  assert.throws(() => load({ letters: { templates: { 'kcc-complaint': { decision: 'decision.nope' } } } }), /letters\.templates/);
  assert.throws(() => load({ letterhead: { accentColour: 'blue' } }), /accentColour/);
});

test('the logo is resolved next to the configuration file and must be a PNG or JPEG', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const org = load({ letterhead: { logoPath: 'logo.png' } }, { 'logo.png': png });
  assert.ok(path.isAbsolute(org.letterhead!.logoPath!));
  assert.throws(() => load({ letterhead: { logoPath: 'missing.png' } }), /cannot read/);
  assert.throws(() => load({ letterhead: { logoPath: 'fake.png' } }, { 'fake.png': Buffer.from('GIF89a') }), /not a PNG or JPEG/);
});
