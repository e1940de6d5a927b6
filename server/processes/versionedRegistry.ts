import type { Database } from '../db/connect.ts';
import { AppError } from '../domain/errors.ts';
import { processDefinitionSchema, type ProcessDefinition } from '../domain/process/definition.ts';
import { ProcessDefinitionError } from '../domain/process/validateProcess.ts';
import { followedVersions, versionDefinitions } from '../queries/processVersions.ts';
import { syncProcessFiles, type ProcessFile } from '../commands/processVersions.ts';

/** A definition with the version number it has in process_version. */
export type VersionedDefinition = ProcessDefinition & { version: number };
/** Checks a whole definition the way start-up does; throws ProcessDefinitionError with every problem. */
export type ValidateDefinition = (input: unknown) => ProcessDefinition;
export type CaseProcessRef = { process_key: string; process_version: number };

/**
 * The processes this server runs, every version of them in memory, so lookups stay synchronous:
 * `get(key)` (and `all()`, `defaultProcess`) give the published version that new cases get;
 * `forCase(c)` gives the version a case started with. After a publication here `refresh()` updates
 * this instance at once; other instances refresh on a short interval (jobs/processVersionRefresh.ts)
 * and on a miss.
 */
export type VersionedProcessRegistry = {
  get(key: string): VersionedDefinition | undefined;
  all(): VersionedDefinition[];
  readonly defaultProcess: VersionedDefinition;
  /** One version of a process, if this instance has it. */
  at(key: string, version: number): VersionedDefinition | undefined;
  /** The definition a case follows: its process at the version it started with. */
  forCase(c: CaseProcessRef): VersionedDefinition;
  validate: ValidateDefinition;
  /** Loads versions published elsewhere; true when something changed. */
  refresh(): Promise<boolean>;
};

export type RegistryLog = { warn: (obj: object, msg: string) => void; info?: (obj: object, msg: string) => void };

/**
 * Start-up: records changed shipped definitions as versions (syncProcessFiles), then loads every
 * version cases may follow. The published version of each process must pass today's validation (a
 * definition that no longer does stops the server, as a wrong file does); an older version that no
 * longer does is still loaded by its structure alone, so its running cases keep working.
 */
export async function openProcessRegistry(opts: {
  db: Database;
  /** The organisation's processes in its order (the first is the default), as the shipped files give them. */
  files: ProcessFile[];
  validate: ValidateDefinition;
  now: Date;
  log?: RegistryLog;
}): Promise<VersionedProcessRegistry & { recorded: { key: string; version: number }[] }> {
  const { db, files, validate, log } = opts;
  const recorded = await syncProcessFiles(db, files, opts.now);
  const order = files.map((f) => f.key);
  const versions = new Map<string, Map<number, VersionedDefinition>>(order.map((k) => [k, new Map()]));
  const published = new Map<string, number>();

  const parse = (key: string, version: number, state: string, stored: unknown): VersionedDefinition | undefined => {
    try {
      return { ...validate(stored), version };
    } catch (err) {
      if (!(err instanceof ProcessDefinitionError)) throw err;
      if (state === 'published')
        throw new ProcessDefinitionError(key, [
          `published version ${version} no longer passes validation; change the process file to record a new version`,
          ...err.problems,
        ]);
      const loose = processDefinitionSchema.safeParse(stored);
      log?.warn({ processKey: key, version, problems: err.problems }, 'retired process version no longer validates');
      return loose.success ? { ...loose.data, version } : undefined;
    }
  };

  /** Reads which versions exist and loads the definitions this instance lacks; true when anything changed. */
  const load = async (): Promise<boolean> => {
    const rows = (await followedVersions(db)).filter((r) => versions.has(r.process_key));
    const missing = rows.filter((r) => !versions.get(r.process_key)!.has(r.version));
    let changed = false;
    for (const d of await versionDefinitions(
      db,
      missing.map((r) => ({ key: r.process_key, version: r.version })),
    )) {
      const def = parse(d.process_key, d.version, d.state, d.definition);
      if (def) versions.get(d.process_key)!.set(d.version, def);
      changed = true;
    }
    for (const r of rows) {
      if (r.state === 'published' && published.get(r.process_key) !== r.version) {
        published.set(r.process_key, r.version);
        changed = true;
      }
    }
    return changed;
  };
  await load();
  for (const key of order) if (!published.has(key)) throw new Error(`Process "${key}" has no published version`);

  // Loads run one at a time. A refresh asked for while one runs gets the next load (which starts
  // after it, so it sees whatever was committed before the ask); callers meanwhile share that one.
  let running: Promise<boolean> | undefined;
  let next: Promise<boolean> | undefined;
  const start = (): Promise<boolean> => {
    const p = load().finally(() => {
      if (running === p) running = undefined;
    });
    running = p;
    return p;
  };
  const refresh = (): Promise<boolean> => {
    if (!running) return start();
    next ??= running
      .catch(() => false)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };

  const get = (key: string) => {
    const v = published.get(key);
    return v === undefined ? undefined : versions.get(key)?.get(v);
  };
  return {
    recorded,
    get,
    all: () => order.map((k) => get(k)!),
    get defaultProcess() {
      return get(order[0]!)!;
    },
    at: (key, version) => versions.get(key)?.get(version),
    forCase(c) {
      const def = versions.get(c.process_key)?.get(c.process_version);
      if (def) return def;
      // Published by another instance a moment ago: fetch it, and let the caller try again shortly.
      if (versions.has(c.process_key)) {
        void refresh().catch((err) => log?.warn({ err }, 'process versions could not be refreshed'));
        throw new AppError(
          'conflict',
          'Deze melding volgt een procesversie die net is gepubliceerd. Probeer het over enkele seconden opnieuw.',
        );
      }
      throw new Error(`Process "${c.process_key}" is not configured on this server`);
    },
    validate,
    refresh,
  };
}
