import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { summarise, type Measured } from './measure.ts';

/**
 * (e) The case page as a handler gets it: the staff app in Debian's Chromium opens
 * /meldingen/<id> and we time from navigation start (the document's time origin) until the case's
 * heading and its first timeline entry are on screen. Everything the page waits for counts: the app
 * shell, its script, the session, the case and its timeline, rendering. The browser has opened the
 * app before (its hashed assets are cached, as for anyone working in it today); each case is a full
 * page load, not a click inside the app, which would skip the shell and the session.
 */
export const CASE_PAGE_ROW = 'e case page in the browser: heading + timeline';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The staff app's build, made when missing: the server serves web/staff/dist. */
export function ensureWebBuild(log: (line: string) => void) {
  if (existsSync(path.join(ROOT, 'web/staff/dist/index.html'))) return true;
  log('building the staff app (npm run build:web) for the browser measurement');
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  return r.status === 0;
}

export type CasePageRun = {
  base: string; // the server's origin
  cookie: { name: string; value: string }; // a logged-in session, as the login would set it
  cases: { id: string; reference: string }[];
  pages: number;
  chromiumPath: string;
  log: (line: string) => void;
};

export async function measureCasePages(x: CasePageRun): Promise<Measured | null> {
  if (!existsSync(x.chromiumPath)) {
    x.log(`skipping e: no Chromium at ${x.chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return null;
  }
  const browser = await chromium.launch({ executablePath: x.chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ baseURL: x.base });
    await context.addCookies([{ ...x.cookie, url: x.base, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    const ms: number[] = [];
    let errors = 0;
    const warmup = 3;
    for (let i = 0; i < x.pages + warmup; i++) {
      const c = x.cases[i % x.cases.length]!;
      try {
        await page.goto(`/meldingen/${c.id}`, { waitUntil: 'commit' });
        // Polled every frame in the page; answers the page's own clock, so no round trip to this
        // process is counted.
        const at = await page.waitForFunction(shownAt, c.reference, { polling: 'raf', timeout: 15_000 });
        if (i >= warmup) ms.push((await at.jsonValue()) as number);
      } catch (err) {
        if (i >= warmup) errors++;
        if (errors === 1) x.log(`  e: ${c.id}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    return { rows: new Map([[CASE_PAGE_ROW, summarise(ms, errors, 1)]]), cpu: null };
  } finally {
    await browser.close();
  }
}

/**
 * Runs in the page: the time since navigation start once heading and timeline are visible, else
 * false. No functions inside: tsx names those with a helper the page does not have.
 */
function shownAt(reference: string): number | false {
  const heading = document.querySelector('h1');
  const firstEvent = document.querySelector('section[aria-labelledby="timeline-title"] ol > li');
  if (!heading || !firstEvent || !heading.textContent?.includes(reference)) return false;
  if (heading.getClientRects().length === 0 || firstEvent.getClientRects().length === 0) return false;
  return performance.now();
}
