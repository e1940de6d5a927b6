import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ImapFlow } from 'imapflow';
import type { Services } from '../../commands/context.ts';
import { createTestServices, type TestEnv } from '../../test/harness.ts';
import { sweepInboundMail } from './inboundMailJob.ts';
import { readMailbox, type ImapConfig } from './imapReader.ts';
import { readCorpus, threadingFixture } from './testSupport.ts';

/**
 * Against a real Dovecot, started from a generated configuration in a temp directory (maildir
 * there, plaintext login on loopback, ephemeral port) and stopped afterwards.
 */
const DOVECOT = '/usr/sbin/dovecot';
const haveDovecot = fs.existsSync(DOVECOT);
const fast = { connectionTimeout: 3_000, greetingTimeout: 3_000, socketTimeout: 10_000 };

let env: TestEnv;
let dovecot: { port: number; child: ChildProcess; dir: string } | undefined;
let config: ImapConfig;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Dovecot refuses mail users with uid 0: as root the mailbox belongs to nobody, else to us. */
function identities() {
  if (process.getuid?.() !== 0) {
    const me = os.userInfo();
    return { uid: me.uid, gid: me.gid, internal: me.username, login: me.username };
  }
  const users = fs.readFileSync('/etc/passwd', 'utf8');
  const has = (name: string) => new RegExp(`^${name}:`, 'm').test(users);
  return { uid: 65534, gid: 65534, internal: has('dovecot') ? 'dovecot' : 'nobody', login: has('dovenull') ? 'dovenull' : 'nobody' };
}

async function startDovecot() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-dovecot-'));
  fs.chmodSync(dir, 0o755);
  const id = identities();
  const mail = path.join(dir, 'mail');
  fs.mkdirSync(mail);
  fs.chownSync(mail, id.uid, id.gid);
  const port = await freePort();
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${mail}/%u
first_valid_uid = ${id.uid}
last_valid_uid = 0
default_internal_user = ${id.internal}
default_login_user = ${id.login}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
passdb {
  driver = static
  args = password=geheim
}
userdb {
  driver = static
  args = uid=${id.uid} gid=${id.gid} home=${mail}/%u
}
`,
  );
  const child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore' });
  const log = () => (fs.existsSync(`${dir}/dovecot.log`) ? fs.readFileSync(`${dir}/dovecot.log`, 'utf8') : '(no log)');
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, child, dir };
}

async function withClient<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: dovecot!.port,
    secure: false,
    auth: { user: config.user, pass: config.password },
    logger: false,
    ...fast,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout();
  }
}
const seenFlags = () =>
  withClient(async (client) => {
    await client.mailboxOpen('INBOX');
    const out: boolean[] = [];
    for await (const m of client.fetch('1:*', { flags: true })) out.push(m.flags?.has('\\Seen') ?? false);
    return out;
  });
const imapRows = () =>
  env.services.db.selectFrom('inbound_message').selectAll().where('source', '=', 'imap').orderBy('source_ref').execute();
const read = (services: Services = env.services) => readMailbox(services, config, { clientOptions: fast });

before(async () => {
  if (!haveDovecot) return;
  env = await createTestServices();
  await threadingFixture(env.services);
  dovecot = await startDovecot();
  config = { host: '127.0.0.1', port: dovecot.port, secure: false, user: 'klachten', password: 'geheim', mailbox: 'INBOX' };
});
after(async () => {
  if (dovecot) {
    const exited = new Promise((r) => dovecot!.child.once('exit', r));
    dovecot.child.kill('SIGTERM');
    await exited;
    fs.rmSync(dovecot.dir, { recursive: true, force: true });
  }
  await env?.close();
});

describe('the IMAP reader against Dovecot', { skip: haveDovecot ? false : `${DOVECOT} is not installed` }, () => {
  test('stores each unseen message once, flags it \\Seen, and a second run stores nothing', async () => {
    await withClient(async (client) => {
      await client.append('INBOX', readCorpus('01-nieuwe-klacht-met-pdf.eml'), []);
      await client.append('INBOX', readCorpus('02-antwoord-referentie-in-onderwerp.eml'), []);
    });
    assert.deepEqual(await seenFlags(), [false, false]);
    assert.equal(await read(), 2);
    const rows = await imapRows();
    assert.equal(rows.length, 2);
    assert.ok(
      rows.every(
        (r) => r.status === 'stored' && /^imap:\/\/klachten@127\.0\.0\.1\/INBOX;UIDVALIDITY=\d+\/;UID=[12]$/.test(r.source_ref ?? ''),
      ),
    );
    assert.deepEqual(await seenFlags(), [true, true]);
    assert.equal(await read(), 0);
    assert.equal((await imapRows()).length, 2);
  });

  test('a crash after storing but before \\Seen: read again, stored no second time', async () => {
    await withClient(async (client) => {
      await client.mailboxOpen('INBOX');
      await client.messageFlagsRemove('1', ['\\Seen']);
    });
    assert.equal(await read(), 1);
    assert.equal((await imapRows()).length, 2);
    assert.deepEqual(await seenFlags(), [true, true]);
  });

  test('when storing fails the message stays unseen, to be read on the next run', async () => {
    await withClient((client) => client.append('INBOX', readCorpus('17-base64-utf8.eml'), []));
    const broken: Services = {
      ...env.services,
      storage: { ...env.services.storage, put: async () => Promise.reject(new Error('disk full')) },
    };
    await assert.rejects(read(broken), /disk full/);
    assert.deepEqual(await seenFlags(), [true, true, false]);
    assert.equal(await read(), 1);
    assert.deepEqual(await seenFlags(), [true, true, true]);
  });

  test('what the reader stored is processed like any other mail', async () => {
    await sweepInboundMail(env.services);
    const statuses = (await imapRows()).map((r) => r.status);
    assert.deepEqual(statuses.sort(), ['activity', 'activity', 'linked']);
  });
});
