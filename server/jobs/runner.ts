import type { Services } from '../commands/context.ts';
import { jobErrors } from '../metrics/instruments.ts';

/**
 * Runs the background jobs (timer sweep, outbox sender, mailbox reader) inside the server process.
 * The work itself lives in database rows claimed with FOR UPDATE SKIP LOCKED, so any number of
 * instances can run the same jobs, and a crash loses nothing: unfinished rows are claimed again
 * when their lease runs out. A job returns how many items it handled; when it handled a full
 * batch it runs again at once, otherwise it waits for its interval.
 */
export type Job = {
  name: string;
  intervalMs: number;
  run: (services: Services) => Promise<number>;
};

export function startJobs(services: Services, jobs: Job[], log: { error: (obj: object, msg: string) => void }) {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const schedule = (job: Job, delay: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const p = (async () => {
        let next = job.intervalMs;
        try {
          const handled = await job.run(services);
          if (handled > 0) next = 0;
        } catch (err) {
          jobErrors.inc({ job: job.name });
          log.error({ err, job: job.name }, 'job failed; it runs again after its interval');
        }
        schedule(job, next);
      })();
      running.add(p);
      p.finally(() => running.delete(p));
    }, delay);
    timers.add(timer);
  };
  for (const job of jobs) {
    jobErrors.inc({ job: job.name }, 0); // present from the start, so the first error is an increase
    schedule(job, 0);
  }

  return {
    /** Stops scheduling and waits for the runs in progress, so shutdown never cuts one in half. */
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.allSettled([...running]);
    },
  };
}
