import { sql } from 'kysely';
import type { Services } from '../commands/context.ts';
import { addDays } from '../domain/calendar/civilDate.ts';
import { startOfDay } from '../domain/calendar/durations.ts';

export type AuditFilter = {
  personId?: string;
  personEmail?: string;
  caseReference?: string;
  userId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
};

export type AuditRow = {
  seq: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  caseId: string | null;
  caseReference: string | null;
  persons: { id: string; name: string | null; anonymised: boolean }[];
  objectId: string | null;
  ip: string | null;
};

/**
 * The audit log, newest first, one keyset page. A person matches the entries that name them and
 * those about a case they are complainant or representative on. Names are looked up now, from
 * current data: a person erased since shows as anonymised, an entry never held the name.
 */
export async function searchAuditLog(services: Services, f: AuditFilter): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const db = services.db;
  let personIds: string[] | null = null;
  if (f.personId || f.personEmail) {
    let q = db.selectFrom('person').select('id');
    if (f.personId) q = q.where('id', '=', f.personId);
    if (f.personEmail) q = q.where(sql<string>`lower(email)`, '=', f.personEmail.toLowerCase());
    personIds = (await q.limit(50).execute()).map((p) => p.id);
    if (personIds.length === 0) return { rows: [], nextCursor: null };
  }
  let caseId: string | null = null;
  if (f.caseReference) {
    const c = await db.selectFrom('cases').select('id').where('reference', '=', f.caseReference).executeTakeFirst();
    if (!c) return { rows: [], nextCursor: null };
    caseId = c.id;
  }

  let q = db
    .selectFrom('audit_entry as a')
    .select(['a.seq', 'a.at', 'a.actor_kind', 'a.actor_id', 'a.action', 'a.case_id', 'a.person_ids', 'a.object_id', 'a.ip']);
  if (caseId) q = q.where('a.case_id', '=', caseId);
  if (f.userId) q = q.where('a.actor_id', '=', f.userId);
  if (f.from) q = q.where('a.at', '>=', startOfDay(f.from));
  if (f.to) q = q.where('a.at', '<', startOfDay(addDays(f.to, 1)));
  if (f.cursor) q = q.where('a.seq', '<', Number(f.cursor));
  if (personIds) {
    const ids = personIds;
    q = q.where((eb) =>
      eb.or([
        eb(sql`a.person_ids`, '&&', sql`${ids}::uuid[]`),
        eb(
          'a.case_id',
          'in',
          eb
            .selectFrom('cases')
            .select('id')
            .where((w) => w.or([w('complainant_id', 'in', ids), w('representative_id', 'in', ids)])),
        ),
      ]),
    );
  }
  const entries = await q
    .orderBy('a.seq', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = entries.slice(0, f.limit);
  const nextCursor = entries.length > f.limit ? String(page[page.length - 1]!.seq) : null;

  // Names and references for this page only, from current data.
  const userIds = [...new Set(page.flatMap((e) => (e.actor_kind === 'staff' && e.actor_id ? [e.actor_id] : [])))];
  const caseIds = [...new Set(page.flatMap((e) => (e.case_id ? [e.case_id] : [])))];
  const pids = [...new Set(page.flatMap((e) => e.person_ids))];
  const [users, cases, persons] = await Promise.all([
    userIds.length ? db.selectFrom('staff_user').select(['id', 'name']).where('id', 'in', userIds).execute() : [],
    caseIds.length ? db.selectFrom('cases').select(['id', 'reference']).where('id', 'in', caseIds).execute() : [],
    pids.length
      ? db
          .selectFrom('person as p')
          // Whether erased is read from the row as a whole: the column comes with the data subjects' requests (034).
          .select(['p.id', 'p.name', sql<string | null>`to_jsonb(p) ->> 'erased_at'`.as('erased')])
          .where('p.id', 'in', pids)
          .execute()
      : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const reference = new Map(cases.map((c) => [c.id, c.reference]));
  const person = new Map(persons.map((p) => [p.id, p]));
  return {
    rows: page.map((e) => ({
      seq: Number(e.seq),
      at: e.at,
      actorKind: e.actor_kind,
      actorId: e.actor_id,
      actorName: e.actor_id ? (userName.get(e.actor_id) ?? null) : null,
      action: e.action,
      caseId: e.case_id,
      caseReference: e.case_id ? (reference.get(e.case_id) ?? null) : null,
      persons: e.person_ids.map((id) => {
        const p = person.get(id);
        const anonymised = !p || p.erased !== null || p.name.trim() === '';
        return { id, name: anonymised ? null : p.name, anonymised };
      }),
      objectId: e.object_id,
      ip: e.ip,
    })),
    nextCursor,
  };
}
