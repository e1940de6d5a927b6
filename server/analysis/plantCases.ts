import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';

/**
 * Test helper: cases planted straight into the table with the columns the analysis reads (as an
 * import or years of use would leave them), so a test can state every figure it expects. The
 * case_figure rows come from the trigger of migration 027, as in production.
 */
export type Planted = {
  ref: string;
  received: string;
  closed?: string | null;
  subject?: string;
  facts?: Record<string, unknown>;
  clockFacts?: Record<string, unknown>;
  handlingDeadline?: string | null;
  normDeadline?: string | null;
  complainantId: string;
  teamId?: string | null;
  userId?: string | null;
  channel?: string;
  processKey?: string;
};

export async function plantPerson(db: Database, name = 'Klager'): Promise<string> {
  const row = await db
    .insertInto('person')
    .values({ kind: 'person', name, email: null, phone: null, organisation_name: null, street: null, postcode: null, city: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function plantCases(db: Database, cases: Planted[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const c of cases) {
    const row = await db
      .insertInto('cases')
      .values({
        reference: c.ref,
        process_key: c.processKey ?? 'kcc-complaint',
        case_type: 'complaint',
        status: c.closed ? 'closed' : 'inProgress',
        status_changed_at: c.closed ?? c.received,
        subject: c.subject ?? `Melding ${c.ref}`,
        channel: c.channel ?? 'phone',
        complainant_id: c.complainantId,
        representative_id: null,
        representative_relation: null,
        assignee_user_id: c.userId ?? null,
        assignee_team_id: c.teamId ?? null,
        data: '{}',
        received_at: c.received,
        created_at: c.received,
        updated_at: c.closed ?? c.received,
        closed_at: c.closed ?? null,
        created_by: null,
        facts: JSON.stringify(c.facts ?? {}),
        clock_facts: JSON.stringify(c.clockFacts ?? {}),
        handling_deadline: c.handlingDeadline ?? null,
        norm_deadline: c.normDeadline ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(c.ref, row.id);
  }
  await sql`analyze case_figure`.execute(db);
  return ids;
}
