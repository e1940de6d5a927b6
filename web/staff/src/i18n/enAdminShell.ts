import type { nlAdminShell } from './nlAdminShell.ts';

/** English for nlAdminShell.ts. */
export const enAdminShell: Record<keyof typeof nlAdminShell, string> = {
  'nav.admin': 'Administration',
  'adminNav.label': 'Parts of Administration',
};
