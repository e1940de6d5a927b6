import { z } from 'zod';
import { ROLE_LABELS, ROLES } from '../../domain/roles.ts';
import type {
  changesOf,
  listOrgUnits,
  listStaffAccounts,
  listTeams,
  orgUnitDetail,
  staffAccount,
  substitutionsOf,
  teamDetail,
} from '../../queries/administration.ts';

/** Administration's answers: users, teams, organisation units, substitutions and the change record. */
type Rows<F extends (...a: never[]) => unknown> = Awaited<ReturnType<F>>;
const ref = z.object({ id: z.uuid(), name: z.string() });
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const count = (n: number | string | null) => Number(n ?? 0);

export const rolesOut = z.object({
  items: z.array(z.object({ key: z.enum(ROLES), label: z.object({ nl: z.string(), en: z.string() }) })),
});
export const presentRoles = () => ({ items: ROLES.map((key) => ({ key, label: ROLE_LABELS[key] })) });

/** One change: who, what, when, and the changed fields before → after (names as they were then). */
export const changeOut = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  by: z.string(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
const presentChanges = (rows: Rows<typeof changesOf>) =>
  rows.map((c) => ({ id: Number(c.id), at: iso(c.occurred_at), by: c.actor_name, action: c.action, before: c.before, after: c.after }));

export const substitutionOut = z.object({ id: z.uuid(), startsOn: z.iso.date(), endsOn: z.iso.date(), absent: ref, substitute: ref });
const presentSubstitutions = (rows: Rows<typeof substitutionsOf>) =>
  rows.map((s) => ({
    id: s.id,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    absent: { id: s.absent_id, name: s.absent_name },
    substitute: { id: s.substitute_id, name: s.substitute_name },
  }));

const userSummary = {
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
  orgUnit: ref.nullable(),
  teams: z.array(ref),
};
export const usersOut = z.object({ items: z.array(z.object(userSummary)) });
export const presentUsers = (rows: Rows<typeof listStaffAccounts>) => ({
  items: rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    roles: u.roles,
    active: u.active,
    orgUnit: u.org_unit_id ? { id: u.org_unit_id, name: u.org_unit_name ?? '' } : null,
    teams: u.teams,
  })),
});

export const userOut = z.object({
  ...userSummary,
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  /** Has logged in through the OpenID provider at least once (the account is linked to it). */
  linked: z.boolean(),
  createdAt: z.iso.datetime(),
  substitutions: z.array(substitutionOut),
  changes: z.array(changeOut),
});
export function presentUser(u: NonNullable<Rows<typeof staffAccount>>): z.infer<typeof userOut> {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    roles: u.roles,
    active: u.active,
    orgUnit: u.org_unit_id ? { id: u.org_unit_id, name: u.org_unit_name ?? '' } : null,
    teams: u.teams,
    jobTitle: u.job_title,
    phone: u.phone,
    linked: u.linked,
    createdAt: iso(u.created_at),
    substitutions: presentSubstitutions(u.substitutions),
    changes: presentChanges(u.changes),
  };
}

const teamSummary = {
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  /** From the organisation's configuration file: name and unit are changed there, members here. */
  fromConfig: z.boolean(),
  orgUnit: ref.nullable(),
  memberCount: z.number().int(),
};
type TeamRow = Rows<typeof listTeams>[number];
const presentTeamSummary = (t: TeamRow) => ({
  id: t.id,
  key: t.key,
  name: t.name,
  fromConfig: t.origin === 'config',
  orgUnit: t.org_unit_id ? { id: t.org_unit_id, name: t.org_unit_name ?? '' } : null,
  memberCount: count(t.members),
});
export const teamsOut = z.object({ items: z.array(z.object(teamSummary)) });
export const presentTeams = (rows: TeamRow[]) => ({ items: rows.map(presentTeamSummary) });

const member = z.object({ id: z.uuid(), name: z.string(), roles: z.array(z.string()), active: z.boolean() });
export const teamOut = z.object({ ...teamSummary, members: z.array(member), changes: z.array(changeOut) });
export const presentTeam = (t: NonNullable<Rows<typeof teamDetail>>): z.infer<typeof teamOut> => ({
  ...presentTeamSummary(t),
  members: t.memberList,
  changes: presentChanges(t.changes),
});

const unitSummary = {
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  fromConfig: z.boolean(),
  parent: ref.nullable(),
  memberCount: z.number().int(),
};
type UnitRow = Rows<typeof listOrgUnits>[number];
const presentUnitSummary = (u: UnitRow) => ({
  id: u.id,
  key: u.key,
  name: u.name,
  fromConfig: u.origin === 'config',
  parent: u.parent_id ? { id: u.parent_id, name: u.parent_name ?? '' } : null,
  memberCount: count(u.members),
});
export const orgUnitsOut = z.object({ items: z.array(z.object(unitSummary)) });
export const presentOrgUnits = (rows: UnitRow[]) => ({ items: rows.map(presentUnitSummary) });
export const orgUnitOut = z.object({ ...unitSummary, members: z.array(member), teams: z.array(ref), changes: z.array(changeOut) });
export const presentOrgUnit = (u: NonNullable<Rows<typeof orgUnitDetail>>): z.infer<typeof orgUnitOut> => ({
  ...presentUnitSummary(u),
  members: u.memberList,
  teams: u.teams,
  changes: presentChanges(u.changes),
});
