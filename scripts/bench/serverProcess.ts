import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEnv } from '../../server/config/env.ts';
import { startServer } from '../../server/server.ts';

/**
 * The real server, started the way main.ts does, in its own process: the benchmark's client then
 * never shares an event loop with the server it measures (8 intake clients would otherwise steal
 * the very CPU time being measured). Reports its address over IPC; stops on 'stop'.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bench-'));
const env = readEnv({
  DATABASE_URL: process.env.BENCH_SERVER_DATABASE_URL,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  // Production mode needs an SMTP server. None of the measured paths sends mail and the outbox
  // stays empty; should anything be sent, it goes to a closed port on this machine and fails there.
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: '9',
  // The load scenario's citizens each come from their own address (X-Forwarded-For), as through a proxy.
  TRUST_PROXY: '127.0.0.1',
  ...(process.env.ORG_CONFIG ? { ORG_CONFIG: process.env.ORG_CONFIG } : {}),
});
const server = await startServer(env, { logger: false });
process.send!({ address: server.address });
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
// The benchmark died without saying stop: do not linger holding database connections.
process.on('disconnect', () => process.exit(0));
