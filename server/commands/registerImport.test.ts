import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { startOfDay } from '../domain/calendar/durations.ts';
import { importBatch } from '../queries/registerImports.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { registerCase } from './caseRegistrar.ts';
import type { StaffActor } from './context.ts';
import { checkRegisterImport, startRegisterImport, uploadRegister } from './registerImport.ts';

/**
 * Import of an existing register through its commands, on both databases: the dry run's report in
 * words, all or nothing, the same file twice adds nothing, original dates, no mail/timer/survey, the
 * status the definition gives an open or closed case, one person per person, and who sees a batch.
 */
let env: TestEnv;
let coordinator: StaffActor, department: StaffActor;

before(async () => {
  env = await createTestServices();
  env.clock.set('2026-03-02T09:00:00Z');
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'] });
  department = await buildStaff(env.services, { roles: ['department'], teams: ['department'] });
});
after(() => env.close());

const HEADER = 'Nummer;Datum ontvangst;Datum afgehandeld;Onderwerp;Naam klager;E-mail;Oordeel;Uitkomst;Afdeling';
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
const COLUMNS = {
  Nummer: 'originalReference',
  'Datum ontvangst': 'receivedOn',
  'Datum afgehandeld': 'closedOn',
  Onderwerp: 'subject',
  'Naam klager': 'complainantName',
  'E-mail': 'complainantEmail',
  Oordeel: 'judgment',
  Uitkomst: 'outcome',
  Afdeling: 'department',
};

async function upload(content: Buffer, fileName = 'register.csv', who = coordinator) {
  return asActor(env.services, who, (ctx) => uploadRegister(ctx, { fileName, mediaType: 'text/csv', content }));
}
const dryRun = (id: string, columns: Record<string, string> = COLUMNS, who = coordinator) =>
  asActor(env.services, who, (ctx) => checkRegisterImport(ctx, id, columns));
const batch = (id: string) => env.services.db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const casesOf = (batchId: string) =>
  env.services.db.selectFrom('cases').selectAll().where('imported_batch_id', '=', batchId).orderBy('reference').execute();

