import type { Bilingual } from '../../../i18n/i18n.tsx';

/** What administration's API answers (server/presenters/staff/adminPresenter.ts). */
export type Ref = { id: string; name: string };
export type RoleOption = { key: string; label: Bilingual };
export type Change = {
  id: number;
  at: string;
  by: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};
export type Substitution = { id: string; startsOn: string; endsOn: string; absent: Ref; substitute: Ref };
export type UserSummary = { id: string; name: string; email: string; roles: string[]; active: boolean; orgUnit: Ref | null; teams: Ref[] };
export type UserDetail = UserSummary & {
  jobTitle: string | null;
  phone: string | null;
  linked: boolean;
  createdAt: string;
  substitutions: Substitution[];
  changes: Change[];
};
export type Member = { id: string; name: string; roles: string[]; active: boolean };
export type TeamSummary = { id: string; key: string; name: string; fromConfig: boolean; orgUnit: Ref | null; memberCount: number };
export type TeamDetail = TeamSummary & { members: Member[]; changes: Change[] };
export type UnitSummary = { id: string; key: string; name: string; fromConfig: boolean; parent: Ref | null; memberCount: number };
export type UnitDetail = UnitSummary & { members: Member[]; teams: Ref[]; changes: Change[] };

/** Where the pages live: everything under the section entry's own path. */
export const USERS_PATH = '/beheer/gebruikers';
export const TEAMS_PATH = `${USERS_PATH}/teams`;
export const UNITS_PATH = `${USERS_PATH}/afdelingen`;
