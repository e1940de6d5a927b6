import type pg from 'pg';
import type { ProcessDefinition, Transition } from '../../server/domain/process/definition.ts';
import { CHANNEL_WEIGHTS, CLOSED_STATUS_WEIGHTS, OPEN_STATUS_WEIGHTS, ROLE_TEAM, STAFF } from './content.ts';

/**
 * What the seed SQL needs to know about the organisation and the process, worked out from their
 * definitions (not hard-coded), so the data keeps matching when the process changes: per status its
 * team, whether a user holds it, its open task and its pending timer.
 */
export type StatusInfo = {
  status: string;
  is_open: boolean;
  case_team: string | null;
  case_users: string[];
  task_key: string | null;
  task_subject: string | null;
  task_team: string | null;
  task_users: string[];
  timer_key: string | null;
  timer_payload: Record<string, unknown> | null;
};
export type SeedModel = {
  teamIds: Record<string, string>;
  statuses: StatusInfo[];
  tasks: { idx: number; task_key: string; subject: string; team: string | null }[];
  openSlots: string[];
  closedSlots: string[];
  channelSlots: string[];
  actors: { id: string; name: string }[];
  agents: { id: string; name: string }[];
  transitionKeys: string[];
  openStatuses: string[];
};

export const staffEmail = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@bench.example`;

export async function buildModel(c: pg.Client, def: ProcessDefinition): Promise<SeedModel> {
  const teamIds: Record<string, string> = Object.fromEntries((await c.query('select key, id from team')).rows.map((r) => [r.key, r.id]));
  const members: Record<string, string[]> = {};
  const actors: { id: string; name: string; roles: string[] }[] = [];
  for (const s of STAFF) {
    const { rows } = await c.query('insert into staff_user (email, name, roles) values ($1, $2, $3) returning id', [
      staffEmail(s.name),
      s.name,
      s.roles,
    ]);
    const id = rows[0].id as string;
    actors.push({ id, name: s.name, roles: s.roles });
    for (const team of s.teams.filter((t) => teamIds[t])) {
      await c.query('insert into team_member (team_id, user_id) values ($1, $2)', [teamIds[team], id]);
      members[team] ??= [];
      members[team].push(id);
    }
  }
  const agents = actors.filter((a) => a.roles.includes('firstLineAgent'));
  const teamOfRoles = (roles: readonly string[]) => roles.map((r) => ROLE_TEAM[r]).find((t) => t && teamIds[t]) ?? null;

  const statuses = def.statuses.map((s): StatusInfo => {
    const into = def.transitions.filter((t) => t.to === s.key);
    // The step a person usually takes into this status (not a timer's system step).
    const t: Transition | undefined = into.find((x) => x.roles.some((r) => r !== 'system')) ?? into[0];
    const initial = s.key === def.initialStatus;
    const roleTeam = t ? teamOfRoles(t.roles) : null;
    const assignTeam = t?.effects.find((e) => e.type === 'assignTeam');
    const caseTeam = initial ? null : assignTeam && 'team' in assignTeam ? assignTeam.team : roleTeam;
    const holdsUser = initial || s.terminal || !!t?.effects.some((e) => e.type === 'assignActor');
    const task = initial ? undefined : t?.effects.find((e) => e.type === 'createTask');
    const timer = t?.effects.find((e) => e.type === 'startTimer');
    return {
      status: s.key,
      is_open: !s.terminal,
      case_team: caseTeam ? (teamIds[caseTeam] ?? null) : null,
      case_users: initial ? agents.map((a) => a.id) : holdsUser ? (members[roleTeam ?? ''] ?? []) : [],
      task_key: task?.type === 'createTask' ? task.taskKey : null,
      task_subject: task?.type === 'createTask' ? task.subject.nl : null,
      task_team: task?.type === 'createTask' && task.team ? (teamIds[task.team] ?? null) : null,
      task_users: task?.type === 'createTask' && task.team ? (members[task.team] ?? []) : [],
      timer_key: timer?.type === 'startTimer' ? timer.timer : s.remindAfter ? 'reminder' : null,
      timer_payload:
        timer?.type === 'startTimer'
          ? { status: s.key, period: timer.period, fire: timer.fire }
          : s.remindAfter
            ? { status: s.key, period: s.remindAfter, fire: { remind: true } }
            : null,
    };
  });

  const taskEffects = new Map<string, { subject: string; team: string | null }>();
  for (const t of def.transitions) {
    for (const e of t.effects) {
      if (e.type === 'createTask' && !taskEffects.has(e.taskKey))
        taskEffects.set(e.taskKey, { subject: e.subject.nl, team: e.team ? (teamIds[e.team] ?? null) : null });
    }
  }
  const open = def.statuses.filter((s) => !s.terminal).map((s) => s.key);
  const closed = def.statuses.filter((s) => s.terminal).map((s) => s.key);
  return {
    teamIds,
    statuses,
    tasks: [...taskEffects].map(([task_key, v], idx) => ({ idx, task_key, subject: v.subject, team: v.team })),
    openSlots: slots(open, OPEN_STATUS_WEIGHTS),
    closedSlots: slots(closed, CLOSED_STATUS_WEIGHTS),
    channelSlots: slots(Object.keys(CHANNEL_WEIGHTS), CHANNEL_WEIGHTS),
    actors: actors.filter((a) => a.roles.some((r) => r in ROLE_TEAM)),
    agents,
    transitionKeys: def.transitions.map((t) => t.key),
    openStatuses: open,
  };
}

/** 100 slots filled in proportion to the weights, so SQL picks one with a single array index. */
function slots(keys: string[], weights: Record<string, number>): string[] {
  const w = keys.map((k) => weights[k] ?? 5);
  const total = w.reduce((a, b) => a + b, 0);
  const out: string[] = [];
  keys.forEach((k, i) => {
    const until = Math.round((100 * w.slice(0, i + 1).reduce((a, b) => a + b, 0)) / total);
    while (out.length < until) out.push(k);
  });
  return out;
}
