import { sql } from 'kysely';
import { restrictionOfCase } from '../subjectRequests/restriction.ts';
import type { Actor, Services } from '../commands/context.ts';
import { notFound } from '../domain/errors.ts';
import { type CaseFilter, caseFilter } from './caseFilter.ts';
import { decodeCursor, encodeCursor } from './keyset.ts';
import { mandateById } from './mandates.ts';
import { caseReadScope, caseScope, handlesCase } from './scope.ts';
import { sensitiveFieldKeys, withoutKeys, withoutSensitiveInEvent } from './sensitiveFields.ts';

/** The read side of cases: lists, one case with everything on it, its timeline. Always scoped. */
export function caseSummaries(services: Services, actor: Actor) {
  return services.db
    .selectFrom('cases')
    .where(caseReadScope(actor))
    .innerJoin('person as p', 'p.id', 'cases.complainant_id')
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .leftJoin('team as t', 't.id', 'cases.assignee_team_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.process_key',
      'cases.process_version',
      'cases.case_type',
      'cases.status',
      'cases.subject',
      'cases.channel',
      'cases.received_at',
      'cases.updated_at',
      'cases.closed_at',
      'cases.version',
      'cases.handling_deadline',
      'cases.handling_warn_from',
      'cases.norm_deadline',
      'cases.norm_warn_from',
      'cases.first_deadline',
      'p.name as complainant_name',
      'u.id as user_id',
      'u.name as user_name',
      't.id as team_id',
      't.name as team_name',
    ]);
}
export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof caseSummaries>['execute']>>[number];

export type { DeadlineFilter } from './caseFilter.ts';

export type CaseListFilter = CaseFilter & {
  /** The calendar day deadlines are compared with (default: today in Amsterdam). */
  today?: string;
  cursor?: string;
  limit: number;
};

/** A civil date travels in the cursor as midnight UTC, so keyset.ts keeps one format. */
const dateCursor = (date: string) => new Date(`${date}T00:00:00.000Z`);

/**
 * Pages of cases, always scoped. Without a deadline filter: last changed first. With one: open
 * cases only, earliest deadline (statutory or service norm) first, keyset on (first_deadline, id) — the
 * order of the partial index cases_open_first_deadline, so the scan starts at the most urgent case and stops after a
 * page (the warning day lies before the deadline, so every match sits at the front).
 */
export async function caseListPage(services: Services, actor: Actor, f: CaseListFilter) {
  const today = f.today ?? services.calendar.toDate(services.clock.now());
  let q = caseSummaries(services, actor).where(caseFilter(actor, f, today));
  const after = decodeCursor(f.cursor);

  if (f.deadline) {
    if (after) q = q.where(sql<boolean>`(cases.first_deadline, cases.id) > (${after.value.slice(0, 10)}::date, ${after.id}::uuid)`);
    const rows = await q
      .orderBy('cases.first_deadline', 'asc')
      .orderBy('cases.id', 'asc')
      .limit(f.limit + 1)
      .execute();
    const page = rows.slice(0, f.limit);
    const last = page.at(-1);
    return {
      rows: page,
      nextCursor: rows.length > f.limit && last?.first_deadline ? encodeCursor(dateCursor(last.first_deadline), last.id) : null,
    };
  }

  if (after) q = q.where(sql<boolean>`(cases.updated_at, cases.id) < (${new Date(after.value)}, ${after.id}::uuid)`);
  const rows = await q
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > f.limit && last ? encodeCursor(last.updated_at, last.id) : null };
}

