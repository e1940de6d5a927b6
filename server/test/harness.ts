import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../app.ts';
import type { Clock, CommandContext, Services, StaffActor } from '../commands/context.ts';
import { loadOrganisation } from '../config/organisation.ts';
import { syncOrganisation } from '../config/syncOrganisation.ts';
import type { OpenDatabase } from '../db/connect.ts';
import type { Role } from '../domain/roles.ts';
import { permissionsFor } from '../policies/permissions.ts';
import { loadProcesses } from '../processes/index.ts';
import { openProcessRegistry } from '../processes/versionedRegistry.ts';
import { SESSION_COOKIE } from '../routes/plugins/auth.ts';
import { type BlobStorage, fileStorage } from '../storage/blobStorage.ts';
import { createBusinessCalendar } from '../domain/calendar/workingDays.ts';
import { createTestDatabase } from './database.ts';
import { registerFeatures } from '../engine/features.ts';
import { contractCheckEnabled, installContractCheck } from './contract.ts';

/** A clock the test moves by hand: time is faked at the boundary only. */
export function fakeClock(start = '2026-03-02T09:00:00Z'): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), set: (iso) => (now = new Date(iso).getTime()), advance: (ms) => (now += ms) };
}

export type TestEnv = { services: Services; database: OpenDatabase; clock: ReturnType<typeof fakeClock>; close: () => Promise<void> };

export async function createTestServices(
  opts: { poolSize?: number; database?: OpenDatabase; orgFile?: string; storage?: BlobStorage } = {},
): Promise<TestEnv> {
  const database = opts.database ?? (await createTestDatabase(opts));
  const org = loadOrganisation(opts.orgFile);
  registerFeatures();
  await syncOrganisation(database.db, org);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-files-'));
  const clock = fakeClock();
  const loaded = loadProcesses(org);
  const services: Services = {
    db: database.db,
    clock,
    org,
    processes: await openProcessRegistry({ db: database.db, files: loaded.files, validate: loaded.validate, now: clock.now() }),
    storage: opts.storage ?? fileStorage(dir),
    calendar: createBusinessCalendar({ timeZone: 'Europe/Amsterdam', extraHolidays: org.clocks.extraHolidays }),
    publicUrl: 'http://klachtflow.test',
  };
  return {
    services,
    database,
    clock,
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** Factory: a real staff row with roles and team memberships; returns the actor commands take. */
export async function buildStaff(services: Services, opts: { roles: Role[]; teams?: string[]; name?: string }): Promise<StaffActor> {
  const n = ++counter;
  const name = opts.name ?? `Medewerker ${n}`;
  const email = `staff${n}-${randomBytes(3).toString('hex')}@test.example`;
  const row = await services.db
    .insertInto('staff_user')
    .values({ email, name, roles: opts.roles })
    .returning('id')
    .executeTakeFirstOrThrow();
  const teamIds: string[] = [];
  for (const key of opts.teams ?? []) {
    const team = await services.db.selectFrom('team').select('id').where('key', '=', key).executeTakeFirstOrThrow();
    await services.db.insertInto('team_member').values({ team_id: team.id, user_id: row.id }).execute();
    teamIds.push(team.id);
  }
  return { kind: 'staff', id: row.id, name, email, roles: opts.roles, teamIds, permissions: permissionsFor(opts.roles) };
}

export function asActor<T>(services: Services, actor: StaffActor | CommandContext['actor'], fn: (ctx: CommandContext) => Promise<T>) {
  return services.db.transaction().execute((tx) => fn({ actor, tx, now: services.clock.now(), services }));
}

export async function createTestApp(
  opts: {
    demo?: boolean;
    poolSize?: number;
    database?: OpenDatabase;
    orgFile?: string;
    oidc?: { issuer: string; clientId: string; clientSecret: string };
    /** Log lines go here (at info level); without it the app logs nothing. */
    logStream?: { write(line: string): void };
    /** Documents elsewhere than a temporary directory (the S3 adapter's tests). */
    storage?: BlobStorage;
    /** GET /metrics answers with this bearer token. */
    metricsToken?: string;
    /** false: no contract check (contract.ts), for the fuzzer that sends what no document describes on purpose. */
    contract?: boolean;
  } = {},
) {
  const env = await createTestServices(opts);
  const app = await buildApp({
    services: env.services,
    env: {
      demo: opts.demo ?? false,
      sessionTtlHours: 8,
      cookieSecure: false,
      publicUrl: 'http://localhost',
      oidc: opts.oidc,
      smtp: undefined,
      logLevel: opts.logStream ? 'info' : 'silent',
      metricsToken: opts.metricsToken,
    },
    logger: !!opts.logStream,
    logStream: opts.logStream,
  });
  // Every request and answer checked against the OpenAPI document (contract.ts); a violation fails close().
  const contract = opts.contract !== false && contractCheckEnabled() ? installContractCheck(app) : null;
  await app.ready();
  return {
    ...env,
    app,
    close: async () => {
      await app.close();
      await env.close();
      contract?.assertClean();
    },
  };
}

/** Logs a staff member in the way the server does (session row + cookie) and returns request headers. */
export async function loginHeaders(services: Services, actor: StaffActor) {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await services.db
    .insertInto('session')
    .values({
      id: createHash('sha256').update(token).digest('base64url'),
      user_id: actor.id,
      csrf_token: csrf,
      expires_at: new Date(services.clock.now().getTime() + 3600_000),
    })
    .execute();
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrf };
}
