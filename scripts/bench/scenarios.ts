import { randomInt } from 'node:crypto';
import type { QueueFilter } from '../../server/queries/workQueue.ts';
import { measure, timed, type Measured, type Run } from './measure.ts';

/**
 * The measured paths, as a handler's browser calls them: (a) a filtered work queue, paging on with
 * nextCursor; (b) a case and its timeline; (c) full-text search; (d) intake by 8 agents at once.
 * Every request goes to the real server over HTTP on 127.0.0.1 only.
 */
export const TARGETS = { a: 25, b: 25, c: 100, d: 1000, e: 1000 }; // p95 ms for a–c and e (browser.ts), activities/s for d (1M cases, 2 cores)

export const QUEUES: Record<string, { query: string; filter: QueueFilter; label: string }> = {
  a1: {
    query: 'queue=team&channel=phone,email&limit=25',
    filter: { queue: 'team', channel: ['phone', 'email'], sort: 'createdAt', limit: 25 },
    label: 'queue team, phone+email',
  },
  a2: {
    query: 'queue=all&kind=task&sort=-createdAt&limit=25',
    filter: { queue: 'all', kind: 'task', sort: '-createdAt', limit: 25 },
    label: 'queue all, tasks, newest first',
  },
};

export type ScenarioContext = {
  base: string;
  coordinator: Record<string, string>; // request headers of a coordinator's session
  agent: Record<string, string>; // … and of a first-line agent's (coordinators do not register intake)
  cases: { id: string }[];
  searches: string[];
  run: Run;
  intakeSeconds: number;
  only: Set<string>;
  log: (line: string) => void;
};

export async function runScenarios(x: ScenarioContext): Promise<Measured[]> {
  const out: Measured[] = [];
  const get = { headers: x.coordinator };

  for (const [key, q] of Object.entries(QUEUES)) {
    if (!x.only.has('a') && !x.only.has(key)) continue;
    x.log(`measuring ${key}: GET /activities?${q.query}, following nextCursor for up to 3 more pages`);
    out.push(
      await measure(x.run, () => {
        let cursor: string | null = null;
        let page = 0;
        return async (rec) => {
          const row = `${key} ${q.label}: ${page === 0 ? 'page 1' : 'next pages'}`;
          const url = `${x.base}/activities?${q.query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const body = (await timed(rec, row, url, get)) as { nextCursor?: string | null } | undefined;
          cursor = page < 3 ? (body?.nextCursor ?? null) : null;
          page = cursor ? page + 1 : 0;
        };
      }),
    );
  }

  if (x.only.has('b')) {
    x.log('measuring b: GET /cases/{id}, then /cases/{id}/timeline, for random existing cases');
    out.push(
      await measure(x.run, () => async (rec) => {
        const c = x.cases[randomInt(x.cases.length)]!;
        await timed(rec, 'b case detail', `${x.base}/cases/${c.id}`, get);
        await timed(rec, 'b case timeline', `${x.base}/cases/${c.id}/timeline`, get);
      }),
    );
  }

  if (x.only.has('c')) {
    x.log('measuring c: POST /case-searches with Dutch words, prefixes, two-word queries, names, a reference');
    // Every term the same number of times, so the p95 is not an accident of which terms came up.
    out.push(
      await measure({ ...x.run, steps: Math.max(x.run.steps, x.searches.length * 10) }, () => {
        let k = randomInt(x.searches.length);
        return async (rec) => {
          const q = x.searches[k++ % x.searches.length]!;
          await timed(
            rec,
            'c full-text search',
            `${x.base}/case-searches`,
            { method: 'POST', headers: x.coordinator, body: { q, limit: 20 } },
            `c  "${q}"`,
          );
        };
      }),
    );
  }

  if (x.only.has('d')) {
    x.log(`measuring d: POST /activities from 8 concurrent clients for ${x.intakeSeconds} s`);
    out.push(
      await measure(
        { ...x.run, warmup: 50, steps: Number.POSITIVE_INFINITY, maxSeconds: x.intakeSeconds, concurrency: 8 },
        () => async (rec) => {
          const n = randomInt(100_000_000);
          // A phone call the agent handles now ('self'): it never enters the team queues measured in (a).
          const body = {
            channel: n % 3 ? 'phone' : 'email',
            subject: `Klacht over lange wachttijd (${n})`,
            body: 'Beller wacht al zes weken op antwoord op zijn brief over de toeslag en wil teruggebeld worden.',
            contact: { name: 'Jan Jansen', phone: `06${String(n).padStart(8, '0')}` },
            assignTo: 'self',
          };
          await timed(rec, 'd intake', `${x.base}/activities`, { method: 'POST', headers: x.agent, body });
        },
      ),
    );
  }
  return out;
}
