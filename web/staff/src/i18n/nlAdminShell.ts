/** The words of the "Beheer" section's frame (main menu, section menu); each page brings its own file. */
export const nlAdminShell = {
  'nav.admin': 'Beheer',
  'adminNav.label': 'Onderdelen van Beheer',
};
