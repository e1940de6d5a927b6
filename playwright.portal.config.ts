import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { pinRun, runLabel } from './e2e/support/pinnedClock.ts';

/**
 * Browser tests of the citizen portal (e2e/portal): their own server on a free port (e2e/support/server.ts:
 * a fresh data directory with demo data), with the demo organisation written to a folder of its own,
 * so they never touch a developer's data or another suite's server. One worker: the tests share that
 * server and its rate limits.
 *
 * This file is loaded again in each worker; the port and folder chosen by the first load are
 * passed on in the environment, which workers inherit.
 */
if (!process.env.KF_PORTAL_E2E_PORT) {
  const probe = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  process.env.KF_PORTAL_E2E_PORT = execFileSync(process.execPath, ['-e', probe]).toString().trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-portal-e2e-'));
  process.env.KF_PORTAL_E2E_DATA = dir;
  // The demo organisation, plus where reports and questions go, so the tests can follow that link.
  const org = JSON.parse(fs.readFileSync('config/demo-organisation.json', 'utf8'));
  org.portal = { ...org.portal, otherRequestsUrl: 'https://voorbeeld.example/melden-en-vragen' };
  fs.writeFileSync(path.join(dir, 'organisation.json'), JSON.stringify(org));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
const port = process.env.KF_PORTAL_E2E_PORT;
// The server's clock starts at this instant (the journeys never depend on today's date).
const pinnedClock = pinRun();
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e/portal',
  testMatch: '*.spec.ts',
  outputDir: ['test-results/portal/artifacts', runLabel()].filter(Boolean).join('-'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/support/summaryReporter.ts']],
  use: {
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1024, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's chromium; `playwright install` is never run (it downloads browsers).
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // Like the staff journeys' server: demo data in a fresh directory, from the migrated template.
    command: 'node --import tsx e2e/support/server.ts',
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      DEMO: '1',
      ORG_CONFIG: path.join(process.env.KF_PORTAL_E2E_DATA!, 'organisation.json'),
      LOG_LEVEL: 'warn',
      KLACHTFLOW_PINNED_CLOCK: pinnedClock,
    },
  },
});
