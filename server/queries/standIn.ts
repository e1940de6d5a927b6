import { sql, type RawBuilder } from 'kysely';
import type { Organisation } from '../config/organisation.ts';
import type { Actor, StaffActor } from '../commands/context.ts';

/**
 * Standing in for an absent colleague (030 substitution): on the days of a substitution the absent
 * person's work is the substitute's work too: in their "mine" queue, and in their work scope. The
 * work stays on the absent person's name (the case's handler, a letter's signer) until someone
 * reassigns it.
 *
 * Awb 9:7 as assignment applies it (commands/complainedPersons.ts assertNotComplainedAbout): no work
 * on a case reaches someone the complaint is about, nor the manager of such a colleague (the
 * configuration's `orgUnits[].manager`, by e-mail, over the unit and every unit below it). Those
 * cases stay out of the substitute's queue and scope.
 */
export type StandIn = NonNullable<StaffActor['standIn']>;

/** The units a staff member manages by the configuration, and every unit below those. */
export function managedUnitKeys(org: Pick<Organisation, 'orgUnits'>, email: string): string[] {
  const mine = new Set(org.orgUnits.filter((u) => u.manager?.email.toLowerCase() === email.toLowerCase()).map((u) => u.key));
  for (let grew = mine.size > 0; grew; ) {
    grew = false;
    for (const u of org.orgUnits) {
      if (u.parent && mine.has(u.parent) && !mine.has(u.key)) {
        mine.add(u.key);
        grew = true;
      }
    }
  }
  return [...mine].sort();
}

const uuids = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`));

/** The case is about the actor, or about a colleague in a unit they manage (own unit or a team's). */
function caseIsAbout(actor: StaffActor, standIn: StandIn, caseId: RawBuilder<unknown>): RawBuilder<boolean> {
  const keys = standIn.managedUnitKeys;
  const managed = keys.length
    ? sql`or exists (select 1 from staff_user si_u join org_unit si_ou on si_ou.id = si_u.org_unit_id
           where si_u.id = si_cp.user_id and si_ou.key in (${sql.join(keys)}))
         or exists (select 1 from team_member si_tm join team si_t on si_t.id = si_tm.team_id join org_unit si_tou on si_tou.id = si_t.org_unit_id
           where si_tm.user_id = si_cp.user_id and si_tou.key in (${sql.join(keys)}))`
    : sql``;
  return sql<boolean>`exists (select 1 from complained_person si_cp where si_cp.case_id = ${caseId} and (si_cp.user_id = ${actor.id}::uuid ${managed}))`;
}

/** An activity (`assignee`, `caseId`: its columns) assigned to someone the actor stands in for; null when they stand in for nobody. */
export function standInActivity(actor: Actor, assignee: string, caseId: string): RawBuilder<boolean> | null {
  const s = actor.kind === 'staff' ? actor.standIn : undefined;
  if (actor.kind !== 'staff' || !s?.forUserIds.length) return null;
  return sql<boolean>`(${sql.ref(assignee)} in (${uuids(s.forUserIds)}) and not ${caseIsAbout(actor, s, sql.ref(caseId))})`;
}

/**
 * A case (`cases` in the outer query) that is, or has work that is, on the name of someone the actor
 * stands in for; `open`: only open work counts (the work scope), else any (the read scope).
 */
export function standInCase(actor: Actor, activities: 'open' | 'any'): RawBuilder<boolean> | null {
  const s = actor.kind === 'staff' ? actor.standIn : undefined;
  if (actor.kind !== 'staff' || !s?.forUserIds.length) return null;
  const open = activities === 'open' ? sql`and si_a.status in ('open', 'inProgress')` : sql``;
  return sql<boolean>`((cases.assignee_user_id in (${uuids(s.forUserIds)})
      or exists (select 1 from activity si_a where si_a.case_id = cases.id and si_a.assignee_user_id in (${uuids(s.forUserIds)}) ${open}))
    and not ${caseIsAbout(actor, s, sql.ref('cases.id'))})`;
}
