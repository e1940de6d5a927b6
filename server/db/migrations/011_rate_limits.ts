import { sql, type Kysely } from 'kysely';

/**
 * Request counts for the portal's per-address limits, shared by every instance (an in-memory count
 * would let each instance of a load-balanced setup allow the full limit). The key is a hash of route
 * and client address, never the address itself; rows older than a day are removed by housekeeping.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table rate_limit_hit (
      key text primary key,
      window_start timestamptz not null,
      hits integer not null
    );
    create index rate_limit_hit_window on rate_limit_hit (window_start);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
