import { letterGuardOf } from '../domain/process/roles.ts';
import type { Organisation } from '../config/organisation.ts';
import type { DataField, ProcessDefinition, Transition } from '../domain/process/definition.ts';
import { transitionsFrom } from '../domain/process/validateProcess.ts';
import type { Role } from '../domain/roles.ts';

/**
 * How the demo finds its way through any configured process, read from the definition alone, so
 * every organisation's configuration gets demo users in its own teams and cases in its own statuses.
 */

type DemoUser = { roles: readonly string[]; teams: readonly string[] };

/**
 * The teams each demo user joins: the configured teams its entry names; when none of those exist,
 * the teams the processes give work to that one of its roles works on. A team the processes give
 * work to that nobody joined that way (e.g. a subteam next to the named one) gets the users whose
 * roles work on it, so no team's queue is left without people.
 */
export function demoTeams(users: readonly DemoUser[], org: Organisation, defs: ProcessDefinition[]): string[][] {
  const configured = org.teams.map((t) => t.key);
  const worked = workedTeams(org, defs);
  const joins = (u: DemoUser, team: string) => u.roles.some((r) => worked.get(team)?.has(r));
  const teams = users.map((u) => {
    const named = u.teams.filter((k) => configured.includes(k));
    return named.length ? named : configured.filter((k) => joins(u, k));
  });
  for (const team of configured) {
    if (teams.some((ts) => ts.includes(team))) continue;
    users.forEach((u, i) => {
      if (joins(u, team)) teams[i] = configured.filter((k) => k === team || teams[i]!.includes(k));
    });
  }
  return teams;
}

/**
 * Per team, the roles that work on what the processes give it (team assignment, team tasks, action
 * lines, timer tasks, the portal's intake team): the roles of the steps out of the status that work
 * lands in. Catch-all steps (`from: '*'`, such as cancel) do not count: they are an exit, not the work.
 */
function workedTeams(org: Organisation, defs: ProcessDefinition[]): Map<string, Set<string>> {
  const worked = new Map<string, Set<string>>();
  const give = (def: ProcessDefinition, status: string, team: string | undefined) => {
    if (!team) return;
    const roles = worked.get(team) ?? new Set<string>();
    for (const t of def.transitions) {
      if (t.from === '*' || !t.from.includes(status)) continue;
      for (const r of t.roles) if (r !== 'system') roles.add(r);
    }
    worked.set(team, roles);
  };
  for (const def of defs) {
    give(def, def.initialStatus, org.portal.intakeTeam);
    for (const t of def.transitions) {
      for (const e of t.effects) {
        if (e.type === 'assignTeam' || e.type === 'createTask') give(def, t.to, e.team);
        if (e.type === 'addActionLines') for (const line of def.stepTemplates[e.template] ?? []) give(def, t.to, line.team);
        if (e.type === 'startTimer' && 'task' in e.fire) give(def, t.to, e.fire.task.team);
      }
    }
  }
  return worked;
}

/** Short plain-Dutch answers for the texts a step asks for; anything else gets the general one. */
const SAMPLE_TEXT: Record<string, string> = {
  note: 'Besproken met de klant. Zie de tijdlijn.',
  solution: 'We hebben de klant gebeld en samen een oplossing afgesproken.',
  judgmentReasons: 'De klant had gelijk: het duurde te lang. De uitleg was wel juist.',
  measureForComplainant: 'We bieden excuses aan en maken een nieuwe afspraak.',
  informationRequested: 'Uw klantnummer en de datum waarop het gebeurde.',
  departmentQuestion: 'Wilt u de klacht bekijken en een reactie geven?',
  departmentResponse: 'Wij hebben het nagekeken. De klant krijgt alsnog antwoord.',
  hearingSummary: 'De klant is gehoord. We hebben excuses aangeboden.',
};
const GENERAL_TEXT = 'Besproken met de klant en vastgelegd.';

/** A value the field accepts, or undefined when the demo cannot make one up. */
export function sampleValue(f: DataField, now: Date): unknown {
  switch (f.type) {
    case 'select':
      return f.options?.[0]?.value;
    case 'multiselect':
      return f.options?.[0] ? [f.options[0].value] : undefined;
    case 'boolean':
      return true;
    case 'number':
      return 1;
    case 'date':
      return new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
    case 'datetime':
      return new Date(now.getTime() + 7 * 86_400_000).toISOString();
    case 'email':
      return 'klant@example.org';
    default: {
      const text = SAMPLE_TEXT[f.key] ?? GENERAL_TEXT;
      return f.maxLength ? text.slice(0, f.maxLength) : text;
    }
  }
}

/** Values for the required fields only; optional ones stay empty, as a hurried user leaves them. */
export function sampleRequired(fields: readonly DataField[], now: Date): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => f.required).map((f) => [f.key, sampleValue(f, now)]));
}

const fillable = (fields: readonly DataField[]) => fields.every((f) => !f.required || sampleValue(f, new Date(0)) !== undefined);

/**
 * Whether the demo can take a step at all: someone among the demo roles may (never only `system`),
 * every required input can be filled, and a letter it needs to have been sent can be sent by the
 * person taking the step (the letter's send takes the step, as in the staff app).
 */
export function demoCanTake(t: Transition, roles: ReadonlySet<string>, approverRoles: readonly string[]): boolean {
  const takers = t.roles.filter((r): r is Role => r !== 'system' && roles.has(r));
  if (!takers.length || !fillable(t.inputs)) return false;
  const need = letterGuardOf(t)?.atLeast;
  if (need === 'approved' || need === 'sent') return takers.some((r) => approverRoles.includes(r));
  return true;
}

export type DemoWalk = { status: string; steps: Transition[] };

/**
 * One walk to every status the demo can reach, each the shortest (breadth first, in the order the
 * definition lists its steps), starting with the initial status itself. Terminal statuses are in it,
 * so some cases end closed, not handled or cancelled.
 */
export function demoWalks(def: ProcessDefinition, roles: ReadonlySet<string>, approverRoles: readonly string[]): DemoWalk[] {
  const walks: DemoWalk[] = [{ status: def.initialStatus, steps: [] }];
  const seen = new Set([def.initialStatus]);
  for (let i = 0; i < walks.length; i++) {
    const from = walks[i]!;
    for (const t of transitionsFrom(def, from.status)) {
      if (seen.has(t.to) || !demoCanTake(t, roles, approverRoles)) continue;
      seen.add(t.to);
      walks.push({ status: t.to, steps: [...from.steps, t] });
    }
  }
  return walks;
}
