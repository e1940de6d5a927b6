import { sql } from 'kysely';
import { conflict, forbidden, invalid, notFound } from '../domain/errors.ts';
import { permissionsFor } from '../policies/permissions.ts';
import { mayDirectDossier } from '../policies/dossierPolicy.ts';
import type { Role } from '../domain/roles.ts';
import { caseScope } from '../queries/scope.ts';
import { assignActivity, checkTarget, notifyAssignee, type AssignTarget } from './activityAssigner.ts';
import { ACTION_LINE, createCaseTask } from './caseTasks.ts';
import { assertNotComplainedAbout } from './complainedPersons.ts';
import { actorId, type CommandContext } from './context.ts';
import { shortDescription } from './measureHistory.ts';
import { recordEvent } from './timeline.ts';

/**
 * Seed 004, the dossier's follow-up work as its handling employee directs it: action lines one at a
 * time (from the step template or described freely) with a proposed date that can be moved, a
 * comment per line, tasks for a colleague or a team (for one line or for the whole dossier), and
 * the choice of who handles the dossier. Only the handling employee, or someone who assigns work
 * (coordinator, team lead), directs a dossier; only a process with step templates has one.
 */
async function loadDossier(ctx: CommandContext, caseId: string) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'case_type', 'reference', 'process_key', 'process_version', 'assignee_user_id', 'closed_at'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  const def = ctx.services.processes.forCase(c);
  if (!Object.keys(def.stepTemplates).length) throw conflict('Dit proces werkt niet met actieregels.');
  if (c.closed_at) throw conflict('Dit dossier is afgesloten; er kan geen werk meer bij.');
  if (!mayDirectDossier(ctx.actor, c)) {
    throw forbidden('Alleen de behandelend medewerker van dit dossier (of een coördinator of teamleider) verdeelt het werk.');
  }
  return { c, def };
}

/** A civil date (the day a user picks) as the instant stored: noon UTC is that same day in Amsterdam. */
export const dueAtOf = (date: string) => new Date(`${date}T12:00:00Z`);

function checkDueDate(ctx: CommandContext, date: string, field: string) {
  if (date < ctx.services.calendar.toDate(ctx.now)) throw invalid(field, 'Kies vandaag of een latere datum.');
  return dueAtOf(date);
}

async function loadLine(ctx: CommandContext, caseId: string, lineId: string) {
  const line = await ctx.tx
    .selectFrom('activity')
    .select(['id', 'subject', 'status', 'due_at', 'version'])
    .where('id', '=', lineId)
    .where('case_id', '=', caseId)
    .where('task_key', '=', ACTION_LINE)
    .executeTakeFirst();
  if (!line) throw notFound('Deze actieregel');
  return line;
}

export type NewActionLine = {
  /** One line of a step template ("one more line" when the complainant is not yet satisfied)… */
  fromTemplate?: { template: string; line: number };
  /** …or a line described by hand. */
  subject?: string;
  /** The proposed date; default: the template line's days from now, else none. */
  dueDate?: string;
};

/** One action line, from a step template's line or described by hand. */
export async function addActionLine(ctx: CommandContext, caseId: string, input: NewActionLine) {
  const { c, def } = await loadDossier(ctx, caseId);
  let subject = input.subject?.trim();
  let team: string | undefined;
  let dueInDays: number | undefined;
  if (input.fromTemplate) {
    const lines = def.stepTemplates[input.fromTemplate.template];
    if (!lines) throw invalid('fromTemplate.template', 'Dit sjabloon bestaat niet in dit proces.');
    const line = lines[input.fromTemplate.line];
    if (!line) throw invalid('fromTemplate.line', 'Deze regel staat niet in het sjabloon.');
    subject = line.subject.nl;
    team = line.team;
    dueInDays = line.afterDays || undefined;
  }
  if (!subject) throw invalid('subject', 'Beschrijf de actie, of kies een regel uit het sjabloon.');
  const dueAt = input.dueDate ? checkDueDate(ctx, input.dueDate, 'dueDate') : undefined;
  const id = await createCaseTask(ctx, c.id, { taskKey: ACTION_LINE, subject: { nl: subject }, team, dueInDays, dueAt });
  return id;
}

/** Move a line's proposed date (seed 004: "controleer per actieregel de voorgestelde datum"). */
export async function rescheduleActionLine(ctx: CommandContext, caseId: string, lineId: string, dueDate: string) {
  await loadDossier(ctx, caseId);
  const line = await loadLine(ctx, caseId, lineId);
  const dueAt = checkDueDate(ctx, dueDate, 'dueDate');
  const updated = await ctx.tx
    .updateTable('activity')
    .set({ due_at: dueAt, version: sql`version + 1`, updated_at: ctx.now })
    .where('id', '=', line.id)
    .where('status', 'in', ['open', 'inProgress'])
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw conflict('Deze actieregel is al afgerond; de datum kan niet meer veranderen.');
  const day = (d: Date | null) => (d ? ctx.services.calendar.toDate(d) : null);
  await recordEvent(ctx, {
    type: 'actionLineRescheduled',
    caseId,
    activityId: line.id,
    before: { dueDate: day(line.due_at) },
    after: { dueDate },
    // The line's name as it was then, so the timeline can say which line (older events fall back to the activity).
    data: { line: line.subject },
  });
}

