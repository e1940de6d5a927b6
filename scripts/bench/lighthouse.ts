import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { ensureWebBuild } from './browser.ts';

/**
 * (n) Lighthouse 12 on the pages people see: the portal's question page, complaint form,
 * confirmation and tracking page (mobile, default simulated throttling) and the staff home, work
 * queue and a case page (desktop preset, logged in through the demo login). Its own server on a
 * fresh demo data directory (e2e/support/server.ts), Debian's Chromium.
 *
 * - As a measurement (npm run bench -- --only n, or this file alone): the median of three runs per
 *   page, every score as a table. Performance figures depend on the machine (2 shared cores here):
 *   read them as a trend, not to the point.
 * - As a guard (--guard; scripts/test.sh): one run per page, failing only on what does not depend on
 *   the machine's speed: accessibility or best practices below 100, CLS of 0.05 or more, a text
 *   response sent uncompressed, a portal page with more than two stylesheet requests. Ends with
 *   "N passed, N failed" like the browser journeys.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type PageKind = 'portal' | 'staff';
export type LighthouseRow = {
  page: string;
  kind: PageKind;
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  stylesheets: number;
  /** Text responses (HTML, CSS, JS, JSON, SVG) over 1 KiB sent without brotli or gzip. */
  uncompressed: string[];
};

type Target = { name: string; kind: PageKind; path: string };

/** Whether a response is text a server should compress (over 1 KiB: below that it is not worth it). */
const TEXT_TYPE = /^(text\/|application\/(json|javascript|problem\+json|xml|manifest\+json)|image\/svg\+xml)/;

async function freePort(): Promise<number> {
  const probe = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', probe]).toString().trim());
}

async function waitFor(url: string, child: ChildProcess, seconds = 180) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url} within ${seconds} s`);
}

/** The server with demo data in a fresh data directory (removed when it stops), like the e2e journeys'. */
async function startServer(log: (line: string) => void) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/server.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), E2E_LOG_LEVEL: 'warn' },
  });
  const started = Date.now();
  await waitFor(`${base}/api/v1/health`, child);
  log(`server with demo data on ${base} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { base, stop };
}

/** A complaint through the portal API (its confirmation and tracking pages), and a demo coordinator's session. */
async function prepare(base: string) {
  const complaint = await fetch(`${base}/api/v1/portal/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'complaint',
      subject: 'Geen antwoord op mijn brief',
      description: 'Ik wacht al weken op antwoord op mijn brief over de vergunning.',
      contactPreference: 'email',
      name: 'Youssef Mohamed',
      email: 'youssef.mohamed@example.org',
      privacyAccepted: true,
    }),
  });
  if (complaint.status !== 201) throw new Error(`portal complaint: ${complaint.status} ${await complaint.text()}`);
  const tracking = new URL(((await complaint.json()) as { trackingUrl: string }).trackingUrl).pathname;

  const options = (await (await fetch(`${base}/api/v1/login-options`)).json()) as { demoUsers: { id: string; name: string }[] };
  // The demo coordinator: sees every case.
  const user = options.demoUsers.find((u) => u.name === 'Kees Bakker') ?? options.demoUsers[0];
  if (!user) throw new Error('no demo users (DEMO=1)');
  const login = await fetch(`${base}/api/v1/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id }),
  });
  if (login.status !== 200) throw new Error(`dev login: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const cases = await fetch(`${base}/api/v1/cases?limit=1`, { headers: { cookie } });
  const caseId = ((await cases.json()) as { items: { id: string }[] }).items[0]?.id;
  if (!caseId) throw new Error(`no case to open (${cases.status})`);
  const targets: Target[] = [
    { name: '/klacht (mobile)', kind: 'portal', path: '/klacht' },
    { name: 'complaint form (mobile)', kind: 'portal', path: '/klacht?kind=complaint' },
    { name: 'confirmation (mobile)', kind: 'portal', path: `${tracking}/ontvangen` },
    { name: 'tracking page (mobile)', kind: 'portal', path: tracking },
    { name: 'staff home (desktop)', kind: 'staff', path: '/' },
    { name: 'staff work queue (desktop)', kind: 'staff', path: '/werkvoorraad' },
    { name: 'staff case page (desktop)', kind: 'staff', path: `/meldingen/${caseId}` },
  ];
  return { targets, cookie };
}

type Lhr = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; details?: { items?: Record<string, unknown>[] } }>;
};

/** Which text responses came without Content-Encoding, asked again the way the browser asked (it does ask for br, gzip). */
async function uncompressedResponses(urls: string[], cookie: string | undefined): Promise<string[]> {
  const found: string[] = [];
  for (const url of new Set(urls)) {
    const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip', ...(cookie ? { cookie } : {}) } });
    const body = await res.arrayBuffer();
    const type = res.headers.get('content-type') ?? '';
    // fetch undoes the encoding but keeps the header; the size is the decoded one.
    if (res.status === 200 && TEXT_TYPE.test(type) && body.byteLength > 1024 && !res.headers.get('content-encoding'))
      found.push(`${new URL(url).pathname} (${type.split(';')[0]}, ${Math.round(body.byteLength / 1024)} KiB)`);
  }
  return found;
}

async function runOnce(port: number, base: string, target: Target, cookie: string, guard: boolean): Promise<LighthouseRow> {
  const flags = {
    port,
    output: 'json' as const,
    logLevel: 'error' as const,
    // The guard needs no performance score (the machine's speed): the audits it checks, in a third of the time.
    ...(guard
      ? { onlyCategories: ['accessibility', 'best-practices'], onlyAudits: ['cumulative-layout-shift', 'network-requests'] }
      : { onlyCategories: ['performance', 'accessibility', 'best-practices'] }),
    ...(target.kind === 'staff' ? { extraHeaders: { Cookie: cookie } } : {}),
  };
  const result = await lighthouse(`${base}${target.path}`, flags, target.kind === 'staff' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse gave no result for ${target.path}`);
  const lhr = result.lhr as unknown as Lhr;
  const score = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
  const requests = (lhr.audits['network-requests']?.details?.items ?? []) as { url: string; resourceType?: string; mimeType?: string }[];
  const own = requests.filter((r) => r.url.startsWith(base));
  return {
    page: target.name,
    kind: target.kind,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? Number.NaN,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    stylesheets: own.filter((r) => r.resourceType === 'Stylesheet').length,
    uncompressed: await uncompressedResponses(
      own.map((r) => r.url),
      target.kind === 'staff' ? cookie : undefined,
    ),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function medianRow(runs: LighthouseRow[]): LighthouseRow {
  const first = runs[0]!;
  return {
    ...first,
    performance: median(runs.map((r) => r.performance)),
    accessibility: median(runs.map((r) => r.accessibility)),
    bestPractices: median(runs.map((r) => r.bestPractices)),
    fcpMs: median(runs.map((r) => r.fcpMs)),
    lcpMs: median(runs.map((r) => r.lcpMs)),
    cls: median(runs.map((r) => r.cls)),
    stylesheets: Math.max(...runs.map((r) => r.stylesheets)),
    uncompressed: [...new Set(runs.flatMap((r) => r.uncompressed))],
  };
}

export async function measureLighthouse(opts: { runs: number; guard?: boolean; log: (line: string) => void }): Promise<LighthouseRow[]> {
  const { log } = opts;
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (!ensureWebBuild(log)) throw new Error('the staff app did not build');
  const server = await startServer(log);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const { targets, cookie } = await prepare(server.base);
    const rows: LighthouseRow[] = [];
    for (const target of targets) {
      const runs: LighthouseRow[] = [];
      for (let i = 0; i < opts.runs; i++) runs.push(await runOnce(chrome.port, server.base, target, cookie, opts.guard ?? false));
      const row = medianRow(runs);
      if (!opts.guard) log(`  ${target.name}: performance ${runs.map((r) => r.performance).join('/')}`);
      rows.push(row);
    }
    return rows;
  } finally {
    await chrome.kill();
    await server.stop();
  }
}

