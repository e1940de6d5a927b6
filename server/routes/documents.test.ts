import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let agent: StaffActor;
let headers: Record<string, string>;
let caseId: string;

before(async () => {
  t = await createTestApp();
  t.services.org.documents.maxBytes = 64 * 1024;
  agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  headers = await loginHeaders(t.services, agent);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers,
    payload: { subject: 'Brief over registratie', channel: 'letter', complainant: { name: 'Gerda' } },
  });
  caseId = res.json().id;
});
after(() => t.close());

function multipart(file: { name: string; type: string; content: Buffer }, docType = 'scan') {
  const boundary = '----kf' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="docType"\r\n\r\n${docType}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const countDocs = async () =>
  Number(
    (
      await t.services.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a scanned letter is stored outside the row with its hash, listed on the case and downloadable', async () => {
  const content = Buffer.from('%PDF-1.4\n% scan van een brief\n');
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    ...multipart({ name: 'brief klant.pdf', type: 'application/pdf', content }),
  });
  assert.equal(up.statusCode, 201, up.body);
  const sha = createHash('sha256').update(content).digest('hex');
  assert.equal(up.json().sha256, sha);
  const row = await t.services.db.selectFrom('document').selectAll().where('id', '=', up.json().id).executeTakeFirstOrThrow();
  assert.notEqual(row.storage_key, '');
  assert.equal(Number(row.size_bytes), content.length);
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers })).json();
  assert.equal(detail.documents[0].filename, 'brief klant.pdf');
  assert.equal(detail.documents[0].docType, 'scan');
  const down = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${up.json().id}/content`, headers });
  assert.equal(down.statusCode, 200);
  assert.deepEqual(down.rawPayload, content);
  assert.match(down.headers['content-disposition'] as string, /attachment; filename\*=UTF-8''brief%20klant\.pdf/);
  const timeline = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/timeline`, headers })).json().items;
  assert.ok(timeline.some((e: { type: string; after: { sha256?: string } }) => e.type === 'documentAdded' && e.after.sha256 === sha));
});

test('a file type that is not allowed gets 415, a file over the limit 413, and neither is stored', async () => {
  const before = await countDocs();
  const exe = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    ...multipart({ name: 'x.exe', type: 'application/x-msdownload', content: Buffer.from('MZ') }),
  });
  assert.equal(exe.statusCode, 415);
  assert.match(exe.headers['content-type'] as string, /problem\+json/);
  const big = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    ...multipart({ name: 'groot.pdf', type: 'application/pdf', content: Buffer.alloc(70 * 1024, 65) }),
  });
  assert.equal(big.statusCode, 413, big.body);
  const wrongType = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    ...multipart({ name: 'a.pdf', type: 'application/pdf', content: Buffer.from('x') }, 'selfie'),
  });
  assert.equal(wrongType.statusCode, 400);
  assert.equal(await countDocs(), before);
});
