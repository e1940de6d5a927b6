import type { Transaction } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { Role } from '../domain/roles.ts';
import type { Organisation } from '../config/organisation.ts';
import type { VersionedProcessRegistry } from '../processes/versionedRegistry.ts';
import type { BlobStorage } from '../storage/blobStorage.ts';
import type { BusinessCalendar } from '../domain/calendar/workingDays.ts';

/** Who is acting: a logged-in staff member, or the system (timers, mail import). */
export type StaffActor = {
  kind: 'staff';
  id: string;
  name: string;
  email: string;
  roles: Role[];
  teamIds: string[];
  permissions: ReadonlySet<string>;
  /** The colleagues this actor stands in for today, and the units they manage (queries/standIn.ts); absent: nobody. */
  standIn?: { forUserIds: string[]; managedUnitKeys: string[] };
};
export type SystemActor = { kind: 'system'; name: string };
/** The actor of timers, the mail importer and the portal's automatic steps. */
export const SYSTEM_ACTOR: SystemActor = { kind: 'system', name: 'Klachtflow (automatisch)' };
/**
 * Another system with an API key (apiClients/): acts with the key's scopes (permissions), no roles,
 * no teams, no user id: it writes as itself (a name in the timeline, like the system), and reads only
 * what its scopes reach (queries/scope.ts: without case:readAll it has no own cases).
 */
export type ClientActor = {
  kind: 'client';
  clientId: string;
  name: string;
  permissions: ReadonlySet<string>;
  teamIds: readonly string[];
};
export type Actor = StaffActor | SystemActor | ClientActor;

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What the server holds for its lifetime; handed to commands and queries explicitly. */
export type Services = {
  db: Database;
  clock: Clock;
  org: Organisation;
  /** Every version of the organisation's processes: the published one for new cases, a case's own by forCase. */
  processes: VersionedProcessRegistry;
  storage: BlobStorage;
  /** Working days and public holidays, with the organisation's extra days. */
  calendar: BusinessCalendar;
  /** Where users reach Klachtflow; links in mail start here. */
  publicUrl: string;
};

/** A command's context: never the HTTP request, so jobs call the same code. */
export type CommandContext = {
  actor: Actor;
  tx: Transaction<DB>;
  now: Date;
  services: Services;
};

export const actorId = (actor: Actor) => (actor.kind === 'staff' ? actor.id : null);

/** Runs a command in one transaction with one `now`, so all its rows agree on the time. */
export function runCommand<T>(services: Services, actor: Actor, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  return services.db.transaction().execute((tx) => fn({ actor, tx, now: services.clock.now(), services }));
}
