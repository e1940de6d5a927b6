import type { nlAdminShell } from './nlAdminShell.ts';

/** English for nlAdminShell.ts. */
export const enAdminShell: Record<keyof typeof nlAdminShell, string> = {
  'nav.admin': 'Administration',
  'adminNav.label': 'Parts of Administration',
  'adminNav.users': 'Users and teams',
  'adminNav.subjectRequests': 'Data subject requests',
  'adminNav.apiClients': 'Integrations',
  'adminNav.events': 'Events',
  'adminNav.audit': 'Audit log',
  'adminNav.retention': 'Destruction',
  'adminNav.quarantine': 'Quarantined mail',
};
