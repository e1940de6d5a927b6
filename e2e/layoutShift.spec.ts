import { type Browser, expect, test } from '@playwright/test';
import { checkPage, loginAs } from './support/app.ts';

/**
 * Nothing on the staff app's first pages jumps while fonts, data and lazy screens arrive
 * (issue 15: Lighthouse measured CLS 0.75–1.0). Each page is opened cold, in a fresh browser
 * context (no cached fonts or scripts) with the logged-in session, as Lighthouse opens it; a
 * PerformanceObserver records every layout shift from the first paint on. The test prints each
 * shift with the elements that moved, so a failure says where to look.
 */
type Shift = { value: number; time: number; recentInput: boolean; sources: string[] };

declare global {
  interface Window {
    __shifts?: Shift[];
  }
}

/** Runs in the page before any of its scripts: record layout shifts (buffered, from navigation on). */
function recordShifts() {
  window.__shifts = [];
  const nodeName = (node: Node | null | undefined): string => {
    if (!node) return '(gone)';
    if (!(node instanceof Element)) return `#text in ${nodeName(node.parentElement)}`;
    const id = node.id ? `#${node.id}` : '';
    const cls = [...node.classList]
      .slice(0, 3)
      .map((c) => `.${c}`)
      .join('');
    const label = node.getAttribute('aria-labelledby') ?? node.getAttribute('aria-label');
    return `${node.tagName.toLowerCase()}${id}${cls}${label ? `[${label}]` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as {
      value: number;
      startTime: number;
      hadRecentInput: boolean;
      sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    }[]) {
      window.__shifts!.push({
        value: e.value,
        time: Math.round(e.startTime),
        recentInput: e.hadRecentInput,
        sources: (e.sources ?? []).map(
          (s) =>
            `${nodeName(s.node)} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)}`,
        ),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * CLS as Lighthouse counts it: shifts without recent input, grouped in session windows (gaps under
 * 1 s, at most 5 s long); the largest window's sum. The total of all shifts is returned too.
 */
function cls(shifts: Shift[]) {
  let worst = 0;
  let window = 0;
  let start = -Infinity;
  let last = -Infinity;
  let total = 0;
  for (const s of shifts.filter((x) => !x.recentInput)) {
    total += s.value;
    if (s.time - last > 1000 || s.time - start > 5000) {
      window = 0;
      start = s.time;
    }
    window += s.value;
    last = s.time;
    worst = Math.max(worst, window);
  }
  return { cls: worst, total };
}

async function measure(
  browser: Browser,
  baseURL: string,
  storageState: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>,
  path: string,
  ready: string,
) {
  const context = await browser.newContext({
    baseURL,
    storageState,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1350, height: 940 }, // Lighthouse's desktop screen
  });
  const page = await context.newPage();
  await page.addInitScript(recordShifts);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(ready) })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(/^(Laden|Loading)…$/)).toHaveCount(0);
  // Late font swaps and images: give the page a moment after the network is quiet.
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => window.__shifts ?? []);
  const result = cls(shifts);
  console.log(`${path}: CLS ${result.cls.toFixed(3)} (all shifts ${result.total.toFixed(3)})`);
  for (const s of shifts)
    console.log(`  ${s.value.toFixed(4)} at ${s.time} ms${s.recentInput ? ' (input)' : ''}\n    ${s.sources.join('\n    ')}`);
  return { page, context, ...result };
}

test('the staff home, work queue and case page do not shift as they load (CLS < 0.05)', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000); // three cold page loads in fresh browser contexts, each checked with axe
  await loginAs(page, 'Kees Bakker');
  const storageState = await page.context().storageState();
  const cases = await (await page.request.get('/api/v1/cases?handler=me&limit=1')).json();
  const caseId = cases.items[0].id as string;
  const pages = [
    { name: 'home', path: '/', ready: '^Welkom' },
    { name: 'queue', path: '/werkvoorraad', ready: '^Werkvoorraad' },
    { name: 'case', path: `/meldingen/${caseId}`, ready: '^Melding ' },
  ];
  const failures: string[] = [];
  for (const p of pages) {
    const m = await measure(browser, baseURL!, storageState, p.path, p.ready);
    if (m.cls >= 0.05 || m.total >= 0.05) failures.push(`${p.name}: CLS ${m.cls.toFixed(3)}, all shifts ${m.total.toFixed(3)}`);
    await checkPage(m.page, `layout-shift-${p.name}`);
    await m.context.close();
  }
  expect(failures).toEqual([]);
});
