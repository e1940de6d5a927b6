import type { Bilingual, TimelineEvent } from '../../api/types.ts';
import type { MessageKey, Vars } from '../../i18n/i18n.tsx';
import { valueText, type ProcessLabels } from './processLabels.ts';

/**
 * A timeline event in words: what happened ("Melding geregistreerd", "Processtap gezet:
 * Classificeren") and what changed, before → after, with Dutch names for statuses, fields,
 * options, colleagues and teams instead of keys and ids.
 */
export type TimelineContext = {
  t: (key: MessageKey, vars?: Vars) => string;
  l: (b: Bilingual | null | undefined) => string;
  has: (key: string) => key is MessageKey;
  date: (s: string) => string;
  dateTime: (s: string) => string;
  labels: ProcessLabels;
  userName: (id: string) => string | undefined;
  activitySubject: (id: string) => string | undefined;
  teamName: (id: string) => string | undefined;
};

const HIDDEN = new Set([
  'status',
  'assigneeUserId',
  'assigneeTeamId',
  'caseId',
  'reference',
  'data',
  'subject',
  'channel',
  'documentId',
  'sha256',
  'filename',
  'docType',
  'timer',
  'firesAt',
  'noteId',
  'messageId',
  'taskKey',
  'activityIds',
  'letterId',
  'signerUserId',
  'textVersion',
  'recipientRole',
]);

export function describeEvent(e: TimelineEvent, ctx: TimelineContext): { what: string; details: string[] } {
  const { t, l, has, labels } = ctx;
  const before = e.before ?? {};
  const after = e.after ?? {};
  const data = e.data ?? {};
  const details: string[] = [];
  const val = (key: string, v: unknown) => valueText(v, labels.field(key), { ...ctx, l: (b) => l(b) });
  const who = (a: Record<string, unknown>) => {
    const user = typeof a.assigneeUserId === 'string' ? ctx.userName(a.assigneeUserId) : undefined;
    const team = typeof a.assigneeTeamId === 'string' ? ctx.teamName(a.assigneeTeamId) : undefined;
    return [user, team && (user ? `(${team})` : team)].filter(Boolean).join(' ') || t('tl.nobody');
  };

  let what = has(`tl.${e.type}`) ? t(`tl.${e.type}` as MessageKey) : t('tl.other'); // the screen's safety net; screenWords.test.ts keeps every type the server records named
  if (e.type === 'statusChanged') {
    const step = String(data.transition ?? '');
    what = t('tl.statusChanged', { step: l(labels.step(step)) || step });
    const from = l(labels.status(String(before.status ?? ''))) || String(before.status ?? '');
    const to = l(labels.status(String(after.status ?? ''))) || String(after.status ?? '');
    details.push(`${t('case.status')}: ${from} → ${to}`);
    const inputs = (data.inputs ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(inputs)) {
      const f = labels.input(step, k);
      details.push(`${f ? l(f.label) : k}: ${valueText(v, f, ctx)}`);
    }
    return { what, details };
  }
  if (e.type === 'complainantContacted') {
    // What was said is the record of the call (seed 003: a call after closing explains the letter).
    const method = String(data.method ?? '');
    if (has(`contact.method.${method}`)) details.push(`${t('contact.method')} ${t(`contact.method.${method}` as MessageKey)}`);
    if (typeof data.summary === 'string') details.push(`${t('contact.summary')} ${data.summary}`);
    return { what, details };
  }
  if (e.type === 'regimeChanged') {
    const regime = (v: unknown) => (has(`regime.${v}`) ? t(`regime.${v}` as MessageKey) : String(v ?? ''));
    const day = (v: unknown) => (typeof v === 'string' ? ctx.date(v) : t('app.none'));
    details.push(`${t('tl.regime')}: ${regime(before.regime)} → ${regime(after.regime)}`);
    details.push(`${t('case.deadline')}: ${day(before.deadline)} → ${day(after.deadline)}`);
    return { what, details };
  }
  if (e.type === 'deadlineWarningSent') {
    const vars = { date: typeof data.deadline === 'string' ? ctx.date(data.deadline) : t('app.none'), count: Number(data.recipients ?? 0) };
    details.push(t(data.term === 'serviceNorm' ? 'tl.deadlineWarningNorm' : 'tl.deadlineWarningTo', vars));
    return { what, details };
  }
  if (e.type === 'committeeAdviceRecorded') {
    details.push(`${t('advice.follows')} ${t(after.followsAdvice ? 'app.yes' : 'app.no')}`);
    if (typeof after.adviceDepartureReason === 'string') details.push(t('tl.reason', { reason: after.adviceDepartureReason }));
    return { what, details };
  }
  if (e.type === 'caseImported') {
    // An imported case (register import): from which file, on which day, and its row there.
    what = t('tl.caseImported', { file: String(data.fileName ?? ''), date: ctx.date(String(data.importedAt ?? e.occurredAt)) });
    if (data.rowNumber !== undefined) details.push(`${t('import.row')} ${String(data.rowNumber)}`);
    return { what, details };
  }
  const activity = e.activityId ? ctx.activitySubject(e.activityId) : undefined;
  // Dossier work (seed 004): which line or task, and what changed. The name recorded with the event
  // comes first; events from before it carried one fall back to the activity as the page knows it.
  const named = (v: unknown) => (typeof v === 'string' && v ? v : activity);
  if (e.type === 'actionLineRescheduled' || e.type === 'actionLineCommented') {
    const line = named(data.line);
    if (line) details.push(t('tl.line', { name: line }));
    if (e.type === 'actionLineRescheduled') {
      const day = (v: unknown) => (typeof v === 'string' ? ctx.date(v) : t('app.none'));
      details.push(t('tl.lineDate', { from: day(before.dueDate), to: day(after.dueDate) }));
    } else if (typeof data.comment === 'string') details.push(t('tl.comment', { text: data.comment }));
    return { what, details };
  }
  if (e.type === 'activityStarted') {
    const task = named(data.task);
    if (task) details.push(t('tl.task', { name: task }));
    return { what, details };
  }
  if (activity && e.type !== 'caseRegistered') details.push(t('tl.activity', { subject: activity }));
  if ('assigneeUserId' in after || 'assigneeTeamId' in after) details.push(t('tl.assignedTo', { who: who(after) }));
  if (e.type === 'caseRegistered') details.push(`${String(after.reference ?? '')}: ${String(after.subject ?? '')}`);
  if (typeof data.template === 'string') {
    const key = `tl.tpl.${data.template}`;
    details.push(t('tl.template', { template: has(key) ? t(key) : data.template }));
  }
  if (typeof data.reason === 'string') details.push(t('tl.reason', { reason: data.reason }));
  if (typeof after.filename === 'string') {
    const docType =
      typeof after.docType === 'string' && has(`docType.${after.docType}`) ? ` (${t(`docType.${after.docType}` as MessageKey)})` : '';
    details.push(`${after.filename}${docType}`);
  }
  if (typeof after.firesAt === 'string') details.push(t('tl.until', { date: ctx.dateTime(after.firesAt) }));
  for (const [k, v] of Object.entries(after)) {
    if (HIDDEN.has(k) || typeof v === 'object') continue;
    const f = labels.field(k);
    // A field without a name in the process or the dictionary stays off the screen: never a raw key.
    const name = f ? l(f.label) : has(`tl.field.${k}`) ? t(`tl.field.${k}` as MessageKey) : null;
    if (!name) continue;
    details.push(k in before ? `${name}: ${val(k, before[k])} → ${val(k, v)}` : `${name}: ${val(k, v)}`);
  }
  return { what, details };
}
