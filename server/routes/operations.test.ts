import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { buildApp } from '../app.ts';
import { runCommand, SYSTEM_ACTOR } from '../commands/context.ts';
import { sendDueMessages } from '../jobs/outboxSender.ts';
import { enqueueMessage } from '../mail/outbox.ts';
import { startTestS3 } from '../test/s3Server.ts';
import { s3Storage } from '../storage/s3Storage.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * Operations (issue 13, point 7): an installation with its documents in S3-compatible storage,
 * watched through /metrics and the health checks, as a load balancer and Prometheus would.
 */
const TOKEN = 'metrics-token-for-tests-0123456789';
let s3: Awaited<ReturnType<typeof startTestS3>>;
let t: Awaited<ReturnType<typeof createTestApp>>;
let headers: Record<string, string>;
let caseId: string;

before(async () => {
  s3 = await startTestS3();
  t = await createTestApp({ storage: s3Storage(s3.config), metricsToken: TOKEN });
  const agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  headers = await loginHeaders(t.services, agent);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers,
    payload: { subject: 'Brief over parkeervergunning', channel: 'letter', complainant: { name: 'Gerda' } },
  });
  caseId = res.json().id;
  // A mail waiting in the outbox, due a minute ago by the time Prometheus looks.
  await runCommand(t.services, SYSTEM_ACTOR, (ctx) =>
    enqueueMessage(ctx, {
      caseId,
      template: 'autoClose',
      recipientRole: 'complainant',
      to: { address: 'gerda@example.org', name: 'Gerda' },
      vars: { complainantName: 'Gerda', organisationPhone: '088 123 45 67', caseReference: 'KL-1' },
      idempotencyKey: 'operations-test',
    }),
  );
  t.clock.advance(60_000);
});
after(async () => {
  await t.close();
  await s3.close();
});

const scrape = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/);
  return res.body;
};
/** The value of the sample whose line starts with name and holds every label given. */
const sample = (body: string, name: string, labels: Record<string, string> = {}) => {
  const line = body
    .split('\n')
    .find(
      (l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

test('a document uploaded to a case lands in the S3 bucket and reads back the same', async () => {
  const content = Buffer.from('%PDF-1.4\n% scan van de brief\n');
  const boundary = `----kf${randomBytes(6).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="docType"\r\n\r\nscan\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="brief.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    payload,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  assert.equal(up.statusCode, 201, up.body);
  const row = await t.services.db.selectFrom('document').select('storage_key').where('id', '=', up.json().id).executeTakeFirstOrThrow();
  const client = new S3Client(s3.clientConfig);
  const head = await client.send(new HeadObjectCommand({ Bucket: s3.config.bucket, Key: row.storage_key }));
  client.destroy();
  assert.equal(head.ContentLength, content.length);
  const down = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${up.json().id}/content`, headers });
  assert.equal(down.statusCode, 200);
  assert.deepEqual(down.rawPayload, content);
});

test('/metrics needs the bearer token', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
  const wrong = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}x` } });
  assert.equal(wrong.statusCode, 401);
  assert.doesNotMatch(wrong.body, /klachtflow_/);
});

test('a request is timed under its route pattern, never its URL; the outbox backlog and a failed attempt show', async () => {
  const secret = randomBytes(32).toString('base64url');
  await t.app.inject({ method: 'GET', url: `/api/v1/portal/cases/${secret}` });
  await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers });
  const body = await scrape();
  assert.ok(
    sample(body, 'klachtflow_http_request_duration_seconds_count', { route: '/api/v1/cases/:id', method: 'GET', status_class: '2xx' })! >=
      1,
  );
  assert.ok(sample(body, 'klachtflow_http_request_duration_seconds_count', { route: '/api/v1/portal/cases/:token', method: 'GET' })! >= 1);
  assert.ok(!body.includes(secret) && !body.includes(caseId), 'no URL, token or id in the metrics');

  const pending = await t.services.db.selectFrom('outbox_message').select('id').where('status', '=', 'pending').execute();
  assert.ok(pending.length >= 1);
  assert.equal(sample(body, 'klachtflow_outbox_pending_messages'), pending.length);
  assert.equal(sample(body, 'klachtflow_outbox_oldest_due_seconds'), 60);
  assert.equal(sample(body, 'klachtflow_database_up'), 1);
  assert.ok(sample(body, 'klachtflow_queue_open_activities', { team: 'kcc' }) !== undefined, 'every team has its queue depth');

  // The SMTP server refuses: the attempt counts as a failure to retry (counters are read live).
  const before = sample(body, 'klachtflow_outbox_send_failures_total', { outcome: 'retry' })!;
  const refusing = { kind: 'smtp' as const, send: () => Promise.reject(Object.assign(new Error('421 try later'), { responseCode: 421 })) };
  await sendDueMessages(t.services, refusing, 'klachten@example.org');
  assert.equal(sample(await scrape(), 'klachtflow_outbox_send_failures_total', { outcome: 'retry' }), before + pending.length);
});

test('an installation without METRICS_TOKEN has no /metrics; a demo is ready with its demo mailbox', async () => {
  const demo = await buildApp({
    services: t.services,
    env: {
      demo: true,
      sessionTtlHours: 1,
      cookieSecure: false,
      publicUrl: 'http://x',
      oidc: undefined,
      smtp: undefined,
      logLevel: 'silent',
    },
    logger: false,
  });
  try {
    const metrics = await demo.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(metrics.statusCode, 404, 'fail closed: nothing to guess a token for');
    const ready = await demo.inject({ method: 'GET', url: '/api/v1/health/ready' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ok', checks: { database: 'ok', mail: 'demoMailbox' } });
  } finally {
    await demo.close();
  }
});

// Last: it closes the database.
test('when the database is gone, ready fails and live still answers; the old /health stays for load balancers', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode, 200);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode, 200);
  const close = t.database.close;
  let closed: Promise<void> | undefined;
  t.database.close = () => (closed ??= close()); // once: after() closes it again
  await t.database.close();
  const down = await t.app.inject({ method: 'GET', url: '/api/v1/health/ready' });
  assert.equal(down.statusCode, 503);
  assert.equal(down.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(down.json().status, 503);
  assert.deepEqual(down.json().checks, { database: 'unavailable', mail: 'notConfigured' });
  const live = await t.app.inject({ method: 'GET', url: '/api/v1/health/live' });
  assert.equal(live.statusCode, 200);
  assert.deepEqual(live.json(), { status: 'ok' });
});
