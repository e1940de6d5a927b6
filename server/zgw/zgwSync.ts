import { sql, type Selectable } from 'kysely';
import { buffer } from 'node:stream/consumers';
import type { Services } from '../commands/context.ts';
import type { ZgwCaseTable } from '../db/zgwSchema.ts';
import { toCivilDate } from '../domain/calendar/civilDate.ts';
import { backoffMs } from '../jobs/outboxSender.ts';
import type { Job } from '../jobs/runner.ts';
import type { ZgwClient } from './client.ts';
import { resultFor, type ZgwConfig } from './zgwConfig.ts';

/**
 * The sync worker: brings each marked case's zaak up to date with the case as it is (a reconciler,
 * not a replay of events), one case per claim, claimed like the mail outbox (FOR UPDATE SKIP LOCKED,
 * a lease, `attempts` as the claim's token; jobs/outboxSender.ts).
 *
 * Every object it makes in the zaaksysteem is a zgw_item: before the POST its `attempted_at` is
 * committed, after it its URL. An item attempted without a URL is an unknown outcome (a crash, a lost
 * answer): the next run looks it up in the zaaksysteem before it POSTs again, so a retry never makes
 * a second zaak, status or document. The zaak is found by `identificatie` (the case reference, set
 * by us), a document by its own identificatie (reference + document id), a status by its statustype
 * and time, a result by its zaak, a document's link by zaak and document.
 *
 * Order within a run: the zaak; its documents and letters; a status per change of citizen step (the
 * steps the complainant sees in the portal: the process definition says which status shows which
 * step); when the case is closed, the archive class and the result, then the closing status. A step
 * that closed cases show is sent only once the case is closed (the zaaksysteem closes the zaak on
 * its last status, which needs a result). After Klachtflow destroyed the case, only the destruction
 * is reported (reportDestruction).
 */
export type ZgwSyncOptions = { maxAttempts?: number; leaseMs?: number; batch?: number };
export const ZGW_MAX_ATTEMPTS = 10;
const DEFAULT_LEASE_MS = 10 * 60_000;

type Claimed = Selectable<ZgwCaseTable>;

