import { sql } from 'kysely';
import { runCommand, SYSTEM_ACTOR, type CommandContext, type Services, type StaffActor } from '../commands/context.ts';
import type { DestructionCertificate } from '../db/retentionSchema.ts';
import { conflict, notFound } from '../domain/errors.ts';
import { anonymiseCases } from './anonymise.ts';
import { backfillRetention } from './caseRetention.ts';
import { ruleLabel } from './retentionDate.ts';
import { recordRetentionEvent } from './retentionEvents.ts';

/**
 * The monthly destruction list (Archiefwet): proposed by a job, reviewed by the records manager
 * (retention:manage), who holds exceptions with a reason and approves; approval anonymises the
 * listed cases (anonymise.ts) and keeps a certificate (verklaring van vernietiging) on the list.
 */
const BACKFILL_BATCH = 500;

/**
 * The job's work: first the closed cases that have no retention day yet (a full batch asks the runner
 * to come back at once), then, once per month, a list of the cases due by today that are neither held
 * nor anonymised. The month's row is unique, so a second run or instance proposes nothing; an earlier
 * list still waiting is superseded (its cases are on the new one when still due).
 */
export async function proposeDestructionList(services: Services): Promise<number> {
  return runCommand(services, SYSTEM_ACTOR, async (ctx) => {
    const filled = await backfillRetention(ctx.tx, services, ctx.now, BACKFILL_BATCH);
    if (filled === BACKFILL_BATCH) return filled;
    const today = services.calendar.toDate(ctx.now);
    const month = `${today.slice(0, 7)}-01`;
    const exists = await ctx.tx.selectFrom('destruction_list').select('id').where('month', '=', month).executeTakeFirst();
    if (exists) return 0;
    if (!(await dueCases(ctx, today).select(sql.lit(1).as('one')).limit(1).executeTakeFirst())) return 0;
    const list = await ctx.tx
      .insertInto('destruction_list')
      .values({ month, proposed_at: ctx.now, due_on: today })
      .onConflict((oc) => oc.column('month').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!list) return 0;
    const older = await ctx.tx
      .updateTable('destruction_list')
      .set({ status: 'superseded' })
      .where('status', '=', 'proposed')
      .where('id', '<>', list.id)
      .returning('id')
      .execute();
    for (const o of older) await recordRetentionEvent(ctx, 'listSuperseded', { listId: o.id, data: { by: list.id } });
    // Inside the database (insert … select): a first list after years of closed cases may hold a
    // hundred thousand; read into the server and sent back as one statement's parameters, it took the
    // heap past its limit (and past PostgreSQL's 65,535 parameters).
    const inserted = await ctx.tx
      .insertInto('destruction_list_case')
      .columns(['list_id', 'case_id', 'reference', 'closed_on', 'destroy_after', 'rule'])
      .expression(
        dueCases(ctx, today).select([
          sql<string>`${list.id}::uuid`.as('list_id'),
          'case_retention.case_id',
          'cases.reference',
          'case_retention.closed_on',
          'case_retention.destroy_after',
          'case_retention.rule',
        ]),
      )
      .executeTakeFirst();
    const count = Number(inserted.numInsertedOrUpdatedRows ?? 0);
    await recordRetentionEvent(ctx, 'listProposed', { listId: list.id, data: { month, dueOn: today, count } });
    return 0;
  });
}

/** The closed cases due by `today` that are neither held nor anonymised (select what you need). */
function dueCases(ctx: CommandContext, today: string) {
  return (
    ctx.tx
      .selectFrom('case_retention')
      .innerJoin('cases', 'cases.id', 'case_retention.case_id')
      .where('case_retention.anonymised_at', 'is', null)
      .where('case_retention.hold_reason', 'is', null)
      .where('case_retention.destroy_after', 'is not', null)
      .where('case_retention.destroy_after', '<=', today)
      // A reopened case is not closed: its day is computed again when it closes.
      .where('cases.closed_at', 'is not', null)
  );
}

async function proposedList(ctx: CommandContext, listId: string) {
  const list = await ctx.tx.selectFrom('destruction_list').selectAll().where('id', '=', listId).forUpdate().executeTakeFirst();
  if (!list) throw notFound('Deze vernietigingslijst');
  if (list.status !== 'proposed') throw conflict('Deze vernietigingslijst is al afgehandeld of vervangen door een nieuwere.');
  return list;
}

