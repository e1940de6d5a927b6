import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Readable } from 'node:stream';
import { addDocument } from '../../commands/caseEditor.ts';
import { runCommand, SYSTEM_ACTOR } from '../../commands/context.ts';
import { sendDueMessages } from '../../jobs/outboxSender.ts';
import { enqueueMessage } from '../../mail/outbox.ts';
import { demoMailbox } from '../../mail/transport.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

type App = Awaited<ReturnType<typeof createTestApp>>;

async function caseWithMessages(t: App, headers: Record<string, string>, n: number) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers,
    payload: { subject: 'Brief kwijt', channel: 'phone', complainant: { name: 'Gerda Bos', email: 'gerda@example.org' } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const c = created.json();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    t.clock.advance(1000);
    const id = await runCommand(t.services, SYSTEM_ACTOR, (ctx) =>
      enqueueMessage(ctx, {
        caseId: c.id,
        template: 'autoClose',
        recipientRole: 'complainant',
        to: { address: 'gerda@example.org', name: 'Gerda Bos' },
        vars: { complainantName: 'Gerda Bos', organisationPhone: '088', caseReference: c.reference },
        idempotencyKey: `${c.id}:${i}`,
      }),
    );
    ids.push(id!);
  }
  return { caseId: c.id as string, ids };
}

describe('in DEMO mode without SMTP', () => {
  let t: App;
  let headers: Record<string, string>;
  let ids: string[];
  before(async () => {
    t = await createTestApp({ demo: true });
    headers = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] }));
    ids = (await caseWithMessages(t, headers, 5)).ids;
    await sendDueMessages(t.services, demoMailbox(), 'klachten@voorbeeld.example', { batch: 3 }); // three "sent", two still queued
  });
  after(() => t.close());

  test('the demo mailbox lists every message newest first, in keyset pages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/demo-mailbox?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({ method: 'GET', url, headers });
      assert.equal(res.statusCode, 200, res.body);
      const body: { items: { id: string }[]; nextCursor: string | null } = res.json();
      assert.ok(body.items.length <= 2);
      seen.push(...body.items.map((m) => m.id));
      cursor = body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...ids].reverse());
    const first = (await t.app.inject({ method: 'GET', url: '/api/v1/demo-mailbox', headers })).json().items;
    assert.deepEqual(first.map((m: { status: string }) => m.status).sort(), ['pending', 'pending', 'sent', 'sent', 'sent']);
  });

  test('one message shows its text and HTML; an unknown id is 404; a bad cursor is 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/demo-mailbox/${ids[0]}`, headers });
    assert.equal(res.statusCode, 200);
    const m = res.json();
    assert.equal(m.to, 'gerda@example.org');
    assert.match(m.text, /^Beste Gerda Bos,/);
    assert.match(m.html, /<p>Beste Gerda Bos,<\/p>/);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/v1/demo-mailbox/00000000-0000-4000-8000-000000000000', headers })).statusCode,
      404,
    );
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/demo-mailbox?cursor=nonsense', headers })).statusCode, 400);
  });

  test('each message names its case, and one message lists its attachments (documents on the case)', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/demo-mailbox', headers })).json().items;
    assert.ok(
      list.every((m: { caseReference: string | null }) => /^[A-Z]+-\d{4}-\d+$/.test(m.caseReference ?? '')),
      JSON.stringify(list),
    );
    const plain = (await t.app.inject({ method: 'GET', url: `/api/v1/demo-mailbox/${ids[0]}`, headers })).json();
    assert.deepEqual(plain.attachments, []);
    assert.equal(plain.caseReference, list[0].caseReference);

    const caseId = list[0].caseId as string;
    const doc = await addDocument(t.services, SYSTEM_ACTOR, caseId, {
      filename: 'brief.txt',
      mediaType: 'text/plain',
      docType: 'letter',
      content: Readable.from(Buffer.from('Uw brief')),
    });
    const withAttachment = await runCommand(t.services, SYSTEM_ACTOR, (ctx) =>
      enqueueMessage(ctx, {
        caseId,
        template: 'autoClose',
        recipientRole: 'complainant',
        to: { address: 'gerda@example.org', name: 'Gerda Bos' },
        vars: { complainantName: 'Gerda Bos', organisationPhone: '088', caseReference: 'x' },
        idempotencyKey: `${caseId}:attachment`,
        attachments: [doc.id],
      }),
    );
    const m = (await t.app.inject({ method: 'GET', url: `/api/v1/demo-mailbox/${withAttachment}`, headers })).json();
    assert.deepEqual(m.attachments, [{ id: doc.id, filename: 'brief.txt', mediaType: 'text/plain', sizeBytes: 8 }]);
  });

  test('login options tell the app the demo mailbox exists', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/login-options' })).json().demoMailbox, true);
  });

  test('the mailbox needs a login', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/demo-mailbox' })).statusCode, 401);
  });
});

describe("a case's messages", () => {
  let t: App;
  let headers: Record<string, string>;
  let caseId: string;
  let ids: string[];
  before(async () => {
    t = await createTestApp();
    headers = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] }));
    ({ caseId, ids } = await caseWithMessages(t, headers, 2));
    await sendDueMessages(t.services, demoMailbox(), 'klachten@voorbeeld.example', { batch: 1 });
  });
  after(() => t.close());

  test('lists sent and queued messages newest first, without their text', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/messages`, headers });
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items;
    assert.deepEqual(
      items.map((m: { id: string }) => m.id),
      [...ids].reverse(),
    );
    assert.deepEqual(
      items.map((m: { status: string }) => m.status),
      ['pending', 'sent'],
    );
    assert.equal(items[1].template, 'autoClose');
    assert.equal(items[1].lastError, null);
    assert.equal(items[1].text, undefined);
  });

  test("a department member outside the case's scope gets 404, an administrator 403", async () => {
    const outsider = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['department'] }));
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/messages`, headers: outsider })).statusCode, 404);
    const admin = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['administrator'] }));
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/messages`, headers: admin })).statusCode, 403);
  });

  test('outside DEMO mode there is no demo mailbox', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/demo-mailbox', headers })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/login-options' })).json().demoMailbox, false);
  });
});
