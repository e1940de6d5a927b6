import http from 'node:http';
import ExcelJS from 'exceljs';
import { rssMb } from './memory.ts';

/**
 * (g) Import of an existing register of 10,000 rows over HTTP, as the coordinator does it on the
 * screen: upload the .xlsx (POST /imports), dry run (POST /imports/{id}/dry-run), import (POST
 * /imports/{id}/run) and poll GET /imports/{id} until it is done. Rows per second and seconds from
 * the upload to the end; the server's memory sampled throughout. Each run's register numbers are
 * new (a run label), so a re-run imports again instead of finding every row known.
 */
export const IMPORT_TARGET_SECONDS = 30;
const SAMPLE_MS = 50;

export type ImportFigure = {
  rows: number;
  imported: number;
  uploadSeconds: number;
  dryRunSeconds: number;
  importSeconds: number;
  seconds: number;
  rate: number;
  megabytes: number;
  rssMaxMb: number;
  error?: string;
};

const SUBJECTS = [
  'Lang wachten aan de telefoon',
  'Geen reactie op e-mail',
  'Onvriendelijk aan de balie',
  'Brief onduidelijk',
  'Afspraak niet nagekomen',
];
const DEPARTMENTS = ['Klantcontactcentrum', 'Afdeling Registers', 'Vergunningen', 'Burgerzaken'];
const JUDGMENTS = ['Gegrond', 'Deels gegrond', 'Ongegrond', ''];

/** A register as an organisation keeps it in Excel: a number, two dates, subject, complainant, department, judgment. */
export async function registerWorkbook(rows: number, label: string, now = new Date()): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Klachtenregister');
  sheet.addRow(['Klachtnummer', 'Datum ontvangst', 'Datum afgehandeld', 'Onderwerp', 'Naam', 'E-mail', 'Afdeling', 'Oordeel']);
  const day = 86_400_000;
  for (let i = 0; i < rows; i++) {
    const received = new Date(now.getTime() - (30 + (i % 700)) * day);
    const receivedDay = new Date(Date.UTC(received.getUTCFullYear(), received.getUTCMonth(), received.getUTCDate()));
    const closed = i % 7 === 0 ? null : new Date(receivedDay.getTime() + (3 + (i % 40)) * day);
    // One in five complainants comes back (the same e-mail address as an earlier row).
    const person = i % 5 === 0 && i > 0 ? i - 5 : i;
    sheet.addRow([
      `${label}-${String(i + 1).padStart(6, '0')}`,
      i % 3 === 0
        ? receivedDay
        : i % 3 === 1
          ? receivedDay.toISOString().slice(0, 10)
          : receivedDay.toISOString().slice(0, 10).split('-').reverse().join('-'),
      closed,
      SUBJECTS[i % SUBJECTS.length],
      `Inwoner ${person}`,
      `inwoner${person}.${label.toLowerCase()}@bench.example`,
      DEPARTMENTS[i % DEPARTMENTS.length],
      closed ? JUDGMENTS[i % JUDGMENTS.length] : '',
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One request with node:http (fetch drops the session cookie): status and body text. */
function call(method: string, url: string, headers: Record<string, string>, body?: Buffer | string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const COLUMNS = {
  Klachtnummer: 'originalReference',
  'Datum ontvangst': 'receivedOn',
  'Datum afgehandeld': 'closedOn',
  Onderwerp: 'subject',
  Naam: 'complainantName',
  'E-mail': 'complainantEmail',
  Afdeling: 'department',
  Oordeel: 'judgment',
};

export async function measureImport(opts: {
  base: string;
  headers: Record<string, string>;
  serverPid?: number;
  rows?: number;
  log: (line: string) => void;
}): Promise<ImportFigure> {
  const rows = opts.rows ?? 10_000;
  const label = `BENCH${Date.now().toString(36).toUpperCase()}`;
  opts.log(`measuring g: import of a ${rows.toLocaleString('en')}-row .xlsx register (${label}-…) over HTTP`);
  const file = await registerWorkbook(rows, label);
  let rssMax = rssMb(opts.serverPid);
  const sampler = setInterval(() => {
    const rss = rssMb(opts.serverPid);
    if (rss > rssMax) rssMax = rss;
  }, SAMPLE_MS);
  const figure: ImportFigure = {
    rows,
    imported: 0,
    uploadSeconds: 0,
    dryRunSeconds: 0,
    importSeconds: 0,
    seconds: 0,
    rate: 0,
    megabytes: file.length / 1024 / 1024,
    rssMaxMb: 0,
  };
  const t0 = performance.now();
  try {
    const boundary = `kfbench${Date.now()}`;
    const multipart = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="klachtenregister.xlsx"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await call(
      'POST',
      `${opts.base}/imports`,
      { ...opts.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      multipart,
    );
    if (up.status !== 201) throw new Error(`upload: ${up.status} ${up.text.slice(0, 300)}`);
    const { id } = JSON.parse(up.text) as { id: string };
    const t1 = performance.now();
    const dry = await call(
      'POST',
      `${opts.base}/imports/${id}/dry-run`,
      { ...opts.headers, 'content-type': 'application/json' },
      JSON.stringify({ columns: COLUMNS }),
    );
    const report = JSON.parse(dry.text) as { okRows: number; errorRows: number };
    if (dry.status !== 200 || report.errorRows) throw new Error(`dry run: ${dry.status} ${dry.text.slice(0, 300)}`);
    const t2 = performance.now();
    const run = await call('POST', `${opts.base}/imports/${id}/run`, opts.headers);
    if (run.status !== 202) throw new Error(`run: ${run.status} ${run.text.slice(0, 300)}`);
    let batch: { state: string; importedRows: number; error: string | null } = { state: 'running', importedRows: 0, error: null };
    while (batch.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      batch = JSON.parse((await call('GET', `${opts.base}/imports/${id}`, opts.headers)).text) as typeof batch;
    }
    const t3 = performance.now();
    if (batch.state !== 'done') throw new Error(`import: ${batch.state} ${batch.error ?? ''}`);
    Object.assign(figure, {
      imported: batch.importedRows,
      uploadSeconds: (t1 - t0) / 1000,
      dryRunSeconds: (t2 - t1) / 1000,
      importSeconds: (t3 - t2) / 1000,
      seconds: (t3 - t0) / 1000,
    });
    figure.rate = figure.imported / figure.seconds;
  } catch (err) {
    figure.error = (err as Error).message;
    figure.seconds = (performance.now() - t0) / 1000;
  } finally {
    clearInterval(sampler);
    figure.rssMaxMb = rssMax;
  }
  return figure;
}

export function reportImport(f: ImportFigure | null, log: (line: string) => void) {
  if (!f) return;
  const pass = !f.error && f.imported === f.rows && f.seconds < IMPORT_TARGET_SECONDS;
  log(`\ng register import (target: ${f.rows.toLocaleString('en')} rows in < ${IMPORT_TARGET_SECONDS} s, upload to done):`);
  log(
    `  xlsx ${f.imported.toLocaleString('en').padStart(7)} of ${f.rows.toLocaleString('en')} rows in ${f.seconds.toFixed(1)} s = ${Math.round(f.rate).toLocaleString('en')} rows/s ${pass ? 'PASS' : 'MISS'};` +
      ` upload ${f.uploadSeconds.toFixed(1)} s, dry run ${f.dryRunSeconds.toFixed(1)} s, import ${f.importSeconds.toFixed(1)} s; ${f.megabytes.toFixed(1)} MB file;` +
      ` server RSS max ${f.rssMaxMb.toFixed(0)} MB${f.error ? `  ⚠ ${f.error}` : ''}`,
  );
}
