import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../domain/errors.ts';
import { ProcessDefinitionError } from '../domain/process/validateProcess.ts';
import { processVersionRow, type ProcessVersionRow } from '../queries/processVersions.ts';
import type { CommandContext, Services } from './context.ts';

/**
 * Versions of process definitions (issue part 6, "the process is the contract"). A changed
 * definition starts as a draft (one per process, replaced when saved again) and becomes a version
 * when published; the version published before it is retired. Published and retired versions never
 * change: running cases keep theirs. Version numbers follow publication order: a draft holds the
 * next number, and a shipped file recorded meanwhile takes that number and moves the draft up.
 */

/** A process definition as a shipped file gives it, with the organisation configuration's periods. */
export type ProcessFile = { key: string; input: Record<string, unknown> };

/** Who made a version that came from a shipped file. */
export const FILE_AUTHOR = 'Klachtflow (procesbestand)';

/** JSON with keys in a fixed order, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
export const contentHash = (input: unknown) => createHash('sha256').update(canonical(input)).digest('hex');

/** One writer at a time: concurrent start-ups, drafts and publications are serialised; readers are not held up. */
const lockVersions = (tx: Transaction<DB>) => sql`lock table process_version in share row exclusive mode`.execute(tx);

const maxVersion = async (tx: Transaction<DB>, key: string) =>
  (
    await tx
      .selectFrom('process_version')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('process_key', '=', key)
      .executeTakeFirst()
  )?.v ?? 0;

/**
 * Start-up: each shipped definition whose content differs from the last one recorded from its file
 * becomes a new published version (the first start records version 1). An unchanged file changes
 * nothing, so a version published in the app stays in force until the file itself changes again.
 */
export async function syncProcessFiles(db: Database, files: ProcessFile[], now: Date) {
  return db.transaction().execute(async (tx) => {
    await lockVersions(tx);
    const recorded: { key: string; version: number }[] = [];
    for (const file of files) {
      const hash = contentHash(file.input);
      const lastFromFile = await tx
        .selectFrom('process_version')
        .select('source_hash')
        .where('process_key', '=', file.key)
        .where('source', '=', 'file')
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (lastFromFile?.source_hash === hash) continue;
      const draft = await tx
        .selectFrom('process_version')
        .select('version')
        .where('process_key', '=', file.key)
        .where('state', '=', 'draft')
        .executeTakeFirst();
      const version = draft ? draft.version : (await maxVersion(tx, file.key)) + 1;
      if (draft)
        await tx
          .updateTable('process_version')
          .set({ version: version + 1 })
          .where('process_key', '=', file.key)
          .where('state', '=', 'draft')
          .execute();
      await retirePublished(tx, file.key, now);
      await tx
        .insertInto('process_version')
        .values({
          process_key: file.key,
          version,
          state: 'published',
          definition: JSON.stringify({ ...file.input, version }),
          source: 'file',
          source_hash: hash,
          created_at: now,
          created_by: null,
          created_by_name: FILE_AUTHOR,
          published_at: now,
          published_by: null,
          published_by_name: FILE_AUTHOR,
        })
        .execute();
      recorded.push({ key: file.key, version });
    }
    return recorded;
  });
}

const retirePublished = (tx: Transaction<DB>, key: string, now: Date) =>
  tx
    .updateTable('process_version')
    .set({ state: 'retired', retired_at: now })
    .where('process_key', '=', key)
    .where('state', '=', 'published')
    .execute();

/** A definition as sent: a JSON object, or its text (then a syntax error is a problem too). */
export type DefinitionInput = string | Record<string, unknown>;

/**
 * Every problem of a changed definition of process `key`, checked exactly as at start-up (the same
 * validation, teams and mail templates); an empty list means it may be published.
 */
