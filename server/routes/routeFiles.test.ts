import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/**
 * Route handlers stay thin (schema → permission → one command or query → presenter): a file under
 * routes/ builds no SQL. Reads live in queries/ (scoped by queries/scope.ts), writes in commands/.
 * The plugins (sessions, rate limits) are infrastructure and keep their own stores.
 */
const routesDir = import.meta.dirname;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === path.join(routesDir, 'plugins') ? [] : routeFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const QUERY_BUILDING = [
  /\.\s*(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(/,
  /\bsql\s*(<[^`]*>)?\s*`/,
  /\bsql\s*\.\s*(raw|ref|table|id|lit|val|join)\s*\(/,
  /\b(executeQuery|CompiledQuery)\b/,
];

function queryBuildingIn(source: string): string[] {
  return source
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => QUERY_BUILDING.some((re) => re.test(line)))
    .map(({ line, n }) => `${n}: ${line}`);
}

test('route files hold no queries: selectFrom, insertInto, updateTable, deleteFrom or sql`…` live in queries/ and commands/', () => {
  const files = routeFiles(routesDir);
  assert.ok(
    files.some((f) => f.endsWith(path.join('staff', 'caseRoutes.ts'))),
    'the route files were found',
  );
  const found = files.flatMap((f) => queryBuildingIn(fs.readFileSync(f, 'utf8')).map((hit) => `${path.relative(routesDir, f)}:${hit}`));
  assert.deepEqual(found, [], 'move these into server/queries/ (reads) or server/commands/ (writes)');
});

test('the check sees a query in any of its usual spellings', () => {
  for (const source of [
    "await services.db.selectFrom('cases').selectAll().execute();",
    'await services.db\n  .insertInto("activity")',
    'ctx.tx.updateTable(`survey`)',
    "db.deleteFrom('session')",
    'await sql`select 1`.execute(db);',
    'sql<number>`count(*)`',
    "sql.raw('select 1')",
    'db.executeQuery(CompiledQuery.raw(text, params))',
  ]) {
    assert.notDeepEqual(queryBuildingIn(source), [], source);
  }
  assert.deepEqual(queryBuildingIn("const rows = await caseMessages(services, actor, id); // not selectFrom'd here"), []);
});
