import { processDefinitionSchema, type ProcessDefinition, type ProcessDefinitionInput } from './definition.ts';

/**
 * Parses a definition and checks it is consistent as a whole. An inconsistent definition is refused
 * with every problem named, so the server never starts with a process a case could get stuck in.
 */
export class ProcessDefinitionError extends Error {
  readonly processKey: string;
  readonly problems: string[];
  constructor(processKey: string, problems: string[]) {
    super(`Process definition "${processKey}" is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProcessDefinitionError';
    this.processKey = processKey;
    this.problems = problems;
  }
}

export function validateProcess(
  input: ProcessDefinitionInput,
  knownTeams: readonly string[],
  knownTemplates?: readonly string[],
): ProcessDefinition {
  const parsed = processDefinitionSchema.safeParse(input);
  const name = typeof input?.key === 'string' ? input.key : '(no key)';
  if (!parsed.success) {
    throw new ProcessDefinitionError(
      name,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const def = parsed.data;
  const problems: string[] = [];
  const statusKeys = new Set<string>();
  for (const s of def.statuses) {
    if (statusKeys.has(s.key)) problems.push(`status "${s.key}" is defined twice`);
    statusKeys.add(s.key);
  }
  const stepKeys = new Set(def.citizenSteps.map((s) => s.key));
  for (const s of def.statuses) {
    if (!stepKeys.has(s.citizenStep)) problems.push(`status "${s.key}" names unknown citizen step "${s.citizenStep}"`);
  }
  if (!statusKeys.has(def.initialStatus)) problems.push(`initial status "${def.initialStatus}" is not a status`);

  const transitionKeys = new Set<string>();
  for (const t of def.transitions) {
    if (transitionKeys.has(t.key)) problems.push(`transition "${t.key}" is defined twice`);
    transitionKeys.add(t.key);
    if (!statusKeys.has(t.to)) problems.push(`transition "${t.key}" goes to unknown status "${t.to}"`);
    for (const from of t.from === '*' ? [] : t.from) {
      if (!statusKeys.has(from)) problems.push(`transition "${t.key}" starts from unknown status "${from}"`);
    }
    const inputKeys = new Set<string>();
    for (const i of t.inputs) {
      if (inputKeys.has(i.key)) problems.push(`transition "${t.key}" has input "${i.key}" twice`);
      inputKeys.add(i.key);
      if (i.type === 'select' && !i.options?.length) problems.push(`input "${t.key}.${i.key}" is a select without options`);
    }
    for (const e of t.effects) {
      const team = 'team' in e ? e.team : e.type === 'startTimer' && 'task' in e.fire ? e.fire.task.team : undefined;
      if (team && !knownTeams.includes(team)) problems.push(`transition "${t.key}" names unknown team "${team}"`);
      if (e.type === 'sendMessage' && knownTemplates && !knownTemplates.includes(e.template)) {
        problems.push(`transition "${t.key}" sends unknown template "${e.template}"`);
      }
      if (e.type === 'sendSurvey' && !def.periods.surveyQuietPeriod)
        problems.push(`transition "${t.key}" sends a survey but the process has no "surveyQuietPeriod"`);
      if (e.type === 'addActionLines') {
        const lines = def.stepTemplates[e.template];
        if (!lines) problems.push(`transition "${t.key}" adds unknown step template "${e.template}"`);
        for (const line of lines ?? [])
          if (line.team && !knownTeams.includes(line.team))
            problems.push(`step template "${e.template}" names unknown team "${line.team}"`);
      }
      if (e.type === 'startTimer') {
        if (!def.periods[e.period]) problems.push(`transition "${t.key}" starts timer "${e.timer}" with unknown period "${e.period}"`);
        if ('transition' in e.fire) {
          const fired = def.transitions.find((x) => x.key === (e.fire as { transition: string }).transition);
          if (!fired) problems.push(`timer "${e.timer}" fires unknown transition "${e.fire.transition}"`);
          else if (!fired.roles.includes('system')) problems.push(`timer "${e.timer}" fires "${fired.key}", which the system may not take`);
          else if (fired.from !== '*' && !fired.from.includes(t.to))
            problems.push(`timer "${e.timer}" fires "${fired.key}", which cannot start from "${t.to}"`);
        }
      }
    }
  }
  for (const st of def.statuses) {
    if (st.remindAfter && !def.periods[st.remindAfter])
      problems.push(`status "${st.key}" reminds after unknown period "${st.remindAfter}"`);
  }
  for (const f of def.caseType.fields) {
    if (f.type === 'select' && !f.options?.length) problems.push(`data field "${f.key}" is a select without options`);
  }

  const outgoing = (status: string) => def.transitions.filter((t) => (t.from === '*' ? !isTerminal(def, status) : t.from.includes(status)));
  for (const s of def.statuses) {
    if (s.terminal && def.transitions.some((t) => t.from !== '*' && t.from.includes(s.key))) {
      problems.push(`terminal status "${s.key}" has outgoing transitions`);
    }
    if (!s.terminal && outgoing(s.key).length === 0) problems.push(`status "${s.key}" is not terminal but has no way out`);
  }
  // Every status must be reachable from the initial one.
  const reached = new Set([def.initialStatus]);
  const todo = [def.initialStatus];
  while (todo.length) {
    const current = todo.pop()!;
    for (const t of outgoing(current)) {
      if (!reached.has(t.to) && statusKeys.has(t.to)) {
        reached.add(t.to);
        todo.push(t.to);
      }
    }
  }
  for (const s of def.statuses) if (!reached.has(s.key)) problems.push(`status "${s.key}" is unreachable`);

  if (problems.length) throw new ProcessDefinitionError(def.key, problems);
  return def;
}

const isTerminal = (def: ProcessDefinition, status: string) => def.statuses.find((s) => s.key === status)?.terminal ?? false;

export function transitionsFrom(def: ProcessDefinition, status: string) {
  if (isTerminal(def, status)) return [];
  return def.transitions.filter((t) => t.from === '*' || t.from.includes(status));
}
