import type { Services } from '../commands/context.ts';
import { CLOCK_COLUMNS, caseClocks } from '../commands/caseClock.ts';
import type { Job } from './runner.ts';

/**
 * Migration 017 added the stored service-norm deadline but filled it only for cases written after it:
 * open cases from before never sorted or warned by the norm. Working days and holidays live in
 * TypeScript (domain/calendar), so SQL cannot compute it; this job does, with the same function new
 * cases use (caseClocks, as refreshHandlingDeadline). It walks open cases still without one in id
 * order (keyset), a batch per run, and writes only where the column is still empty, so several
 * instances or a restart half-way do no harm. Cases the norm does not apply to stay empty and are
 * passed by the cursor; after the last batch this process checks nothing more.
 */
const BATCH = 200;

export function createNormDeadlineBackfillJob(batch = BATCH): Job {
  let after: string | null = null;
  let done = false;
  return {
    name: 'normDeadlineBackfill',
    intervalMs: 60 * 60_000,
    async run(services) {
      if (done) return 0;
      // An organisation without a service norm has nothing to fill.
      if (!services.org.clocks.serviceNorm) {
        done = true;
        return 0;
      }
      const { handled, last } = await backfillNormDeadlines(services, after, batch);
      after = last ?? after;
      if (handled < batch) done = true;
      return done ? 0 : handled;
    },
  };
}

/** One batch after `after` (an id); exported so that a test can run the whole backfill. */
export async function backfillNormDeadlines(services: Services, after: string | null, batch = BATCH) {
  return services.db.transaction().execute(async (tx) => {
    let q = tx
      .selectFrom('cases')
      .select(['id', ...CLOCK_COLUMNS])
      .where('closed_at', 'is', null)
      .where('norm_deadline', 'is', null)
      .orderBy('id')
      .limit(batch);
    if (after) q = q.where('id', '>', after);
    const rows = await q.execute();
    const now = services.clock.now();
    const today = services.calendar.toDate(now);
    for (const c of rows) {
      const norm = caseClocks(services, c, now).find((k) => k.key === 'serviceNorm');
      if (!norm?.adjustedEnd) continue;
      // A norm already passed counts as warned for, as migration 010 did for the statutory term: the
      // upgrade must not bring a storm of warnings about old cases all at once.
      const passed = norm.adjustedEnd < today;
      await tx
        .updateTable('cases')
        .set({ norm_deadline: norm.adjustedEnd, norm_warn_from: norm.warnFrom ?? null, norm_warned_for: passed ? norm.adjustedEnd : null })
        .where('id', '=', c.id)
        .where('norm_deadline', 'is', null)
        .execute();
    }
    return { handled: rows.length, last: rows.at(-1)?.id ?? null };
  });
}

/** Runs the backfill to the end (tests, and a one-off by hand). */
export async function backfillAllNormDeadlines(services: Services, batch = BATCH) {
  const job = createNormDeadlineBackfillJob(batch);
  while ((await job.run(services)) > 0) {
    /* next batch */
  }
}
