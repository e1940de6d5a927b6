import { sql, type Kysely } from 'kysely';

/**
 * Standard facts (domain/process/vocabulary.ts): what a case is and how it ended, under the same
 * names in every organisation, so queues, clocks, letters and analysis read them without knowing a
 * process's input keys. Existing cases get theirs from the data fields the shipped presets used.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cases add column facts jsonb not null default '{}'`.execute(db);
  await sql`
    update cases set facts = jsonb_strip_nulls(jsonb_build_object(
      'kind', data->'classification', 'statutory', data->'statutory', 'formality', data->'formality',
      'ground', data->'ground', 'product', data->'product', 'department', data->'department',
      'judgment', data->'judgment', 'judgmentReasons', data->'judgmentReasons',
      'notHandlingReason', data->'notHandlingReason', 'externalBody', data->'referralBody',
      'cancelReason', data->'cancelReason', 'closingReason', data->'closingReason',
      'contactMethod', data->'contactMethod', 'hearingAt', data->'hearingAt', 'satisfied', data->'complainantSatisfied'))
    where data ?| array['classification', 'statutory', 'formality', 'ground', 'product', 'department', 'judgment',
      'judgmentReasons', 'notHandlingReason', 'referralBody', 'cancelReason', 'closingReason', 'contactMethod',
      'hearingAt', 'complainantSatisfied']
  `.execute(db);
  // A case waiting for an answer keeps showing the complainant the question that was asked.
  await sql`
    update cases c set facts = c.facts || jsonb_build_object('informationRequest', e.data->'inputs'->'informationRequested')
    from (
      select distinct on (case_id) case_id, data from timeline_event
      where type = 'statusChanged' and data->'inputs' ? 'informationRequested'
      order by case_id, occurred_at desc
    ) e
    where e.case_id = c.id and c.status = 'awaitingInformation'
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
