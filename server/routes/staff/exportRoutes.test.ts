import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type KyselyPlugin, sql } from 'kysely';
import type { StaffActor } from '../../commands/context.ts';
import { caseExportBatches } from '../../queries/caseExport.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * The register export (GET /cases/export) through the server: the cases the actor may read, the
 * queue and case list filters, the standard facts in words, formulas made inert, a CSV Dutch Excel
 * opens and an .xlsx that reads back, and a large register read in batches.
 */
type App = Awaited<ReturnType<typeof createTestApp>>;
let t: App;
let agent: StaffActor, coordinator: StaffActor, lead: StaffActor, department: StaffActor;
let h: Record<'agent' | 'coordinator' | 'lead' | 'department', Record<string, string>>;
const teamId: Record<string, string> = {};
const teamName: Record<string, string> = {};
const ref: Record<string, string> = {};

async function caseWith(name: string, o: { subject: string; channel: string; team: string | null; facts?: object; closed?: boolean }) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: h.agent,
    payload: { subject: o.subject, channel: o.channel, complainant: { name: 'Johan Willems', email: 'johan@example.org' } },
  });
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json() as { id: string; reference: string };
  await t.services.db
    .updateTable('cases')
    .set({
      // As stored by any intake (a mail's subject is not trimmed): what a cell may start with.
      subject: o.subject,
      assignee_team_id: o.team ? teamId[o.team]! : null,
      assignee_user_id: null,
      facts: JSON.stringify({ channel: o.channel, ...o.facts }),
      closed_at: o.closed ? t.clock.now() : null,
      handling_deadline: '2026-04-13',
    })
    .where('id', '=', c.id)
    .execute();
  ref[name] = c.reference;
}

const get = (who: keyof typeof h, qs: string) => t.app.inject({ method: 'GET', url: `/api/v1/cases/export?${qs}`, headers: h[who] });

/** RFC 4180 with `;`: quoted fields may hold ; and doubled quotes. */
function parseCsv(body: string) {
  assert.ok(body.startsWith('\uFEFF'), 'a byte order mark, so Excel reads UTF-8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted && ch === '"' && body[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  assert.equal(row.length + field.length, 0, 'the file ends with a line end');
  return rows;
}
const csvOf = async (who: keyof typeof h, qs: string) => {
  const res = await get(who, `format=csv&${qs}`);
  assert.equal(res.statusCode, 200, res.body);
  const [header, ...rows] = parseCsv(res.body);
  const col = (name: string) => header!.indexOf(name);
  return { res, header: header!, rows, col, refs: rows.map((r) => r[col('Kenmerk')]).sort() };
};

before(async () => {
  t = await createTestApp();
  for (const key of ['kcc', 'backOffice', 'department']) {
    const team = await t.services.db.selectFrom('team').select(['id', 'name']).where('key', '=', key).executeTakeFirstOrThrow();
    teamId[key] = team.id;
    teamName[key] = team.name;
  }
  agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
  coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] });
  lead = await buildStaff(t.services, { roles: ['teamLead'], teams: ['backOffice'] });
  department = await buildStaff(t.services, { roles: ['department'], teams: ['department'] });
  h = {
    agent: await loginHeaders(t.services, agent),
    coordinator: await loginHeaders(t.services, coordinator),
    lead: await loginHeaders(t.services, lead),
    department: await loginHeaders(t.services, department),
  };
  await caseWith('formula', {
    subject: '=HYPERLINK("http://voorbeeld.test";"klik")',
    channel: 'email',
    team: 'backOffice',
    facts: { kind: 'complaint', ground: 'conduct', judgment: 'founded', outcome: 'judged', normsBreached: ['respectful', 'timely'] },
    closed: true,
  });
  await caseWith('plus', { subject: '+31 6 belt terug', channel: 'phone', team: 'backOffice', facts: { satisfied: false } });
  await caseWith('minus', { subject: '-2+3 wachttijd', channel: 'phone', team: 'kcc' });
  await caseWith('at', { subject: '@SUM(A1:A2)', channel: 'letter', team: 'kcc' });
  await caseWith('tab', { subject: '\tverborgen formule', channel: 'counter', team: null });
  await caseWith('plain', {
    subject: 'Geluidsoverlast; "straat"',
    channel: 'email',
    team: 'department',
    facts: { hearingSummary: 'Mevrouw De Vries vertelde over haar buurman', judgmentReasons: 'Naam van de buurman' },
  });
});
after(() => t.close());