/** A comment on one action line (seed 004 "Opmerkingen" per line); anyone working on the case may add one. */
export async function commentOnActionLine(ctx: CommandContext, caseId: string, lineId: string, body: string) {
  const c = await ctx.tx.selectFrom('cases').select('id').where('id', '=', caseId).where(caseScope(ctx.actor)).executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  const line = await loadLine(ctx, caseId, lineId);
  const author = actorId(ctx.actor);
  if (!author) throw invalid('actor', 'Een opmerking heeft een medewerker als auteur.');
  const note = await ctx.tx
    .insertInto('note')
    .values({ case_id: caseId, activity_id: line.id, author_id: author, body, created_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.tx.updateTable('cases').set({ updated_at: ctx.now }).where('id', '=', caseId).execute();
  // The start of the comment, so the timeline says what was remarked without opening the line.
  await recordEvent(ctx, {
    type: 'actionLineCommented',
    caseId,
    activityId: line.id,
    data: { noteId: note.id, line: line.subject, comment: shortDescription(body) },
  });
  return note.id;
}

export type NewDossierTask = AssignTarget & {
  subject: string;
  body?: string;
  /** The action line it is for; absent: a task on the whole dossier. */
  lineId?: string;
  dueDate?: string;
};

/** A task for a colleague or a team, for one action line or for the whole dossier. */
export async function createDossierTask(ctx: CommandContext, caseId: string, input: NewDossierTask) {
  const { c } = await loadDossier(ctx, caseId);
  await checkTarget(ctx, input);
  await assertNotComplainedAbout(ctx, c.id, input.userId ?? null);
  const line = input.lineId ? await loadLine(ctx, caseId, input.lineId) : undefined;
  if (line && !['open', 'inProgress'].includes(line.status)) throw conflict('Deze actieregel is al afgerond.');
  const dueAt = input.dueDate ? checkDueDate(ctx, input.dueDate, 'dueDate') : undefined;
  const id = await createCaseTask(ctx, c.id, {
    taskKey: 'dossierTask',
    subject: { nl: input.subject.trim() },
    body: input.body?.trim() || undefined,
    parentId: line?.id,
    dueAt,
    assignee: { userId: input.userId ?? null, teamId: input.teamId ?? null },
  });
  await notifyAssignee(ctx, input.userId, [{ id, subject: input.subject.trim(), case_id: c.id }]);
  return id;
}

/** Give a line or task of the dossier to a colleague or a team: the handling employee may, not only a dispatcher. */
export async function assignDossierWork(ctx: CommandContext, caseId: string, taskId: string, target: AssignTarget & { reason?: string }) {
  await loadDossier(ctx, caseId);
  const task = await ctx.tx
    .selectFrom('activity')
    .select('id')
    .where('id', '=', taskId)
    .where('case_id', '=', caseId)
    .where('kind', '=', 'task')
    .executeTakeFirst();
  if (!task) throw notFound('Deze actieregel of taak');
  await assignActivity(ctx, task.id, target);
}

/** Choose the dossier's handling employee (seed 004 "Behandelend medewerker"). */
export async function setCaseHandler(ctx: CommandContext, caseId: string, userId: string) {
  const { c } = await loadDossier(ctx, caseId);
  const user = await ctx.tx
    .selectFrom('staff_user')
    .select(['id', 'name', 'roles'])
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) throw invalid('userId', 'Deze medewerker bestaat niet of is niet actief.');
  if (!permissionsFor(user.roles as Role[]).has('case:transition')) throw invalid('userId', 'Deze medewerker behandelt geen meldingen.');
  await assertNotComplainedAbout(ctx, c.id, user.id);
  if (c.assignee_user_id === user.id) return;
  await ctx.tx
    .updateTable('cases')
    .set({ assignee_user_id: user.id, version: sql`version + 1`, updated_at: ctx.now })
    .where('id', '=', c.id)
    .execute();
  await recordEvent(ctx, {
    type: 'caseAssigned',
    caseId: c.id,
    before: { assigneeUserId: c.assignee_user_id },
    after: { assigneeUserId: user.id },
  });
  await notifyAssignee(ctx, user.id, [{ id: c.id, subject: `dossier ${c.reference}`, case_id: c.id }]);
}
