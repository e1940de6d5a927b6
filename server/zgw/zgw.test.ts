import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { addDocument } from '../commands/caseEditor.ts';
import { runCommand, type StaffActor } from '../commands/context.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { toCivilDate } from '../domain/calendar/civilDate.ts';
import { kccPeople, type KccPeople, writeAndSendLetter } from '../letters/testSupport.ts';
import { presentTracking } from '../presenters/portal/trackingPresenter.ts';
import { portalCaseView } from '../queries/portalCase.ts';
import { anonymiseCases } from '../retention/anonymise.ts';
import { asActor, buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';
import { HttpZgwClient } from './client.ts';
import { startZgwTestServer, type ZgwTestServer } from './testServer.ts';
import { checkZgwConfig, zgwConfigSchema, zgwCredentialsFromEnv } from './zgwConfig.ts';
import { syncDueCases } from './zgwSync.ts';

/**
 * Issue 14 point 4: cases registered as zaken through the real HTTP client against an in-process
 * zaaksysteem that checks every request and answer against the published ZGW OpenAPI documents.
 */
const CLIENT_ID = 'klachtflow-test';
const SECRET = 'een-lang-geheim-van-de-applicatie-0123456789';
const HOUR = 3600_000;

describe('ZGW: a case as a zaak in the zaaksysteem', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let zgw: ZgwTestServer;
  let p: KccPeople;
  let admin: StaffActor;
  let client: HttpZgwClient;
  const selectielijst = 'https://selectielijst.openzaak.nl/api/v1/resultaten/8af64c99-a168-40dd-8afd-9fbe0597b6dc';
  let resultaattypen: Record<string, string>;

  before(async () => {
    t = await createTestApp();
    zgw = await startZgwTestServer({ clientId: CLIENT_ID, secret: SECRET, statustypen: 4 });
    const [received, inProgress, answer, done] = zgw.statustypeUrls;
    resultaattypen = {
      judged: `${zgw.catalogiApi}/resultaattypen/${randomUUID()}`,
      default: `${zgw.catalogiApi}/resultaattypen/${randomUUID()}`,
    };
    // The citizen steps of the process (kcc-complaint) map to statustypen; its hearing step is left out.
    t.services.org.zgw = zgwConfigSchema.parse({
      enabled: true,
      zakenApi: zgw.zakenApi,
      documentenApi: zgw.documentenApi,
      catalogiApi: zgw.catalogiApi,
      bronorganisatie: '002220647',
      zaaktype: zgw.zaaktype,
      informatieobjecttype: `${zgw.catalogiApi}/informatieobjecttypen/${randomUUID()}`,
      letterInformatieobjecttype: `${zgw.catalogiApi}/informatieobjecttypen/${randomUUID()}`,
      statusTypes: { received, inProgress, answer, done },
      results: {
        judged: { resultaattype: resultaattypen.judged, archiefnominatie: 'vernietigen', selectielijstklasse: selectielijst },
        default: { resultaattype: resultaattypen.default, archiefnominatie: 'vernietigen' },
      },
    });
    client = new HttpZgwClient({
      zakenApi: zgw.zakenApi,
      documentenApi: zgw.documentenApi,
      clientId: CLIENT_ID,
      secret: SECRET,
      now: () => t.clock.now(),
    });
    p = await kccPeople(t);
    admin = await buildStaff(t.services, { roles: ['administrator'] });
  });
  after(async () => {
    await zgw.close();
    await t.close();
  });

  const syncRow = (caseId: string) =>
    t.services.db.selectFrom('zgw_case').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
  /** Runs the worker as the job runner would, the clock moving past each back-off, until the case is synced. */
  async function syncUntilDone(caseId: string) {
    const errors: string[] = [];
    for (let run = 0; run < 10; run++) {
      await syncDueCases(t.services, client);
      const row = await syncRow(caseId);
      if (row.state === 'synced') return errors;
      assert.equal(row.state, 'pending', String(row.last_error));
      errors.push(String(row.last_error));
      t.clock.advance(2 * HOUR);
    }
    assert.fail('never synced');
  }
  const zaakOf = async (caseId: string) => {
    const row = await syncRow(caseId);
    return [...zgw.store.zaken.values()].find((z) => z.url === row.zaak_url)!;
  };
  /** The zaak's statuses as a municipality's portal reads them: statustype and date, in order. */
  const zaakTrack = (zaakUrl: string) =>
    [...zgw.store.statussen.values()]
      .filter((s) => s.zaak === zaakUrl)
      .map((s) => ({ statustype: String(s.statustype), at: new Date(String(s.datumStatusGezet)).toISOString() }))
      .sort((a, b) => a.at.localeCompare(b.at));
  /** The case's track-and-trace as Klachtflow's own portal shows it, in the zaaksysteem's terms. */
  const portalTrack = async (caseId: string) => {
    const view = await portalCaseView(t.services, caseId);
    const def = t.services.processes.forCase(view.case);
    const tracking = presentTracking(def, t.services.org, view, t.clock.now());
    return tracking.steps
      .filter((s) => s.state === 'done' || s.state === 'current')
      .map((s) => ({ statustype: t.services.org.zgw!.statusTypes[s.key]!, at: s.reachedAt! }));
  };

  test('registered once through lost answers, with its documents, statuses, result, closing and destruction', async () => {
    const s = t.services;
    t.clock.set('2026-03-02T09:00:00Z');
    const c = await asActor(s, p.agent, (ctx) =>
      registerCase(ctx, {
        subject: 'Onbeleefd behandeld aan de balie',
        description: 'De medewerker aan de balie was onbeleefd.',
        channel: 'letter',
        complainant: {
          kind: 'person',
          name: 'Evi Jangha',
          email: 'evi@voorbeeld.example',
          street: 'Dorpsstraat 1',
          postcode: '1234 AB',
          city: 'Dorp',
        },
        data: {},
      }),
    );
    const step = async (actor: StaffActor, transition: string, inputs: Record<string, unknown> = {}) => {
      t.clock.advance(HOUR);
      await asActor(s, actor, (ctx) => transitionCase(ctx, { caseId: c.id, transition, inputs }));
    };
    await step(p.agent, 'forwardToCoordinator');
    await step(p.coordinator, 'acknowledge');
    await step(p.coordinator, 'classify', { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true });
    const photo = Buffer.from('een foto van de balie');
    await addDocument(s, p.coordinator, c.id, {
      filename: 'balie.txt',
      mediaType: 'text/plain',
      docType: 'other',
      content: Readable.from([photo]),
    });
    await step(p.coordinator, 'forwardForJudgment');
    await step(p.backOffice, 'judge', { judgment: 'partlyFounded', judgmentReasons: 'De medewerker had u rustiger moeten helpen.' });
    await step(p.coordinator, 'skipHearing', { hearingSkipReason: 'complainantDeclined' });

    // The zaaksysteem does the work three times and the answer never arrives.
    zgw.dropResponse('POST /zaken');
    zgw.dropResponse('POST /enkelvoudiginformatieobjecten');
    zgw.dropResponse('POST /statussen');
    const errors = await syncUntilDone(c.id);
    assert.equal(errors.length, 3, errors.join('\n'));
    assert.ok(
      errors.every((e) => /no answer/.test(e)),
      errors.join('\n'),
    );
    // A retry never made a second zaak, document or status: it looked each one up first.
    assert.equal(zgw.store.zaken.size, 1);
    const zaak = await zaakOf(c.id);
    assert.equal(zaak.identificatie, c.reference);
    assert.equal(zaak.zaaktype, s.org.zgw!.zaaktype);
    assert.equal(zaak.startdatum, '2026-03-02');
    assert.equal(zaak.einddatum, null, 'still open');
    assert.equal(zgw.store.enkelvoudiginformatieobjecten.size, 1);
    const photoIo = [...zgw.store.enkelvoudiginformatieobjecten.values()][0]!;
    assert.deepEqual(zgw.store.inhoud.get(photoIo.url), photo);
    assert.equal(photoIo.informatieobjecttype, s.org.zgw!.informatieobjecttype);
    assert.equal(zgw.store.zaakinformatieobjecten.size, 1);
    // The municipality's portal shows the same track-and-trace: received, in progress, answer.
    assert.equal(zaakTrack(zaak.url).length, 3);
    assert.deepEqual(zaakTrack(zaak.url), await portalTrack(c.id));

    // The answer letter closes the case: the letter, the archive class, the result, the final status.
    t.clock.advance(HOUR);
    await writeAndSendLetter(s, { caseId: c.id, kind: 'decision', drafter: p.backOffice, approver: p.coordinator });
    const closed = await s.db.selectFrom('cases').select(['status', 'facts']).where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.deepEqual(await syncUntilDone(c.id), []);
    const closedZaak = await zaakOf(c.id);
    assert.equal(closedZaak.einddatum, toCivilDate(t.clock.now()), 'the final status closed the zaak');
    const outcome = (closed.facts as { outcome?: string }).outcome;
    const result = [...zgw.store.resultaten.values()].filter((r) => r.zaak === zaak.url);
    assert.deepEqual(
      result.map((r) => r.resultaattype),
      [resultaattypen[outcome === 'judged' ? 'judged' : 'default']],
    );
    assert.equal(closedZaak.archiefnominatie, 'vernietigen');
    if (outcome === 'judged') assert.equal(closedZaak.selectielijstklasse, selectielijst);
    const letterDoc = await s.db
      .selectFrom('document')
      .select(['storage_key'])
      .where('case_id', '=', c.id)
      .where('doc_type', '=', 'letter')
      .executeTakeFirstOrThrow();
    const letterIo = [...zgw.store.enkelvoudiginformatieobjecten.values()].find(
      (i) => i.informatieobjecttype === s.org.zgw!.letterInformatieobjecttype,
    )!;
    assert.equal(
      createHash('sha256').update(zgw.store.inhoud.get(letterIo.url)!).digest('hex'),
      createHash('sha256')
        .update(await buffer(s.storage.open(letterDoc.storage_key)))
        .digest('hex'),
      'the letter as sent',
    );
    assert.equal(zgw.store.zaakinformatieobjecten.size, 2);
    const track = zaakTrack(zaak.url);
    assert.equal(track.at(-1)!.statustype, zgw.statustypeUrls[3], 'the last status is the closing one');
    assert.deepEqual(track, await portalTrack(c.id));

    // Nothing changed: a run sends nothing.
    const before = zgw.requests.filter((r) => r.method !== 'GET').length;
    await s.db.updateTable('zgw_case').set({ state: 'pending' }).where('case_id', '=', c.id).execute();
    await syncUntilDone(c.id);
    assert.equal(zgw.requests.filter((r) => r.method !== 'GET').length, before);

    // Coordinators see the zaak on the case page.
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/zaak`, headers: await loginHeaders(s, p.coordinator) });
    assert.equal(seen.statusCode, 200, seen.body);
    assert.deepEqual((({ identificatie, url, state }) => ({ identificatie, url, state }))(seen.json().zaak), {
      identificatie: c.reference,
      url: zaak.url,
      state: 'synced',
    });

    // Destroyed in Klachtflow: the zaak's archive date says so, for the zaaksysteem's own destruction list.
    t.clock.set('2031-04-01T10:00:00Z');
    await runCommand(s, { kind: 'system', name: 'test' }, (ctx) => anonymiseCases(ctx.tx, [c.id], { now: ctx.now }));
    assert.deepEqual(await syncUntilDone(c.id), []);
    const destroyed = await zaakOf(c.id);
    assert.equal(destroyed.archiefactiedatum, '2031-04-01');
    assert.equal(zgw.store.zaken.size, 1);

    assert.deepEqual(zgw.violations, [], 'every request and answer matched the published ZGW contract');
  });

  test('a failing zaaksysteem: retried, then shown to the administrator, who retries', async () => {
    const s = t.services;
    const wrong = new HttpZgwClient({
      zakenApi: zgw.zakenApi,
      documentenApi: zgw.documentenApi,
      clientId: CLIENT_ID,
      secret: 'niet-het-geheim',
      now: () => t.clock.now(),
    });
    const c = await asActor(s, p.agent, (ctx) =>
      registerCase(ctx, {
        subject: 'Te lang gewacht',
        description: 'Wachten.',
        channel: 'phone',
        complainant: { kind: 'person', name: 'Piet' },
        data: {},
      }),
    );
    for (let i = 0; i < 3; i++) {
      await syncDueCases(s, wrong, { maxAttempts: 3 });
      t.clock.advance(2 * HOUR);
    }
    const row = await syncRow(c.id);
    assert.equal(row.state, 'failed');
    assert.match(String(row.last_error), /403/);

    const adminHeaders = await loginHeaders(s, admin);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/zgw/syncs', headers: adminHeaders });
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(
      list.json().items.map((i: { reference: string; state: string; attempts: number }) => [i.reference, i.state, i.attempts]),
      [[c.reference, 'failed', 3]],
    );
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/zgw/syncs', headers: await loginHeaders(s, p.coordinator) });
    assert.equal(refused.statusCode, 403);

    const retried = await t.app.inject({ method: 'POST', url: `/api/v1/zgw/syncs/${c.id}/retry`, headers: adminHeaders });
    assert.equal(retried.statusCode, 200, retried.body);
    assert.equal(retried.json().state, 'pending');
    assert.deepEqual(await syncUntilDone(c.id), []);
    assert.equal((await zaakOf(c.id)).identificatie, c.reference);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/zgw/syncs/${c.id}/retry`, headers: adminHeaders });
    assert.equal(again.statusCode, 404, 'only a failed one is retried');
    assert.deepEqual(zgw.violations, []);
  });
});