describe('the register as CSV', () => {
  test('Dutch headers, ; between fields, the standard facts and dates in words; no narratives, no complainant', async () => {
    const { res, header, rows, col, refs } = await csvOf('coordinator', '');
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="klachtenregister-2026-03-02\.csv"$/);
    assert.deepEqual(header.slice(0, 11), [
      'Kenmerk',
      'Onderwerp',
      'Proces',
      'Status',
      'Ontvangen',
      'Wettelijke termijn',
      'Servicenorm',
      'Afgesloten',
      'Team',
      'Behandelaar',
      'Kanaal',
    ]);
    for (const fact of ['Soort', 'Grondslag', 'Oordeel', 'Uitkomst', 'Geschonden behoorlijkheidsnormen', 'Klager tevreden'])
      assert.ok(header.includes(fact), fact);
    // Stories and addresses stay in the case; so does the complainant.
    for (const never of ['Verslag van het gesprek', 'Motivering van het oordeel', 'E-mailadres van die organisatie'])
      assert.ok(!header.includes(never), never);
    assert.ok(!res.body.includes('Johan') && !res.body.includes('johan@') && !res.body.includes('De Vries'));
    assert.deepEqual(refs, Object.values(ref).sort(), 'every case, each once');
    const formula = rows.find((r) => r[col('Kenmerk')] === ref.formula)!;
    assert.equal(formula[col('Kanaal')], 'E-mail');
    assert.equal(formula[col('Grondslag')], 'Bejegening');
    assert.equal(formula[col('Oordeel')], 'Gegrond');
    assert.equal(formula[col('Uitkomst')], 'Beoordeeld');
    assert.equal(formula[col('Ontvangen')], '2026-03-02');
    assert.equal(formula[col('Wettelijke termijn')], '2026-04-13');
    assert.equal(formula[col('Afgesloten')], '2026-03-02');
    assert.equal(formula[col('Team')], teamName.backOffice);
    assert.ok(formula[col('Status')]!.length > 0 && !/^[a-z]+[A-Z]/.test(formula[col('Status')]!), 'a status label, not its key');
    assert.equal(formula[col('Geschonden behoorlijkheidsnormen')], 'Respectvol, Voortvarend');
    assert.equal(rows.find((r) => r[col('Kenmerk')] === ref.plus)![col('Klager tevreden')], 'Nee');
  });

  test('cells that start with = + - @ or a tab are made inert with an apostrophe; quotes and ; are quoted', async () => {
    const { res, rows, col } = await csvOf('coordinator', '');
    const subject = (name: string) => rows.find((r) => r[col('Kenmerk')] === ref[name])![col('Onderwerp')];
    assert.equal(subject('formula'), `'=HYPERLINK("http://voorbeeld.test";"klik")`);
    assert.equal(subject('plus'), "'+31 6 belt terug");
    assert.equal(subject('minus'), "'-2+3 wachttijd");
    assert.equal(subject('at'), "'@SUM(A1:A2)");
    assert.equal(subject('tab'), "'\tverborgen formule");
    assert.equal(subject('plain'), 'Geluidsoverlast; "straat"');
    assert.ok(res.body.includes(`;"'=HYPERLINK(""http://voorbeeld.test"";""klik"")";`), 'RFC 4180 quoting');
  });

  test('English headers when the staff app is in English', async () => {
    const { res, header } = await csvOf('coordinator', 'lang=en');
    assert.deepEqual(header.slice(0, 4), ['Reference', 'Subject', 'Process', 'Status']);
    assert.ok(header.includes('Judgment') && header.includes('Ground'));
    assert.match(String(res.headers['content-disposition']), /complaints-register-2026-03-02\.csv/);
  });
});

describe('filters and scope', () => {
  test('the queue filters: channels, a team, unassigned, open or closed, a period', async () => {
    assert.deepEqual((await csvOf('coordinator', 'channel=phone,letter')).refs, [ref.plus, ref.minus, ref.at].sort());
    assert.deepEqual((await csvOf('coordinator', `teamId=${teamId.kcc}`)).refs, [ref.minus, ref.at].sort());
    assert.deepEqual((await csvOf('coordinator', 'queue=unassigned')).refs, [ref.tab]);
    assert.deepEqual((await csvOf('coordinator', 'open=false')).refs, [ref.formula]);
    assert.equal((await csvOf('coordinator', 'open=true')).refs.length, 5);
    assert.equal((await csvOf('coordinator', 'receivedFrom=2026-03-02&receivedBefore=2026-03-03')).refs.length, 6);
    assert.deepEqual((await csvOf('coordinator', 'receivedFrom=2026-03-03')).refs, []);
  });

  test("a team lead gets their team's cases only, also when asking for another team's", async () => {
    assert.deepEqual((await csvOf('lead', '')).refs, [ref.formula, ref.plus].sort());
    assert.deepEqual((await csvOf('lead', `teamId=${teamId.kcc}`)).refs, []);
    assert.deepEqual((await csvOf('lead', 'queue=team')).refs, [ref.formula, ref.plus].sort());
  });

  test('without the export permission: 403; bad format or filter: 400 naming the parameter', async () => {
    assert.equal((await get('department', 'format=csv')).statusCode, 403);
    assert.equal((await get('agent', 'format=csv')).statusCode, 403);
    for (const [qs, name] of [
      ['format=pdf', 'format'],
      ['', 'format'],
      ['format=csv&channel=fax', 'channel'],
      ['format=csv&receivedFrom=2-3-2026', 'receivedFrom'],
      ['format=xlsx&teamId=kcc', 'teamId'],
      ['format=csv&queue=everything', 'queue'],
      ['format=csv&lang=de', 'lang'],
    ] as const) {
      const res = await get('coordinator', qs);
      assert.equal(res.statusCode, 400, qs);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      const names = (res.json().invalidParams as { name: string }[]).map((p) => p.name);
      // A list's item is named with its index (querystring.channel.0).
      assert.ok(
        names.some((n) => n === `querystring.${name}` || n.startsWith(`querystring.${name}.`)),
        `${qs}: ${names.join(', ')}`,
      );
    }
  });
});

