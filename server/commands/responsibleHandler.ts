import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { Organisation } from '../config/organisation.ts';
import { ROLE_LABELS, isRole } from '../domain/roles.ts';
import type { Actor } from './context.ts';

/**
 * Who answers for a complaint towards the complainant: the person who signs what the organisation
 * writes about it (an extension notice, a letter). Seed 000: the klachtencoördinator handles the
 * complaint, with support from the back office; the first line only registers and passes it on.
 * Which roles handle complaints is the organisation's configuration: the roles that approve and
 * send letters (`letters.approverRoles`, the coordinator by default; a housing corporation lets the
 * person the complainant spoke to sign). Someone who only holds the case in another role (a
 * first-line agent, the back office) never signs. Awb 9:7: nor does anyone the complaint is about.
 *
 * In order: the case's current handler when they hold such a role; otherwise the last one of those
 * the case was assigned to (the coordinator who assessed it, while the back office drafts); otherwise
 * the staff member acting now, if they hold such a role. Null when nobody fits.
 */
export type ResponsibleHandler = { id: string; name: string };

export async function responsibleHandler(
  db: Database,
  org: Organisation,
  caseId: string,
  actor?: Actor,
): Promise<ResponsibleHandler | null> {
  const roles = org.letters.approverRoles as string[];
  const eligible = (q: ReturnType<typeof candidates>) =>
    q
      .where('u.active', '=', true)
      .where(sql<boolean>`u.roles && ${sql.val(roles)}::text[]`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('complained_person as cp').select('cp.id').where('cp.case_id', '=', caseId).whereRef('cp.user_id', '=', 'u.id'),
          ),
        ),
      );
  const candidates = () => db.selectFrom('staff_user as u').select(['u.id', 'u.name']);

  const current = await eligible(candidates())
    .innerJoin('cases as c', 'c.assignee_user_id', 'u.id')
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (current) return current;

  const earlier = await eligible(candidates())
    .innerJoin('timeline_event as e', (j) => j.on(sql<boolean>`e.after->>'assigneeUserId' = u.id::text`))
    .where('e.case_id', '=', caseId)
    .where('e.type', '=', 'caseAssigned')
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .executeTakeFirst();
  if (earlier) return { id: earlier.id, name: earlier.name };

  if (actor?.kind === 'staff') {
    const me = await eligible(candidates()).where('u.id', '=', actor.id).executeTakeFirst();
    if (me) return me;
  }
  return null;
}

/** How a notice is signed when no person answers for the case yet: by the function, never by a name that does not fit. */
export function handlerFunctionName(org: Organisation): string {
  const role = org.letters.approverRoles.find(isRole);
  return role ? ROLE_LABELS[role].nl : org.name;
}
