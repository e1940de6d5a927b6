/** The words of the "Beheer" section's frame (main menu, section menu); each page brings its own file. */
export const nlAdminShell = {
  'nav.admin': 'Beheer',
  'adminNav.label': 'Onderdelen van Beheer',
  'adminNav.users': 'Gebruikers en teams',
  'adminNav.subjectRequests': 'Verzoeken van betrokkenen',
  'adminNav.apiClients': 'Koppelingen',
  'adminNav.events': 'Gebeurtenissen',
  'adminNav.audit': 'Auditlog',
  'adminNav.retention': 'Vernietiging',
  'adminNav.quarantine': 'E-mail in quarantaine',
};
