import type { Actor, Services } from '../commands/context.ts';
import { activityScope } from './scope.ts';

/** One activity as its detail page shows it, with its owners and case; undefined outside the actor's scope. */
export function activityDetail(services: Services, actor: Actor, id: string) {
  return services.db
    .selectFrom('activity')
    .where('activity.id', '=', id)
    .where(activityScope(actor))
    .leftJoin('staff_user as u', 'u.id', 'activity.assignee_user_id')
    .leftJoin('team as t', 't.id', 'activity.assignee_team_id')
    .leftJoin('cases as c', 'c.id', 'activity.case_id')
    .selectAll('activity')
    .select(['u.id as user_id', 'u.name as user_name', 't.id as team_id', 't.name as team_name', 'c.reference as case_reference'])
    .select(['c.handling_deadline', 'c.handling_warn_from', 'c.closed_at as case_closed_at'])
    .executeTakeFirst();
}

/** What an activity says about who wrote and about what: the input for match suggestions. */
export function activityContactAndText(services: Services, actor: Actor, id: string) {
  return services.db
    .selectFrom('activity')
    .select(['contact', 'subject', 'body'])
    .where('id', '=', id)
    .where(activityScope(actor))
    .executeTakeFirst();
}
