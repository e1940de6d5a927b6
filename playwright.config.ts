import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { pinRun, runLabel } from './e2e/support/pinnedClock.ts';

/**
 * Browser journeys (e2e/*.spec.ts) against a server of their own: a fresh temporary data
 * directory with demo data, started by e2e/support/server.ts and removed after the run.
 * Debian's chromium (never `playwright install`). One worker: the journeys share that server.
 */
// The staff journeys run against the built app (npm run test:e2e builds it first).
if (!existsSync(path.join(import.meta.dirname, 'web/staff/dist/index.html'))) {
  throw new Error('web/staff/dist is missing: run "npm run build:web" first.');
}
// A free port, chosen once: this file is loaded again in each worker, which inherits the environment.
if (!process.env.KF_E2E_PORT) {
  const probe = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  process.env.KF_E2E_PORT = execFileSync(process.execPath, ['-e', probe]).toString().trim();
}
const PORT = process.env.KF_E2E_PORT;
// The server's clock starts at this instant (the journeys never depend on today's date).
const PINNED_CLOCK = pinRun();
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // The citizen portal's journeys have their own configuration (playwright.portal.config.ts), and so have
  // the example organisations' (playwright.organisations.config.ts: a server per organisation).
  testIgnore: ['portal/**', 'tax.spec.ts', 'care.spec.ts', 'socialServices.spec.ts', 'housing.spec.ts'],
  outputDir: ['test-results/e2e', runLabel()].filter(Boolean).join('-'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/support/summaryReporter.ts']],
  use: {
    baseURL: BASE_URL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
    command: 'node --import tsx e2e/support/server.ts',
    url: `${BASE_URL}/api/v1/health`,
    env: { PORT, KLACHTFLOW_PINNED_CLOCK: PINNED_CLOCK },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