export function definitionProblems(services: Services, key: string, input: DefinitionInput): string[] {
  let definition: unknown = input;
  if (typeof input === 'string') {
    try {
      definition = JSON.parse(input);
    } catch (err) {
      return [`JSON: ${(err as Error).message}`];
    }
  }
  if (!definition || typeof definition !== 'object' || Array.isArray(definition)) return ['(root): een procesdefinitie is een JSON-object'];
  const problems: string[] = [];
  const givenKey = (definition as { key?: unknown }).key;
  if (givenKey !== key) problems.push(`key: de sleutel van dit proces is "${key}", niet ${JSON.stringify(givenKey ?? null)}`);
  try {
    services.processes.validate(definition);
  } catch (err) {
    if (!(err instanceof ProcessDefinitionError)) throw err;
    problems.push(...err.problems);
  }
  return problems;
}

/** The definition as a JSON object, or a 400 naming every problem (invalidParams, one per problem). */
function validDefinition(services: Services, key: string, input: DefinitionInput): Record<string, unknown> {
  const problems = definitionProblems(services, key, input);
  if (problems.length)
    throw new AppError(
      'invalid',
      problems.length === 1 ? 'De procesdefinitie heeft 1 probleem.' : `De procesdefinitie heeft ${problems.length} problemen.`,
      problems.map((reason) => ({ name: 'body.definition', code: 'processDefinition', reason })),
    );
  return (typeof input === 'string' ? JSON.parse(input) : input) as Record<string, unknown>;
}

function staffOnly(ctx: CommandContext) {
  if (ctx.actor.kind !== 'staff') throw forbidden();
  return ctx.actor;
}

function knownProcess(ctx: CommandContext, key: string) {
  if (!ctx.services.processes.get(key)) throw notFound('Dit proces');
}

/** Saves a checked definition as the process's draft: the open draft is replaced, else a new one gets the next number. */
export async function saveProcessDraft(ctx: CommandContext, key: string, input: DefinitionInput): Promise<ProcessVersionRow> {
  const actor = staffOnly(ctx);
  knownProcess(ctx, key);
  const definition = validDefinition(ctx.services, key, input);
  await lockVersions(ctx.tx);
  const draft = await ctx.tx
    .selectFrom('process_version')
    .select('version')
    .where('process_key', '=', key)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  const version = draft?.version ?? (await maxVersion(ctx.tx, key)) + 1;
  const values = {
    definition: JSON.stringify({ ...definition, version }),
    source: 'upload' as const,
    source_hash: null,
    created_at: ctx.now,
    created_by: actor.id,
    created_by_name: actor.name,
  };
  if (draft)
    await ctx.tx
      .updateTable('process_version')
      .set(values)
      .where('process_key', '=', key)
      .where('version', '=', version)
      .where('state', '=', 'draft')
      .execute();
  else
    await ctx.tx
      .insertInto('process_version')
      .values({ process_key: key, version, state: 'draft', ...values })
      .execute();
  return (await processVersionRow(ctx.tx, key, version))!;
}

/**
 * Publishes a draft: from now on new cases get it; the version published before is retired and
 * keeps serving the cases that follow it. Checked again first (teams may have changed since).
 * The caller updates this instance's registry after the commit; other instances pick it up within seconds.
 */
export async function publishProcessVersion(ctx: CommandContext, key: string, version: number): Promise<ProcessVersionRow> {
  const actor = staffOnly(ctx);
  knownProcess(ctx, key);
  await lockVersions(ctx.tx);
  const row = await processVersionRow(ctx.tx, key, version);
  if (!row) throw notFound(`Versie ${version} van dit proces`);
  if (row.state !== 'draft') throw conflict(`Versie ${version} is al gepubliceerd.`);
  validDefinition(ctx.services, key, row.definition);
  await retirePublished(ctx.tx, key, ctx.now);
  await ctx.tx
    .updateTable('process_version')
    .set({ state: 'published', published_at: ctx.now, published_by: actor.id, published_by_name: actor.name })
    .where('process_key', '=', key)
    .where('version', '=', version)
    .execute();
  return (await processVersionRow(ctx.tx, key, version))!;
}
