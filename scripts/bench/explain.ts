import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Services, StaffActor } from '../../server/commands/context.ts';
import type { DB } from '../../server/db/schema.ts';
import { searchCases } from '../../server/queries/caseSearch.ts';
import { caseDetail, caseTimeline } from '../../server/queries/cases.ts';
import { workQueuePage, type QueueFilter } from '../../server/queries/workQueue.ts';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of exactly the SQL the routes run: the real query functions are called
 * on a Kysely whose log captures each compiled statement with its parameters, which are then
 * explained with the same parameters. No copy of the SQL to drift from the code.
 */
type Captured = { sql: string; params: readonly unknown[] };
export type ExplainInputs = { actor: StaffActor; caseId: string; searches: string[]; queues: Record<string, QueueFilter> };

export async function explainScenarios(url: string, which: Set<string>, inputs: ExplainInputs, out: (line: string) => void) {
  let captured: Captured[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') captured.push({ sql: e.query.sql, params: e.query.parameters });
    },
  });
  // The query functions read only `db` from their services.
  const services = { db } as unknown as Services;
  const capture = async (fn: () => Promise<unknown>) => {
    captured = [];
    const result = await fn();
    return { queries: captured, result };
  };
  try {
    for (const [name, filter] of Object.entries(inputs.queues)) {
      if (!which.has(name)) continue;
      const first = await capture(() => workQueuePage(services, inputs.actor, filter));
      await explainAll(pool, `${name} first page`, first.queries, out);
      const cursor = (first.result as { nextCursor: string | null }).nextCursor;
      if (cursor)
        await explainAll(
          pool,
          `${name} next page`,
          (await capture(() => workQueuePage(services, inputs.actor, { ...filter, cursor }))).queries,
          out,
        );
    }
    if (which.has('b')) {
      await explainAll(pool, 'b case detail', (await capture(() => caseDetail(services, inputs.actor, inputs.caseId))).queries, out);
      await explainAll(
        pool,
        'b timeline',
        (await capture(() => caseTimeline(services, inputs.actor, inputs.caseId, { limit: 100 }))).queries,
        out,
      );
    }
    if (which.has('c')) {
      const all: Captured[] = [];
      for (const q of inputs.searches) all.push(...(await capture(() => searchCases(services, inputs.actor, q, 20))).queries);
      await explainAll(pool, 'c search (one query per term)', all, out);
    }
  } finally {
    await db.destroy();
  }
}

/** One line per statement with its execution time; the full plan of the slowest. */
async function explainAll(pool: pg.Pool, title: string, queries: Captured[], out: (line: string) => void) {
  const plans: { ms: number; plan: string[]; q: Captured }[] = [];
  for (const q of queries) {
    const { rows } = await pool.query(`explain (analyze, buffers) ${q.sql}`, [...q.params]);
    const plan = rows.map((r) => r['QUERY PLAN'] as string);
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? NaN);
    plans.push({ ms, plan, q });
  }
  out(`\n--- EXPLAIN ${title}`);
  for (const p of plans) out(`  ${p.ms.toFixed(2).padStart(8)} ms  ${oneLine(p.q)}`);
  const slowest = plans.reduce((a, b) => (b.ms > a.ms ? b : a), plans[0]!);
  if (!slowest) return;
  out(`  slowest, in full (params ${JSON.stringify(slowest.q.params).slice(0, 200)}):`);
  out(`  ${slowest.q.sql}`);
  for (const line of slowest.plan) out(`    ${line}`);
}

const oneLine = (q: Captured) => {
  const s = q.sql.replace(/\s+/g, ' ');
  return (
    (s.length > 150 ? `${s.slice(0, 150)}…` : s) +
    (q.params.length
      ? `  [${q.params
          .map((p) => String(p))
          .join(', ')
          .slice(0, 80)}]`
      : '')
  );
};
