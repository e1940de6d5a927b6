import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * One journey per example organisation (seeds 001–004), each against a server of its own: started
 * like the staff journeys' server (e2e/support/server.ts: demo data in a fresh directory, the pinned
 * clock) on its own port, with ORG_CONFIG set to that organisation. A project per organisation runs
 * its spec against its server. The demo organisation (seed 000) keeps playwright.config.ts.
 *
 * KF_ORGS=tax,care (project names) starts and runs only those, so one journey can be run alone
 * without starting four servers.
 */
const organisations = [
  { name: 'tax', spec: 'tax.spec.ts', config: 'config/examples/municipal-tax-cooperation.json' },
  { name: 'care', spec: 'care.spec.ts', config: 'config/examples/care-organisation.json' },
  { name: 'social', spec: 'socialServices.spec.ts', config: 'config/examples/social-services.json' },
  { name: 'housing', spec: 'housing.spec.ts', config: 'config/examples/housing-corporation.json' },
];
const only = process.env.KF_ORGS?.split(',').filter(Boolean);
const chosen = organisations.filter((o) => !only || only.includes(o.name));

// A free port per organisation, chosen once: this file is loaded again in each worker, which inherits the environment.
const freePort = () =>
  execFileSync(process.execPath, [
    '-e',
    "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ])
    .toString()
    .trim();
const portOf = (name: string) => {
  const key = `KF_E2E_PORT_${name.toUpperCase()}`;
  process.env[key] ||= freePort();
  return process.env[key];
};
const baseServer = Array.isArray(base.webServer) ? base.webServer[0]! : base.webServer!;

export default defineConfig({
  ...base,
  testIgnore: ['portal/**'],
  outputDir: `${base.outputDir}-organisations`,
  // Two organisations at a time: each has a server and data of its own, and a journey spends most of
  // its time waiting on the server or the browser, so two fit the CI machine's two cores.
  workers: 2,
  projects: chosen.map((o) => ({
    name: o.name,
    testMatch: o.spec,
    use: { ...base.use, baseURL: `http://127.0.0.1:${portOf(o.name)}` },
  })),
  webServer: chosen.map((o) => ({
    ...baseServer,
    url: `http://127.0.0.1:${portOf(o.name)}/api/v1/health`,
    env: { ...baseServer.env, PORT: portOf(o.name), ORG_CONFIG: path.resolve(import.meta.dirname, o.config) },
  })),
});