/** One case with its people, notes, documents and activities: a fixed number of queries, no N+1. */
export async function caseDetail(services: Services, actor: Actor, id: string) {
  const found = await services.db
    .selectFrom('cases')
    .where('cases.id', '=', id)
    .where(caseReadScope(actor))
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .leftJoin('team as t', 't.id', 'cases.assignee_team_id')
    .selectAll('cases')
    .select((eb) => [
      'u.name as user_name',
      't.name as team_name',
      // May work on it now (else a read view: no steps, notes or edits), and handles it (sensitive fields).
      sql<boolean>`${caseScope(actor)(eb)}`.as('may_work'),
      sql<boolean>`${handlesCase(actor)(eb)}`.as('handles'),
    ])
    .executeTakeFirst();
  if (!found) throw notFound('Deze melding');
  const hidden = found.handles ? [] : sensitiveFieldKeys(services.processes.forCase(found)).filter((k) => k in found.data);
  const c = { ...found, data: withoutKeys(found.data, hidden), hidden_fields: hidden };
  const personIds = [c.complainant_id, c.representative_id].filter((x): x is string => !!x);
  const [people, notes, documents, activities, timers, complainedPersons, hearingSlots, letters, restriction] = await Promise.all([
    services.db.selectFrom('person').selectAll().where('id', 'in', personIds).execute(),
    services.db
      .selectFrom('note')
      .innerJoin('staff_user as a', 'a.id', 'note.author_id')
      .select(['note.id', 'note.body', 'note.created_at', 'note.others_data', 'a.id as author_id', 'a.name as author_name'])
      .where('note.case_id', '=', id)
      // Comments on one action line show with that line (queries/dossier.ts), not among the case's notes.
      .where('note.activity_id', 'is', null)
      .orderBy('note.created_at', 'desc')
      .limit(200)
      .execute(),
    services.db
      .selectFrom('document')
      .select(['id', 'doc_type', 'filename', 'media_type', 'size_bytes', 'sha256', 'created_at'])
      .where('case_id', '=', id)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute(),
    services.db
      .selectFrom('activity')
      .leftJoin('staff_user as u', 'u.id', 'activity.assignee_user_id')
      .leftJoin('team as t', 't.id', 'activity.assignee_team_id')
      .select([
        'activity.id',
        'activity.kind',
        'activity.channel',
        'activity.status',
        'activity.subject',
        'activity.task_key',
        'activity.created_at',
        'u.name as user_name',
        't.name as team_name',
      ])
      .where('activity.case_id', '=', id)
      .orderBy('activity.created_at', 'desc')
      .limit(200)
      .execute(),
    services.db
      .selectFrom('timer')
      .select(['timer_key', 'fires_at'])
      .where('case_id', '=', id)
      .where('status', '=', 'pending')
      .where('timer_key', '<>', 'reminder')
      .orderBy('fires_at')
      .execute(),
    services.db
      .selectFrom('complained_person')
      .select(['id', 'user_id', 'name', 'job_title'])
      .where('case_id', '=', id)
      .orderBy('created_at')
      .execute(),
    services.db.selectFrom('hearing_slot').selectAll().where('case_id', '=', id).orderBy('starts_at').execute(),
    services.db.selectFrom('letter').select(['kind', 'status']).where('case_id', '=', id).limit(50).execute(),
    // AVG art. 18: while a restriction is in force the case is read-only, so it offers no steps or edits.
    restrictionOfCase(services.db, id),
  ]);
  const person = (pid: string | null) => people.find((p) => p.id === pid) ?? null;
  // The mandate the representative acts on (seed 003), shown on the case page.
  const mandate = c.mandate_id ? ((await mandateById(services.db, c.mandate_id)) ?? null) : null;
  return {
    mandate,
    restricted: restriction !== null,
    case: c,
    complainant: person(c.complainant_id)!,
    representative: person(c.representative_id),
    notes,
    documents,
    activities,
    timers,
    complainedPersons,
    hearingSlots,
    letters,
  };
}

export async function caseTimeline(services: Services, actor: Actor, id: string, opts: { after?: string; limit: number }) {
  const visible = await services.db
    .selectFrom('cases')
    .select((eb) => ['process_key', 'process_version', sql<boolean>`${handlesCase(actor)(eb)}`.as('handles')])
    .where('id', '=', id)
    .where(caseReadScope(actor))
    .executeTakeFirst();
  if (!visible) throw notFound('Deze melding');
  const hidden = visible.handles ? [] : sensitiveFieldKeys(services.processes.forCase(visible));
  let q = services.db.selectFrom('timeline_event').selectAll().where('case_id', '=', id);
  if (opts.after) q = q.where('id', '>', opts.after);
  const rows = await q
    .orderBy('id', 'asc')
    .limit(opts.limit + 1)
    .execute();
  const page = rows.slice(0, opts.limit).map((e) => withoutSensitiveInEvent(e, hidden));
  return { rows: page, nextCursor: rows.length > opts.limit ? String(page.at(-1)!.id) : null };
}
