import { useResource } from '../../../api/useResource.ts';
import type { RoleOption, TeamSummary, UnitSummary } from './adminTypes.ts';

/** The choices the user forms offer: roles, teams and units. */
export function useAdminOptions() {
  const roles = useResource<{ items: RoleOption[] }>('/admin/roles');
  const teams = useResource<{ items: TeamSummary[] }>('/admin/teams');
  const units = useResource<{ items: UnitSummary[] }>('/admin/org-units');
  return {
    roles: roles.data?.items ?? [],
    teams: teams.data?.items ?? [],
    units: units.data?.items ?? [],
    reload: () => {
      teams.reload();
      units.reload();
    },
    loading: roles.loading || teams.loading || units.loading,
    error: roles.error ?? teams.error ?? units.error,
  };
}
