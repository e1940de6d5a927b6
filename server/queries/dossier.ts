import type { Actor, Services } from '../commands/context.ts';
import { ACTION_LINE } from '../commands/caseTasks.ts';
import { notFound } from '../domain/errors.ts';
import { sql } from 'kysely';
import { caseReadScope, caseScope } from './scope.ts';

/**
 * A dossier's follow-up work (seed 004): its action lines with their tasks and comments, and the
 * tasks on the whole dossier. Three queries whatever the number of lines; always scoped to the case.
 */
export async function dossierWork(services: Services, actor: Actor, caseId: string) {
  const c = await services.db
    .selectFrom('cases')
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .select((eb) => [
      'cases.id',
      'cases.process_key',
      'cases.process_version',
      'cases.assignee_user_id',
      'cases.closed_at',
      'cases.version',
      'u.name as handler_name',
      // Read by someone who handled it before: shown, but nothing to do (scope.ts caseReadScope).
      sql<boolean>`${caseScope(actor)(eb as never)}`.as('may_work'),
    ])
    .where('cases.id', '=', caseId)
    .where(caseReadScope(actor))
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  const [work, comments] = await Promise.all([
    services.db
      .selectFrom('activity')
      .leftJoin('staff_user as u', 'u.id', 'activity.assignee_user_id')
      .leftJoin('team as t', 't.id', 'activity.assignee_team_id')
      .select([
        'activity.id',
        'activity.subject',
        'activity.body',
        'activity.status',
        'activity.task_key',
        'activity.parent_id',
        'activity.due_at',
        'activity.completion_reason',
        'activity.completed_at',
        'activity.created_at',
        'activity.version',
        'u.id as user_id',
        'u.name as user_name',
        't.id as team_id',
        't.name as team_name',
      ])
      .where('activity.case_id', '=', caseId)
      .where('activity.kind', '=', 'task')
      .orderBy('activity.due_at', (o) => o.asc().nullsLast())
      .orderBy('activity.created_at')
      .orderBy('activity.id')
      .limit(500)
      .execute(),
    services.db
      .selectFrom('note')
      .innerJoin('staff_user as a', 'a.id', 'note.author_id')
      .innerJoin('activity', 'activity.id', 'note.activity_id')
      .select(['note.id', 'note.body', 'note.created_at', 'note.activity_id', 'a.id as author_id', 'a.name as author_name'])
      .where('note.case_id', '=', caseId)
      .orderBy('note.created_at')
      .limit(1000)
      .execute(),
  ]);
  const lines = work.filter((w) => w.task_key === ACTION_LINE);
  const tasks = work.filter((w) => w.task_key !== ACTION_LINE);
  return { case: c, lines, tasks, comments };
}
