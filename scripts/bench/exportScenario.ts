import http from 'node:http';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Database } from '../../server/db/connect.ts';
import { startOfDay } from '../../server/domain/calendar/durations.ts';
import { rssMb } from './memory.ts';

/**
 * (f) The register export (GET /cases/export) of 100,000 cases, as CSV and as .xlsx: rows per
 * second from the request to the last byte, and the server's resident memory sampled throughout
 * (it streams, so memory must stay flat however large the register). With more cases seeded, a
 * period of receipt selects the oldest 100,000 or so, as an analyst would ask for one period.
 */
export const EXPORT_TARGETS = { rowsPerSecond: 20_000, maxRssMb: 300 };
const ROWS = 100_000;
const SAMPLE_MS = 25;

export type ExportFigure = {
  format: 'csv' | 'xlsx';
  rows: number;
  expected: number;
  seconds: number;
  rate: number;
  megabytes: number;
  rssBeforeMb: number;
  rssMaxMb: number;
  error?: string;
};

/** The query and how many rows it must give: every case, or those received before the day after the 100,000th. */
async function exportQuery(db: Database): Promise<{ query: string; expected: number }> {
  const total = Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (total <= ROWS) return { query: '', expected: total };
  const row = await sql<{ day: string }>`
    select to_char((received_at at time zone 'Europe/Amsterdam')::date + 1, 'YYYY-MM-DD') as day
    from cases order by received_at offset ${ROWS - 1} limit 1`.execute(db);
  const day = row.rows[0]!.day;
  const expected = Number(
    (
      await db
        .selectFrom('cases')
        .where('received_at', '<', startOfDay(day))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { query: `&receivedBefore=${day}`, expected };
}

/** One download: the CSV's lines are counted as they arrive (nothing kept); the .xlsx is kept to be read back after the clock stops. */
function download(url: string, headers: Record<string, string>, format: 'csv' | 'xlsx') {
  return new Promise<{ status: number; lines: number; bytes: number; body: Buffer | null }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let lines = 0;
        let bytes = 0;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (format === 'xlsx' || res.statusCode !== 200) chunks.push(chunk);
          else for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, lines, bytes, body: chunks.length ? Buffer.concat(chunks) : null }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

export async function measureExport(x: {
  base: string;
  headers: Record<string, string>;
  db: Database;
  serverPid: number | undefined;
  log: (line: string) => void;
}): Promise<ExportFigure[]> {
  const { query, expected } = await exportQuery(x.db);
  const out: ExportFigure[] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    x.log(
      `measuring f: GET /cases/export?format=${format}${query} (${expected.toLocaleString('en')} cases), the server's memory every ${SAMPLE_MS} ms`,
    );
    const rssBeforeMb = rssMb(x.serverPid);
    let rssMaxMb = rssBeforeMb;
    const sampler = setInterval(() => {
      rssMaxMb = Math.max(rssMaxMb, rssMb(x.serverPid));
    }, SAMPLE_MS);
    const started = performance.now();
    let figure: ExportFigure;
    try {
      const res = await download(`${x.base}/cases/export?format=${format}${query}`, x.headers, format);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      rssMaxMb = Math.max(rssMaxMb, rssMb(x.serverPid));
      let rows = res.lines - 1; // the header line
      if (format === 'xlsx' && res.status === 200 && res.body) {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(res.body as unknown as ArrayBuffer);
        rows = book.getWorksheet(1)!.actualRowCount - 1;
      }
      figure = {
        format,
        rows,
        expected,
        seconds,
        rate: rows / seconds,
        megabytes: res.bytes / 1e6,
        rssBeforeMb,
        rssMaxMb,
        error: res.status === 200 ? undefined : `HTTP ${res.status} ${res.body?.toString('utf8').slice(0, 200)}`,
      };
    } catch (err) {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      figure = { format, rows: 0, expected, seconds, rate: 0, megabytes: 0, rssBeforeMb, rssMaxMb, error: (err as Error).message };
    }
    out.push(figure);
  }
  return out;
}

/** Lines for the report: rows/s and the server's peak memory against their targets. */
export function reportExport(figures: ExportFigure[], log: (line: string) => void) {
  if (!figures.length) return;
  log(
    `\nf register export (target ≥ ${EXPORT_TARGETS.rowsPerSecond.toLocaleString('en')} rows/s, server memory < ${EXPORT_TARGETS.maxRssMb} MB throughout):`,
  );
  for (const f of figures) {
    const complete = !f.error && f.rows === f.expected;
    const fast = complete && f.rate >= EXPORT_TARGETS.rowsPerSecond;
    const small = f.rssMaxMb < EXPORT_TARGETS.maxRssMb;
    log(
      `  ${f.format.padEnd(5)} ${f.rows.toLocaleString('en').padStart(9)} rows${complete ? '' : ` (expected ${f.expected.toLocaleString('en')})`} in ${f.seconds.toFixed(1)} s` +
        ` = ${Math.round(f.rate).toLocaleString('en')} rows/s ${fast ? 'PASS' : 'MISS'}; ${f.megabytes.toFixed(1)} MB;` +
        ` server RSS ${f.rssBeforeMb.toFixed(0)} MB before, max ${f.rssMaxMb.toFixed(0)} MB ${small ? 'PASS' : 'MISS'}${f.error ? `  ⚠ ${f.error}` : ''}`,
    );
  }
}
