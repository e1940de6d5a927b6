import type { Bilingual } from '../../api/types.ts';
import type { Vars } from '../../i18n/i18n.tsx';
import type { TextKey } from './useProcessI18n.ts';
import type { Duration, Effect, ProcessModel, StepView } from './processModel.ts';

/** What a process's parts mean in words, in the user's language; unknown types by their name. */
export type Words = {
  t: (key: TextKey, vars?: Vars) => string;
  l: (b: Bilingual | null | undefined) => string;
  has: (key: string) => key is TextKey;
};

const s = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));
const bi = (v: unknown): Bilingual | null =>
  v && typeof v === 'object' && typeof (v as Bilingual).nl === 'string'
    ? { nl: (v as Bilingual).nl, en: (v as Bilingual).en ?? (v as Bilingual).nl }
    : null;

export function durationText(w: Words, d: Duration | undefined) {
  if (!d) return '';
  return d.unit === 'other' ? d.text : w.t(`process.duration.${d.unit}`, { n: d.n });
}

/** A status role (vocabulary.ts STATUS_ROLES) in words; an unknown one by its name. */
export function statusRoleText(w: Words, role: string) {
  const key = `process.statusRole.${role}`;
  return w.has(key) ? w.t(key) : role;
}

const factName = (w: Words, fact: string) => (w.has(`process.fact.${fact}`) ? w.t(`process.fact.${fact}` as TextKey) : fact);
const valueWord = (w: Words, v: unknown) => {
  if (typeof v === 'boolean') return w.t(v ? 'app.yes' : 'app.no').toLowerCase();
  const key = `process.value.${String(v)}`;
  return w.has(key) ? w.t(key as TextKey) : s(v);
};
const factValue = (v: unknown, w: Words) => (Array.isArray(v) ? v.map((x) => valueWord(w, x)).join(', ') : valueWord(w, v));

export function roleText(w: Words, role: string) {
  if (role === 'system') return w.t('process.role.system');
  const key = `role.${role}`;
  return w.has(key) ? w.t(key) : role;
}

const templateName = (w: Words, template: string) => (w.has(`tl.tpl.${template}`) ? w.t(`tl.tpl.${template}` as TextKey) : template);
const periodText = (w: Words, m: ProcessModel, key: string) => {
  const p = m.periods.find((x) => x.key === key);
  return p ? `${key}, ${durationText(w, p.duration)}` : key;
};
const stepLabel = (w: Words, m: ProcessModel, key: string) => w.l(m.steps.find((x) => x.key === key)?.label) || key;
const letterStage = (w: Words, stage: string) => (w.has(`letters.status.${stage}`) ? w.t(`letters.status.${stage}` as TextKey) : stage);
const letterKinds = (w: Words, kinds: unknown) =>
  (Array.isArray(kinds) ? kinds : []).map((k) => (w.has(`letters.kind.${k}`) ? w.t(`letters.kind.${k}` as TextKey) : String(k))).join(', ');

export function effectText(w: Words, m: ProcessModel, e: Effect): string {
  const r = e.raw;
  switch (e.type) {
    case 'assignTeam':
      return w.t('process.effect.assignTeam', { team: s(r.team) });
    case 'assignActor':
    case 'unassign':
    case 'completeTasks':
    case 'noticeOfNotHandling':
    case 'sendSurvey':
      return w.t(`process.effect.${e.type}`);
    case 'createTask':
      return r.team
        ? w.t('process.effect.createTaskTeam', { team: s(r.team), subject: w.l(bi(r.subject)) || s(r.taskKey) })
        : w.t('process.effect.createTask', { subject: w.l(bi(r.subject)) || s(r.taskKey) });
    case 'startTimer': {
      const fire = (r.fire ?? {}) as { transition?: string; task?: { subject?: unknown; taskKey?: string } };
      const then = fire.transition
        ? stepLabel(w, m, fire.transition)
        : w.t('process.timerTask', { subject: w.l(bi(fire.task?.subject)) || s(fire.task?.taskKey) });
      return w.t('process.effect.startTimer', { timer: s(r.timer), period: periodText(w, m, s(r.period)), then });
    }
    case 'sendMessage':
      return w.t('process.effect.sendMessage', { template: templateName(w, s(r.template)) });
    case 'addActionLines':
      return w.t('process.effect.addActionLines', { template: s(r.template) });
    case 'setFact':
      return w.t('process.effect.setFact', { fact: s(r.fact), value: s(r.value) });
    default:
      return w.t('process.effect.other', { type: e.type });
  }
}

export function guardText(w: Words, g: StepView['guards'][number]): string {
  const r = g.raw;
  switch (g.type) {
    case 'letter':
      return Array.isArray(r.kinds) && r.kinds.length
        ? w.t('process.guard.letter', { kinds: letterKinds(w, r.kinds), stage: letterStage(w, s(r.atLeast)) })
        : w.t('process.guard.letterAny', { stage: letterStage(w, s(r.atLeast)) });
    case 'document':
      return w.t('process.guard.document', {
        docType: w.has(`docType.${s(r.docType)}`) ? w.t(`docType.${s(r.docType)}` as TextKey) : s(r.docType),
      });
    case 'tasksDone':
      return w.t('process.guard.tasksDone');
    case 'fact':
      return w.t(r.notIn ? 'process.guard.factNot' : 'process.guard.fact', {
        fact: factName(w, s(r.fact)),
        value: factValue(r.equals ?? r.in ?? r.notIn ?? r.present, w),
      });
    default:
      return w.t('process.guard.other', { type: g.type });
  }
}

export function triggerText(w: Words, trigger: NonNullable<StepView['trigger']>): string {
  const key = `process.trigger.${trigger.type}`;
  return w.t('process.trigger', { what: w.has(key) ? w.t(key) : trigger.type });
}

/** Everything that makes a step happen or lets it happen: timers, triggers, guards. */
export function conditionTexts(w: Words, m: ProcessModel, step: StepView): string[] {
  return [
    ...step.firedBy.map((f) => w.t('process.firedBy', { timer: f.timer, period: periodText(w, m, f.period) })),
    ...(step.trigger ? [triggerText(w, step.trigger)] : []),
    ...step.guards.map((g) => guardText(w, g)),
  ];
}

export const statusLabel = (w: Words, m: ProcessModel, key: string) => w.l(m.statuses.find((x) => x.key === key)?.label) || key;
