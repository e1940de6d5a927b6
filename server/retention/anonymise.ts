import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { FACT_KEYS, type FactKey, factSpec } from '../domain/process/vocabulary.ts';
import { zgwCasesDestroyed } from '../zgw/zgwOutbox.ts';

/**
 * The anonymiser (issue 13 point 5; reused by data subjects' erasure, point 6). It removes the
 * personal data of the given cases everywhere it lives, in the caller's transaction:
 * - the case's free text (subject, description, the input values kept in `data`, the facts that
 *   hold free text) and its search text, hence the search index (a generated column);
 * - notes, the case's activities (subject, body, contact), complained persons' names, survey
 *   comments, letter versions' text, the outbox's addresses and bodies, notifications' texts;
 * - documents (rows removed; their blobs are returned for the caller to remove after commit, since
 *   blob storage is not transactional) and raw inbound mail of the case (blob key returned too);
 * - the timeline's before → after values, through anonymise_timeline() (migration 033), the one
 *   recorded way past its append-only trigger;
 * - the complainant and representative (name and contact blanked, the row and its uuid kept as a
 *   pseudonymous key) when they have no other case that is still kept.
 * What analysis counts stays: the standard facts' chosen values, dates, channel, team, the person
 * key, and case_figure's subject terms (restored after the subject is blanked), so every figure and
 * report gives the same numbers afterwards. A text fact keeps a placeholder, so "has a
 * recommendation" still counts. Tracking links are revoked.
 */
export const ANONYMISED_TEXT = '[geanonimiseerd]';
export const ANONYMISED_NAME = 'Geanonimiseerd';

/** Facts of free text: they may name people. The ones the analysis groups by name departments, products and bodies, not people. */
const GROUPED_TEXT_FACTS = new Set<FactKey>(['department', 'product', 'forwardedTo']);
export const PERSONAL_FACTS: FactKey[] = FACT_KEYS.filter(
  (k) => (factSpec(k).type === 'text' || factSpec(k).type === 'email') && !GROUPED_TEXT_FACTS.has(k),
);

export type AnonymiseResult = {
  cases: number;
  persons: number;
  notes: number;
  documents: number;
  letterVersions: number;
  timelineRows: number;
  inboundMessages: number;
  /** Blob storage keys to remove once the transaction committed (documents, raw mail). */
  blobKeys: string[];
};

