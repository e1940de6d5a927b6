/**
 * `npm run audit:check`: recomputes the audit log's hash chain on the configured database
 * (DATABASE_URL, or the PGlite directory DATA_DIR while the server is stopped: its directory is locked)
 * and lists every break. Exit code 0: intact; 1: a break; 2: the check could not run.
 */
import { openDatabase } from '../db/connect.ts';
import path from 'node:path';
import { verifyChain } from '../audit/verifyChain.ts';

async function main() {
  // Only the database is needed: the rest of the server's configuration (mail, OIDC) may be absent here.
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : path.resolve(process.env.DATA_DIR ?? './data');
  const { db, close } = await openDatabase({ databaseUrl, dataDir, poolSize: 1 });
  try {
    const started = performance.now();
    const report = await verifyChain(db);
    const ms = Math.round(performance.now() - started);
    if (report.breaks.length === 0) {
      console.log(`Audit log intact: ${report.checked} entries checked, head at ${report.headSeq} (${ms} ms).`);
      return 0;
    }
    console.error(`Audit log BROKEN: ${report.breaks.length} break(s) in ${report.checked} entries (${ms} ms):`);
    for (const b of report.breaks) console.error(`  entry ${b.seq}: ${b.problem}`);
    return 1;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Audit check could not run: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
