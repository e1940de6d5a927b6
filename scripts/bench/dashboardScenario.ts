import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../server/db/connect.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../server/routes/plugins/auth.ts';
import { measure, type Stats, timed } from './measure.ts';

/**
 * (h) The analysis dashboard for a year (issue 12, part 8): GET /api/v1/analysis/dashboard over the
 * twelve whole months before this one, as a service manager (reads every case), over HTTP, one
 * client. The granularity turns (month, quarter, half-year, year) and every fourth request filters
 * on a ground, so no two requests in a row ask the same. Target: p95 < 1 s at 1,000,000 cases.
 */
export const DASHBOARD_TARGET_MS = 1000;

export async function measureDashboard(x: {
  base: string;
  db: Database;
  requests: number;
  serverPid: number | undefined;
  log: (line: string) => void;
}): Promise<{ stats: Stats; cpu: string | null; received: number } | null> {
  const session = await serviceManagerSession(x.db);
  try {
    const now = new Date();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const yearBefore = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1));
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const granularities = ['month', 'quarter', 'halfYear', 'year'];
    const row = 'h  dashboard for a year (service manager)';
    let received = 0;
    let k = 0;
    x.log(`measuring h: ${x.requests} dashboards ${day(yearBefore)} – ${day(monthStart)} as a service manager`);
    const m = await measure(
      { warmup: 3, steps: x.requests, maxSeconds: 120, concurrency: 1, serverPid: x.serverPid },
      () => async (rec) => {
        const i = k++;
        const qs = new URLSearchParams({ from: day(yearBefore), to: day(monthStart), granularity: granularities[i % 4]! });
        if (i % 4 === 3) qs.set('ground', 'conduct');
        const body = (await timed(rec, row, `${x.base}/analysis/dashboard?${qs}`, { headers: session.headers })) as
          | { received: { total: { value: number } } }
          | undefined;
        if (body && i % 4 === 0) received = body.received.total.value;
      },
    );
    const stats = m.rows.get(row);
    return stats ? { stats, cpu: m.cpu, received } : null;
  } finally {
    await x.db.deleteFrom('session').where('id', '=', session.sessionId).execute();
  }
}

export function reportDashboard(h: Awaited<ReturnType<typeof measureDashboard>>, log: (line: string) => void) {
  if (!h) return;
  const s = h.stats;
  const pass = s.errors === 0 && s.p95 < DASHBOARD_TARGET_MS;
  log(
    `\nh  dashboard for a year (${h.received.toLocaleString('en')} cases received in it): n ${s.count}, errors ${s.errors}, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms  target p95 < ${DASHBOARD_TARGET_MS} ms  ${pass ? 'PASS' : 'MISS'}${h.cpu ? `\n   CPU ms per request: ${h.cpu}` : ''}`,
  );
}

/** A service manager's session, made as the login makes one; the benchmark's staff has one added if missing. */
async function serviceManagerSession(db: Database) {
  let user = await db
    .selectFrom('staff_user')
    .select('id')
    .where(sql<boolean>`'serviceManager' = any(roles)`)
    .where('active', '=', true)
    .orderBy('email')
    .executeTakeFirst();
  if (!user)
    user = await db
      .insertInto('staff_user')
      .values({ email: 'marieke.vos@bench.example', name: 'Marieke Vos', roles: ['serviceManager'] })
      .returning('id')
      .executeTakeFirstOrThrow();
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const sessionId = createHash('sha256').update(token).digest('base64url');
  await db
    .insertInto('session')
    .values({ id: sessionId, user_id: user.id, csrf_token: csrf, expires_at: new Date(Date.now() + 2 * 3600_000) })
    .execute();
  return { sessionId, headers: { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrf } };
}