async function listedCase(ctx: CommandContext, listId: string, caseId: string) {
  const row = await ctx.tx
    .selectFrom('destruction_list_case')
    .selectAll()
    .where('list_id', '=', listId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw notFound('Deze melding op de lijst');
  return row;
}

/** A legal hold: the case is kept (off this list and every later one) until the hold is lifted. */
export async function holdCase(ctx: CommandContext & { actor: StaffActor }, listId: string, caseId: string, reason: string) {
  await proposedList(ctx, listId);
  await listedCase(ctx, listId, caseId);
  const set = { held_reason: reason, held_at: ctx.now, held_by_name: ctx.actor.name };
  await ctx.tx.updateTable('destruction_list_case').set(set).where('list_id', '=', listId).where('case_id', '=', caseId).execute();
  await ctx.tx
    .updateTable('case_retention')
    .set({ hold_reason: reason, hold_at: ctx.now, hold_by: ctx.actor.id, hold_by_name: ctx.actor.name })
    .where('case_id', '=', caseId)
    .execute();
  await recordRetentionEvent(ctx, 'caseHeld', { listId, caseId, data: { reason } });
}

export async function liftHold(ctx: CommandContext & { actor: StaffActor }, listId: string, caseId: string) {
  await proposedList(ctx, listId);
  const row = await listedCase(ctx, listId, caseId);
  if (!row.held_reason) throw conflict('Voor deze melding geldt geen bewaarplicht.');
  await ctx.tx
    .updateTable('destruction_list_case')
    .set({ held_reason: null, held_at: null, held_by_name: null })
    .where('list_id', '=', listId)
    .where('case_id', '=', caseId)
    .execute();
  await ctx.tx
    .updateTable('case_retention')
    .set({ hold_reason: null, hold_at: null, hold_by: null, hold_by_name: null })
    .where('case_id', '=', caseId)
    .execute();
  await recordRetentionEvent(ctx, 'holdLifted', { listId, caseId });
}

/**
 * Approval: the listed cases without a hold are anonymised in one transaction with the certificate;
 * their documents' and raw mail's blobs are removed once it committed (a failed removal leaves an
 * unreachable blob, never a row pointing at nothing).
 */
export async function approveDestructionList(services: Services, actor: StaffActor, listId: string) {
  const { blobKeys, certificate } = await runCommand(services, actor, async (c) => {
    const ctx = { ...c, actor };
    const list = await proposedList(ctx, listId);
    const listed = await ctx.tx
      .selectFrom('destruction_list_case')
      .selectAll()
      .where('list_id', '=', listId)
      .orderBy('reference')
      .execute();
    const heldNow = new Set(
      (
        await ctx.tx
          .selectFrom('case_retention')
          .select('case_id')
          .where('case_id', 'in', listed.length ? listed.map((l) => l.case_id) : [''])
          .where((w) => w.or([w('hold_reason', 'is not', null), w('anonymised_at', 'is not', null)]))
          .execute()
      ).map((r) => r.case_id),
    );
    const going = listed.filter((l) => !l.held_reason && !heldNow.has(l.case_id));
    const held = listed.filter((l) => l.held_reason);
    await recordRetentionEvent(ctx, 'listApproved', { listId, data: { count: going.length, held: held.length } });
    const done = await anonymiseCases(
      ctx.tx,
      going.map((g) => g.case_id),
      { now: ctx.now },
    );
    if (going.length) {
      await ctx.tx
        .updateTable('case_retention')
        .set({ anonymised_at: ctx.now, destruction_list_id: listId })
        .where(
          'case_id',
          'in',
          going.map((g) => g.case_id),
        )
        .execute();
    }
    const config = services.org.retention;
    const certificate: DestructionCertificate = {
      listId,
      month: list.month,
      approvedBy: actor.name,
      approvedAt: ctx.now.toISOString(),
      destroyedOn: services.calendar.toDate(ctx.now),
      count: going.length,
      basis: config.basis,
      cases: going.map((g) => ({
        caseId: g.case_id,
        reference: g.reference,
        closedOn: g.closed_on,
        destroyAfter: g.destroy_after,
        rule: g.rule,
        ruleLabel: ruleLabel(config, g.rule).nl,
      })),
      held: held.map((h) => ({ caseId: h.case_id, reference: h.reference, reason: h.held_reason! })),
    };
    await ctx.tx
      .updateTable('destruction_list')
      .set({
        status: 'destroyed',
        approved_at: ctx.now,
        approved_by: actor.id,
        approved_by_name: actor.name,
        destroyed_count: going.length,
        held_count: held.length,
        certificate: JSON.stringify(certificate),
      })
      .where('id', '=', listId)
      .execute();
    await recordRetentionEvent(ctx, 'casesDestroyed', {
      listId,
      data: {
        count: going.length,
        notes: done.notes,
        documents: done.documents,
        letterVersions: done.letterVersions,
        timelineRows: done.timelineRows,
        inboundMessages: done.inboundMessages,
        persons: done.persons,
      },
    });
    return { blobKeys: done.blobKeys, certificate };
  });
  for (const key of blobKeys) await services.storage.remove(key).catch(() => undefined);
  return certificate;
}

export async function listDestructionLists(services: Services) {
  return services.db
    .selectFrom('destruction_list')
    .select([
      'id',
      'month',
      'status',
      'proposed_at',
      'due_on',
      'approved_at',
      'approved_by_name',
      'destroyed_count',
      'held_count',
      (eb) =>
        eb
          .selectFrom('destruction_list_case')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('destruction_list_case.list_id', '=', 'destruction_list.id')
          .as('case_count'),
    ])
    .orderBy('month', 'desc')
    .limit(60)
    .execute();
}

export async function getDestructionList(services: Services, id: string) {
  const list = await services.db.selectFrom('destruction_list').selectAll().where('id', '=', id).executeTakeFirst();
  if (!list) throw notFound('Deze vernietigingslijst');
  const [cases, events] = await Promise.all([
    services.db
      .selectFrom('destruction_list_case')
      .selectAll()
      .where('list_id', '=', id)
      .orderBy('destroy_after')
      .orderBy('reference')
      .execute(),
    services.db
      .selectFrom('retention_event')
      .select(['id', 'occurred_at', 'actor_name', 'type', 'case_id', 'data'])
      .where('list_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  const config = services.org.retention;
  return { list, cases: cases.map((c) => ({ ...c, rule_label: ruleLabel(config, c.rule) })), events };
}

export async function destructionCertificate(services: Services, id: string): Promise<DestructionCertificate> {
  const list = await services.db.selectFrom('destruction_list').select(['certificate']).where('id', '=', id).executeTakeFirst();
  if (!list) throw notFound('Deze vernietigingslijst');
  if (!list.certificate) throw conflict('Deze lijst is nog niet goedgekeurd: er is nog geen verklaring van vernietiging.');
  return list.certificate;
}
