import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, startCompiled, stopCompiled } from '../compiledServer.ts';
import { rssMb } from './memory.ts';

/**
 * (k) The embedded mode as a small organisation runs it: the compiled server (`node
 * dist/server/main.js`, as `npm start`) on a fresh DATA_DIR with the demo data, no PostgreSQL.
 * Time from spawn to an ok from /api/v1/health and the resident memory once ready, for the first start
 * (initdb, migrations, demo seeding) and for a restart on the same directory.
 */
export const EMBEDDED_TARGETS = { startSeconds: 2, rssMb: 400 };
export type EmbeddedStartFigure = { run: 'first start' | 'restart'; seconds: number; rssMb: number; peakRssMb: number };

export async function measureEmbeddedStart(opts: { log: (line: string) => void; settleMs?: number }): Promise<EmbeddedStartFigure[]> {
  ensureBuilt(opts.log);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bench-embedded-'));
  const out: EmbeddedStartFigure[] = [];
  try {
    for (const run of ['first start', 'restart'] as const) {
      opts.log(`measuring k: ${run} of node dist/server/main.js, embedded, DEMO=1`);
      const started = await startCompiled({ dataDir, env: { DEMO: '1', NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? '' } });
      try {
        // Jobs run their first sweep right after listening: memory is read once that has settled.
        let peak = rssMb(started.child.pid);
        const until = Date.now() + (opts.settleMs ?? 2000);
        while (Date.now() < until) {
          await sleep(100);
          peak = Math.max(peak, rssMb(started.child.pid));
        }
        out.push({ run, seconds: started.seconds, rssMb: rssMb(started.child.pid), peakRssMb: peak });
      } finally {
        await stopCompiled(started.child);
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

export function reportEmbeddedStart(figures: EmbeddedStartFigure[], log: (line: string) => void) {
  if (!figures.length) return;
  log('\nk — embedded start (compiled server, PGlite, demo data; targets: ready < 2 s, RSS < 400 MB)');
  for (const f of figures) {
    const pass = f.seconds < EMBEDDED_TARGETS.startSeconds && f.rssMb < EMBEDDED_TARGETS.rssMb;
    log(
      `  ${f.run.padEnd(12)} ready in ${f.seconds.toFixed(2)} s · RSS ${f.rssMb.toFixed(0)} MB (peak ${f.peakRssMb.toFixed(0)} MB)  ${pass ? 'PASS' : 'MISS'}`,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
