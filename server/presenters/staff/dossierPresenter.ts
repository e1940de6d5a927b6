import { z } from 'zod';
import type { Actor, Services } from '../../commands/context.ts';
import type { dossierWork } from '../../queries/dossier.ts';
import { mayDirectDossier } from '../../policies/dossierPolicy.ts';
import { label } from './schemas.ts';

/** A dossier's action lines and tasks as the case page's dossier panel shows them. */
const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();
const taskOut = z.object({
  id: z.uuid(),
  subject: z.string(),
  body: z.string(),
  status: z.string(),
  /** The proposed date, a civil date in Amsterdam. */
  dueDate: z.iso.date().nullable(),
  assignee: ref,
  team: ref,
  version: z.number().int(),
});
export const dossierOut = z.object({
  /** The case's process works with action lines (it has step templates). */
  enabled: z.boolean(),
  handler: ref,
  abilities: z.object({
    /** Add lines, move their dates, give lines and tasks to others, choose the handling employee. */
    direct: z.boolean(),
    /** Comment on a line. */
    comment: z.boolean(),
  }),
  templates: z.array(
    z.object({
      key: z.string(),
      lines: z.array(z.object({ index: z.number().int(), subject: label, afterDays: z.number().int(), teamName: z.string().nullable() })),
    }),
  ),
  completionReasons: z.array(z.object({ value: z.string(), label })),
  lines: z.array(
    taskOut.extend({
      completionReason: z.object({ value: z.string(), label }).nullable(),
      comments: z.array(z.object({ id: z.uuid(), body: z.string(), author: ref, createdAt: z.iso.datetime() })),
      tasks: z.array(taskOut),
    }),
  ),
  /** Tasks on the whole dossier, not for one line. */
  tasks: z.array(taskOut),
});

export function presentDossier(services: Services, actor: Actor, d: Awaited<ReturnType<typeof dossierWork>>): z.output<typeof dossierOut> {
  const def = services.processes.forCase(d.case);
  const enabled = Object.keys(def.stepTemplates).length > 0;
  const open = d.case.closed_at === null;
  const day = (x: Date | null) => (x ? services.calendar.toDate(x) : null);
  const who = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
  const task = (t: (typeof d.tasks)[number]) => ({
    id: t.id,
    subject: t.subject,
    body: t.body,
    status: t.status,
    dueDate: day(t.due_at),
    assignee: who(t.user_id, t.user_name),
    team: who(t.team_id, t.team_name),
    version: t.version,
  });
  const teamName = (key?: string) => (key ? (services.org.teams.find((t) => t.key === key)?.name ?? key) : null);
  const lineIds = new Set(d.lines.map((l) => l.id));
  return {
    enabled,
    handler: who(d.case.assignee_user_id, d.case.handler_name),
    abilities: {
      direct: enabled && open && mayDirectDossier(actor, d.case),
      comment: enabled && (actor.kind === 'system' || actor.permissions.has('case:edit')),
    },
    templates: Object.entries(def.stepTemplates).map(([key, lines]) => ({
      key,
      lines: lines.map((l, index) => ({ index, subject: l.subject, afterDays: l.afterDays, teamName: teamName(l.team) })),
    })),
    completionReasons: def.completionReasons.map((r) => ({ value: r.value, label: r.label })),
    lines: d.lines.map((l) => {
      const reason = def.completionReasons.find((r) => r.value === l.completion_reason);
      return {
        ...task(l),
        completionReason: l.completion_reason
          ? { value: l.completion_reason, label: reason?.label ?? { nl: l.completion_reason, en: l.completion_reason } }
          : null,
        comments: d.comments
          .filter((c) => c.activity_id === l.id)
          .map((c) => ({ id: c.id, body: c.body, author: who(c.author_id, c.author_name), createdAt: c.created_at.toISOString() })),
        tasks: d.tasks.filter((t) => t.parent_id === l.id).map(task),
      };
    }),
    tasks: d.tasks.filter((t) => !t.parent_id || !lineIds.has(t.parent_id)).map(task),
  };
}
