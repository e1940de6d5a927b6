import type { z } from 'zod';
import {
  type FactCondition,
  type ProcessDefinition,
  type ProcessDefinitionInput,
  processDefinitionSchema,
  type Transition,
  type TransitionInput,
} from './definition.ts';
import { FACTS, type FactKey } from './vocabulary.ts';

/**
 * Parses a definition and checks it is consistent as a whole and names only what the engine offers
 * (vocabulary.ts). An inconsistent definition is refused with every problem named by its path in the
 * file, so the server never starts with a process a case could get stuck in.
 */
export class ProcessDefinitionError extends Error {
  readonly processKey: string;
  readonly problems: string[];
  readonly file: string | undefined;
  constructor(processKey: string, problems: string[], file?: string) {
    super(`Process definition "${processKey}"${file ? ` (${file})` : ''} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProcessDefinitionError';
    this.processKey = processKey;
    this.problems = problems;
    this.file = file;
  }
}

export type ValidationContext = {
  /** Team keys of the organisation. */
  teams: readonly string[];
  /** Mail template keys that exist. */
  templates?: readonly string[];
  /** Those meant for staff: a message to a configured address uses one, a message to the complainant never does. */
  staffTemplates?: readonly string[];
  /** The file the definition came from, named in the error. */
  file?: string;
};

const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '(root)';

export function validateProcess(input: ProcessDefinitionInput | unknown, ctx: ValidationContext): ProcessDefinition {
  const parsed = processDefinitionSchema.safeParse(input);
  const raw = input as { key?: unknown } | null;
  const name = typeof raw?.key === 'string' ? raw.key : '(no key)';
  if (!parsed.success) {
    throw new ProcessDefinitionError(name, describeIssues(parsed.error.issues), ctx.file);
  }
  const problems = checkDefinition(parsed.data, ctx);
  if (problems.length) throw new ProcessDefinitionError(parsed.data.key, problems, ctx.file);
  return parsed.data;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => {
    if (i.code === 'invalid_value')
      return `${pathOf(i.path)}: "${String((i as { input?: unknown }).input)}" is not one of ${i.values.join(', ')}`;
    if (i.code === 'invalid_union' && i.path.at(-1) === 'type') return `${pathOf(i.path)}: unknown type`;
    return `${pathOf(i.path)}: ${i.message}`;
  });
}

/** Every consistency problem of a parsed definition, each as "path: what is wrong". */
export function checkDefinition(def: ProcessDefinition, ctx: ValidationContext): string[] {
  const problems: string[] = [];
  const at = (path: string, message: string) => problems.push(`${path}: ${message}`);
  const statusKeys = new Set<string>();
  def.statuses.forEach((s, i) => {
    if (statusKeys.has(s.key)) at(`statuses[${i}].key`, `status "${s.key}" is defined twice`);
    statusKeys.add(s.key);
  });
  const stepKeys = new Set(def.citizenSteps.map((s) => s.key));
  def.statuses.forEach((s, i) => {
    if (!stepKeys.has(s.citizenStep)) at(`statuses[${i}].citizenStep`, `unknown citizen step "${s.citizenStep}"`);
    if (s.remindAfter && !def.periods[s.remindAfter]) at(`statuses[${i}].remindAfter`, `unknown period "${s.remindAfter}"`);
    if (s.terminal && s.roles.length) at(`statuses[${i}].roles`, 'a terminal status plays no role');
  });
  if (!statusKeys.has(def.initialStatus)) at('initialStatus', `"${def.initialStatus}" is not a status`);
  checkConditions(def.statutoryClocksWhen, 'statutoryClocksWhen', at);
  const letterKinds = new Set<string>();
  def.letters.forEach((l, i) => {
    if (letterKinds.has(l.kind)) at(`letters[${i}].kind`, `letter kind "${l.kind}" is listed twice`);
    letterKinds.add(l.kind);
    checkConditions(l.when, `letters[${i}].when`, at);
  });
  if (def.otherRegimes.includes(def.regime)) at('otherRegimes', `"${def.regime}" is already the process's regime`);
  const reasons = new Set<string>();
  def.completionReasons.forEach((r, i) => {
    if (reasons.has(r.value)) at(`completionReasons[${i}].value`, `completion reason "${r.value}" is listed twice`);
    reasons.add(r.value);
  });
  if (def.completionReasons.length && !Object.keys(def.stepTemplates).length)
    at('completionReasons', 'completion reasons need action lines: add a step template');

  const transitionKeys = new Set<string>();
  def.transitions.forEach((t, ti) => {
    const p = `transitions[${ti}]`;
    if (transitionKeys.has(t.key)) at(`${p}.key`, `transition "${t.key}" is defined twice`);
    transitionKeys.add(t.key);
    if (!statusKeys.has(t.to)) at(`${p}.to`, `unknown status "${t.to}"`);
    if (t.from !== '*') {
      for (const [fi, from] of t.from.entries()) if (!statusKeys.has(from)) at(`${p}.from[${fi}]`, `unknown status "${from}"`);
    }
    const inputKeys = new Set<string>();
    t.inputs.forEach((input, ii) => {
      if (inputKeys.has(input.key)) at(`${p}.inputs[${ii}].key`, `input "${input.key}" is defined twice`);
      inputKeys.add(input.key);
      if ((input.type === 'select' || input.type === 'multiselect') && !input.options?.length)
        at(`${p}.inputs[${ii}].options`, 'a select needs options');
      if (input.fact) checkFactInput(input, `${p}.inputs[${ii}]`, at);
    });
    t.guards.forEach((g, gi) => {
      if (g.type === 'fact') checkConditions([g], `${p}.guards[${gi}]`, at, true);
      if (g.type === 'letter')
        for (const k of g.kinds ?? []) if (!letterKinds.has(k)) at(`${p}.guards[${gi}].kinds`, `the process uses no "${k}" letter`);
    });
    if (t.trigger?.kinds && !['letterSent', 'letterSubmitted'].includes(t.trigger.type))
      at(`${p}.trigger.kinds`, 'only letter triggers name kinds');
    if (t.trigger && t.from === '*') at(`${p}.trigger`, 'a triggered step names the statuses it starts from');
    if (t.trigger && t.inputs.some((i) => i.required && !i.fact))
      at(`${p}.trigger`, 'a triggered step cannot have required inputs other than the facts its event brings');
    if ((t.trigger?.type === 'complainantAnswered' || t.trigger?.type === 'hearingBooked') && !t.roles.includes('system'))
      at(`${p}.roles`, `the complainant's own action takes this step, so "system" must be one of its roles`);
    t.effects.forEach((e, ei) => {
      checkEffect(def, t, e, `${p}.effects[${ei}]`, ctx, at);
    });
  });
  checkRoles(def, at);
  checkReachability(def, at);
  return problems;
}

type At = (path: string, message: string) => void;

function checkFactInput(input: TransitionInput, path: string, at: At) {
  const spec: { type: string; values?: readonly string[]; derived?: true } = FACTS[input.fact as FactKey];
  if (spec.derived) at(`${path}.fact`, `"${input.fact}" is recorded by the engine itself, not by a step`);
  const compatible: Record<string, readonly string[]> = {
    select: ['select'],
    multiselect: ['multiselect'],
    boolean: ['boolean'],
    datetime: ['datetime', 'date'],
    text: ['text', 'textarea', 'select'],
    email: ['email'],
  };
  if (!compatible[spec.type]?.includes(input.type))
    at(`${path}.type`, `fact "${input.fact}" needs a ${spec.type} input, not ${input.type}`);
  if ('values' in spec && spec.values)
    for (const o of input.options ?? [])
      if (!spec.values.includes(o.value))
        at(`${path}.options`, `"${o.value}" is not a value of fact "${input.fact}" (${spec.values.join(', ')})`);
}

function checkConditions(conditions: readonly FactCondition[], path: string, at: At, single = false) {
  conditions.forEach((c, i) => {
    const p = single ? path : `${path}[${i}]`;
    const spec = FACTS[c.fact as FactKey];
    const values = [c.equals, ...(c.in ?? []), ...(c.notIn ?? [])].filter((v) => v !== undefined);
    if (c.equals === undefined && !c.in && !c.notIn && c.present === undefined) at(p, 'a condition needs equals, in, notIn or present');
    for (const v of values) {
      if (spec.type === 'boolean' && typeof v !== 'boolean') at(p, `fact "${c.fact}" is true or false`);
      if ('values' in spec && spec.values && !spec.values.includes(String(v))) at(p, `"${String(v)}" is not a value of fact "${c.fact}"`);
    }
  });
}

function checkEffect(def: ProcessDefinition, t: Transition, e: Transition['effects'][number], p: string, ctx: ValidationContext, at: At) {
  const knownTeam = (team: string | undefined, path: string) => team && !ctx.teams.includes(team) && at(path, `unknown team "${team}"`);
  const teamInput = (key: string | undefined, path: string) => {
    if (!key) return;
    const input = t.inputs.find((i) => i.key === key);
    if (!input || input.type !== 'select') return at(path, `"${key}" is not a select input of this step`);
    for (const o of input.options ?? []) if (!ctx.teams.includes(o.value)) at(path, `option "${o.value}" of input "${key}" is not a team`);
  };
  switch (e.type) {
    case 'assignTeam':
    case 'createTask':
      if (e.type === 'assignTeam' && !e.team === !e.teamFromInput) at(p, 'name either team or teamFromInput');
      knownTeam(e.team, `${p}.team`);
      teamInput(e.teamFromInput, `${p}.teamFromInput`);
      return;
    case 'noticeOfNotHandling':
      knownTeam(e.team, `${p}.team`);
      if (!def.letters.some((l) => l.kind === 'notHandling')) at(p, 'the process uses no "notHandling" letter');
      return;
    case 'sendMessage':
      checkConditions(e.when, `${p}.when`, at);
      if (ctx.templates && !ctx.templates.includes(e.template)) at(`${p}.template`, `unknown mail template "${e.template}"`);
      else if (ctx.staffTemplates && (e.to === 'complainant') === ctx.staffTemplates.includes(e.template))
        at(
          `${p}.template`,
          e.to === 'complainant'
            ? `"${e.template}" is a message for staff, not for the complainant`
            : `"${e.template}" is a message for the complainant; a configured address gets a staff template`,
        );
      for (const [field, input] of Object.entries(e.vars ?? {}))
        if (!t.inputs.some((i) => i.key === input)) at(`${p}.vars.${field}`, `"${input}" is not an input of this step`);
      if (
        typeof e.to === 'object' &&
        'departmentManager' in e.to &&
        !def.transitions.some((x) => x.inputs.some((i) => i.fact === 'department'))
      )
        at(`${p}.to`, 'no step of the process records the department');
      if (typeof e.to === 'object' && 'addressFromFact' in e.to) {
        const fact = e.to.addressFromFact;
        if (FACTS[fact].type !== 'email') at(`${p}.to.addressFromFact`, `fact "${fact}" is not an e-mail address`);
        else if (!t.inputs.some((i) => i.fact === fact)) at(`${p}.to.addressFromFact`, `no input of this step records "${fact}"`);
      }
      return;
    case 'sendSurvey':
      if (!def.periods.surveyQuietPeriod) at(p, 'a survey needs the period "surveyQuietPeriod"');
      return;
    case 'addActionLines': {
      const lines = def.stepTemplates[e.template];
      if (!lines) at(`${p}.template`, `unknown step template "${e.template}"`);
      lines?.forEach((line, i) => {
        knownTeam(line.team, `stepTemplates.${e.template}[${i}].team`);
      });
      return;
    }
    case 'setFact':
      checkConditions([{ fact: e.fact, equals: e.value }], p, at, true);
      return;
    case 'startTimer': {
      if (!def.periods[e.period]) at(`${p}.period`, `unknown period "${e.period}"`);
      if ('task' in e.fire) return knownTeam(e.fire.task.team, `${p}.fire.task.team`);
      const fired = def.transitions.find((x) => x.key === (e.fire as { transition: string }).transition);
      if (!fired) at(`${p}.fire.transition`, `unknown transition "${e.fire.transition}"`);
      else if (!fired.roles.includes('system')) at(`${p}.fire.transition`, `"${fired.key}" may not be taken by the system`);
      else if (fired.from !== '*' && !fired.from.includes(t.to)) at(`${p}.fire.transition`, `"${fired.key}" cannot start from "${t.to}"`);
      return;
    }
  }
}

/** A status that plays a role must offer the step the portal takes for it. */
function checkRoles(def: ProcessDefinition, at: At) {
  def.statuses.forEach((s, i) => {
    const out = transitionsFrom(def, s.key);
    if (s.roles.includes('waitsForInformation')) {
      if (!out.some((t) => t.trigger?.type === 'complainantAnswered'))
        at(`statuses[${i}].roles`, `"${s.key}" waits for information but no step from it has trigger "complainantAnswered"`);
      const into = def.transitions.filter((t) => t.to === s.key);
      if (!into.every((t) => t.inputs.some((x) => x.fact === 'informationRequest')))
        at(`statuses[${i}].roles`, `every step into "${s.key}" needs an input with fact "informationRequest" (the question)`);
    }
    if (s.roles.includes('holdsLetters')) {
      // The letter such a step waits for is one this status holds (roles.ts holdsLetter): it would never go.
      const waits = out.find(
        (t) =>
          t.from !== '*' &&
          (t.trigger?.type === 'letterSent' ||
            t.guards.some((g) => g.type === 'letter' && (g.atLeast === 'approved' || g.atLeast === 'sent'))),
      );
      if (waits)
        at(
          `statuses[${i}].roles`,
          `"${s.key}" holds letters for a review step, but its step "${waits.key}" waits for a letter to be approved or sent`,
        );
    }
    if (s.roles.includes('hearingBooking')) {
      const book = out.find((t) => t.trigger?.type === 'hearingBooked');
      if (!book) at(`statuses[${i}].roles`, `"${s.key}" books hearings but no step from it has trigger "hearingBooked"`);
      else if (!book.inputs.some((x) => x.fact === 'hearingAt'))
        at(`statuses[${i}].roles`, `step "${book.key}" needs an input with fact "hearingAt"`);
    }
  });
  def.transitions.forEach((t, i) => {
    if (
      t.trigger?.type === 'complainantAnswered' &&
      t.from !== '*' &&
      !t.from.some((f) => def.statuses.find((s) => s.key === f)?.roles.includes('waitsForInformation'))
    )
      at(`transitions[${i}].trigger`, 'a "complainantAnswered" step starts from a status with role "waitsForInformation"');
    if (
      t.trigger?.type === 'hearingBooked' &&
      t.from !== '*' &&
      !t.from.some((f) => def.statuses.find((s) => s.key === f)?.roles.includes('hearingBooking'))
    )
      at(`transitions[${i}].trigger`, 'a "hearingBooked" step starts from a status with role "hearingBooking"');
  });
}

function checkReachability(def: ProcessDefinition, at: At) {
  def.statuses.forEach((s, i) => {
    if (s.terminal && def.transitions.some((t) => t.from !== '*' && t.from.includes(s.key)))
      at(`statuses[${i}]`, `terminal status "${s.key}" has outgoing transitions`);
    if (!s.terminal && transitionsFrom(def, s.key).length === 0)
      at(`statuses[${i}]`, `status "${s.key}" is not terminal but has no way out`);
  });
  const reached = reachableFrom(def, def.initialStatus);
  for (const [i, s] of def.statuses.entries()) if (!reached.has(s.key)) at(`statuses[${i}]`, `status "${s.key}" is unreachable`);
}

const isTerminal = (def: ProcessDefinition, status: string) => def.statuses.find((s) => s.key === status)?.terminal ?? false;

export function transitionsFrom(def: ProcessDefinition, status: string) {
  if (isTerminal(def, status)) return [];
  return def.transitions.filter((t) => t.from === '*' || t.from.includes(status));
}

/** Every status some sequence of steps leads to from `status`, that status included. */
export function reachableFrom(def: ProcessDefinition, status: string): Set<string> {
  const reached = new Set([status]);
  const pending = [status];
  while (pending.length) {
    for (const t of transitionsFrom(def, pending.pop()!)) {
      if (!reached.has(t.to) && def.statuses.some((s) => s.key === t.to)) {
        reached.add(t.to);
        pending.push(t.to);
      }
    }
  }
  return reached;
}
