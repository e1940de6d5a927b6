import { sql } from 'kysely';
import type { Services } from '../commands/context.ts';

/** Does the database answer? Throws when it does not. */
export async function pingDatabase(services: Services): Promise<void> {
  await sql`select 1`.execute(services.db);
}
