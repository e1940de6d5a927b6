import assert from 'node:assert/strict';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { dashboardFigures } from '../analysis/dashboard.ts';
import { plantCases, plantPerson } from '../analysis/plantCases.ts';
import { readReportFigures } from '../analysis/reports/reportFigures.ts';
import { runCommand, type StaffActor } from '../commands/context.ts';
import { loadOrganisation } from '../config/organisation.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { ANONYMISED_NAME, ANONYMISED_TEXT } from './anonymise.ts';
import {
  approveDestructionList,
  destructionCertificate,
  getDestructionList,
  holdCase,
  listDestructionLists,
  proposeDestructionList,
} from './destructionLists.ts';
import { retentionConfigSchema } from './retentionConfig.ts';
import { addYears, retentionFor } from './retentionDate.ts';

const defaults = retentionConfigSchema.parse({});
const decide = (facts: Record<string, unknown>, notHandled = false, closedOn = '2026-06-01') =>
  retentionFor(defaults, { caseType: 'complaint', processKey: 'kcc-complaint', facts, notHandled }, closedOn);

describe('retention periods (Selectielijst 2020, procestype 13)', () => {
  test('the defaults per outcome, counted from the close date', () => {
    assert.deepEqual([decide({ outcome: 'judged' }).destroyAfter, decide({}).rule], ['2031-06-01', 'handled']);
    assert.deepEqual(
      [decide({ externalBody: 'ombudsman' }).destroyAfter, decide({ externalBody: 'ombudsman' }).rule],
      ['2036-06-01', 'ombudsman'],
    );
    assert.equal(decide({ externalBody: 'disputesBody' }).destroyAfter, '2033-06-01', 'a dispute with financial consequences: 7 years');
    assert.equal(decide({ outcome: 'notHandled' }, true).destroyAfter, '2027-06-01', 'not handled (the Awb 9:8 step): 1 year');
    assert.equal(decide({ outcome: 'cancelled' }).destroyAfter, '2027-06-01', 'broken off: 1 year');
    assert.equal(decide({ outcome: 'forwarded', externalBody: 'ombudsman' }, true).destroyAfter, '2036-06-01', 'the longest rule wins');
    assert.equal(addYears('2024-02-29', 1), '2025-03-01', 'a day longer, never shorter');
  });

  test("an organisation's own table: per case type, with a permanent keep", () => {
    const ministry = retentionConfigSchema.parse({
      defaultRule: { key: 'b', label: { nl: 'Klacht', en: 'Complaint' }, years: 10 },
      rules: [
        { key: 'signal', label: { nl: 'Signaal', en: 'Signal' }, years: 2, caseTypes: ['signal'] },
        { key: 'keep', label: { nl: 'Bewaren', en: 'Keep' }, keep: true, when: [{ fact: 'ground', equals: 'privacy' }] },
      ],
    });
    const of = (caseType: string, facts: Record<string, unknown>) =>
      retentionFor(ministry, { caseType, processKey: 'x', facts, notHandled: false }, '2026-06-01').destroyAfter;
    assert.deepEqual([of('complaint', {}), of('signal', {}), of('complaint', { ground: 'privacy' })], ['2036-06-01', '2028-06-01', null]);
  });
});

test('an example organisation brings its own table (config/examples/housing-corporation.json)', () => {
  const org = loadOrganisation(path.resolve(import.meta.dirname, '../../config/examples/housing-corporation.json'));
  const of = (facts: Record<string, unknown>) =>
    retentionFor(org.retention, { caseType: 'complaint', processKey: 'housing-complaint', facts, notHandled: false }, '2026-06-01');
  assert.deepEqual(
    [of({ externalBody: 'rentTribunal' }).destroyAfter, of({}).destroyAfter, org.retention.quarantineDays],
    ['2033-06-01', '2028-06-01', 14],
  );
});

