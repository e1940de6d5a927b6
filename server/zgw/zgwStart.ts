import type { Services } from '../commands/context.ts';
import type { Job } from '../jobs/runner.ts';
import { HttpZgwClient } from './client.ts';
import { checkZgwConfig, zgwCredentialsFromEnv } from './zgwConfig.ts';
import { zgwSyncJob } from './zgwSync.ts';

/**
 * The sync job when the organisation turned ZGW on, else null. Refuses to start (throws, naming the
 * key or variable) when a mapped step is no citizen step or the credentials are missing.
 */
export function zgwJobFromConfig(services: Services, env: NodeJS.ProcessEnv = process.env): Job | null {
  const config = services.org.zgw;
  if (!config?.enabled) return null;
  const steps = new Set(services.processes.all().flatMap((d) => d.citizenSteps.map((s) => s.key)));
  checkZgwConfig(config, steps);
  const { clientId, secret } = zgwCredentialsFromEnv(config, env);
  return zgwSyncJob(
    new HttpZgwClient({
      zakenApi: config.zakenApi,
      documentenApi: config.documentenApi,
      clientId,
      secret,
      now: () => services.clock.now(),
    }),
  );
}
