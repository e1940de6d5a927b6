import { sql } from 'kysely';
import type { Services } from '../commands/context.ts';
import type { MailTransport } from '../mail/transport.ts';

/** Does the database answer? Throws when it does not. */
export async function pingDatabase(services: Services): Promise<void> {
  await sql`select 1`.execute(services.db);
}

export type CheckResult = 'ok' | 'unavailable';
export type MailCheck = CheckResult | 'demoMailbox' | 'notConfigured';
export type Readiness = { ready: boolean; checks: { database: CheckResult; mail: MailCheck } };

const DATABASE_TIMEOUT_MS = 3_000;
const SMTP_TIMEOUT_MS = 5_000;
/** Probes come every few seconds from every load balancer; one SMTP handshake per half minute is enough. */
const SMTP_CACHE_MS = 30_000;

/**
 * Can this instance serve: the database answers within its timeout, and the SMTP server accepts a
 * connection (nodemailer's verify: connect, greet, log in) when SMTP is configured. The demo mailbox
 * has nothing to reach. A hung dependency is a failed check after its timeout, never a hung probe.
 */
export function readinessCheck(services: Services, transport: MailTransport | undefined, demo: boolean) {
  let smtp: { at: number; result: Promise<CheckResult> } | undefined;
  const mail = (): Promise<MailCheck> => {
    if (!transport) return Promise.resolve(demo ? 'demoMailbox' : 'notConfigured');
    if (transport.kind === 'demoMailbox' || !transport.verify) return Promise.resolve('demoMailbox');
    const verify = transport.verify;
    // The cache runs on the process's own time: it spaces out handshakes, it is not case time.
    const at = performance.now();
    if (!smtp || at - smtp.at > SMTP_CACHE_MS) smtp = { at, result: passes(verify(), SMTP_TIMEOUT_MS) };
    return smtp.result;
  };
  return async (): Promise<Readiness> => {
    const [database, mailResult] = await Promise.all([passes(pingDatabase(services), DATABASE_TIMEOUT_MS), mail()]);
    return { ready: database === 'ok' && mailResult !== 'unavailable', checks: { database, mail: mailResult } };
  };
}

function passes(p: Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve('unavailable'), timeoutMs);
  });
  return Promise.race([
    p.then(
      (): CheckResult => 'ok',
      (): CheckResult => 'unavailable',
    ),
    timeout,
  ]).finally(() => clearTimeout(timer));
}