test('OpenAPI describes the export: its parameters and the two file types', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const op = doc.paths['/cases/export'].get;
  const names = (op.parameters as { name: string; in: string }[]).filter((p) => p.in === 'query').map((p) => p.name);
  for (const name of ['format', 'queue', 'channel', 'teamId', 'status', 'open', 'deadline', 'receivedFrom', 'receivedBefore', 'lang'])
    assert.ok(names.includes(name), name);
  assert.ok(!names.includes('cursor') && !names.includes('limit'), 'no paging: the whole register streams');
  assert.deepEqual(Object.keys(op.responses['200'].content), [
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]);
});

describe('the register as Excel', () => {
  test('an .xlsx that reads back with the same rows, real dates and inert formulas', async () => {
    const res = await get('coordinator', 'format=xlsx&channel=email,phone');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(String(res.headers['content-disposition']), /klachtenregister-2026-03-02\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Klachtenregister')!;
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const [header, ...rows] = values.map((r) => r.slice(1));
    const col = (name: string) => header!.indexOf(name);
    assert.equal(header![0], 'Kenmerk');
    assert.deepEqual(rows.map((r) => r[0]).sort(), [ref.formula, ref.plus, ref.minus, ref.plain].sort());
    const formula = rows.find((r) => r[0] === ref.formula)!;
    assert.equal(formula[col('Onderwerp')], `'=HYPERLINK("http://voorbeeld.test";"klik")`);
    assert.equal(rows.find((r) => r[0] === ref.minus)![col('Onderwerp')], "'-2+3 wachttijd");
    assert.equal(formula[col('Oordeel')], 'Gegrond');
    assert.equal(formula[col('Geschonden behoorlijkheidsnormen')], 'Respectvol, Voortvarend');
    const received = formula[col('Ontvangen')];
    assert.ok(received instanceof Date, 'a date cell');
    assert.equal(received.toISOString(), '2026-03-02T00:00:00.000Z');
    assert.equal(formula[col('Afgesloten')] instanceof Date, true);
    assert.equal(rows.find((r) => r[0] === ref.plus)![col('Afgesloten')], undefined);
  });
});

describe('a large register', () => {
  const BULK = 2500;
  before(async () => {
    // Copies of one case under new references: the register's volume without 2,500 intakes.
    const template = await t.services.db.selectFrom('cases').selectAll().where('reference', '=', ref.plain!).executeTakeFirstOrThrow();
    await sql`
      insert into cases (reference, process_key, case_type, status, status_changed_at, subject, channel, complainant_id,
        assignee_team_id, received_at, created_at, updated_at, facts, process_version)
      select 'BULK-2026-' || lpad(g::text, 6, '0'), ${template.process_key}, ${template.case_type}, ${template.status},
        ${template.status_changed_at}, 'Massa ' || g, 'web', ${template.complainant_id}, ${teamId.backOffice},
        ${template.received_at}, ${template.created_at}, ${template.updated_at}, '{"ground":"communication"}'::jsonb, ${template.process_version}
      from generate_series(1, ${BULK}) g`.execute(t.services.db);
  });

  test('is read in batches of at most 1000 rows and written whole', async () => {
    const batches: number[] = [];
    const counting: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        const first = args.result.rows[0] as Record<string, unknown> | undefined;
        if (first && 'reference' in first && 'facts' in first && 'team_name' in first) batches.push(args.result.rows.length);
        return args.result;
      },
    };
    const db = t.services.db;
    t.services.db = db.withPlugin(counting);
    try {
      const { rows, col } = await csvOf('coordinator', 'channel=web');
      assert.equal(rows.length, BULK);
      assert.equal(new Set(rows.map((r) => r[col('Kenmerk')])).size, BULK, 'no case twice');
      assert.equal(rows[0]![col('Grondslag')], 'Communicatie');
      assert.deepEqual(batches, [1000, 1000, 500]);
      batches.length = 0;
      const xlsx = await get('lead', 'format=xlsx');
      assert.equal(xlsx.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      assert.equal(book.getWorksheet(1)!.actualRowCount, BULK + 2 + 1, "the lead's team: the bulk, two cases and the header");
      assert.deepEqual(batches, [1000, 1000, 502]);
    } finally {
      t.services.db = db;
    }
  });

  test('the keyset walks the reference order without gaps or repeats at any batch size', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    const today = t.services.calendar.toDate(t.clock.now());
    for await (const batch of caseExportBatches(t.services, coordinator, { channel: ['web'] }, { today, batchSize: 333 })) {
      sizes.push(batch.length);
      seen.push(...batch.map((r) => r.reference));
    }
    assert.deepEqual(sizes, [...Array(7).fill(333), BULK - 7 * 333]);
    assert.deepEqual(seen, [...seen].sort());
    assert.equal(new Set(seen).size, BULK);
  });
});