test('the configuration: off by default, a mapped step must be a citizen step, credentials from the environment', async () => {
  const { loadOrganisation } = await import('../config/organisation.ts');
  assert.equal(loadOrganisation().zgw, undefined, 'the demo organisation does not register zaken');
  const config = zgwConfigSchema.parse({
    zakenApi: 'https://oz.example/zaken/api/v1',
    documentenApi: 'https://oz.example/documenten/api/v1',
    catalogiApi: 'https://oz.example/catalogi/api/v1',
    bronorganisatie: '002220647',
    zaaktype: 'https://oz.example/catalogi/api/v1/zaaktypen/1',
    informatieobjecttype: 'https://oz.example/catalogi/api/v1/informatieobjecttypen/1',
    statusTypes: { recieved: 'https://oz.example/catalogi/api/v1/statustypen/1' },
    results: {},
  });
  assert.equal(config.enabled, false);
  assert.throws(() => checkZgwConfig(config, new Set(['received'])), /zgw\.statusTypes names "recieved"/);
  assert.throws(() => zgwCredentialsFromEnv(config, { ZGW_CLIENT_ID: 'kf' }), /ZGW_SECRET/);
  assert.deepEqual(zgwCredentialsFromEnv(config, { ZGW_CLIENT_ID: 'kf', ZGW_SECRET: 's' }), { clientId: 'kf', secret: 's' });
  assert.equal(zgwConfigSchema.safeParse({ ...config, bronorganisatie: '123' }).success, false, 'an RSIN has 9 digits');
});
