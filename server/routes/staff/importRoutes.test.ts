import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * The register import over HTTP: bad files of every kind get a 400 (413 past the size limit)
 * problem+json naming the file in Dutch, never a 500; the dry run, the import polled to its end,
 * named mappings, and who may import.
 */
type App = Awaited<ReturnType<typeof createTestApp>>;
let t: App;
let coordinator: Record<string, string>, department: Record<string, string>;
const B = 'kfimportboundary';

function multipart(file: { name: string; type: string; content: Buffer } | null, fields: Record<string, string> = {}) {
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(
      Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    );
    chunks.push(file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${B}--\r\n`));
  return Buffer.concat(chunks);
}
const upload = (file: Parameters<typeof multipart>[0], who = coordinator) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...who, 'content-type': `multipart/form-data; boundary=${B}` },
    payload: multipart(file),
  });
const csvFile = (text: string, name = 'register.csv') => ({ name, type: 'text/csv', content: Buffer.from(text, 'utf8') });

function assertRefused(res: Awaited<ReturnType<typeof upload>>, status: number, reason: RegExp) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  const p = res.json() as { invalidParams: { name: string; reason: string }[] };
  assert.equal(p.invalidParams[0]?.name, 'file');
  assert.match(p.invalidParams[0]!.reason, reason);
}

before(async () => {
  t = await createTestApp();
  coordinator = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] }));
  department = await loginHeaders(t.services, await buildStaff(t.services, { roles: ['department'], teams: ['department'] }));
});
after(() => t.close());

describe('bad files get clear errors, never a 500', () => {
  test('not a spreadsheet: an image, a PDF, random bytes', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), randomBytes(2000)]);
    assertRefused(await upload({ name: 'foto.png', type: 'image/png', content: png }), 400, /geen spreadsheet/);
    assertRefused(await upload(csvFile('%PDF-1.7\n1 0 obj\n<< >>\n', 'brief.pdf')), 400, /geen spreadsheet/);
    assertRefused(await upload({ name: 'register.csv', type: 'text/csv', content: randomBytes(1024 * 1024) }), 400, /geen spreadsheet/);
  });

  test('10 MB of garbage is over the limit, said in megabytes', async () => {
    const garbage = Buffer.alloc(10 * 1024 * 1024 + 1, 'x');
    assertRefused(await upload({ name: 'groot.xlsx', type: 'application/octet-stream', content: garbage }), 413, /groter dan 10 MB/);
  });

  test('empty, only a header, the old .xls format, a broken .xlsx, an unclosed quote', async () => {
    assertRefused(await upload(csvFile('')), 400, /leeg/);
    assertRefused(await upload(csvFile('\uFEFF;;\r\n;;\r\n')), 400, /leeg/);
    assertRefused(await upload(csvFile('Nummer;Datum ontvangst;Onderwerp\r\n')), 400, /alleen een kopregel/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    assertRefused(await upload({ name: 'oud.xls', type: 'application/vnd.ms-excel', content: ole }), 400, /oude Excel-formaat/);
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(4000)]);
    assertRefused(await upload({ name: 'kapot.xlsx', type: 'application/octet-stream', content: brokenZip }), 400, /beschadigd/);
    assertRefused(await upload(csvFile('a;b\n1;"open\n2;3\n')), 400, /Regel 2 opent een aanhalingsteken/);
  });

  test('no file part, or not multipart at all', async () => {
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...coordinator, 'content-type': `multipart/form-data; boundary=${B}` },
      payload: multipart(null, { processKey: 'kcc-complaint' }),
    });
    assert.equal(none.statusCode, 400, none.body);
    assert.equal(none.json().invalidParams[0].name, 'file');
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: coordinator, payload: { file: 'x' } });
    assert.equal(json.statusCode, 400, json.body);
  });

  test('without case:import the routes are forbidden', async () => {
    assert.equal((await upload(csvFile('a;b\n1;2\n'), department)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/import-mappings', headers: department })).statusCode, 403);
  });
});

describe('upload, dry run, import', () => {
  test('formulas and dates in three formats in an .xlsx: cached values read, a formula without one reported', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Klachten');
    ws.addRow(['Klachtnummer', 'Datum ontvangst', 'Onderwerp', 'Naam klager']);
    ws.addRow(['K-1', '3-1-2024', 'Dag-maand-jaar', 'An']);
    ws.addRow(['K-2', '2024-01-04', 'Jaar-maand-dag', 'Bo']);
    ws.addRow(['K-3', 45300, 'Excel-dagnummer', 'Cor']);
    ws.addRow(['K-4', new Date(Date.UTC(2024, 0, 13)), { formula: 'UPPER("x")', result: 'X' }, 'Dewi']);
    ws.addRow(['K-5', { formula: 'TODAY()' }, 'Formule zonder waarde', 'Ed']);
    const res = await upload({
      name: 'klachten.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    assert.equal(res.statusCode, 201, res.body);
    const up = res.json() as {
      id: string;
      headers: string[];
      suggested: Record<string, string>;
      preview: { cells: string[] }[];
      fields: { key: string }[];
    };
    assert.deepEqual(up.headers, ['Klachtnummer', 'Datum ontvangst', 'Onderwerp', 'Naam klager']);
    assert.deepEqual(up.suggested, {
      Klachtnummer: 'originalReference',
      'Datum ontvangst': 'receivedOn',
      Onderwerp: 'subject',
      'Naam klager': 'complainantName',
    });
    assert.equal(up.preview[2]!.cells[1], '45300');
    assert.ok(up.fields.some((f) => f.key === 'ground'));
    const dry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${up.id}/dry-run`,
      headers: coordinator,
      payload: { columns: up.suggested },
    });
    assert.equal(dry.statusCode, 200, dry.body);
    const report = dry.json() as { okRows: number; errorRows: number; problems: { message: string }[] };
    assert.equal(report.okRows, 4);
    assert.deepEqual(
      report.problems.map((p) => p.message),
      [
        "Rij 6, kolom 'Datum ontvangst': bevat een formule (=TODAY()) zonder opgeslagen uitkomst. Open het bestand in Excel, sla het op en kies het opnieuw, of vul de waarde zelf in.",
      ],
    );
    const run = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${up.id}/run`, headers: coordinator });
    assert.equal(run.statusCode, 409, run.body);
  });

  test('a mapping that names no date column is a 400 naming the columns', async () => {
    const up = (await upload(csvFile('Nr;Wat;Wie\n1;Iets;Fien\n'))).json() as { id: string };
    const dry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${up.id}/dry-run`,
      headers: coordinator,
      payload: { columns: { Wat: 'subject', Wie: 'complainantName', Nr: 'nietBestaand' } },
    });
    assert.equal(dry.statusCode, 400, dry.body);
    const reasons = (dry.json().invalidParams as { name: string; reason: string }[]).map((p) => `${p.name}: ${p.reason}`);
    assert.ok(reasons.includes("columns.Nr: 'nietBestaand' is geen veld dat u kunt vullen."), reasons.join('\n'));
    assert.ok(reasons.includes("columns: Kies de kolom voor 'Datum ontvangst': dit veld is verplicht."), reasons.join('\n'));
  });

  test('the import runs after a clean dry run; GET follows it to done; a named mapping is kept', async () => {
    const text =
      'Nummer;Ontvangen;Onderwerp;Naam;Uitkomst;Afgehandeld\n' +
      Array.from(
        { length: 30 },
        (_, i) => `HR${1000 + i};0${(i % 9) + 1}-02-2025;Klacht ${i};Persoon ${i};Opgelost;1${i % 9}-03-2025`,
      ).join('\n');
    const up = (await upload(csvFile(text, 'historie.csv'))).json() as { id: string };
    const columns = {
      Nummer: 'originalReference',
      Ontvangen: 'receivedOn',
      Onderwerp: 'subject',
      Naam: 'complainantName',
      Uitkomst: 'outcome',
      Afgehandeld: 'closedOn',
    };
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/import-mappings',
      headers: coordinator,
      payload: { name: 'Oud register', columns },
    });
    assert.equal(saved.statusCode, 201, saved.body);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/import-mappings', headers: coordinator });
    assert.deepEqual(
      list.json().items.map((m: { name: string; columns: object }) => [m.name, m.columns]),
      [['Oud register', columns]],
    );
    const dry = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${up.id}/dry-run`, headers: coordinator, payload: { columns } });
    assert.equal(dry.json().okRows, 30, dry.body);
    const run = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${up.id}/run`, headers: coordinator });
    assert.equal(run.statusCode, 202, run.body);
    let state = 'running';
    let batch: { state: string; importedRows: number; processedRows: number } = { state, importedRows: 0, processedRows: 0 };
    for (let i = 0; i < 1500 && state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      batch = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${up.id}`, headers: coordinator })).json();
      state = batch.state;
    }
    assert.equal(batch.state, 'done');
    assert.equal(batch.importedRows, 30);
    assert.equal(batch.processedRows, 30);
    const found = await t.app.inject({ method: 'POST', url: '/api/v1/case-searches', headers: coordinator, payload: { q: 'HR1017' } });
    assert.equal(found.statusCode, 200, found.body);
    assert.ok(JSON.stringify(found.json()).includes('"HR1017"'), 'the register number is searchable');
    const imported = (await t.app.inject({ method: 'GET', url: `/api/v1/imports/${up.id}/cases`, headers: coordinator })).json();
    assert.equal(imported.total, 30);
    assert.equal(imported.items[0].reference, 'HR1000');
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/imports/${up.id}`, headers: department })).statusCode, 403);
  });
});
