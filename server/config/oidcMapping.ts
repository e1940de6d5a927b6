import { z } from 'zod';
import { ROLES, type Role } from '../domain/roles.ts';

/**
 * Provisioning from the organisation's OpenID provider (organisation JSON `oidc`, docs/oidc.md).
 * Present: the first login makes the account, and every login sets its roles and teams from the
 * provider's groups through this mapping (the provider is the source of truth). Absent: a login only
 * finds an account made in Klachtflow, as before.
 */
// A scope token (RFC 6749 §3.3): printable ASCII without space, quote or backslash.
const scopeToken = z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope is one word without spaces or quotes');
const groupName = z.string().min(1);

export const oidcMappingSchema = z.object({
  /**
   * The claim(s) holding the user's groups or app roles; the values of all of them count. A dotted
   * name reads a nested claim (Keycloak's `realm_access.roles`) when no claim has the whole name.
   */
  groupsClaim: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .default('groups')
    .transform((v) => (Array.isArray(v) ? v : [v])),
  /** Scopes asked besides `openid email profile`, e.g. Keycloak's `groups` client scope. */
  scopes: z.array(scopeToken).default([]),
  /** Group (or app role) → Klachtflow roles. A login whose groups give no role is refused. */
  roles: z.record(groupName, z.array(z.enum(ROLES)).min(1)),
  /** Group → team keys (organisation `teams`). Membership follows the groups exactly. */
  teams: z.record(groupName, z.array(z.string().min(1)).min(1)).default({}),
});
export type OidcMapping = z.output<typeof oidcMappingSchema>;

/** Start-up check: every mapped team exists in the configuration, so a typo stops the server. */
export function checkOidcMapping(mapping: OidcMapping | undefined, teamKeys: ReadonlySet<string>) {
  for (const [group, teams] of Object.entries(mapping?.teams ?? {})) {
    for (const key of teams) if (!teamKeys.has(key)) throw new Error(`oidc.teams["${group}"] names unknown team "${key}"`);
  }
}

/** What the provider's claims give: roles and team keys, sorted and without doubles. */
export type OidcGrants = { roles: Role[]; teams: string[] };

/** The group values of one claim: a string array, or one string (some providers send a single group so). */
function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes('.')) {
    value = name
      .split('.')
      .reduce<unknown>((v, part) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined), claims);
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The top-level claim names the mapping reads (what to look for in the ID token and UserInfo). */
export const claimRoots = (mapping: OidcMapping) => [...new Set(mapping.groupsClaim.map((n) => n.split('.')[0]!))];

/** The provider's groups, through the mapping. Group names compare exactly (Entra ID sends object ids). */
export function grantsFromClaims(mapping: OidcMapping, claims: Record<string, unknown>): OidcGrants {
  const groups = new Set(mapping.groupsClaim.flatMap((name) => claimValues(claims, name)));
  const roles = new Set<Role>();
  const teams = new Set<string>();
  for (const group of groups) {
    for (const role of mapping.roles[group] ?? []) roles.add(role);
    for (const team of mapping.teams[group] ?? []) teams.add(team);
  }
  return { roles: [...roles].sort(), teams: [...teams].sort() };
}

/**
 * Microsoft Entra ID leaves the groups out of the token when a user is in too many (over 200) and
 * points to Microsoft Graph instead (`_claim_names`); the login then gives no role. Told apart so
 * operators can see why in the log.
 */
export function groupsLeftOut(mapping: OidcMapping, claims: Record<string, unknown>): boolean {
  const names = claims._claim_names;
  return !!names && typeof names === 'object' && claimRoots(mapping).some((n) => n in names);
}
