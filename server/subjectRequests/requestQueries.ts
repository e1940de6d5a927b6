import { sql } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { normaliseEmail } from '../domain/personKeys.ts';
import { caseReadScope } from '../queries/scope.ts';
import { restrictionOfCase } from './restriction.ts';

/** The requests, open ones first by deadline, then the answered ones newest first. */
export async function listSubjectRequests(services: Services) {
  return requestRows(services)
    .orderBy(sql`case when r.status = 'open' then 0 else 1 end`)
    .orderBy(sql`case when r.status = 'open' then r.deadline end`)
    .orderBy('r.registered_at', 'desc')
    .limit(500)
    .execute();
}

function requestRows(services: Services) {
  return services.db
    .selectFrom('subject_request as r')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('staff_user as u', 'u.id', 'r.staff_user_id')
    .leftJoin('processing_restriction as pr', (j) => j.onRef('pr.request_id', '=', 'r.id').on('pr.lifted_at', 'is', null))
    .selectAll('r')
    .select([sql<string>`coalesce(p.name, u.name)`.as('subject_name'), 'pr.id as active_restriction_id']);
}

export async function subjectRequestDetail(services: Services, id: string) {
  const r = await requestRows(services).where('r.id', '=', id).executeTakeFirst();
  if (!r) return null;
  const events = await services.db
    .selectFrom('subject_request_event')
    .select(['id', 'occurred_at', 'actor_name', 'type', 'data'])
    .where('request_id', '=', id)
    .orderBy('id')
    .execute();
  const subject = r.person_id
    ? await services.db
        .selectFrom('person')
        .select(['name', 'email', 'phone', 'street', 'postcode', 'city'])
        .where('id', '=', r.person_id)
        .executeTakeFirstOrThrow()
    : await services.db
        .selectFrom('staff_user')
        .select(['name', 'email', 'phone', sql<null>`null`.as('street'), sql<null>`null`.as('postcode'), sql<null>`null`.as('city')])
        .where('id', '=', r.staff_user_id!)
        .executeTakeFirstOrThrow();
  return { ...r, subject, events };
}

/**
 * Whom a request can be about, found by name (parts, accents folded) or by exact e-mail: person
 * records (not merged ones) with how many cases name them, and staff members. A privacy officer
 * must find someone by name, unlike intake, which never matches on a name alone.
 */
export async function findSubjects(services: Services, query: string) {
  const q = query.trim();
  const email = q.includes('@') ? normaliseEmail(q) : null;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const persons = await services.db
    .selectFrom('person')
    .select([
      'id',
      'name',
      'email',
      (eb) =>
        eb
          .selectFrom('cases')
          .select(sql<number>`count(*)::int`.as('n'))
          .where((w) => w.or([w('cases.complainant_id', '=', eb.ref('person.id')), w('cases.representative_id', '=', eb.ref('person.id'))]))
          .as('case_count'),
    ])
    .where('merged_into_id', 'is', null)
    .where('erased_at', 'is', null)
    .where((eb) => (email ? eb(sql`lower(email)`, '=', email) : eb(sql`unaccent(name)`, 'ilike', sql`unaccent(${like}::text)`)))
    .orderBy('name')
    .limit(10)
    .execute();
  const staff = await services.db
    .selectFrom('staff_user')
    .select(['id', 'name', 'email'])
    .where((eb) => (email ? eb(sql`lower(email)`, '=', email) : eb(sql`unaccent(name)`, 'ilike', sql`unaccent(${like}::text)`)))
    .orderBy('name')
    .limit(10)
    .execute();
  return {
    persons: persons.map((p) => ({ ...p, case_count: Number(p.case_count ?? 0) })),
    staff,
  };
}

/** Whether a case the actor may read is restricted (AVG art. 18): the case page says so; null when not readable. */
export async function caseRestriction(services: Services, actor: Actor, caseId: string) {
  const c = await services.db.selectFrom('cases').select('id').where('id', '=', caseId).where(caseReadScope(actor)).executeTakeFirst();
  if (!c) return null;
  return { restriction: await restrictionOfCase(services.db, caseId) };
}
