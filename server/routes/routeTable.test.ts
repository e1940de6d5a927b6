import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PERMISSIONS } from '../policies/permissions.ts';
import { createTestApp } from '../test/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(() => t.close());

test('every route declares a permission; the route → permission table is printed for review', () => {
  const allowed = new Set<string>([...PERMISSIONS, 'public', 'authenticated', 'metricsToken']);
  const rows = t.app.routeTable
    .filter((r) => !r.url.startsWith('/api/v1/docs'))
    .sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
  console.log(`\nRoute → permission\n${rows.map((r) => `  ${r.method.padEnd(6)} ${r.url.padEnd(44)} ${r.permission}`).join('\n')}\n`);
  assert.ok(rows.length >= 20, `only ${rows.length} routes`);
  for (const r of t.app.routeTable) assert.ok(allowed.has(r.permission), `${r.method} ${r.url} has unknown permission ${r.permission}`);
  const publicRoutes = rows
    .filter((r) => r.permission === 'public')
    .map((r) => `${r.method} ${r.url}`)
    .sort();
  assert.deepEqual(
    publicRoutes,
    [
      // The staff web app's shell and assets (the API behind it still checks every call).
      'GET /',
      'GET /*',
      'GET /api/v1/health',
      // Load balancers and orchestrators: liveness (the process) and readiness (database, SMTP).
      'GET /api/v1/health/live',
      'GET /api/v1/health/ready',
      'GET /api/v1/login-options',
      'GET /api/v1/openapi.json',
      'GET /api/v1/portal/cases/:token',
      'GET /api/v1/portal/settings',
      'GET /assets/*',
      // The organisation's theme and logo (configuration), for the login page and the portal.
      'GET /branding/logo',
      // The citizen portal's pages: a secret link, or no account at all.
      'GET /enquete/:token',
      'GET /enquete/:token/bedankt',
      // The favicon (the organisation's logo, else a neutral icon) and what search engines may index.
      'GET /favicon.ico',
      'GET /favicon.svg',
      'GET /klacht',
      'GET /portal-assets/*',
      'GET /robots.txt',
      'GET /theme.css',
      // The short link on a paper confirmation: an unguessable code (100 bits, stored hashed), rate-limited.
      'GET /v/:code',
      'GET /volgen/:token',
      'GET /volgen/:token/ontvangen',
      'POST /api/v1/dev-login',
      'POST /api/v1/portal/cases/:token/answers',
      'POST /api/v1/portal/cases/:token/hearing-booking',
      'POST /api/v1/portal/complaints',
      'POST /api/v1/portal/surveys/:token',
      'POST /enquete/:token',
      'POST /klacht',
      'POST /volgen/:token/antwoord',
      'POST /volgen/:token/gesprek',
    ],
    'a new public route must be added here on purpose',
  );
});

test('a route without a permission stops the server from starting', async () => {
  const { buildApp } = await import('../app.ts');
  const app = await buildApp({
    services: t.services,
    env: {
      demo: false,
      sessionTtlHours: 1,
      cookieSecure: false,
      publicUrl: 'http://x',
      oidc: undefined,
      smtp: undefined,
      logLevel: 'silent',
    },
    logger: false,
  });
  assert.throws(() => app.get('/api/v1/forgotten', async () => 'open'), /declares no permission/);
  await app.close();
});

test('the development login does not exist without DEMO', async () => {
  const { buildApp } = await import('../app.ts');
  const app = await buildApp({
    services: t.services,
    env: {
      demo: false,
      sessionTtlHours: 1,
      cookieSecure: false,
      publicUrl: 'http://x',
      oidc: undefined,
      smtp: undefined,
      logLevel: 'silent',
    },
    logger: false,
  });
  const res = await app.inject({ method: 'POST', url: '/api/v1/dev-login', payload: { userId: '00000000-0000-4000-8000-000000000000' } });
  assert.equal(res.statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/login-options' })).json().demoUsers.length, 0);
  await app.close();
});
