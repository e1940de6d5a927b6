import http from 'node:http';
import { cpuPerRequest, cpuSnapshot } from './cpu.ts';

/**
 * A small concurrent HTTP client rather than autocannon: every request here depends on the one
 * before (cursors to follow, a random case id, a rotating search term, a fresh intake body), which
 * autocannon's fixed request lists do not model. It uses node:http with keep-alive, not fetch:
 * the load generator shares the machine's two cores with the server and PostgreSQL, and fetch
 * costs it 4-6x more CPU per request (0.4-0.6 ms against 0.09 ms here), CPU the server then lacks.
 * Latency is per request including reading the whole body, as a browser experiences it.
 */

/** Records one request under `row`; `detailRow` files the same sample under a breakdown too. */
export type Recorder = (row: string, ms: number, ok: boolean, detailRow?: string) => void;
export type Stats = { count: number; errors: number; p50: number; p95: number; p99: number; seconds: number; rate: number };

export type Run = {
  /** Unrecorded requests first: JIT, connection pools and PostgreSQL's caches settle. */
  warmup: number;
  /** Steps to record, and a time limit; whichever comes first ends the run. */
  steps: number;
  maxSeconds: number;
  concurrency: number;
  /** The server's process id, to report its CPU time per request (and PostgreSQL's, and ours). */
  serverPid?: number;
};
export type Measured = { rows: Map<string, Stats>; cpu: string | null };

/** Runs `step` (one or more requests, each reported to `rec`) on `concurrency` loops. */
export async function measure(run: Run, makeStep: () => (rec: Recorder) => Promise<void>): Promise<Measured> {
  const ignore: Recorder = () => {};
  const warm = makeStep();
  for (let i = 0; i < run.warmup; i++) await warm(ignore);

  const samples = new Map<string, { ms: number[]; errors: number }>();
  let requests = 0;
  const file = (row: string, ms: number, ok: boolean) => {
    const s = samples.get(row) ?? samples.set(row, { ms: [], errors: 0 }).get(row)!;
    if (ok) s.ms.push(ms);
    else s.errors++;
  };
  const rec: Recorder = (row, ms, ok, detailRow) => {
    requests++;
    file(row, ms, ok);
    if (detailRow) file(detailRow, ms, ok);
  };
  const cpuBefore = cpuSnapshot(run.serverPid);
  const started = performance.now();
  const deadline = started + run.maxSeconds * 1000;
  let issued = 0;
  await Promise.all(
    Array.from({ length: run.concurrency }, async () => {
      const step = makeStep();
      while (issued < run.steps && performance.now() < deadline) {
        issued++;
        await step(rec);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuPerRequest(cpuBefore, cpuSnapshot(run.serverPid), requests);
  return { rows: new Map([...samples].map(([row, s]) => [row, summarise(s.ms, s.errors, seconds)])), cpu };
}

export function summarise(ms: number[], errors: number, seconds: number): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
  return { count: sorted.length, errors, p50: at(0.5), p95: at(0.95), p99: at(0.99), seconds, rate: sorted.length / seconds };
}

export type Request = { method?: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown };
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const reported = new Set<string>();

/** One timed request; the body is read in full, and a non-2xx answer counts as an error. */
export async function timed(rec: Recorder, row: string, url: string, req: Request, detailRow?: string): Promise<unknown> {
  const t = performance.now();
  let ok = false;
  let body: unknown;
  try {
    const res = await send(url, req);
    ok = res.status >= 200 && res.status < 300;
    if (ok) body = JSON.parse(res.text);
    else if (!reported.has(`${row} ${res.status}`)) {
      reported.add(`${row} ${res.status}`);
      console.warn(`  ${row}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
    }
  } catch (err) {
    if (!reported.has(row)) {
      reported.add(row);
      console.warn(`  ${row}: ${(err as Error).message}`);
    }
  }
  rec(row, performance.now() - t, ok, detailRow);
  return body;
}

function send(url: string, req: Request): Promise<{ status: number; text: string }> {
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers =
    payload === undefined
      ? req.headers
      : { ...req.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
  return new Promise((resolve, reject) => {
    const r = http.request(url, { method: req.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(payload);
  });
}
