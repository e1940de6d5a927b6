import { readEnv } from '../config/env.ts';
import { seedDemoDatabase } from '../server.ts';

/**
 * The demo data seeded in a process of its own, on a new embedded data directory (server.ts
 * seedFreshEmbeddedDemo): the server then opens the database without the seeding's memory. Prints
 * what it made as one line of JSON; a failure is its message on stderr and exit code 1.
 */
try {
  console.log(JSON.stringify(await seedDemoDatabase(readEnv())));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
