import http from 'node:http';
import type { Database } from '../../server/db/connect.ts';

/**
 * (i) The annual complaints report (Awb 9:12a) for a year, over HTTP as the coordinator (reads every
 * case, report:manage): POST /reports (the year's figures read and frozen: the dashboard's and the
 * report's own queries), then GET …/html and GET …/pdf (the document rendered). Seconds from the
 * request to the last byte, each step and together; one warm-up run (fonts, JIT), then three runs,
 * the slowest counts. The drafts made
 * are removed afterwards. Target: the whole under 2 s at 1,000,000 cases.
 */
export const ANNUAL_REPORT_TARGET_SECONDS = 2;
const RUNS = 3;

export type AnnualReportFigure = {
  period: { from: string; to: string };
  runs: { create: number; html: number; pdf: number; total: number; pdfBytes: number; htmlBytes: number }[];
  error?: string;
};

function send(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: unknown) {
  return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      {
        method,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The twelve whole months before this one: the year an annual report would cover today. */
function lastYear(now = new Date()) {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1));
  return { from: day(from), to: day(to) };
}

export async function measureAnnualReport(x: {
  base: string;
  headers: Record<string, string>;
  db: Database;
  log: (line: string) => void;
}): Promise<AnnualReportFigure> {
  const period = lastYear();
  const figure: AnnualReportFigure = { period, runs: [] };
  const made: string[] = [];
  x.log(`measuring i: the annual report ${period.from} – ${period.to} (POST /reports, GET html, GET pdf) as the coordinator, ${RUNS} runs`);
  try {
    for (let i = -1; i < RUNS; i++) {
      const t0 = performance.now();
      const created = await send(`${x.base}/reports`, 'POST', x.headers, { kind: 'annual', ...period, title: `Bench ${i + 2}` });
      const t1 = performance.now();
      if (created.status !== 201) throw new Error(`POST /reports: ${created.status} ${created.body.toString('utf8').slice(0, 300)}`);
      const id = (JSON.parse(created.body.toString('utf8')) as { id: string }).id;
      made.push(id);
      const html = await send(`${x.base}/reports/${id}/html`, 'GET', x.headers);
      const t2 = performance.now();
      const pdf = await send(`${x.base}/reports/${id}/pdf`, 'GET', x.headers);
      const t3 = performance.now();
      if (html.status !== 200 || pdf.status !== 200) throw new Error(`html ${html.status}, pdf ${pdf.status}`);
      if (pdf.body.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the PDF is not a PDF');
      if (i < 0) continue; // the warm-up
      figure.runs.push({
        create: (t1 - t0) / 1000,
        html: (t2 - t1) / 1000,
        pdf: (t3 - t2) / 1000,
        total: (t3 - t0) / 1000,
        pdfBytes: pdf.body.length,
        htmlBytes: html.body.length,
      });
    }
  } catch (err) {
    figure.error = String((err as Error).message ?? err);
  } finally {
    // Drafts only (a final report is kept by its trigger): the bench leaves nothing behind.
    if (made.length) await x.db.deleteFrom('analysis_report').where('id', 'in', made).where('state', '=', 'draft').execute();
  }
  return figure;
}

export function reportAnnualReport(i: AnnualReportFigure | null, log: (line: string) => void) {
  if (!i) return;
  if (i.error) {
    log(`\ni  annual report ${i.period.from} – ${i.period.to}: ERROR ${i.error}`);
    return;
  }
  const worst = i.runs.reduce((w, r) => (r.total > w.total ? r : w), i.runs[0]!);
  const pass = worst.total < ANNUAL_REPORT_TARGET_SECONDS;
  log(`\ni  annual report ${i.period.from} – ${i.period.to} over HTTP (figures read and frozen, then HTML and PDF):`);
  for (const [n, r] of i.runs.entries())
    log(
      `   run ${n + 1}: make ${r.create.toFixed(2)} s + html ${r.html.toFixed(2)} s + pdf ${r.pdf.toFixed(2)} s = ${r.total.toFixed(2)} s (PDF ${(r.pdfBytes / 1024).toFixed(0)} kB, HTML ${(r.htmlBytes / 1024).toFixed(0)} kB)`,
    );
  log(`   slowest ${worst.total.toFixed(2)} s  target < ${ANNUAL_REPORT_TARGET_SECONDS} s  ${pass ? 'PASS' : 'MISS'}`);
}
