import type { ImapFlowOptions } from 'imapflow';
import type { Services } from '../../commands/context.ts';
import type { Job } from '../../jobs/runner.ts';
import { storeRawMessage } from './store.ts';

/**
 * Reads a mailbox by IMAP: each unseen message's raw source is stored (storeRawMessage), and only
 * after that committed is it flagged \Seen. A crash in between leaves it unseen; the next run reads
 * it again, and its source reference (mailbox, UIDVALIDITY, UID) makes the second store a no-op.
 * The source is fetched with BODY.PEEK, so fetching alone never marks it seen.
 *
 * Unseen is the mailbox's only bookkeeping, so give the reader a mailbox (or folder) of its own:
 * a person who opens a message there in their mail program marks it seen before it was imported.
 */
export type ImapConfig = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
};

/** At most this many messages per run; the runner runs again at once while there are more. */
const BATCH = 25;

export async function readMailbox(
  services: Services,
  config: ImapConfig,
  opts: { batch?: number; clientOptions?: Partial<ImapFlowOptions> } = {},
): Promise<number> {
  // Loaded on first use (a sixth of a second): only an installation that reads an IMAP mailbox needs it.
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: { user: config.user, pass: config.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    ...opts.clientOptions,
  });
  // A dropped connection surfaces as an error on the client; the run then fails and is retried.
  client.on('error', () => undefined);
  await client.connect();
  let handled = 0;
  try {
    const lock = await client.getMailboxLock(config.mailbox);
    try {
      const mailbox = client.mailbox;
      const uidValidity = mailbox ? String(mailbox.uidValidity) : '0';
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids.sort((a, b) => a - b).slice(0, opts.batch ?? BATCH)) {
        const msg = await client.fetchOne(String(uid), { source: true, uid: true }, { uid: true });
        if (!msg || !msg.source) continue;
        const sourceRef = `imap://${encodeURIComponent(config.user)}@${config.host}/${encodeURIComponent(config.mailbox)};UIDVALIDITY=${uidValidity}/;UID=${uid}`;
        await storeRawMessage(services, msg.source, 'imap', { sourceRef });
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        handled++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return handled;
}

export function createImapReaderJob(config: ImapConfig, intervalMs = 60_000): Job {
  return { name: 'imapReader', intervalMs, run: (services) => readMailbox(services, config) };
}
