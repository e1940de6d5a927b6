import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pgliteSnapshotFile } from '../../server/test/database.ts';

/**
 * Klachtflow for one e2e run: DEMO data in a fresh temporary DATA_DIR, removed when Playwright
 * stops the run (SIGTERM). The staff journeys need the built app (playwright.config.ts checks it).
 */
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'klachtflow-e2e-'));
// The embedded database starts from the tests' migrated template (server/test/database.ts): unpacked
// into the data directory, PGlite opens it as its own and skips initdb, most of a fresh start's cost.
mkdirSync(path.join(dataDir, 'pglite'));
execFileSync('tar', ['-xf', await pgliteSnapshotFile(), '-C', path.join(dataDir, 'pglite')]);
const port = process.env.PORT ?? '3190';
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DEMO: '1',
    DATA_DIR: dataDir,
    PORT: port,
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  },
});

const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
child.on('exit', (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
