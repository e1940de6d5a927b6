import type { Role } from '../domain/roles.ts';

/**
 * The one place that says which role may do what. Routes declare one of these permissions (or
 * `public` / `authenticated`); case-level rules (which transition in which status) come from the
 * process definition and are checked in casePolicy.ts.
 */
export const PERMISSIONS = [
  'activity:read', // see work queues and activities
  'activity:create', // register an incoming contact (phone, counter, letter)
  'activity:work', // pick up, claim, release and complete own work
  'activity:assign', // assign and reassign others' work, in bulk too
  'case:read', // see cases in the actor's scope
  'case:create', // register a case, link an activity to a case
  'case:edit', // notes, documents, data fields
  'case:note', // add an internal note (advice) to a case in scope
  'case:transition', // take process steps (which ones: process definition)
  'case:readAll', // scope: every case, not only one's own and one's teams'
  'case:regime', // give a case another legal regime its process allows (e.g. with an advisory committee)
  'person:merge', // merge duplicate person records (one person, one record) and undo a merge
  'mandate:revoke', // revoke a representative's mandate (machtiging, seed 003)
  'staff:read', // list colleagues and teams (for assignment)
  'process:read', // the process owner's page: a process's diagram, periods, texts and versions
  'process:manage', // check a changed process definition, save it as a draft and publish it
  'post:handle', // the letters to post (Te versturen post): print them and mark them posted
  'case:export', // download the register (CSV, Excel) of the cases in scope, filtered like the queues
  'measure:read', // improvement measures (seed 002): see them; an owner updates their own
  'measure:manage', // record improvement measures for anyone, link them to cases, mark them carried out
  'measure:check', // the quality officer's check: carried out and effective, or back to the owner
  'survey:read', // the satisfaction survey's figures and comments over a period (within the case read scope)
  'analysis:read', // the dashboard and the reports' figures over the cases in the actor's read scope
  'report:manage', // write an analysis report's conclusions, keep it, publish the annual report; enter contact volumes
  'case:import', // import an existing register (spreadsheet) as imported cases
  'user:manage', // administration: users, their roles, teams, organisation units and substitutes
  'apiClient:manage', // administration: keys for other systems (API clients), shown once, revocable
  'audit:read', // the privacy officer's audit log: who read or changed whose personal data, when, from where
  'subjectRequest:manage', // requests from data subjects (AVG art. 15-18): access, correction, restriction, erasure
  'retention:manage', // retention: approve the monthly destruction list, place and lift a legal hold
  'mail:quarantine', // incoming mail held back (quarantine): see it with its reason, release or delete it
] as const;
export type Permission = (typeof PERMISSIONS)[number];
/** `metricsToken`: no login but the bearer token from METRICS_TOKEN (Prometheus); without that setting, 404. */
export type RoutePermission = Permission | 'public' | 'authenticated' | 'metricsToken';

// Anyone who handles complaints may own an improvement measure: they read measures (scoped) and update their own.
const handler: Permission[] = [
  'activity:read',
  'activity:work',
  'case:read',
  'case:edit',
  'case:note',
  'case:transition',
  'staff:read',
  'measure:read',
];
const measures: Permission[] = ['measure:read', 'measure:manage'];

const BY_ROLE: Record<Role, Permission[]> = {
  firstLineAgent: [...handler, 'activity:create', 'case:create', 'case:readAll', 'post:handle'],
  dispatcher: ['activity:read', 'activity:assign', 'activity:create', 'case:read', 'case:readAll', 'staff:read'],
  // Coordinators see every case and keep the complainant records clean: they merge duplicates.
  coordinator: [
    ...handler,
    'activity:assign',
    'case:create',
    'case:readAll',
    'case:regime',
    'process:read',
    'person:merge',
    'mandate:revoke',
    'post:handle',
    ...measures,
    'measure:check',
    'case:export',
    'survey:read',
    'analysis:read',
    'report:manage',
    'case:import',
    'mail:quarantine',
  ],
  backOffice: [...handler, 'case:readAll', 'post:handle'],
  // A department sees only the cases it is given work on (need to know).
  department: handler,
  // Those who analyse complaints export the register: a team lead their team's cases (scope), the others every case.
  teamLead: [
    ...handler,
    'activity:create',
    'activity:assign',
    'case:create',
    'case:regime',
    ...measures,
    'case:export',
    'survey:read',
    'analysis:read',
  ],
  qualityOfficer: [
    ...handler,
    'activity:create',
    'case:create',
    'case:readAll',
    'case:regime',
    'post:handle',
    ...measures,
    'measure:check',
    'case:export',
    'survey:read',
    'analysis:read',
    'report:manage',
    'case:import',
  ],
  // They read everything; the steps they may take (a care organisation's management decides on a
  // formal complaint) are given to them by the process definition.
  processOwner: [
    'case:read',
    'case:readAll',
    'case:edit',
    'case:note',
    'case:transition',
    'case:regime',
    'activity:read',
    'activity:work',
    'staff:read',
    'process:read',
    'process:manage',
    ...measures,
    'case:export',
    'survey:read',
    'analysis:read',
    'report:manage',
  ],
  serviceManager: [
    'case:read',
    'case:readAll',
    'case:edit',
    'case:note',
    'case:transition',
    'case:regime',
    'activity:read',
    'activity:work',
    'staff:read',
    ...measures,
    'case:export',
    'survey:read',
    'analysis:read',
    'report:manage',
  ],
  // The klachtenfunctionaris (Wkkgz) advises and follows complaints without handling them: reads every
  // case and adds notes, takes no steps and edits nothing; not handling, they see no health details.
  // They follow what the organisation learns: measures and figures, read only.
  complaintsOfficer: ['case:read', 'case:readAll', 'case:note', 'activity:read', 'staff:read', 'measure:read', 'analysis:read'],
  // Administrators manage users and configuration, not complaints: no case contents.
  administrator: ['staff:read', 'process:read', 'process:manage', 'user:manage', 'apiClient:manage', 'mail:quarantine'],
  // The privacy officer (functionaris gegevensbescherming) supervises: reads the audit log and handles
  // data subjects' requests; no case handling.
  privacyOfficer: ['staff:read', 'audit:read', 'subjectRequest:manage'],
  // The records manager (informatiebeheerder) keeps the archive lawful: approves destruction, holds exceptions.
  recordsManager: ['staff:read', 'retention:manage'],
};

export function permissionsFor(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => BY_ROLE[r] ?? []));
}
