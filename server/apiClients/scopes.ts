import type { Permission } from '../policies/permissions.ts';

/**
 * The permissions an API key may carry. Another system reads and registers; it does not administer
 * (users, keys, the audit log, retention, data subjects' requests, quarantined mail), decide
 * (process steps, regimes, measures, letters: a process gives steps to roles, and a key has none),
 * merge people or publish; nor what is about a person (reports, measures one owns, saved filters). `case:read` alone shows a key nothing: it has no own or team cases
 * (queries/scope.ts), so reading cases needs `case:readAll` too.
 */
export const API_CLIENT_SCOPES = [
  'activity:read',
  'activity:create',
  'case:read',
  'case:readAll',
  'case:create',
  'case:edit',
  'case:note',
  'case:export',
  'staff:read',
  'process:read',
  'survey:read',
  'analysis:read',
] as const satisfies readonly Permission[];
export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number];
