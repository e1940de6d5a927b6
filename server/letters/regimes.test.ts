import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { registerCase } from '../commands/caseRegistrar.ts';
import { asActor, buildStaff, createTestServices } from '../test/harness.ts';
import { draftLetter } from './draftLetter.ts';
import { letterPdf } from './letterDocument.ts';

/** The regime of the organisation picks the decision letter and the body its closing section names. */
const examples = path.resolve(import.meta.dirname, '../../config/examples');

async function decisionLetterText(
  example: string,
  extra: Record<string, unknown>,
  roles: Parameters<typeof buildStaff>[1]['roles'],
  team: string,
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-regime-'));
  fs.writeFileSync(
    path.join(dir, 'org.json'),
    JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(examples, example), 'utf8')), ...extra }),
  );
  // Files the example names relative to itself (its theme's logo) go along with the copy.
  for (const f of fs.readdirSync(examples)) if (/\.(svg|png|jpe?g)$/i.test(f)) fs.copyFileSync(path.join(examples, f), path.join(dir, f));
  const env = await createTestServices({ orgFile: path.join(dir, 'org.json') });
  try {
    const staff = await buildStaff(env.services, { roles, teams: [team] });
    const c = await asActor(env.services, staff, (ctx) =>
      registerCase(ctx, {
        subject: 'Lekkage niet verholpen',
        description: 'Al weken lekt het dak.',
        channel: 'phone',
        complainant: { kind: 'person', name: 'Ans de Vries', street: 'Kade 3', postcode: '1011 AA', city: 'Amsterdam' },
        data: {},
      }),
    );
    const { id } = await asActor(env.services, staff, (ctx) => draftLetter(ctx, { caseId: c.id, kind: 'decision' }));
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, (await letterPdf(env.services, staff, id)).body as Buffer);
    const letter = await env.services.db
      .selectFrom('letter')
      .select(['template_key', 'current_version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const version = await env.services.db
      .selectFrom('letter_version')
      .select('sections')
      .where('letter_id', '=', id)
      .where('version', '=', letter.current_version)
      .executeTakeFirstOrThrow();
    return {
      templateKey: letter.template_key,
      sections: version.sections.map((s) => s.key),
      pdfText: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
    };
  } finally {
    await env.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a care organisation (Wkkgz) writes the care decision letter naming its geschilleninstantie', async () => {
  const r = await decisionLetterText(
    'care-organisation.json',
    { letters: { disputesBody: { name: 'Geschillencommissie Zorg', addressLines: ['Postbus 90600', '2509 LP Den Haag'] } } },
    ['qualityOfficer'],
    'quality',
  );
  assert.equal(r.templateKey, 'decision.care');
  assert.deepEqual(r.sections, ['intro', 'findings', 'judgment', 'conclusions', 'measuresTerm', 'disputesBody', 'contact']);
  assert.match(r.pdfText, /Dan kunt u naar de Geschillencommissie Zorg\./);
  assert.doesNotMatch(r.pdfText, /ombudsman|Huurcommissie/i);
});

test('a housing corporation writes the housing decision letter naming the Huurcommissie, without Awb references', async () => {
  const r = await decisionLetterText('housing-corporation.json', {}, ['teamLead'], 'liveability');
  assert.equal(r.templateKey, 'decision.housing');
  assert.match(r.pdfText, /voorleggen aan de Huurcommissie/);
  assert.doesNotMatch(r.pdfText, /ombudsman|Awb/i);
});
