import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Services } from '../../commands/context.ts';
import { createTestServices, type TestEnv } from '../../test/harness.ts';
import { startSmtpListener } from './smtpListener.ts';
import { readCorpus, sendRaw } from './testSupport.ts';

let env: TestEnv;
before(async () => {
  env = await createTestServices();
});
after(() => env.close());

const rows = async () => await env.services.db.selectFrom('inbound_message').select(['id', 'status', 'source']).execute();
const config = { host: '127.0.0.1', port: 0, domains: ['voorbeeld.example'], maxBytes: 64 * 1024 };
const smtpCode = async (p: Promise<unknown>) => {
  try {
    await p;
    return 250;
  } catch (err) {
    return (err as { responseCode?: number }).responseCode;
  }
};

describe('the inbound SMTP listener', () => {
  test('answers 250 only with the message stored; the row is there when the sender hears it', async () => {
    const listener = await startSmtpListener(env.services, config);
    try {
      const id = await sendRaw(listener.port, readCorpus('02-antwoord-referentie-in-onderwerp.eml'));
      const row = await env.services.db.selectFrom('inbound_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([row.status, row.source, row.message_id], ['stored', 'smtp', 'CAF5678.antwoord@mail.example.nl']);
    } finally {
      await listener.close();
    }
  });

  test('answers 451 when storing fails, so the sending server keeps the mail and retries', async () => {
    const broken: Services = {
      ...env.services,
      storage: { ...env.services.storage, put: async () => Promise.reject(new Error('disk full')) },
    };
    const listener = await startSmtpListener(broken, config);
    const before = (await rows()).length;
    try {
      assert.equal(await smtpCode(sendRaw(listener.port, readCorpus('19-zonder-message-id.eml'))), 451);
      assert.equal((await rows()).length, before, 'nothing half-stored');
    } finally {
      await listener.close();
    }
    const healthy = await startSmtpListener(env.services, config);
    try {
      await sendRaw(healthy.port, readCorpus('19-zonder-message-id.eml'));
      assert.equal((await rows()).length, before + 1, 'the retry lands');
    } finally {
      await healthy.close();
    }
  });

  test('refuses recipients outside its domains (550) and messages over the size limit (552)', async () => {
    const listener = await startSmtpListener(env.services, config);
    const before = (await rows()).length;
    try {
      const raw = readCorpus('19-zonder-message-id.eml');
      assert.equal(await smtpCode(sendRaw(listener.port, raw, { from: 'a@example.nl', to: ['iemand@elders.example'] })), 550);
      const huge = Buffer.concat([raw, Buffer.from('x'.repeat(100 * 1024))]);
      assert.equal(await smtpCode(sendRaw(listener.port, huge)), 552);
      assert.equal((await rows()).length, before);
    } finally {
      await listener.close();
    }
  });

  test('close() stops listening', async () => {
    const listener = await startSmtpListener(env.services, config);
    await listener.close();
    const code = await smtpCode(sendRaw(listener.port, readCorpus('19-zonder-message-id.eml')));
    assert.notEqual(code, 250);
  });
});
