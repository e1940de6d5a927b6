/** The staff roles of product.md. A person may hold several; presets map each seed's roles onto these. */
export const ROLES = [
  'firstLineAgent',
  'dispatcher',
  'coordinator',
  'backOffice',
  'department',
  'teamLead',
  'qualityOfficer',
  'processOwner',
  'serviceManager',
  'complaintsOfficer',
  'administrator',
  'privacyOfficer',
  'recordsManager',
] as const;
export type Role = (typeof ROLES)[number];

/** `system` acts for timers and the mail importer; it never logs in. */
export const SYSTEM_ROLE = 'system' as const;
export type ActingRole = Role | typeof SYSTEM_ROLE;

export const ROLE_LABELS: Record<Role, { nl: string; en: string }> = {
  firstLineAgent: { nl: 'Eerstelijnsmedewerker', en: 'First-line agent' },
  dispatcher: { nl: 'Trafficer', en: 'Dispatcher' },
  coordinator: { nl: 'Klachtencoördinator', en: 'Complaints coordinator' },
  backOffice: { nl: 'Backoffice klachten', en: 'Back office' },
  department: { nl: 'Vakafdeling', en: 'Department' },
  teamLead: { nl: 'Teamleider', en: 'Team lead' },
  qualityOfficer: { nl: 'Kwaliteitsmedewerker', en: 'Quality officer' },
  processOwner: { nl: 'Proceseigenaar', en: 'Process owner' },
  serviceManager: { nl: 'Manager dienstverlening', en: 'Service manager' },
  complaintsOfficer: { nl: 'Klachtenfunctionaris', en: 'Complaints officer' },
  administrator: { nl: 'Beheerder', en: 'Administrator' },
  privacyOfficer: { nl: 'Functionaris gegevensbescherming', en: 'Privacy officer' },
  recordsManager: { nl: 'Informatiebeheerder', en: 'Records manager' },
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
