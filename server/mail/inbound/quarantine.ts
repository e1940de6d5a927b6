import { sql } from 'kysely';
import { runCommand, SYSTEM_ACTOR, type CommandContext, type Services, type StaffActor } from '../../commands/context.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { recordRetentionEvent } from '../../retention/retentionEvents.ts';

/**
 * Quarantined incoming mail (processor.ts: unparseable or malformed, or failing processing five
 * times) for staff with mail:quarantine: listed with its reason, released (processed as normal by
 * the inbound job, its fault overlooked) or deleted, and purged after the organisation's period
 * (retention.quarantineDays, from the day it was quarantined). Each step is a retention_event.
 */
const DAY_MS = 24 * 3600_000;

export async function listQuarantinedMail(services: Services) {
  const days = services.org.retention.quarantineDays;
  const rows = await services.db
    .selectFrom('inbound_message')
    .select(['id', 'received_at', 'processed_at', 'from_address', 'subject', 'reason', 'size_bytes', 'source'])
    .where('status', '=', 'quarantined')
    .orderBy('processed_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    ...r,
    purge_on: services.calendar.toDate(new Date((r.processed_at ?? r.received_at).getTime() + days * DAY_MS)),
  }));
}

async function quarantined(ctx: CommandContext, id: string) {
  const row = await ctx.tx.selectFrom('inbound_message').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Deze e-mail');
  if (row.status !== 'quarantined') throw conflict('Deze e-mail staat niet (meer) in quarantaine.');
  return row;
}

/** Back to 'stored' with a clean slate: the inbound job processes it as any new mail. */
export async function releaseQuarantinedMail(services: Services, actor: StaffActor, id: string) {
  await runCommand(services, actor, async (ctx) => {
    const row = await quarantined(ctx, id);
    await ctx.tx
      .updateTable('inbound_message')
      .set({ status: 'stored', released_at: ctx.now, released_by: actor.id, attempts: 0, lease_until: null, last_error: null })
      .where('id', '=', id)
      .execute();
    await recordRetentionEvent(ctx, 'mailReleased', { data: { inboundId: id, reason: row.reason } });
  });
}

/** The row goes with the duplicates that point at it (same content); the raw files after commit. */
async function removeMessages(ctx: CommandContext, ids: string[]) {
  if (!ids.length) return [];
  const rows = await ctx.tx
    .selectFrom('inbound_message')
    .select(['id', 'raw_storage_key'])
    .where((w) => w.or([w('id', 'in', ids), w('duplicate_of', 'in', ids)]))
    .execute();
  const all = rows.map((r) => r.id);
  await ctx.tx.deleteFrom('inbound_message').where('duplicate_of', 'in', ids).execute();
  await ctx.tx.deleteFrom('inbound_message').where('id', 'in', all).execute();
  return rows.map((r) => r.raw_storage_key).filter((k) => k !== '');
}

export async function deleteQuarantinedMail(services: Services, actor: StaffActor, id: string) {
  const keys = await runCommand(services, actor, async (ctx) => {
    const row = await quarantined(ctx, id);
    const removed = await removeMessages(ctx, [id]);
    await recordRetentionEvent(ctx, 'mailDeleted', { data: { inboundId: id, reason: row.reason } });
    return removed;
  });
  for (const key of keys) await services.storage.remove(key).catch(() => undefined);
}

/** The purge job's work: quarantined past the period, in SKIP LOCKED batches. */
export async function purgeQuarantinedMail(services: Services, batch = 100): Promise<number> {
  const { keys, count } = await runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    const before = new Date(ctx.now.getTime() - services.org.retention.quarantineDays * DAY_MS);
    const due = await ctx.tx
      .selectFrom('inbound_message')
      .select('id')
      .where('status', '=', 'quarantined')
      .where(sql<boolean>`coalesce(processed_at, received_at) < ${before}`)
      .orderBy('processed_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    const ids = due.map((d) => d.id);
    const removed = await removeMessages(ctx, ids);
    if (ids.length)
      await recordRetentionEvent(ctx, 'mailPurged', { data: { count: ids.length, days: services.org.retention.quarantineDays } });
    return { keys: removed, count: ids.length };
  });
  for (const key of keys) await services.storage.remove(key).catch(() => undefined);
  return count === batch ? count : 0;
}
