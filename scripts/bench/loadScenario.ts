import { randomInt } from 'node:crypto';
import { rssMb } from './memory.ts';
import { type Recorder, type Stats, summarise, timed } from './measure.ts';

/**
 * (l) Load held: many staff users at work at once, plus citizens filing complaints through the
 * portal at a steady rate, for minutes. Each simulated user thinks (exponentially, mean THINK_MS)
 * between actions, as a person reading a screen does; the portal runs open-loop (a submission
 * every 1/rate s whatever the server's speed), so a slow server cannot slow its own load down.
 * Reports p99 per route, every error, and the server's resident memory.
 */
const THINK_MS = 3000;
// What a handler's day consists of: mostly reading queues and cases, some searching, some writing.
const ACTIONS = [
  { weight: 30, name: 'queue' },
  { weight: 30, name: 'case' },
  { weight: 15, name: 'search' },
  { weight: 10, name: 'mine' },
  { weight: 15, name: 'note' },
] as const;
const TOTAL_WEIGHT = ACTIONS.reduce((n, a) => n + a.weight, 0);

export type LoadContext = {
  base: string;
  /** Request headers of staff sessions (coordinators and handlers), shared out over the simulated users. */
  staff: Record<string, string>[];
  cases: { id: string }[];
  /** Open cases, where a note is a normal step. */
  openCases: { id: string }[];
  searches: string[];
  users: number;
  portalPerSecond: number;
  seconds: number;
  serverPid: number | undefined;
  log: (line: string) => void;
};
export type LoadFigure = {
  rows: Map<string, Stats>;
  users: number;
  portalPerSecond: number;
  seconds: number;
  errors: number;
  rssStartMb: number;
  rssMaxMb: number;
};

const pick = () => {
  let n = randomInt(TOTAL_WEIGHT);
  for (const a of ACTIONS) {
    n -= a.weight;
    if (n < 0) return a.name;
  }
  return ACTIONS[0].name;
};
const think = () => new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * THINK_MS));
const any = <T>(list: readonly T[]) => list[randomInt(list.length)]!;

export async function measureLoad(x: LoadContext): Promise<LoadFigure> {
  x.log(
    `measuring l: ${x.users} staff users (think time ${THINK_MS / 1000} s) and ${x.portalPerSecond} portal complaints/s for ${x.seconds} s`,
  );
  const samples = new Map<string, { ms: number[]; errors: number }>();
  const rec: Recorder = (row, ms, ok) => {
    const s = samples.get(row) ?? samples.set(row, { ms: [], errors: 0 }).get(row)!;
    if (ok) s.ms.push(ms);
    else s.errors++;
  };
  const rssStartMb = rssMb(x.serverPid);
  let rssMaxMb = rssStartMb;
  const sampler = setInterval(() => {
    rssMaxMb = Math.max(rssMaxMb, rssMb(x.serverPid));
  }, 1000);
  const started = performance.now();
  const deadline = started + x.seconds * 1000;

  const user = async (headers: Record<string, string>) => {
    const get = { headers };
    // Users start spread over one think time, not all in the same millisecond.
    await think();
    while (performance.now() < deadline) {
      const action = pick();
      if (action === 'queue') {
        const first = (await timed(rec, 'GET /activities (team queue)', `${x.base}/activities?queue=team&limit=25`, get)) as {
          nextCursor?: string | null;
        };
        if (first?.nextCursor && randomInt(3) === 0) {
          const next = `${x.base}/activities?queue=team&limit=25&cursor=${encodeURIComponent(first.nextCursor)}`;
          await timed(rec, 'GET /activities (next page)', next, get);
        }
      } else if (action === 'mine') {
        await timed(rec, 'GET /activities (my queue)', `${x.base}/activities?queue=mine&limit=25`, get);
      } else if (action === 'case') {
        const c = any(x.cases);
        await timed(rec, 'GET /cases/{id}', `${x.base}/cases/${c.id}`, get);
        await timed(rec, 'GET /cases/{id}/timeline', `${x.base}/cases/${c.id}/timeline`, get);
      } else if (action === 'search') {
        const body = { q: any(x.searches), limit: 20 };
        await timed(rec, 'POST /case-searches', `${x.base}/case-searches`, { method: 'POST', headers, body });
      } else {
        const c = any(x.openCases);
        const body = { body: 'Teruggebeld: klant wacht nog op de beslissing. Afspraak gemaakt om donderdag opnieuw te bellen.' };
        await timed(rec, 'POST /cases/{id}/notes', `${x.base}/cases/${c.id}/notes`, { method: 'POST', headers, body });
      }
      await think();
    }
  };

  // Citizens: a complaint every 1/rate s, each from its own address (the portal limits per address).
  const portal = async () => {
    const interval = 1000 / x.portalPerSecond;
    const pending: Promise<unknown>[] = [];
    for (let n = 0; performance.now() < deadline; n++) {
      const due = started + n * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const headers = { 'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}` };
      const body = {
        kind: 'complaint',
        subject: 'Niemand belt mij terug',
        description: `Ik heb drie keer gebeld over mijn aanvraag en niemand belt terug (${n}).`,
        contactPreference: 'email',
        name: 'Evi Jangha',
        email: `burger${n}@example.org`,
        privacyAccepted: true,
      };
      pending.push(timed(rec, 'POST /portal/complaints', `${x.base}/portal/complaints`, { method: 'POST', headers, body }));
    }
    await Promise.all(pending);
  };

  await Promise.all([...Array.from({ length: x.users }, (_, i) => user(x.staff[i % x.staff.length]!)), portal()]);
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const rows = new Map([...samples].sort(([a], [b]) => a.localeCompare(b)).map(([row, s]) => [row, summarise(s.ms, s.errors, seconds)]));
  const errors = [...rows.values()].reduce((n, s) => n + s.errors, 0);
  return { rows, users: x.users, portalPerSecond: x.portalPerSecond, seconds, errors, rssStartMb, rssMaxMb };
}

export function reportLoad(f: LoadFigure | null, log: (line: string) => void) {
  if (!f) return;
  log(
    `\nl — load held: ${f.users} staff users and ${f.portalPerSecond} portal complaints/s for ${f.seconds.toFixed(0)} s (target: 0 errors)`,
  );
  log(
    `${'route'.padEnd(34)} ${'n'.padStart(7)} ${'err'.padStart(4)} ${'rate/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  );
  for (const [row, s] of f.rows)
    log(
      `${row.padEnd(34)} ${String(s.count).padStart(7)} ${String(s.errors).padStart(4)} ${s.rate.toFixed(1).padStart(7)} ${s.p50.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)}`,
    );
  log(
    `errors: ${f.errors} ${f.errors === 0 ? 'PASS' : 'MISS'}; server memory ${f.rssStartMb.toFixed(0)} MB at the start, ${f.rssMaxMb.toFixed(0)} MB at most`,
  );
}
