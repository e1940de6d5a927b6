import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { crc32, deflateSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { DEMO_ORGANISATION_FILE } from '../config/organisation.ts';
import { asActor, createTestServices, type TestEnv } from '../test/harness.ts';
import { approveLetter } from './approveLetter.ts';
import { draftLetter } from './draftLetter.ts';
import { editLetter } from './editLetter.ts';
import { letterPdf } from './letterDocument.ts';
import { sendLetter } from './sendLetter.ts';
import { caseAtDecisionLetter, kccPeople, type KccPeople } from './testSupport.ts';

/**
 * The PDF as a reader gets it, checked with poppler: tagged, titled, the text in it, fonts
 * embedded. Page 1 is also rendered to a PNG in the test-tmp folder, to look at the layout.
 */
const TEST_TMP = path.join(os.tmpdir(), 'klachtflow-test-tmp', 'letters');
let env: TestEnv;
let p: KccPeople;
let dir: string;

/** A small PNG logo: a coloured block with a white band, made here so the repository needs no binary file. */
function pngLogo(file: string) {
  const w = 240,
    h = 80;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const white = y > 34 && y < 46 && x > 20 && x < 220;
      raw.set(white ? [255, 255, 255] : [0x14, 0x5a, 0x32], y * (w * 3 + 1) + 1 + x * 3);
    }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([len, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  fs.writeFileSync(
    file,
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-letter-org-'));
  pngLogo(path.join(dir, 'logo.png'));
  const org = JSON.parse(fs.readFileSync(DEMO_ORGANISATION_FILE, 'utf8'));
  org.letterhead = {
    name: 'Uitvoeringsdienst Voorbeeld',
    addressLines: ['Postbus 1234', '2500 AB  Den Haag'],
    phone: '088 123 45 67',
    website: 'www.voorbeeld.example',
    logoPath: 'logo.png',
    accentColour: '#145a32',
  };
  fs.writeFileSync(path.join(dir, 'org.json'), JSON.stringify(org));
  env = await createTestServices({ orgFile: path.join(dir, 'org.json') });
  p = await kccPeople(env);
  fs.mkdirSync(TEST_TMP, { recursive: true });
});
after(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the sent letter is a tagged, titled A4 PDF with the letterhead, reference, sections and signer; page 1 rendered for review', async () => {
  const caseId = await caseAtDecisionLetter(env, p, { name: 'Youssef Şahin' });
  const { id } = await asActor(env.services, p.backOffice, (ctx) => draftLetter(ctx, { caseId, kind: 'decision' }));
  let v = (
    await asActor(env.services, p.backOffice, (ctx) =>
      editLetter(ctx, {
        letterId: id,
        expectedVersion: 1,
        sections: [
          {
            key: 'findings',
            text: 'Wij hebben met de medewerker gesproken. Wij hebben ook uw brief en onze notities gelezen.\n\nDe medewerker had die dag veel haast. Hij heeft u niet goed uitgelegd wat u moest doen.',
          },
          { key: 'conclusions', text: 'Wij bespreken uw klacht met het hele team. Wij oefenen hoe wij mensen aan de balie rustig helpen.' },
        ],
      }),
    )
  ).version;
  v = (
    await asActor(env.services, p.coordinator, (ctx) =>
      approveLetter(ctx, { letterId: id, expectedVersion: v, signerUserId: p.coordinator2.id }),
    )
  ).version;
  const sent = await sendLetter(env.services, p.coordinator, { letterId: id, expectedVersion: v });
  const doc = await env.services.db
    .selectFrom('document')
    .select('storage_key')
    .where('id', '=', sent.documentId)
    .executeTakeFirstOrThrow();
  const reference = (await env.services.db.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirstOrThrow())
    .reference;
  const file = path.join(TEST_TMP, 'decision-letter.pdf');
  fs.writeFileSync(file, await buffer(env.services.storage.open(doc.storage_key)));

  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.match(info, /^Tagged:\s+yes$/m);
  assert.match(info, new RegExp(`^Title:\\s+Ons antwoord op uw klacht \\(${reference}\\)$`, 'm'));
  assert.match(info, /^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
  assert.match(info, /^PDF version:\s+1\.7$/m);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => /NotoSans/.test(l));
  assert.ok(
    fonts.every((l) => /Identity-H\s+yes yes yes/.test(l)),
    'every font embedded, subset, with a Unicode map',
  );
  assert.equal(fonts.filter((l) => /NotoSans-Regular/.test(l)).length, 2, 'the latin-ext font joins for the Ş');

  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of [
    'Uitvoeringsdienst Voorbeeld',
    'Postbus 1234',
    reference,
    'Youssef Şahin',
    'Dorpsstraat 1',
    'Ons antwoord op uw klacht',
    'Wat wij hebben onderzocht',
    'Ons oordeel',
    'deels gegrond',
    'Wat wij gaan doen',
    'Bent u niet tevreden?',
    'Nationale ombudsman',
    'binnen één jaar na de datum van deze brief',
    'Met vriendelijke groet,',
    'Carla Coördinator',
    'Klachtencoördinator',
    'Pagina 1 van',
  ]) {
    assert.ok(text.includes(expected), `PDF text lacks "${expected}"`);
  }
  assert.doesNotMatch(text, /CONCEPT|\[Vul in/);
  const structure = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
  assert.match(
    structure,
    /^Document\n[\s\S]*H1 \(block\)\n\s+"Ons antwoord op uw klacht"[\s\S]*H2 \(block\)\n\s+"Wat wij hebben onderzocht"/m,
  );
  assert.match(structure, /Figure[\s\S]*P \(block\)/, 'the logo is a Figure');

  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(TEST_TMP, 'decision-letter-page1')]);
  assert.ok(fs.statSync(path.join(TEST_TMP, 'decision-letter-page1.png')).size > 5000);
});

test('the preview of a draft says CONCEPT and shows what is still to be filled in', async () => {
  const caseId = await caseAtDecisionLetter(env, p);
  const { id } = await asActor(env.services, p.backOffice, (ctx) => draftLetter(ctx, { caseId, kind: 'decision' }));
  const { body, filename } = await letterPdf(env.services, p.backOffice, id);
  assert.match(filename, /-afhandelingsbrief\.pdf$/);
  const file = path.join(TEST_TMP, 'draft-preview.pdf');
  fs.writeFileSync(file, body as Buffer);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  assert.match(text, /CONCEPT – niet versturen/);
  assert.match(text, /\[Vul in: wat u heeft onderzocht/);
});