const seconds = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '–');

export function reportLighthouse(rows: LighthouseRow[], log: (line: string) => void, runs = 3, guard = false) {
  log('');
  log(`n Lighthouse ${runs > 1 ? `(median of ${runs} runs per page)` : '(one run per page)'}; performance depends on this machine's load`);
  log('| page | performance | accessibility | best practices | FCP / LCP | CLS | stylesheets | uncompressed |');
  log('|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    log(
      `| ${r.page} | ${guard ? '–' : r.performance} | ${r.accessibility} | ${r.bestPractices} | ${seconds(r.fcpMs)} / ${seconds(r.lcpMs)} s | ${r.cls.toFixed(3)} | ${r.stylesheets} | ${r.uncompressed.length} |`,
    );
  const targets = rows.map((r) => {
    const ok = r.kind === 'portal' ? r.performance >= 95 && r.lcpMs < 1800 : r.performance >= 90;
    return `${ok ? 'PASS' : 'MISS'} ${r.page}: ${r.kind === 'portal' ? 'performance ≥ 95 and LCP < 1.8 s' : 'performance ≥ 90'}`;
  });
  if (!guard) for (const line of targets) log(line);
}

/** What CI holds the pages to: only what does not depend on the machine's speed. */
export function guardProblems(r: LighthouseRow): string[] {
  const problems: string[] = [];
  if (r.accessibility < 100) problems.push(`accessibility ${r.accessibility} < 100`);
  if (r.bestPractices < 100) problems.push(`best practices ${r.bestPractices} < 100`);
  if (!(r.cls < 0.05)) problems.push(`CLS ${r.cls.toFixed(3)} ≥ 0.05`);
  if (r.uncompressed.length) problems.push(`uncompressed: ${r.uncompressed.join(', ')}`);
  if (r.kind === 'portal' && r.stylesheets > 2) problems.push(`${r.stylesheets} stylesheet requests (at most 2)`);
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { guard: { type: 'boolean', default: false }, runs: { type: 'string' } } });
  const runs = Number(values.runs ?? (values.guard ? 1 : 3));
  const log = (line: string) => console.log(line);
  const started = Date.now();
  const rows = await measureLighthouse({ runs, guard: values.guard, log });
  reportLighthouse(rows, log, runs, values.guard);
  if (values.guard) {
    let passed = 0;
    let failed = 0;
    for (const r of rows) {
      const problems = guardProblems(r);
      if (problems.length) {
        failed++;
        log(`✘ ${r.page}: ${problems.join('; ')}`);
      } else {
        passed++;
        log(`✔ ${r.page}`);
      }
    }
    log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
    log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  }
}
