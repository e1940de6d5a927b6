import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The compiled server as production runs it (`npm start`: node dist/server/main.js), started in its
 * own process for the bench (k) and the build test. `ensureBuilt` compiles only when a source file
 * is newer than the build, so a test run reuses the build test.sh made before its suites.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
export const COMPILED_MAIN = path.join(ROOT, 'dist/server/main.js');

export function ensureBuilt(log: (line: string) => void = () => {}) {
  const built = fs.existsSync(COMPILED_MAIN) ? newest(path.join(ROOT, 'dist/server'), '.js') : 0;
  if (built && newest(path.join(ROOT, 'server'), '.ts') <= built) return;
  log('compiling the server (npm run build:server)');
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
}

/** The newest modification time of the files ending in `ext` under `dir` (tests left out: they are not built). */
function newest(dir: string, ext: string): number {
  let at = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(ext) && !e.name.endsWith(`.test${ext}`))
      at = Math.max(at, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return at;
}

/** Starts the compiled server on `dataDir` and resolves once /api/v1/health answers ok (it listens after migrating and seeding). */
export async function startCompiled(opts: { dataDir: string; env?: Record<string, string>; timeoutMs?: number }) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [COMPILED_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: opts.dataDir,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the compiled server stopped (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the compiled server did not answer /health in time:\n${output}`);
    }
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      async (r) => r.ok && ((await r.json()) as { status?: string }).status === 'ok',
      () => false,
    );
    if (ok) return { child, port, seconds: (performance.now() - t0) / 1000, output: () => output };
    await sleep(25);
  }
}

/** SIGTERM, as a service manager stops it; the server closes the database and releases the directory lock. */
export function stopCompiled(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
