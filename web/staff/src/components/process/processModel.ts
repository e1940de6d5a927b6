import type { Bilingual } from '../../api/types.ts';

/**
 * A process definition read for showing, not for running: whatever JSON the server holds (a
 * shipped file, an upload, a newer shape with fields this screen does not know yet) becomes statuses
 * and steps with what each does. Unknown fields are ignored and unknown effect, guard and trigger
 * types are shown by their `type`, so the page never breaks on a definition it can run.
 */
export type Effect = { type: string; kind: EffectKind; raw: Record<string, unknown> };
export type EffectKind = 'timer' | 'message' | 'letter' | 'task' | 'assignment' | 'fact' | 'survey' | 'other';

export type StatusView = {
  key: string;
  label: Bilingual;
  citizenLabel: Bilingual | null;
  citizenStep: string | null;
  terminal: boolean;
  initial: boolean;
  roles: string[];
  remindAfter: string | null;
};
export type StepView = {
  key: string;
  label: Bilingual;
  /** Status keys, or 'any' for a step that can be taken in every open status. */
  from: string[] | 'any';
  to: string;
  roles: string[];
  effects: Effect[];
  inputs: { key: string; label: Bilingual; required: boolean }[];
  guards: { type: string; raw: Record<string, unknown> }[];
  trigger: { type: string; raw: Record<string, unknown> } | null;
  /** Timers (of other steps) that take this step when they run out. */
  firedBy: { timer: string; period: string; step: string }[];
};
export type ProcessModel = {
  key: string;
  label: Bilingual;
  version: number | null;
  regime: string | null;
  initialStatus: string;
  statuses: StatusView[];
  steps: StepView[];
  periods: { key: string; duration: Duration }[];
  citizenSteps: { key: string; label: Bilingual }[];
  fields: { key: string; label: Bilingual; type: string; required: boolean }[];
};
export type Duration = { unit: 'days' | 'workingDays' | 'weeks' | 'hours'; n: number } | { unit: 'other'; text: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown) => arr(v).filter((x): x is string => typeof x === 'string');
const bilingual = (v: unknown, fallback: string): Bilingual =>
  isObj(v) ? { nl: str(v.nl, fallback), en: str(v.en, str(v.nl, fallback)) } : { nl: fallback, en: fallback };

const EFFECT_KINDS: Record<string, EffectKind> = {
  startTimer: 'timer',
  sendMessage: 'message',
  noticeOfNotHandling: 'letter',
  createTask: 'task',
  completeTasks: 'task',
  addActionLines: 'task',
  assignTeam: 'assignment',
  assignActor: 'assignment',
  unassign: 'assignment',
  setFact: 'fact',
  sendSurvey: 'survey',
};
export const effectKind = (type: string): EffectKind => EFFECT_KINDS[type] ?? (/letter/i.test(type) ? 'letter' : 'other');

function duration(v: unknown): Duration {
  if (isObj(v)) {
    for (const unit of ['days', 'workingDays', 'weeks', 'hours'] as const)
      if (typeof v[unit] === 'number') return { unit, n: v[unit] as number };
  }
  return { unit: 'other', text: JSON.stringify(v) };
}

/** Reads a definition; throws only when it is not an object at all. */
export function readProcess(definition: unknown): ProcessModel {
  if (!isObj(definition)) throw new Error('not a process definition');
  const initialStatus = str(definition.initialStatus);
  const statuses: StatusView[] = arr(definition.statuses)
    .filter(isObj)
    .map((s) => {
      const key = str(s.key, '?');
      return {
        key,
        label: bilingual(s.label, key),
        citizenLabel: isObj(s.citizenLabel) ? bilingual(s.citizenLabel, key) : null,
        citizenStep: typeof s.citizenStep === 'string' ? s.citizenStep : null,
        terminal: s.terminal === true,
        initial: key === initialStatus,
        roles: strings(s.roles),
        remindAfter: typeof s.remindAfter === 'string' ? s.remindAfter : null,
      };
    });
  const steps: StepView[] = arr(definition.transitions)
    .filter(isObj)
    .map((t) => {
      const key = str(t.key, '?');
      return {
        key,
        label: bilingual(t.label, key),
        from: t.from === '*' ? 'any' : strings(t.from),
        to: str(t.to),
        roles: strings(t.roles),
        effects: arr(t.effects)
          .filter(isObj)
          .map((e) => ({ type: str(e.type, '?'), kind: effectKind(str(e.type)), raw: e })),
        inputs: arr(t.inputs)
          .filter(isObj)
          .map((i) => ({ key: str(i.key, '?'), label: bilingual(i.label, str(i.key, '?')), required: i.required === true })),
        guards: [
          ...arr(t.guards)
            .filter(isObj)
            .map((g) => ({ type: str(g.type, '?'), raw: g })),
          // The older shape: requirements as fields of the step.
          ...(isObj(t.requiresLetter) ? [{ type: 'letter', raw: t.requiresLetter }] : []),
          ...(typeof t.requiresDocument === 'string' ? [{ type: 'document', raw: { docType: t.requiresDocument } }] : []),
          ...(t.requiresTasksDone === true ? [{ type: 'tasksDone', raw: {} }] : []),
        ],
        trigger: isObj(t.trigger) ? { type: str(t.trigger.type, '?'), raw: t.trigger } : null,
        firedBy: [],
      };
    });
  const byKey = new Map(steps.map((s) => [s.key, s]));
  for (const s of steps)
    for (const e of s.effects) {
      const fire = e.raw.fire;
      if (e.type === 'startTimer' && isObj(fire) && typeof fire.transition === 'string')
        byKey.get(fire.transition)?.firedBy.push({ timer: str(e.raw.timer), period: str(e.raw.period), step: s.key });
    }
  const caseType = isObj(definition.caseType) ? definition.caseType : {};
  return {
    key: str(definition.key),
    label: bilingual(definition.label, str(definition.key)),
    version: typeof definition.version === 'number' ? definition.version : null,
    regime: typeof definition.regime === 'string' ? definition.regime : null,
    initialStatus,
    statuses,
    steps,
    periods: Object.entries(isObj(definition.periods) ? definition.periods : {}).map(([key, v]) => ({ key, duration: duration(v) })),
    citizenSteps: arr(definition.citizenSteps)
      .filter(isObj)
      .map((c) => ({ key: str(c.key, '?'), label: bilingual(c.label, str(c.key, '?')) })),
    fields: arr(caseType.fields)
      .filter(isObj)
      .map((f) => ({ key: str(f.key, '?'), label: bilingual(f.label, str(f.key, '?')), type: str(f.type), required: f.required === true })),
  };
}

/** The statuses a step starts from, with 'any' spelled out: every status that is not an end status. */
export const fromStatuses = (m: ProcessModel, s: StepView) =>
  s.from === 'any' ? m.statuses.filter((x) => !x.terminal).map((x) => x.key) : s.from;