describe('destruction lists and the anonymiser', () => {
  let t: TestEnv;
  let manager: StaffActor;
  let records: StaffActor;
  let coordinator: StaffActor;
  let ids: Map<string, string>;
  let returning: string;
  let other: string;
  let docKey: string;
  let mailKey: string;
  before(async () => {
    t = await createTestServices();
    t.clock.set('2026-03-02T09:00:00Z');
    manager = await buildStaff(t.services, { roles: ['serviceManager'] });
    records = await buildStaff(t.services, { roles: ['recordsManager'], name: 'Gerrit de Wit' });
    coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] });
    const db = t.services.db;
    returning = await plantPerson(db, 'Jan Terugkeer');
    other = await plantPerson(db, 'Anna Ander');
    await db
      .updateTable('person')
      .set({ email: 'jan@example.nl', phone: '0612345678', city: 'Utrecht' })
      .where('id', '=', returning)
      .execute();
    ids = await plantCases(db, [
      // Closed in 2020: due in 2025 (5 years), on the March 2026 list.
      {
        ref: 'A1',
        received: '2020-02-03T10:00:00Z',
        closed: '2020-03-02T10:00:00Z',
        subject: 'Parkeervergunning Jansen kwijt',
        complainantId: returning,
        facts: {
          ground: 'conduct',
          outcome: 'judged',
          judgment: 'founded',
          judgmentReasons: 'Jan Terugkeer had gelijk',
          externalRecommendation: 'Excuses aan Jan',
        },
      },
      {
        ref: 'A2',
        received: '2020-04-03T10:00:00Z',
        closed: '2020-05-04T10:00:00Z',
        subject: 'Parkeervergunning te laat',
        complainantId: returning,
        facts: { ground: 'conduct', outcome: 'judged' },
      },
      {
        ref: 'A3',
        received: '2020-02-10T10:00:00Z',
        closed: '2020-03-10T10:00:00Z',
        subject: 'Afval niet opgehaald',
        complainantId: other,
        facts: { ground: 'service', outcome: 'resolved' },
      },
      // Via the ombudsman: 10 years, not due.
      {
        ref: 'A4',
        received: '2020-02-11T10:00:00Z',
        closed: '2020-03-11T10:00:00Z',
        subject: 'Parkeervergunning weigering',
        complainantId: other,
        facts: { ground: 'conduct', outcome: 'judged', externalBody: 'ombudsman' },
      },
      // Open: never listed.
      { ref: 'A5', received: '2026-02-11T10:00:00Z', subject: 'Nieuwe klacht', complainantId: other },
    ]);
    const a1 = ids.get('A1')!;
    const doc = await t.services.storage.put(Readable.from([Buffer.from('Brief van Jan Terugkeer')]), 1000);
    docKey = doc.key;
    const docRow = await db
      .insertInto('document')
      .values({
        case_id: a1,
        activity_id: null,
        doc_type: 'attachment',
        filename: 'jan-terugkeer.txt',
        media_type: 'text/plain',
        size_bytes: doc.sizeBytes,
        sha256: doc.sha256,
        storage_key: doc.key,
        created_by: null,
        created_at: '2020-02-03T10:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mail = await t.services.storage.put(Readable.from([Buffer.from('From: jan@example.nl\r\n\r\nHallo')]), 1000);
    mailKey = mail.key;
    const activity = await db
      .insertInto('activity')
      .values({
        kind: 'intake',
        channel: 'email',
        status: 'done',
        subject: 'Mail van Jan',
        body: 'Ik heet Jan Terugkeer',
        contact: JSON.stringify({ name: 'Jan Terugkeer', email: 'jan@example.nl' }),
        case_id: a1,
        case_type: 'complaint',
        task_key: null,
        assignee_user_id: null,
        assignee_team_id: null,
        due_at: null,
        created_at: '2020-02-03T10:00:00Z',
        updated_at: '2020-02-03T10:00:00Z',
        completed_at: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('inbound_message')
      .values({
        source: 'smtp',
        source_ref: null,
        message_id: '<m1@example.nl>',
        content_sha256: 'x',
        raw_storage_key: mail.key,
        size_bytes: mail.sizeBytes,
        received_at: '2020-02-03T10:00:00Z',
        from_address: 'jan@example.nl',
        subject: 'Klacht',
        status: 'linked',
        reason: null,
        duplicate_of: null,
        case_id: a1,
        activity_id: activity.id,
        lease_until: null,
        last_error: null,
        processed_at: '2020-02-03T10:00:00Z',
      })
      .execute();
    await db
      .insertInto('note')
      .values({ case_id: a1, author_id: manager.id, body: 'Jan belde boos', created_at: '2020-02-04T10:00:00Z' })
      .execute();
    await db
      .insertInto('complained_person')
      .values({
        case_id: a1,
        user_id: null,
        name: 'Piet Baliemedewerker',
        job_title: 'Baliemedewerker',
        created_at: '2020-02-04T10:00:00Z',
      })
      .execute();
    await db
      .insertInto('timeline_event')
      .values({
        case_id: a1,
        activity_id: null,
        occurred_at: '2020-02-04T10:00:00Z',
        actor_id: null,
        actor_name: 'Systeem',
        type: 'caseEdited',
        before: JSON.stringify({ subject: 'Oud' }),
        after: JSON.stringify({ subject: 'Parkeervergunning Jansen kwijt' }),
        data: JSON.stringify({ transition: 'judge', inputs: { x: 'Jan' } }),
      })
      .execute();
    const letter = await db
      .insertInto('letter')
      .values({
        case_id: a1,
        kind: 'decision',
        template_key: 'decision',
        signer_user_id: null,
        signer_name: 'Hoofd',
        signer_title: null,
        document_id: docRow.id,
        created_by: null,
        created_at: '2020-03-01T10:00:00Z',
        updated_at: '2020-03-01T10:00:00Z',
        sent_at: '2020-03-02T10:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('letter_version')
      .values({
        letter_id: letter.id,
        version: 1,
        sections: JSON.stringify([{ key: 'body', heading: 'Uw klacht', text: 'Beste Jan Terugkeer' }]),
        author_id: null,
        author_name: 'Hoofd',
        created_at: '2020-03-01T10:00:00Z',
        readability: '{}',
      })
      .execute();
    await db
      .insertInto('survey')
      .values({
        case_id: a1,
        person_id: returning,
        token_hash: 'h1',
        sent_at: '2020-03-03T10:00:00Z',
        score: 2,
        comment: 'Jan vond het niks',
        answered_at: '2020-03-04T10:00:00Z',
        short_code_hash: null,
        sealed_token: null,
      })
      .execute();
    await db
      .insertInto('outbox_message')
      .values({
        idempotency_key: 'k1',
        case_id: a1,
        template_key: 'x',
        recipient_role: 'complainant',
        to_address: 'jan@example.nl',
        to_name: 'Jan Terugkeer',
        subject: 'Uw klacht',
        body_text: 'Beste Jan',
        body_html: '<p>Beste Jan</p>',
        message_id: '<o1@x>',
        in_reply_to: null,
        status: 'sent',
        next_attempt_at: '2020-03-02T10:00:00Z',
        lease_until: null,
        last_error: null,
        created_at: '2020-03-02T10:00:00Z',
        sent_at: '2020-03-02T10:00:00Z',
      })
      .execute();
  });
  after(() => t.close());

  const figures = async () => {
    const dash = await dashboardFigures(t.services, manager, { from: '2020-01-01', to: '2021-01-01', granularity: 'month' }, '2026-03-02');
    const annual = await readReportFigures(t.services, manager, 'annual', { from: '2020-01-01', to: '2020-12-31' });
    // Rows of equal count come in no fixed order (reportQueries orders by count only): compared as a set.
    annual.outcomes.sort((a, b) => `${a.ground}/${a.result}`.localeCompare(`${b.ground}/${b.result}`));
    // A recommendation's own words are content, not a figure: they go; that there is one still counts.
    return JSON.stringify({ dash, annual }, (key, value) => (key === 'recommendation' ? typeof value : value));
  };

  test('closing a case records its destroy-after day under the rule its outcome plays', async () => {
    const a5 = ids.get('A5')!;
    await runCommand(t.services, coordinator, (ctx) =>
      transitionCase(ctx, { caseId: a5, transition: 'cancel', inputs: { cancelReason: 'withdrawn', note: 'Ingetrokken' } }),
    );
    const r = await t.services.db.selectFrom('case_retention').selectAll().where('case_id', '=', a5).executeTakeFirstOrThrow();
    assert.deepEqual([r.closed_on, r.destroy_after, r.rule], ['2026-03-02', '2027-03-02', 'brokenOff']);
  });

  test('each month one list of the due cases (fake clock); a hold keeps a case; approval anonymises everywhere, figures unchanged', async () => {
    const before = await figures();
    await proposeDestructionList(t.services);
    await proposeDestructionList(t.services);
    const lists = await listDestructionLists(t.services);
    assert.equal(lists.length, 1, 'idempotent per month');
    const list = await getDestructionList(t.services, lists[0]!.id);
    assert.deepEqual(
      list.cases.map((c) => [c.reference, c.destroy_after, c.rule]),
      [
        ['A1', '2025-03-02', 'handled'],
        ['A3', '2025-03-10', 'handled'],
        ['A2', '2025-05-04', 'handled'],
      ],
      'the ombudsman case (10 years) and the open one are not due',
    );
    await runCommand(t.services, records, (ctx) =>
      holdCase({ ...ctx, actor: records }, list.list.id, ids.get('A3')!, 'Loopt een rechtszaak'),
    );
    t.clock.advance(3600_000);
    const cert = await approveDestructionList(t.services, records, list.list.id);
    assert.deepEqual(
      [cert.count, cert.approvedBy, cert.cases.map((c) => c.reference), cert.held.map((h) => h.reference)],
      [2, 'Gerrit de Wit', ['A1', 'A2'], ['A3']],
    );
    assert.equal(cert.cases[0]!.ruleLabel, 'Behandelde klacht');
    assert.deepEqual(await destructionCertificate(t.services, list.list.id), cert);

    const db = t.services.db;
    const a1 = ids.get('A1')!;
    const c = await db.selectFrom('cases').selectAll().where('id', '=', a1).executeTakeFirstOrThrow();
    assert.equal(c.subject, ANONYMISED_NAME);
    assert.equal(c.description, '');
    assert.deepEqual(c.facts, {
      ground: 'conduct',
      outcome: 'judged',
      judgment: 'founded',
      judgmentReasons: ANONYMISED_TEXT,
      externalRecommendation: ANONYMISED_TEXT,
    });
    const found = await sql<{ n: number }>`select count(*)::int as n from cases where search @@ plainto_tsquery('dutch', 'Jansen')`.execute(
      db,
    );
    assert.equal(found.rows[0]!.n, 0, 'the search index');
    const person = await db.selectFrom('person').selectAll().where('id', '=', returning).executeTakeFirstOrThrow();
    assert.deepEqual(
      [person.name, person.email, person.phone, person.city],
      [ANONYMISED_NAME, null, null, null],
      'no other case keeps Jan',
    );
    assert.equal(
      (await db.selectFrom('person').select('name').where('id', '=', other).executeTakeFirstOrThrow()).name,
      'Anna Ander',
      'A3 and A4 keep Anna',
    );
    assert.deepEqual(
      (await db.selectFrom('note').select('body').where('case_id', '=', a1).execute()).map((n) => n.body),
      [ANONYMISED_TEXT],
    );
    assert.equal((await db.selectFrom('document').select('id').where('case_id', '=', a1).execute()).length, 0, 'documents');
    await assert.rejects(readBlob(t, docKey), /ENOENT/, 'the blob is removed');
    await assert.rejects(readBlob(t, mailKey), /ENOENT/, 'the raw mail is removed');
    const inbound = await db.selectFrom('inbound_message').selectAll().where('case_id', '=', a1).executeTakeFirstOrThrow();
    assert.deepEqual([inbound.raw_storage_key, inbound.from_address, inbound.subject], ['', null, null]);
    const act = await db.selectFrom('activity').selectAll().where('case_id', '=', a1).executeTakeFirstOrThrow();
    assert.deepEqual([act.subject, act.body, act.contact], [ANONYMISED_NAME, '', {}]);
    const version = await db
      .selectFrom('letter_version')
      .innerJoin('letter', 'letter.id', 'letter_version.letter_id')
      .select('sections')
      .where('letter.case_id', '=', a1)
      .executeTakeFirstOrThrow();
    assert.deepEqual(version.sections, [{ key: 'body', heading: 'Uw klacht', text: ANONYMISED_TEXT }], "letters' content");
    const events = await db.selectFrom('timeline_event').select(['before', 'after', 'data']).where('case_id', '=', a1).execute();
    assert.deepEqual(
      events,
      [{ before: null, after: null, data: { anonymised: true, transition: 'judge' } }],
      "the timeline's before → after",
    );
    await db
      .insertInto('timeline_event')
      .values({
        case_id: ids.get('A4')!,
        activity_id: null,
        occurred_at: t.clock.now(),
        actor_id: null,
        actor_name: 'Systeem',
        type: 'x',
        before: null,
        after: null,
        data: '{}',
      })
      .execute();
    await assert.rejects(
      sql`update timeline_event set before = null where case_id = ${ids.get('A4')!}`.execute(db),
      /append-only/,
      'still append-only otherwise',
    );
    assert.equal(
      (await db.selectFrom('complained_person').select('name').where('case_id', '=', a1).executeTakeFirstOrThrow()).name,
      ANONYMISED_NAME,
    );
    assert.equal(
      (await db.selectFrom('survey').select('comment').where('case_id', '=', a1).executeTakeFirstOrThrow()).comment,
      ANONYMISED_TEXT,
    );
    const out = await db.selectFrom('outbox_message').selectAll().where('case_id', '=', a1).executeTakeFirstOrThrow();
    assert.deepEqual([out.to_address, out.to_name, out.body_text], ['', null, '']);
    const a3 = await db.selectFrom('cases').select('subject').where('id', '=', ids.get('A3')!).executeTakeFirstOrThrow();
    assert.equal(a3.subject, 'Afval niet opgehaald', 'the held case is kept');

    const afterFigures = await figures();
    assert.equal(afterFigures, before, 'every dashboard and annual report figure is the same afterwards');

    const steps = (await getDestructionList(t.services, list.list.id)).events.map((e) => e.type);
    assert.deepEqual(steps, ['listProposed', 'caseHeld', 'listApproved', 'casesDestroyed']);

    // Next month: the held case stays off the list; nothing else is due.
    t.clock.set('2026-04-01T09:00:00Z');
    await proposeDestructionList(t.services);
    assert.equal((await listDestructionLists(t.services)).length, 1);
  });
});

async function readBlob(t: TestEnv, key: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of t.services.storage.open(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('a first destruction list after years of closed cases', () => {
  let t: TestEnv;
  before(async () => {
    t = await createTestServices();
    t.clock.set('2026-03-02T09:00:00Z');
  });
  after(() => t.close());

  test('holds every due case: 11,000 are proposed in one list, inside the database', { timeout: 120_000 }, async () => {
    // More than one statement's parameters could carry (65,535 / 6 columns), as an upgrade of a
    // large installation meets it: the list used to be read into the server and sent back.
    const person = await plantPerson(t.services.db, 'Veel Klachten');
    const closed = '2020-01-10T10:00:00Z';
    await sql`
      insert into cases (reference, process_key, case_type, status, status_changed_at, subject, channel, complainant_id,
                         data, received_at, created_at, updated_at, closed_at, facts, clock_facts)
      select 'BULK-' || lpad(n::text, 6, '0'), 'kcc-complaint', 'complaint', 'closed', ${closed}::timestamptz, 'Melding', 'phone',
             ${person}::uuid, '{}', ${closed}::timestamptz, ${closed}::timestamptz, ${closed}::timestamptz, ${closed}::timestamptz,
             '{"outcome":"cancelled"}', '{}'
        from generate_series(1, 11000) n`.execute(t.services.db);
    // Their retention days as the backfill computes them (broken off: a year), planted in one statement.
    await sql`
      insert into case_retention (case_id, closed_on, destroy_after, rule, computed_at)
      select id, date '2020-01-10', date '2021-01-10', 'notHandled', now() from cases where reference like 'BULK-%'`.execute(t.services.db);
    assert.equal(await proposeDestructionList(t.services), 0, 'nothing left to backfill: the list is proposed');
    const [list] = await listDestructionLists(t.services);
    assert.ok(list, 'a list is proposed');
    const { cases } = await getDestructionList(t.services, list.id);
    assert.equal(cases.length, 11_000);
    assert.deepEqual([cases[0]!.reference, cases.at(-1)!.reference], ['BULK-000001', 'BULK-011000'], 'oldest day first, then reference');
  });
});
