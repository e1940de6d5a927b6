import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildApp } from './app.ts';
import type { Clock, Services } from './commands/context.ts';
import type { Env } from './config/env.ts';
import { loadOrganisation } from './config/organisation.ts';
import { syncOrganisation } from './config/syncOrganisation.ts';
import { openDatabase, type OpenDatabase } from './db/connect.ts';
import { seedDemoData } from './demo/demoData.ts';
import { loadProcesses } from './processes/index.ts';
import { openProcessRegistry } from './processes/versionedRegistry.ts';
import { processVersionRefreshJob } from './jobs/processVersionRefresh.ts';
import { startJobs } from './jobs/runner.ts';
import { timerSweeperJob } from './jobs/timerSweeper.ts';
import { outboxSenderJob } from './jobs/outboxSender.ts';
import { eventDelivererJob } from './jobs/eventDeliverer.ts';
import { transportFromEnv } from './mail/transport.ts';
import { createInboundMailJob } from './mail/inbound/inboundMailJob.ts';
import { createImapReaderJob } from './mail/inbound/imapReader.ts';
import { startSmtpListener } from './mail/inbound/smtpListener.ts';
import type { InboundOptions } from './mail/inbound/processor.ts';
import { resumeIfWaiting } from './commands/portalAnswer.ts';
import { housekeepingJob } from './jobs/housekeeping.ts';
import { deadlineWarnerJob } from './jobs/deadlineWarner.ts';
import { subjectRequestWarnerJob } from './jobs/subjectRequestWarner.ts';
import { measureReminderJob } from './jobs/measureReminder.ts';
import { reportMailerJob } from './jobs/reportMailer.ts';
import { retentionProposerJob } from './jobs/retentionProposer.ts';
import { quarantinePurgeJob } from './jobs/quarantinePurge.ts';
import { createNormDeadlineBackfillJob } from './jobs/normDeadlineBackfill.ts';
import { storageFromEnv } from './storage/storageFromEnv.ts';
import { createBusinessCalendar } from './domain/calendar/workingDays.ts';
import { clockFromEnv } from './config/pinnedClock.ts';
import { registerFeatures } from './engine/features.ts';
import { zgwJobFromConfig } from './zgw/zgwStart.ts';

const run = promisify(execFile);

/**
 * Configuration, processes, database and the services on them: what a server and the demo's seeding
 * process both start from. In a fixed order: configuration and processes are validated before the
 * database is opened, so a wrong definition stops the start with its problem named and nothing touched.
 */
async function openServices(env: Env, opts: { clock?: Clock; database?: OpenDatabase } = {}) {
  const org = loadOrganisation(env.orgConfigPath);
  const loaded = loadProcesses(org);
  registerFeatures();
  const database =
    opts.database ?? (await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : env.dataDir }));
  try {
    await syncOrganisation(database.db, org);
    const clock = opts.clock ?? clockFromEnv(env);
    // Changed process files become new versions; every version cases may follow is held in memory.
    const processes = await openProcessRegistry({
      db: database.db,
      files: loaded.files,
      validate: loaded.validate,
      now: clock.now(),
      log: { warn: (obj, msg) => console.warn(msg, obj) },
    });
    const services: Services = {
      db: database.db,
      clock,
      org,
      processes,
      storage: await storageFromEnv(env),
      calendar: createBusinessCalendar({ timeZone: 'Europe/Amsterdam', extraHolidays: org.clocks.extraHolidays }),
      publicUrl: env.publicUrl,
    };
    return { services, database };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** The demo data on a database of its own: `node server/demo/seedDemoMain` (seedFreshEmbeddedDemo). */
export async function seedDemoDatabase(env: Env) {
  const { services, database } = await openServices(env);
  try {
    return await seedDemoData(services);
  } finally {
    await database.close();
  }
}

/**
 * A demo's first start on a new embedded data directory seeds in a child process, then opens the
 * database afresh. The embedded database's WebAssembly memory only ever grows: seeded in this
 * process, the first start kept the seeding's high-water mark (about 440 MB) for as long as it ran,
 * where a restart on the same data takes about 280. Only `npm start`/`npm run demo` ask for it
 * (main.ts): the child reads the same environment (process.env) as they do.
 */
async function seedFreshEmbeddedDemo(env: Env) {
  if (!env.demo || env.databaseUrl || fs.existsSync(path.join(env.dataDir, 'pglite', 'PG_VERSION'))) return null;
  const here = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(here), 'demo', `seedDemoMain${path.extname(here)}`);
  const { stdout } = await run(process.execPath, [...process.execArgv, entry], { env: process.env, maxBuffer: 1 << 20 }).catch(
    (err: Error & { stderr?: string }) => {
      throw new Error(err.stderr?.trim() || err.message);
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof seedDemoData>>;
}

/** Start-up: services (openServices), the demo data when asked, the HTTP server, then the jobs. */
export async function startServer(
  env: Env,
  opts: { clock?: Clock; logger?: boolean; database?: OpenDatabase; demoSeedInChild?: boolean } = {},
) {
  const transport = transportFromEnv(env); // refuses a production start without SMTP before anything is opened
  const seededInChild = opts.demoSeedInChild && !opts.database ? await seedFreshEmbeddedDemo(env) : null;
  const { services, database } = await openServices(env, opts);
  const { org } = services;
  try {
    // Cases as zaken in the zaaksysteem (ZGW), when the organisation turned it on (docs/zgw.md); checked
    // before anything listens: a step that is no citizen step, or missing credentials, stop the start.
    const zgwJob = zgwJobFromConfig(services);
    const seeded = seededInChild ?? (env.demo ? await seedDemoData(services) : null);
    const app = await buildApp({ services, env, logger: opts.logger ?? true, mailTransport: transport });
    const address = await app.listen({ port: env.port, host: env.host });
    const inbound: InboundOptions = {
      ownAddresses: [env.mailFrom, org.contact.email].filter((a): a is string => !!a),
      intakeTeam: org.portal.intakeTeam,
      // A reply from the complainant ends the wait for information (seed 000 §4.5).
      onCaseReplyReceived: async (ctx, { caseId }) => {
        const c = await ctx.tx
          .selectFrom('cases')
          .select(['id', 'status', 'process_key', 'process_version'])
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow();
        await resumeIfWaiting(ctx, c);
      },
    };
    const jobList = [
      timerSweeperJob,
      outboxSenderJob(transport, env.mailFrom),
      eventDelivererJob(),
      createInboundMailJob(inbound),
      housekeepingJob,
      deadlineWarnerJob,
      subjectRequestWarnerJob,
      measureReminderJob,
      reportMailerJob,
      retentionProposerJob,
      quarantinePurgeJob,
      processVersionRefreshJob,
      // Open cases from before 017_queue_deadlines get their service-norm deadline once, in batches.
      createNormDeadlineBackfillJob(),
    ];
    if (env.imap) jobList.push(createImapReaderJob(env.imap, env.imap.intervalMs));
    if (zgwJob) jobList.push(zgwJob);
    const jobs = startJobs(services, jobList, app.log);
    const smtpIn = env.inboundSmtp ? await startSmtpListener(services, env.inboundSmtp, app.log) : undefined;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await smtpIn?.close();
        await jobs.stop();
        await app.close();
        await database.close();
      })());
    return { app, address, services, close, seeded, backend: database.backend };
  } catch (err) {
    await database.close();
    throw err;
  }
}
