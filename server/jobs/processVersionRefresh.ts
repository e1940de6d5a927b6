import type { Job } from './runner.ts';

/**
 * Several instances may serve one PostgreSQL database: a version published on one reaches the
 * others' in-memory registries within this interval (a lookup that misses refreshes at once too).
 * One cheap query per run: the list of versions without their definitions.
 */
export const processVersionRefreshJob: Job = {
  name: 'processVersionRefresh',
  intervalMs: 3_000,
  run: async (services) => {
    await services.processes.refresh();
    return 0; // never a "full batch": one pass per interval
  },
};
