import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The housing corporation's journey (e2e/housing.spec.ts, seed 004) needs that organisation's
 * configuration: its own server, started like the staff journeys' one (e2e/support/server.ts, demo
 * data in a fresh directory) but with ORG_CONFIG set to the example housing corporation. The
 * staff configuration leaves this spec out, so its server keeps the demo organisation.
 */
const webServer = Array.isArray(base.webServer) ? base.webServer[0]! : base.webServer!;

export default defineConfig({
  ...base,
  testMatch: 'housing.spec.ts',
  testIgnore: ['portal/**'],
  outputDir: `${base.outputDir}-housing`,
  webServer: {
    ...webServer,
    env: { ...webServer.env, ORG_CONFIG: path.resolve(import.meta.dirname, 'config/examples/housing-corporation.json') },
  },
});
