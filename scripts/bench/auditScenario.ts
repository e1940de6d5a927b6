import { sql } from 'kysely';
import { appendAudit, canonicalContent } from '../../server/audit/auditChain.ts';
import { verifyChain } from '../../server/audit/verifyChain.ts';
import { openDatabase, type Database } from '../../server/db/connect.ts';

/**
 * (m) The audit log's write (issue 13 point 4: at most 2 ms p95 per request on the case detail).
 * Every audited request adds exactly one append (auditHook.ts: one statement that moves the chain
 * head and inserts the entry), so its own latency is the request's added cost:
 * - m1: one writer, appends one after another, as one request after another does;
 * - m2: two instances (two pools) with 4 writers each at once: they queue on the chain-head row,
 *   so this shows what serialising the chain costs under load;
 * - the time `npm run audit:check` takes to recompute the whole chain.
 * The entries are real ones (a bench actor reading bench cases) and leave the chain intact.
 */
export const AUDIT_TARGET_MS = 2;
export type AuditFigure = {
  /** A read's entry, as the case detail writes it (no wait for the WAL flush). */
  single: Lat;
  /** A change's entry: its commit waits for the disk like the change's own did. */
  durable: Lat;
  /** A bare `select 1` over the same pool: the round trip every statement pays on this machine now. */
  roundTrip: Lat;
  /** The append's execution inside PostgreSQL (EXPLAIN ANALYZE), without the network or the client. */
  inDatabase: Lat;
  contended: Lat & { perSecond: number };
  check: { entries: number; ms: number; breaks: number };
};
type Lat = { count: number; p50: number; p95: number; p99: number };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const stats = (ms: number[]): Lat => {
  const s = [...ms].sort((a, b) => a - b);
  return { count: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99) };
};

export async function measureAuditWrite(x: {
  url: string;
  db: Database;
  actorId: string;
  cases: { id: string }[];
  appends: number;
  log: (line: string) => void;
}): Promise<AuditFigure> {
  let k = 0;
  const entry = () => {
    const c = x.cases[k++ % x.cases.length]!;
    return {
      at: new Date(),
      actorKind: 'staff' as const,
      actorId: x.actorId,
      action: 'case.read',
      caseId: c.id,
      personIds: [],
      objectId: null,
      ip: '127.0.0.1',
    };
  };
  x.log(`measuring m: ${x.appends} audit appends one after another, then 2 instances × 4 writers at once`);
  for (let i = 0; i < 50; i++) await appendAudit(x.db, entry(), { durable: false }); // warm-up
  const single: number[] = [];
  for (let i = 0; i < x.appends; i++) {
    const t0 = performance.now();
    await appendAudit(x.db, entry(), { durable: false });
    single.push(performance.now() - t0);
  }
  const durable: number[] = [];
  for (let i = 0; i < Math.min(500, x.appends); i++) {
    const t0 = performance.now();
    await appendAudit(x.db, entry(), { durable: true });
    durable.push(performance.now() - t0);
  }

  const roundTrip: number[] = [];
  for (let i = 0; i < x.appends; i++) {
    const t0 = performance.now();
    await sql`select 1`.execute(x.db);
    roundTrip.push(performance.now() - t0);
  }
  // The same statement as appendAudit, under EXPLAIN ANALYZE (it runs, and appends): PostgreSQL's own time.
  const inDatabase: number[] = [];
  for (let i = 0; i < Math.min(500, x.appends); i++) {
    const r = entry();
    const plan = await sql<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>`
      explain (analyze, format json)
      with head as (
        update audit_chain_head set seq = seq + 1,
               hash = sha256(hash || convert_to((seq + 1)::text || ${canonicalContent(r)}, 'UTF8'))
         returning seq, hash)
      insert into audit_entry (seq, at, actor_kind, actor_id, action, case_id, person_ids, object_id, ip, hash)
      select head.seq, ${r.at}, ${r.actorKind}, ${r.actorId}, ${r.action}, ${r.caseId}, ${sql`${r.personIds}::uuid[]`}, ${r.objectId}, ${r.ip}, head.hash
        from head`.execute(x.db);
    inDatabase.push(plan.rows[0]!['QUERY PLAN'][0]['Execution Time']);
  }

  const instances = await Promise.all([0, 1].map(() => openDatabase({ databaseUrl: x.url, poolSize: 4 })));
  const contended: number[] = [];
  const started = performance.now();
  try {
    let issued = 0;
    await Promise.all(
      instances.flatMap((inst) =>
        Array.from({ length: 4 }, async () => {
          while (issued++ < x.appends) {
            const t0 = performance.now();
            await appendAudit(inst.db, entry(), { durable: false });
            contended.push(performance.now() - t0);
          }
        }),
      ),
    );
  } finally {
    await Promise.all(instances.map((i) => i.close()));
  }
  const seconds = (performance.now() - started) / 1000;

  const t0 = performance.now();
  const report = await verifyChain(x.db);
  return {
    single: stats(single),
    durable: stats(durable),
    roundTrip: stats(roundTrip),
    inDatabase: stats(inDatabase),
    contended: { ...stats(contended), perSecond: contended.length / seconds },
    check: { entries: report.checked, ms: performance.now() - t0, breaks: report.breaks.length },
  };
}

export function reportAuditWrite(f: AuditFigure | null, log: (line: string) => void) {
  if (!f) return;
  const n = (v: number) => v.toFixed(2).padStart(7);
  log('\nm  audit log write (one append per audited request; target: p95 < 2 ms per request)');
  log(
    `  a read (case detail) n ${String(f.single.count).padStart(5)}  p50 ${n(f.single.p50)}  p95 ${n(f.single.p95)}  p99 ${n(f.single.p99)} ms  ${f.single.p95 < AUDIT_TARGET_MS ? 'PASS' : 'MISS'}`,
  );
  log(
    `  a change (durable)   n ${String(f.durable.count).padStart(5)}  p50 ${n(f.durable.p50)}  p95 ${n(f.durable.p95)}  p99 ${n(f.durable.p99)} ms  waits for the WAL flush, like the change itself`,
  );
  log(
    `  select 1 (baseline)  n ${String(f.roundTrip.count).padStart(5)}  p50 ${n(f.roundTrip.p50)}  p95 ${n(f.roundTrip.p95)}  p99 ${n(f.roundTrip.p99)} ms  the round trip alone, on this machine now`,
  );
  log(
    `  inside PostgreSQL    n ${String(f.inDatabase.count).padStart(5)}  p50 ${n(f.inDatabase.p50)}  p95 ${n(f.inDatabase.p95)}  p99 ${n(f.inDatabase.p99)} ms  the append's execution (EXPLAIN ANALYZE)`,
  );
  log(
    `  2 instances × 4      n ${String(f.contended.count).padStart(5)}  p50 ${n(f.contended.p50)}  p95 ${n(f.contended.p95)}  p99 ${n(f.contended.p99)} ms  ${f.contended.perSecond.toFixed(0)} appends/s (serialised on the chain head)`,
  );
  log(
    `  audit:check          ${f.check.entries.toLocaleString('en')} entries recomputed in ${(f.check.ms / 1000).toFixed(1)} s, ${f.check.breaks} break(s)`,
  );
}
