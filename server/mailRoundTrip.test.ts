import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { readEnv } from './config/env.ts';
import { startServer } from './server.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

test('the running server: a reply by e-mail lands on the case and resumes it; the request went out by the outbox', {
  timeout: 90_000,
}, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mail-'));
  const smtpPort = await freePort();
  const env = readEnv({
    DATA_DIR: dataDir,
    DEMO: '1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    INBOUND_SMTP_PORT: String(smtpPort),
    PUBLIC_URL: 'http://klachten.test',
  });
  const server = await startServer(env, { logger: false });
  try {
    const base = server.address.replace('[::1]', '127.0.0.1');
    const users = (await (await fetch(`${base}/api/v1/login-options`)).json()).demoUsers;
    const agent = users.find((u: { name: string }) => u.name === 'Sanne de Vries');
    const login = await fetch(`${base}/api/v1/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: agent.id }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = await login.json();
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const c = await (
      await fetch(`${base}/api/v1/cases`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          subject: 'Geen antwoord',
          description: 'Ik hoor niets.',
          channel: 'phone',
          complainant: { name: 'Fenna de Wit', email: 'fenna@example.org' },
        }),
      })
    ).json();
    const req = await fetch(`${base}/api/v1/cases/${c.id}/transitions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ transition: 'requestInformation', inputs: { informationRequested: 'Wat is uw klantnummer?' } }),
    });
    assert.equal(req.status, 200);

    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await mailer.sendMail({
      from: 'Fenna de Wit <Fenna@Example.org>',
      to: 'klachten@klachten.test',
      subject: `Antw: Wij hebben meer informatie nodig (${c.reference})`,
      text: 'Mijn klantnummer is 4711.',
    });

    let detail: { status: string; activities: { subject: string; channel: string }[] } | undefined;
    for (let i = 0; i < 60; i++) {
      detail = await (await fetch(`${base}/api/v1/cases/${c.id}`, { headers })).json();
      if (detail!.status === 'registered') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(detail!.status, 'registered', 'the reply resumed the case');
    assert.ok(
      detail!.activities.some((a) => a.channel === 'email'),
      'the reply is an activity on the case',
    );
    // The sender runs every few seconds: wait for it rather than assume it already ran.
    let sent = false;
    for (let i = 0; i < 40 && !sent; i++) {
      const messages = (await (await fetch(`${base}/api/v1/cases/${c.id}/messages`, { headers })).json()).items;
      sent = messages.some((m: { template: string; status: string }) => m.template === 'informationRequest' && m.status === 'sent');
      if (!sent) await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(sent, 'the information request went out through the outbox');
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
