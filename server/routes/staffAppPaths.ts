/**
 * The staff app's own paths: the first path segment of every screen its router knows
 * (web/staff/src/App.tsx's Routes, the analysis and administration sections' menus), and "/" (home,
 * or the login). The server answers these with the app's HTML and every other unknown path with a
 * real 404 (webApp.ts); robots.txt keeps them out of search engines. staffAppPaths.test.ts reads the
 * router's source and fails when a screen's path is missing here.
 */
export const STAFF_APP_SECTIONS = [
  'werkvoorraad',
  'activiteiten',
  'meldingen',
  'mailbox',
  'post',
  'verbetermaatregelen',
  'processen',
  'analyse',
  'rapportages',
  'tevredenheid',
  'import',
  'beheer',
] as const;

/** Whether the staff app answers this path (its own "not found" for unknown ids below a section). */
export const isStaffAppPath = (urlPath: string) =>
  urlPath === '/' || STAFF_APP_SECTIONS.some((s) => urlPath === `/${s}` || urlPath.startsWith(`/${s}/`));