async function claimNext(services: Services, leaseMs: number): Promise<Claimed | undefined> {
  const now = services.clock.now();
  return services.db
    .updateTable('zgw_case')
    .set({ lease_until: new Date(now.getTime() + leaseMs), attempts: sql`attempts + 1` })
    .where('case_id', '=', (eb) =>
      eb
        .selectFrom('zgw_case')
        .select('case_id')
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .orderBy('case_id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

/** One case's sync: throws on the first failure; what was done before it stays done (zgw_item). */
export async function syncCase(services: Services, config: ZgwConfig, client: ZgwClient, row: Claimed): Promise<void> {
  const db = services.db;
  const c = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'subject', 'status', 'received_at', 'process_key', 'process_version', 'facts'])
    .where('id', '=', row.case_id)
    .executeTakeFirstOrThrow();
  const items = new Map((await db.selectFrom('zgw_item').selectAll().where('case_id', '=', c.id).execute()).map((i) => [i.item_key, i]));
  const done = async (key: string, url: string | null) => {
    const now = services.clock.now();
    await db
      .insertInto('zgw_item')
      .values({ case_id: c.id, item_key: key, url, attempted_at: now, done_at: now })
      .onConflict((oc) => oc.columns(['case_id', 'item_key']).doUpdateSet({ url, done_at: now }))
      .execute();
  };
  /** The item's URL: already known, found after an unknown outcome, or made now. */
  const ensure = async (key: string, lookup: () => Promise<string | null>, create: () => Promise<string>): Promise<string> => {
    const item = items.get(key);
    if (item?.done_at && item.url) return item.url;
    if (item?.attempted_at) {
      const found = await lookup();
      if (found) {
        await done(key, found);
        return found;
      }
    }
    await db
      .insertInto('zgw_item')
      .values({ case_id: c.id, item_key: key, attempted_at: services.clock.now() })
      .onConflict((oc) => oc.columns(['case_id', 'item_key']).doUpdateSet({ attempted_at: services.clock.now() }))
      .execute();
    const url = await create();
    await done(key, url);
    return url;
  };
  const isDone = (key: string) => !!items.get(key)?.done_at;

  if (row.destroyed_at) {
    // Nothing more goes to the zaaksysteem, only that Klachtflow destroyed its copy.
    if (row.zaak_url && !isDone('destroyed')) await reportDestruction(config, client, row, c.facts, done);
    return;
  }

  const zaakUrl = await ensure(
    'zaak',
    async () => (await client.findZaak(config.bronorganisatie, row.zaak_identificatie))?.url ?? null,
    async () =>
      (
        await client.createZaak({
          identificatie: row.zaak_identificatie,
          bronorganisatie: config.bronorganisatie,
          verantwoordelijkeOrganisatie: config.verantwoordelijkeOrganisatie ?? config.bronorganisatie,
          zaaktype: config.zaaktype,
          // The reference, not the subject: the subject is the complainant's own words and may name people.
          omschrijving: `Klacht ${c.reference}`,
          registratiedatum: toCivilDate(c.received_at),
          startdatum: toCivilDate(c.received_at),
          vertrouwelijkheidaanduiding: config.vertrouwelijkheidaanduiding,
        })
      ).url,
  );
  if (row.zaak_url !== zaakUrl) await db.updateTable('zgw_case').set({ zaak_url: zaakUrl }).where('case_id', '=', c.id).execute();

  // Documents and letters (a sent letter is a document of type 'letter'), each once.
  const docs = await db
    .selectFrom('document')
    .select(['id', 'doc_type', 'filename', 'media_type', 'size_bytes', 'storage_key', 'created_at'])
    .where('case_id', '=', c.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const d of docs) {
    if (isDone(`zio:${d.id}`)) continue;
    const identificatie = `${c.reference}-${d.id.replaceAll('-', '').slice(0, 12)}`;
    const io = await ensure(
      `document:${d.id}`,
      async () => (await client.findInformatieobject(config.bronorganisatie, identificatie))?.url ?? null,
      async () => {
        const content = await buffer(services.storage.open(d.storage_key));
        const created = toCivilDate(d.created_at);
        return (
          await client.createInformatieobject({
            identificatie,
            bronorganisatie: config.bronorganisatie,
            creatiedatum: created,
            titel: d.filename,
            auteur: services.org.name,
            taal: 'dut',
            bestandsnaam: d.filename,
            formaat: d.media_type,
            inhoud: content.toString('base64'),
            bestandsomvang: content.length,
            informatieobjecttype:
              d.doc_type === 'letter' ? (config.letterInformatieobjecttype ?? config.informatieobjecttype) : config.informatieobjecttype,
            vertrouwelijkheidaanduiding: config.vertrouwelijkheidaanduiding,
            indicatieGebruiksrecht: false,
            ...(d.doc_type === 'letter' ? { verzenddatum: created } : {}),
          })
        ).url;
      },
    );
    await ensure(
      `zio:${d.id}`,
      async () => (await client.listZaakinformatieobjecten(zaakUrl, io))[0]?.url ?? null,
      async () => (await client.createZaakinformatieobject({ zaak: zaakUrl, informatieobject: io, titel: d.filename })).url,
    );
  }

  // The citizen steps the case went through, in order, each change once (as the portal's step plan).
  const def = services.processes.forCase(c);
  const statusOf = (key: unknown) => def.statuses.find((s) => s.key === key);
  const events = await db
    .selectFrom('timeline_event')
    .select(['occurred_at', 'after'])
    .where('case_id', '=', c.id)
    .where('type', '=', 'statusChanged')
    .orderBy('id')
    .execute();
  const steps: { step: string; at: Date }[] = [{ step: statusOf(def.initialStatus)!.citizenStep, at: c.received_at }];
  for (const e of events) {
    const step = statusOf((e.after as { status?: string } | null)?.status)?.citizenStep;
    if (step && step !== steps.at(-1)!.step) steps.push({ step, at: e.occurred_at });
  }
  const closed = !!statusOf(c.status)?.terminal;
  const closingSteps = new Set(def.statuses.filter((s) => s.terminal).map((s) => s.citizenStep));
  for (const [i, s] of steps.entries()) {
    const last = i === steps.length - 1;
    const closing = closed && last;
    if (closingSteps.has(s.step) && !closing) continue; // withheld until the case is closed
    if (closing) {
      const result = resultFor(config, (c.facts as { outcome?: unknown }).outcome);
      if (!result)
        throw new Error(
          `zgw.results has no resultaattype for outcome "${String((c.facts as { outcome?: unknown }).outcome ?? '')}" nor a default`,
        );
      if (!isDone('archive')) {
        await client.patchZaak(zaakUrl, {
          archiefnominatie: result.archiefnominatie,
          ...(result.selectielijstklasse ? { selectielijstklasse: result.selectielijstklasse } : {}),
        });
        await done('archive', zaakUrl);
      }
      await ensure(
        'resultaat',
        async () => (await client.listResultaten(zaakUrl))[0]?.url ?? null,
        async () => (await client.createResultaat({ zaak: zaakUrl, resultaattype: result.resultaattype })).url,
      );
    }
    const statustype = config.statusTypes[s.step];
    if (!statustype) continue;
    await ensure(
      `status:${i}:${s.step}`,
      async () =>
        (await client.listStatussen(zaakUrl)).find(
          (st) => st.statustype === statustype && Date.parse(st.datumStatusGezet) === s.at.getTime(),
        )?.url ?? null,
      async () => (await client.createStatus({ zaak: zaakUrl, statustype, datumStatusGezet: s.at.toISOString() })).url,
    );
  }
}

/**
 * Klachtflow destroyed the case (retention/anonymise.ts: its period ran out, or an erasure). The
 * zaaksysteem keeps its own archive and destroys through its own destruction list, with its
 * archivist's approval; Klachtflow neither deletes the zaak nor its documents. It reports:
 * - archiefnominatie `vernietigen`: archiefactiedatum = the day Klachtflow destroyed the case, so the
 *   zaak is due on the zaaksysteem's next destruction list (Open Zaak lists zaken by archiefactiedatum);
 * - `blijvend_bewaren`: nothing changes there; the zaaksysteem keeps and later transfers the zaak.
 * Either way the report is recorded (item `destroyed`), so it is made once.
 */
async function reportDestruction(
  config: ZgwConfig,
  client: ZgwClient,
  row: Claimed,
  facts: Record<string, unknown>,
  done: (key: string, url: string | null) => Promise<void>,
) {
  const result = resultFor(config, facts.outcome);
  if (result?.archiefnominatie !== 'blijvend_bewaren') {
    await client.patchZaak(row.zaak_url!, {
      archiefnominatie: 'vernietigen',
      archiefactiedatum: toCivilDate(row.destroyed_at!),
    });
  }
  await done('destroyed', row.zaak_url);
}

async function finish(services: Services, row: Claimed, error: string | null, maxAttempts: number) {
  const now = services.clock.now();
  const giveUp = error !== null && row.attempts >= maxAttempts;
  await services.db
    .updateTable('zgw_case')
    .set(
      error === null
        ? {
            // Synced only if no change came in during the run; otherwise it runs again at once.
            state: sql`case when changes = ${row.changes} then 'synced' else 'pending' end`,
            synced_changes: row.changes,
            attempts: 0,
            lease_until: null,
            last_error: null,
            synced_at: now,
            next_attempt_at: now,
          }
        : {
            state: giveUp ? 'failed' : 'pending',
            lease_until: null,
            last_error: error.slice(0, 500),
            next_attempt_at: giveUp ? now : new Date(now.getTime() + backoffMs(row.attempts)),
          },
    )
    .where('case_id', '=', row.case_id)
    .where('attempts', '=', row.attempts) // only the current claim records its outcome
    .execute();
}

/** Claims and syncs due cases until none is due or the batch is done; returns how many it handled. */
export async function syncDueCases(services: Services, client: ZgwClient, opts: ZgwSyncOptions = {}): Promise<number> {
  const config = services.org.zgw;
  if (!config?.enabled) return 0;
  const maxAttempts = opts.maxAttempts ?? ZGW_MAX_ATTEMPTS;
  let handled = 0;
  while (handled < (opts.batch ?? 10)) {
    const row = await claimNext(services, opts.leaseMs ?? DEFAULT_LEASE_MS);
    if (!row) break;
    handled++;
    if (row.attempts > maxAttempts) {
      // Every allowed attempt was claimed and the last never reported back (the worker died mid-run).
      await finish(services, row, 'interrupted: no outcome recorded for the last attempt', maxAttempts);
      continue;
    }
    try {
      await syncCase(services, config, client, row);
    } catch (err) {
      await finish(services, row, (err as Error).message || String(err), maxAttempts);
      continue;
    }
    await finish(services, row, null, maxAttempts);
  }
  return handled;
}

/** The job for runner.ts, started by server.ts when `zgw.enabled`. */
export const zgwSyncJob = (client: ZgwClient, opts: ZgwSyncOptions = {}): Job => ({
  name: 'zgwSync',
  intervalMs: 10_000,
  run: (services) => syncDueCases(services, client, opts),
});

/** The administrator's retry of a failed case: due now, with a fresh count of attempts. */
export async function retryZgwCase(services: Services, caseId: string): Promise<boolean> {
  const now = services.clock.now();
  const r = await services.db
    .updateTable('zgw_case')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now, lease_until: null })
    .where('case_id', '=', caseId)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