export async function anonymiseCases(tx: Transaction<DB>, caseIds: readonly string[], opts: { now: Date }): Promise<AnonymiseResult> {
  const ids = [...new Set(caseIds)];
  const result: AnonymiseResult = {
    cases: 0,
    persons: 0,
    notes: 0,
    documents: 0,
    letterVersions: 0,
    timelineRows: 0,
    inboundMessages: 0,
    blobKeys: [],
  };
  if (!ids.length) return result;
  const cases = await tx
    .selectFrom('cases')
    .select(['id', 'complainant_id', 'representative_id', 'facts'])
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
  const activityIds = (await tx.selectFrom('activity').select('id').where('case_id', 'in', ids).execute()).map((a) => a.id);
  const terms = await tx.selectFrom('case_figure').select(['case_id', 'terms']).where('case_id', 'in', ids).execute();

  for (const c of cases) {
    const facts = { ...(c.facts as Record<string, unknown>) };
    for (const k of PERSONAL_FACTS) if (typeof facts[k] === 'string' && facts[k] !== '') facts[k] = ANONYMISED_TEXT;
    await tx
      .updateTable('cases')
      .set({ subject: ANONYMISED_NAME, description: '', data: '{}', facts: JSON.stringify(facts), search_text: '' })
      .where('id', '=', c.id)
      .execute();
  }
  result.cases = cases.length;
  // A zaak registered for the case hears of the destruction (zgw/zgwSync.ts reportDestruction).
  await zgwCasesDestroyed(tx, ids, opts.now);
  // The subject's terms are what rising themes count: put them back, so term_month's counts net out unchanged.
  for (const f of terms) {
    await tx
      .updateTable('case_figure')
      .set({ terms: sql`${sql.val(f.terms)}::text[]` })
      .where('case_id', '=', f.case_id)
      .execute();
  }

  result.notes = Number(
    (await tx.updateTable('note').set({ body: ANONYMISED_TEXT }).where('case_id', 'in', ids).executeTakeFirst()).numUpdatedRows,
  );
  if (activityIds.length) {
    await tx.updateTable('activity').set({ subject: ANONYMISED_NAME, body: '', contact: '{}' }).where('id', 'in', activityIds).execute();
  }
  await tx.updateTable('complained_person').set({ name: ANONYMISED_NAME, job_title: null }).where('case_id', 'in', ids).execute();
  await tx
    .updateTable('survey')
    .set({ comment: ANONYMISED_TEXT })
    .where('case_id', 'in', ids)
    .where(sql<boolean>`coalesce(comment, '') <> ''`)
    .execute();
  await tx.updateTable('notification').set({ message: ANONYMISED_TEXT }).where('case_id', 'in', ids).execute();
  await tx
    .updateTable('outbox_message')
    .set({ to_address: '', to_name: null, subject: ANONYMISED_NAME, body_text: '', body_html: '', attachments: '[]' })
    .where('case_id', 'in', ids)
    .execute();
  await tx.updateTable('case_access').set({ revoked_at: opts.now }).where('case_id', 'in', ids).where('revoked_at', 'is', null).execute();

  // Letters: each version's text goes, its sections' headings stay (the letter's shape, no content).
  const letterIds = (await tx.selectFrom('letter').select('id').where('case_id', 'in', ids).execute()).map((l) => l.id);
  if (letterIds.length) {
    const blanked = await sql`
      update letter_version set sections = coalesce((
        select jsonb_agg(jsonb_set(s, '{text}', to_jsonb(${ANONYMISED_TEXT}::text))) from jsonb_array_elements(sections) s
      ), '[]'::jsonb)
      where letter_id in (${sql.join(letterIds)})`.execute(tx);
    result.letterVersions = Number(blanked.numAffectedRows ?? 0);
    await tx.updateTable('letter').set({ document_id: null }).where('id', 'in', letterIds).execute();
  }

  // Documents: of the case and of its activities. A posted letter's paper record keeps its row, not the PDF.
  const docs = await tx
    .selectFrom('document')
    .select(['id', 'storage_key'])
    .where((w) => w.or([w('case_id', 'in', ids), ...(activityIds.length ? [w('activity_id', 'in', activityIds)] : [])]))
    .execute();
  if (docs.length) {
    const docIds = docs.map((d) => d.id);
    const posted = new Set(
      (await tx.selectFrom('postal_item').select('document_id').where('document_id', 'in', docIds).execute()).map((p) => p.document_id),
    );
    const removable = docIds.filter((d) => !posted.has(d));
    if (removable.length) await tx.deleteFrom('document').where('id', 'in', removable).execute();
    if (posted.size) {
      await tx
        .updateTable('document')
        .set({ filename: ANONYMISED_TEXT, size_bytes: 0 })
        .where('id', 'in', [...posted])
        .execute();
    }
    result.documents = docs.length;
    result.blobKeys.push(...docs.map((d) => d.storage_key));
  }

  // Raw inbound mail that reached the case or one of its activities.
  const mail = await tx
    .selectFrom('inbound_message')
    .select(['id', 'raw_storage_key'])
    .where((w) => w.or([w('case_id', 'in', ids), ...(activityIds.length ? [w('activity_id', 'in', activityIds)] : [])]))
    .where('raw_storage_key', '<>', '')
    .execute();
  if (mail.length) {
    await tx
      .updateTable('inbound_message')
      .set({ raw_storage_key: '', from_address: null, subject: null, last_error: null })
      .where(
        'id',
        'in',
        mail.map((m) => m.id),
      )
      .execute();
    result.inboundMessages = mail.length;
    result.blobKeys.push(...mail.map((m) => m.raw_storage_key));
  }

  const timeline = await sql<{
    n: number;
  }>`select anonymise_timeline(${sql.val(ids)}::uuid[], ${sql.val(activityIds)}::uuid[]) as n`.execute(tx);
  result.timelineRows = Number(timeline.rows[0]?.n ?? 0);

  const personIds = [...new Set(cases.flatMap((c) => [c.complainant_id, c.representative_id]).filter((p): p is string => !!p))];
  result.persons = await anonymisePersonsWithoutKeptCases(tx, personIds, ids);
  return result;
}

/**
 * The person-level part: blanks the persons among `personIds` that have no case still kept (one not
 * anonymised) as complainant or representative. The row and its uuid stay: cases, surveys and
 * case_figure keep pointing at it, so returning complainants count the same.
 */
export async function anonymisePersonsWithoutKeptCases(
  tx: Transaction<DB>,
  personIds: readonly string[],
  /** The cases being anonymised now: they no longer keep anyone. */
  goingCaseIds: readonly string[] = [],
): Promise<number> {
  if (!personIds.length) return 0;
  const kept = await tx
    .selectFrom('cases')
    .leftJoin('case_retention', 'case_retention.case_id', 'cases.id')
    .select(['cases.complainant_id', 'cases.representative_id'])
    .where((w) => w.or([w('cases.complainant_id', 'in', personIds), w('cases.representative_id', 'in', personIds)]))
    .where('case_retention.anonymised_at', 'is', null)
    .$if(goingCaseIds.length > 0, (q) => q.where('cases.id', 'not in', [...goingCaseIds]))
    .execute();
  const stillKept = new Set(kept.flatMap((k) => [k.complainant_id, k.representative_id]));
  return anonymisePersons(
    tx,
    personIds.filter((p) => !stillKept.has(p)),
  );
}

/** Blanks these persons' name and contact details unconditionally (the caller decided they may go). */
export async function anonymisePersons(tx: Transaction<DB>, personIds: readonly string[]): Promise<number> {
  if (!personIds.length) return 0;
  const r = await tx
    .updateTable('person')
    .set({ name: ANONYMISED_NAME, organisation_name: null, email: null, phone: null, street: null, postcode: null, city: null })
    .where('id', 'in', [...personIds])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
