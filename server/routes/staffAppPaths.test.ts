import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { isStaffAppPath, STAFF_APP_SECTIONS } from './staffAppPaths.ts';

/**
 * The server's list of the staff app's sections against the app's router: every path a screen is
 * matched on (App.tsx: `path === '/x'`, `/^\/x\/…/`, `startsWith('/x/')`; the sections' menus:
 * `to: '/x…'`) starts with a listed section, and every listed section is one the router knows.
 */
const WEB = path.resolve(import.meta.dirname, '../../web/staff/src');
const sources = ['App.tsx', 'components/admin/adminSection.tsx', 'components/analysis/AnalysisSectionNav.tsx'].map((f) =>
  fs.readFileSync(path.join(WEB, f), 'utf8'),
);

function routerSections(): Set<string> {
  const found = new Set<string>();
  for (const src of sources) {
    for (const m of src.matchAll(/path === '\/([a-z-]+)/g)) found.add(m[1]!);
    for (const m of src.matchAll(/match\(\/\^\\\/([a-z-]+)/g)) found.add(m[1]!);
    for (const m of src.matchAll(/startsWith\('\/([a-z-]+)/g)) found.add(m[1]!);
    for (const m of src.matchAll(/\bto: '\/([a-z-]+)/g)) found.add(m[1]!);
  }
  return found;
}

test("the server's staff app sections are the router's", () => {
  const router = routerSections();
  assert.ok(router.size >= 10, `read ${router.size} sections from the router's source`);
  assert.deepEqual(
    [...router].filter((s) => !(STAFF_APP_SECTIONS as readonly string[]).includes(s)).sort(),
    [],
    'missing in staffAppPaths.ts',
  );
  assert.deepEqual(STAFF_APP_SECTIONS.filter((s) => !router.has(s)).sort(), [], 'listed but unknown to the router');
  assert.ok(isStaffAppPath('/') && isStaffAppPath('/meldingen/0f0e') && isStaffAppPath('/beheer/gebruikers'));
  assert.ok(!isStaffAppPath('/meldingenlijst') && !isStaffAppPath('/wp-login.php') && !isStaffAppPath('/klacht'));
});