describe('register import', () => {
  test('the dry run reports per row and column in plain words and imports nothing', async () => {
    const b = await upload(
      csv(
        'R-1;31-02-2023;;Lang gewacht;Anna de Vries;anna@example.org;;;Burgerzaken',
        'R-2;2023-05-04;2023-05-20;Onbeleefd;Bert Smit;bert@;Misschien;;',
        'R-3;;;;Carla;;;;',
        'R-4;14-05-2023;01-05-2023;Te laat;Dirk;;;;',
        'R-5;01-01-2099;;Toekomst;Eva;;;;',
        'R-1;03-03-2023;;Dubbel nummer;Frits;;;;',
      ),
    );
    assert.equal(b.totalRows, 6);
    assert.equal(b.suggested['Datum ontvangst'], 'receivedOn');
    const report = await dryRun(b.id);
    const messages = report.problems.map((p) => p.message);
    assert.ok(messages.includes("Rij 2, kolom 'Datum ontvangst': '31-02-2023' is geen bestaande datum."), messages.join('\n'));
    assert.ok(messages.includes("Rij 3, kolom 'E-mail': 'bert@' is geen geldig e-mailadres."), messages.join('\n'));
    assert.ok(
      messages.includes(
        "Rij 3, kolom 'Oordeel': 'Misschien' is geen bekende waarde. Kies uit: Gegrond, Deels gegrond, Ongegrond, Geen oordeel.",
      ),
      messages.join('\n'),
    );
    assert.ok(messages.includes("Rij 4, kolom 'Datum ontvangst': is leeg; vul datum ontvangst in."), messages.join('\n'));
    assert.ok(messages.includes("Rij 4, kolom 'Onderwerp': is leeg; vul onderwerp in."));
    assert.ok(messages.includes("Rij 5, kolom 'Datum afgehandeld': ligt vóór de datum van ontvangst."));
    assert.ok(messages.includes("Rij 6, kolom 'Datum ontvangst': 01-01-2099 ligt in de toekomst."));
    assert.equal(report.errorRows, 5);
    assert.equal(report.okRows, 1); // row 7 (R-1 again) is fine itself; row 2 had the number first but fails
    assert.equal((await batch(b.id)).state, 'invalid');
    assert.equal((await casesOf(b.id)).length, 0);
    await assert.rejects(startRegisterImport(env.services, coordinator, b.id), /proefimport zonder fouten/);
  });

  test('a mapping without a required field is refused naming the field', async () => {
    const b = await upload(csv('R-9;01-02-2024;;Iets;Gijs;;;;'));
    await assert.rejects(
      dryRun(b.id, { Onderwerp: 'subject', 'Naam klager': 'complainantName' }),
      (err: { invalidParams: { reason: string }[] }) => err.invalidParams.some((p) => p.reason.includes("'Datum ontvangst'")),
    );
  });

  test('an import keeps the dates, sets status by role, sends nothing, and a second import of the file adds nothing', async () => {
    const def = env.services.processes.defaultProcess;
    const known = await asActor(env.services, coordinator, (ctx) =>
      registerCase(ctx, {
        subject: 'Eerder',
        description: '',
        channel: 'phone',
        complainant: { kind: 'person', name: 'Hanna Bos', email: 'hanna@example.org' },
        data: {},
      }),
    );
    const before = await env.services.db.selectFrom('cases').select('complainant_id').where('id', '=', known.id).executeTakeFirstOrThrow();
    const outboxBefore = await env.services.db
      .selectFrom('outbox_message')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const content = csv(
      'A-100;15-03-2024;02-04-2024;Afval niet opgehaald;Hanna Bos;HANNA@example.org;Gegrond;;Afvalinzameling',
      'A-101;2024-06-01;;Parkeervergunning kwijt;Ivo Jansen;ivo@example.org;;;Parkeren',
      'A-102;45474;45480;Geen reactie;Ivo Jansen;ivo@example.org;;notHandled;',
    );
    const b = await upload(content, 'register 2024.csv');
    const report = await dryRun(b.id);
    assert.deepEqual([report.okRows, report.errorRows, report.duplicateRows], [3, 0, 0], JSON.stringify(report.problems));
    const started = await startRegisterImport(env.services, coordinator, b.id);
    await started.done;
    const done = await batch(b.id);
    assert.equal(done.state, 'done', done.error ?? '');
    assert.equal(done.imported_rows, 3);
    const cases = await casesOf(b.id);
    assert.deepEqual(
      cases.map((c) => c.reference),
      ['A-100', 'A-101', 'A-102'],
    );
    const [a, open, declined] = cases as [(typeof cases)[0], (typeof cases)[0], (typeof cases)[0]];
    assert.equal(a.received_at.toISOString(), startOfDay('2024-03-15').toISOString());
    assert.equal(a.closed_at?.toISOString(), startOfDay('2024-04-02').toISOString());
    assert.equal(declined.received_at.toISOString(), startOfDay('2024-07-01').toISOString()); // Excel day 45474
    assert.equal(open.closed_at, null);
    // Status asked of the definition: open → where the process starts; closed → a terminal status, by outcome.
    assert.equal(open.status, def.initialStatus);
    const terminal = (s: string) => def.statuses.find((x) => x.key === s)?.terminal;
    assert.equal(terminal(a.status), true);
    assert.equal(terminal(declined.status), true);
    const leadsThere = def.transitions.filter((t) => t.to === declined.status);
    assert.ok(leadsThere.some((t) => t.effects.some((e) => e.type === 'setFact' && e.fact === 'outcome' && e.value === 'notHandled')));
    // Judged against its term like any closed case (received 15 March, closed 2 April: within six weeks).
    assert.deepEqual(a.facts, { judgment: 'founded', department: 'Afvalinzameling', handledOnTime: true });
    assert.equal(String(a.handling_deadline), '2024-04-26');
    assert.deepEqual(a.data, { originalReference: 'A-100' });
    assert.match(a.search_text, /A-100/);
    // One person per person: the known e-mail is the known record; Ivo's two rows are one record.
    assert.equal(a.complainant_id, before.complainant_id);
    assert.equal(open.complainant_id, declined.complainant_id);
    // Nothing sent, nothing started: no outbox, timers, surveys, deadlines.
    const ids = cases.map((c) => c.id);
    const outboxAfter = await env.services.db
      .selectFrom('outbox_message')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(outboxAfter.n), Number(outboxBefore.n));
    assert.equal((await env.services.db.selectFrom('timer').select('id').where('case_id', 'in', ids).execute()).length, 0);
    assert.equal((await env.services.db.selectFrom('survey').select('id').where('case_id', 'in', ids).execute()).length, 0);
    // An open row has no deadline: nothing warns or counts down for it.
    assert.equal(open.handling_deadline, null);
    assert.equal(open.norm_deadline, null);
    // One timeline event each, naming the file.
    const events = await env.services.db.selectFrom('timeline_event').select(['type', 'data']).where('case_id', 'in', ids).execute();
    assert.equal(events.length, 3);
    assert.ok(events.every((e) => e.type === 'caseImported' && (e.data as { fileName: string }).fileName === 'register 2024.csv'));

    // The same file again: every row is known; the import adds nothing.
    const again = await upload(content, 'register 2024.csv');
    const second = await dryRun(again.id);
    assert.deepEqual([second.okRows, second.errorRows, second.duplicateRows], [0, 0, 3]);
    await (await startRegisterImport(env.services, coordinator, again.id)).done;
    assert.equal((await batch(again.id)).state, 'done');
    assert.equal((await casesOf(again.id)).length, 0);
    // A batch cannot run twice.
    await assert.rejects(startRegisterImport(env.services, coordinator, b.id), /loopt al of is klaar/);
  });

  test('rows without a number are the same row by their values; new ones get references from the counter', async () => {
    const lines = ['Datum ontvangst;Onderwerp;Naam klager', '01-10-2025;Stoep kapot;Jan', '02-10-2025;Lantaarn uit;Kees'];
    const content = Buffer.from(lines.join('\n'));
    const columns = { 'Datum ontvangst': 'receivedOn', Onderwerp: 'subject', 'Naam klager': 'complainantName' };
    const first = await upload(content, 'zonder-nummer.csv');
    await dryRun(first.id, columns);
    await (await startRegisterImport(env.services, coordinator, first.id)).done;
    const made = await casesOf(first.id);
    assert.equal(made.length, 2);
    assert.ok(
      made.every((c) => /^KL-2026-\d{6}$/.test(c.reference)),
      made.map((c) => c.reference).join(),
    );
    const more = await upload(Buffer.from([...lines, '03-10-2025;Boom valt om;Lies'].join('\n')), 'zonder-nummer-2.csv');
    const report = await dryRun(more.id, columns);
    assert.deepEqual([report.okRows, report.duplicateRows], [1, 2]);
  });

  test('a failure half way changes nothing, and the batch says why', async () => {
    const b = await upload(
      csv(
        'F-1;01-02-2025;;Een;Lotte Klein;lotte@example.org;;;',
        'F-2;02-02-2025;;Twee;Mark Groen;mark@example.org;;;',
        'F-3;03-02-2025;;Drie;Nina;;;;',
      ),
    );
    await dryRun(b.id);
    const personsBefore = await env.services.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    let chunks = 0;
    const started = await startRegisterImport(env.services, coordinator, b.id, {
      chunkSize: 1,
      afterChunk: () => {
        chunks++;
        if (chunks === 2) throw new Error('disk full');
      },
    });
    await started.done;
    const failed = await batch(b.id);
    assert.equal(failed.state, 'failed');
    assert.match(failed.error ?? '', /^De import is gestopt en er is niets veranderd\./);
    assert.equal(chunks, 2);
    assert.equal((await casesOf(b.id)).length, 0);
    assert.equal((await env.services.db.selectFrom('import_row_key').select('row_key').where('batch_id', '=', b.id).execute()).length, 0);
    const personsAfter = await env.services.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(personsAfter.n), Number(personsBefore.n));
    assert.equal((await env.services.db.selectFrom('cases').select('id').where('reference', 'in', ['F-1', 'F-2']).execute()).length, 0);
  });

  test('an .xlsx: date cells, Excel day numbers and cached formula results are read; a formula without a result is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Register');
    ws.addRow(['Nummer', 'Datum ontvangst', 'Onderwerp', 'Naam klager']);
    ws.addRow(['X-1', new Date(Date.UTC(2024, 1, 29)), 'Schrikkeldag', 'Olga']);
    ws.addRow(['X-2', 45292, 'Dagnummer', 'Piet']);
    ws.addRow([
      'X-3',
      { formula: 'DATE(2024,3,1)', result: new Date(Date.UTC(2024, 2, 1)) },
      { formula: 'A1&"!"', result: 'Berekend' },
      'Quinten',
    ]);
    ws.addRow(['X-4', '01-04-2024', { formula: 'B2+1' }, 'Rita']);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const b = await upload(content, 'register.xlsx');
    const report = await dryRun(b.id, {
      Nummer: 'originalReference',
      'Datum ontvangst': 'receivedOn',
      Onderwerp: 'subject',
      'Naam klager': 'complainantName',
    });
    assert.deepEqual(
      report.problems.map((p) => p.message),
      [
        "Rij 5, kolom 'Onderwerp': bevat een formule (=B2+1) zonder opgeslagen uitkomst. Open het bestand in Excel, sla het op en kies het opnieuw, of vul de waarde zelf in.",
      ],
    );
    assert.equal(report.okRows, 3);
  });

  test('an import cut off by a server stop (still "running" an hour later) reads as failed with nothing changed', async () => {
    const b = await upload(csv('Z-1;01-02-2025;;Onderbroken;Zoë;;;;'));
    await dryRun(b.id);
    const startedAt = new Date(env.clock.now().getTime() - 2 * 3_600_000);
    await env.services.db.updateTable('import_batch').set({ state: 'running', started_at: startedAt }).where('id', '=', b.id).execute();
    const seen = await importBatch(env.services, coordinator, b.id);
    assert.equal(seen?.state, 'failed');
    assert.match(seen?.error ?? '', /onderbroken.*Er is niets veranderd/);
    await env.services.db.updateTable('import_batch').set({ started_at: env.clock.now() }).where('id', '=', b.id).execute();
    assert.equal((await importBatch(env.services, coordinator, b.id))?.state, 'running');
  });

  test('a batch is its uploader’s: someone without the read-all scope cannot see or run another’s', async () => {
    const b = await upload(csv('S-1;01-02-2025;;Scope;Sam;;;;'));
    await assert.rejects(dryRun(b.id, COLUMNS, department), /bestaat niet of u heeft er geen toegang toe/);
    await dryRun(b.id);
    await assert.rejects(startRegisterImport(env.services, department, b.id), /bestaat niet/);
  });
});
