import type { Services } from '../commands/context.ts';

/**
 * What operators watch, read from the database for /metrics. Every query reads a partial index of
 * unfinished work only (open activities, pending mail, pending timers, stored inbound mail), so the
 * cost follows the backlog, never the register: a scrape on a database of a million cases reads
 * what is waiting, not what is done.
 */
export type OperationsFigures = {
  /** Open activities per team key; work with no team counts under null. Every team appears, also with 0. */
  openActivities: { team: string | null; count: number }[];
  outbox: { pending: number; retrying: number; oldestDueAt: Date | null; failedRecently: number };
  timers: { oldestDueAt: Date | null };
  inbound: { waiting: number; oldestWaitingAt: Date | null };
};

/** Failed outbox messages are counted over this window through the outbox_recent index (created_at). */
export const FAILED_WINDOW_MS = 24 * 3600_000;

export async function operationsFigures(services: Services): Promise<OperationsFigures> {
  const db = services.db;
  const now = services.clock.now();
  const [perTeam, teams, outbox, failed, timer, inbound] = await Promise.all([
    // activity_open_team: (assignee_team_id, …) where status in ('open', 'inProgress').
    db
      .selectFrom('activity')
      .select(['assignee_team_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('status', 'in', ['open', 'inProgress'])
      .groupBy('assignee_team_id')
      .execute(),
    db.selectFrom('team').select(['id', 'key']).execute(),
    // outbox_due: (next_attempt_at) where status = 'pending'.
    db
      .selectFrom('outbox_message')
      .select((eb) => [
        eb.fn.countAll<string>().as('pending'),
        eb.fn.countAll<string>().filterWhere('attempts', '>', 0).as('retrying'),
        eb.fn.min('next_attempt_at').as('oldest'),
      ])
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
    // outbox_recent: (created_at desc, id desc); a day of mail, not the whole history.
    db
      .selectFrom('outbox_message')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('created_at', '>', new Date(now.getTime() - FAILED_WINDOW_MS))
      .where('status', '=', 'failed')
      .executeTakeFirstOrThrow(),
    // timer_due: (fires_at) where status = 'pending'.
    db
      .selectFrom('timer')
      .select((eb) => eb.fn.min('fires_at').as('oldest'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
    // inbound_message_pending: (received_at, id) where status = 'stored'.
    db
      .selectFrom('inbound_message')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('received_at').as('oldest')])
      .where('status', '=', 'stored')
      .executeTakeFirstOrThrow(),
  ]);
  const counts = new Map(perTeam.map((r) => [r.assignee_team_id, Number(r.n)]));
  const keyOf = new Map(teams.map((t) => [t.id, t.key]));
  const openActivities = teams.map((t) => ({ team: t.key as string | null, count: counts.get(t.id) ?? 0 }));
  // Work for a team that no longer exists cannot happen (foreign key); without a team it is null.
  openActivities.push({ team: null, count: [...counts].filter(([id]) => !id || !keyOf.has(id)).reduce((n, [, c]) => n + c, 0) });
  return {
    openActivities,
    outbox: {
      pending: Number(outbox.pending),
      retrying: Number(outbox.retrying),
      oldestDueAt: toDate(outbox.oldest),
      failedRecently: Number(failed.n),
    },
    timers: { oldestDueAt: toDate(timer.oldest) },
    inbound: { waiting: Number(inbound.n), oldestWaitingAt: toDate(inbound.oldest) },
  };
}

const toDate = (v: unknown) => (v == null ? null : new Date(v as string | Date));
