import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type Insertable, sql } from 'kysely';
import type { CasesTable } from '../db/schema.ts';
import type { ImportColumns } from '../db/importSchema.ts';
import { dateInZone, AMSTERDAM } from '../domain/calendar/civilDate.ts';
import { startOfDay } from '../domain/calendar/durations.ts';
import { AppError, conflict, invalid, notFound } from '../domain/errors.ts';
import type { ProcessDefinition } from '../domain/process/definition.ts';
import { checkRow, type ImportProblem, type ImportRow, importStatus, mappingProblems, suggestColumns } from '../import/importFields.ts';
import { MAX_IMPORT_BYTES, readSheet, type Sheet } from '../import/readSheet.ts';
import { importBatchScope } from '../queries/registerImports.ts';
import { livePersonsByKeyLists } from '../queries/personSuggestions.ts';
import { phoneKey } from '../domain/personKeys.ts';
import { canonicalPhone, phoneLookupKeys } from '../domain/phone.ts';
import { type PersonInput, personRow, searchTextOf } from './caseRegistrar.ts';
import { caseClocks } from './caseClock.ts';
import { type Actor, actorId, type CommandContext, type Services, type StaffActor } from './context.ts';

/**
 * Import of an existing register (issue 12, point 6). Upload → dry run (a report per row and column)
 * → import, in one transaction: it completes or changes nothing and the batch says why. Imported cases
 * are written here, not through the engine: they keep their own dates, get the status the definition
 * gives an open or a closed case, their standard facts and one timeline event, and send no mail, start
 * no timer, deadline or survey. A row already imported (same register number, else same mapped
 * values: import_row_key) is skipped, so importing the same file again adds nothing.
 */
export const IMPORT_CHUNK = 1000;
const REPORT_LIMIT = 1000;

async function readBlob(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

function processFor(services: Services, processKey?: string | null): ProcessDefinition {
  const def = processKey ? services.processes.get(processKey) : services.processes.defaultProcess;
  if (!def) throw invalid('processKey', 'Dit proces bestaat niet.');
  return def;
}

/** The upload: read and checked as a spreadsheet before it is stored; the batch remembers it. */
export async function uploadRegister(
  ctx: CommandContext,
  input: { fileName: string; mediaType: string; content: Buffer; processKey?: string | null },
) {
  const def = processFor(ctx.services, input.processKey);
  const sheet = await readSheet(input.content, input.fileName);
  const { Readable } = await import('node:stream');
  const stored = await ctx.services.storage.put(Readable.from([input.content]), MAX_IMPORT_BYTES);
  const batch = await ctx.tx
    .insertInto('import_batch')
    .values({
      process_key: def.key,
      file_name: input.fileName,
      media_type: input.mediaType,
      sha256: stored.sha256,
      size_bytes: stored.sizeBytes,
      storage_key: stored.key,
      uploaded_by: actorId(ctx.actor),
      uploaded_by_name: ctx.actor.name,
      uploaded_at: ctx.now,
      total_rows: sheet.rows.length,
    })
    .returning(['id', 'uploaded_at'])
    .executeTakeFirstOrThrow();
  return {
    id: batch.id,
    fileName: input.fileName,
    processKey: def.key,
    totalRows: sheet.rows.length,
    headers: sheet.headers,
    preview: sheet.rows.slice(0, 5).map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(previewText) })),
    suggested: suggestColumns(sheet.headers),
  };
}

const previewText = (c: Sheet['rows'][number]['cells'][number]) =>
  c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : typeof c === 'object' ? c.text : String(c);

async function batchFor(ctx: Pick<CommandContext, 'tx' | 'actor'>, batchId: string) {
  const batch = await ctx.tx
    .selectFrom('import_batch')
    .selectAll()
    .where('id', '=', batchId)
    .where(importBatchScope(ctx.actor))
    .executeTakeFirst();
  if (!batch) throw notFound('Deze import');
  return batch;
}

export type ImportReport = {
  totalRows: number;
  okRows: number;
  errorRows: number;
  duplicateRows: number;
  problems: ImportProblem[];
  problemsShown: number;
  problemCount: number;
};

/** Every row checked against the mapping, plus what only the database knows: rows imported before, numbers in use. */
async function checkAll(ctx: CommandContext, def: ProcessDefinition, sheet: Sheet, columns: ImportColumns) {
  const today = dateInZone(ctx.now, AMSTERDAM);
  const problems: ImportProblem[] = [];
  const good: ImportRow[] = [];
  const badRows = new Set<number>();
  const firstRowOfKey = new Map<string, number>();
  let duplicates = 0;
  const refColumn = Object.entries(columns).find(([, f]) => f === 'originalReference')?.[0] ?? '';
  for (const r of sheet.rows) {
    const checked = checkRow(def, sheet, columns, r, today);
    if ('problems' in checked) {
      problems.push(...checked.problems);
      badRows.add(r.rowNumber);
      continue;
    }
    const first = firstRowOfKey.get(checked.row.key);
    if (first !== undefined) {
      if (checked.row.originalReference) {
        problems.push({
          rowNumber: r.rowNumber,
          column: refColumn,
          field: 'originalReference',
          message: `Rij ${r.rowNumber}, kolom '${refColumn}': het nummer '${checked.row.originalReference}' staat ook in rij ${first}.`,
        });
        badRows.add(r.rowNumber);
      } else duplicates++; // the very same row twice: imported once
      continue;
    }
    firstRowOfKey.set(checked.row.key, r.rowNumber);
    good.push(checked.row);
  }
  // Imported before (this file or another): skipped, not an error.
  const known = new Set<string>();
  const takenRefs = new Set<string>();
  for (let i = 0; i < good.length; i += 1000) {
    const slice = good.slice(i, i + 1000);
    for (const k of await ctx.tx
      .selectFrom('import_row_key')
      .select('row_key')
      .where('process_key', '=', def.key)
      .where(
        'row_key',
        'in',
        slice.map((r) => r.key),
      )
      .execute())
      known.add(k.row_key);
    const refs = slice.filter((r) => r.originalReference && !known.has(r.key)).map((r) => r.originalReference!);
    if (refs.length)
      for (const c of await ctx.tx.selectFrom('cases').select('reference').where('reference', 'in', refs).execute())
        takenRefs.add(c.reference);
  }
  const fresh: ImportRow[] = [];
  for (const r of good) {
    if (known.has(r.key)) duplicates++;
    else if (r.originalReference && takenRefs.has(r.originalReference)) {
      problems.push({
        rowNumber: r.rowNumber,
        column: refColumn,
        field: 'originalReference',
        message: `Rij ${r.rowNumber}, kolom '${refColumn}': '${r.originalReference}' is al het kenmerk van een andere melding in Klachtflow.`,
      });
      badRows.add(r.rowNumber);
    } else fresh.push(r);
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber);
  return { problems, fresh, badRows: badRows.size, duplicates };
}

function assertMapping(sheet: Sheet, columns: ImportColumns) {
  const problems = mappingProblems(sheet.headers, columns);
  if (problems.length)
    throw new AppError(
      'invalid',
      'Koppel eerst de kolommen aan de velden.',
      problems.map((p) => ({ name: p.name, code: 'mapping', reason: p.reason })),
    );
}

/** The dry run: nothing is imported; the batch keeps the mapping and the counts. */
export async function checkRegisterImport(ctx: CommandContext, batchId: string, columns: ImportColumns): Promise<ImportReport> {
  const batch = await batchFor(ctx, batchId);
  if (!['uploaded', 'checked', 'invalid'].includes(batch.state))
    throw conflict('Deze import is al gestart of klaar. Kies het bestand opnieuw voor een nieuwe import.');
  const def = processFor(ctx.services, batch.process_key);
  const sheet = await readSheet(await readBlob(ctx.services.storage.open(batch.storage_key)), batch.file_name);
  assertMapping(sheet, columns);
  const { problems, fresh, badRows, duplicates } = await checkAll(ctx, def, sheet, columns);
  await ctx.tx
    .updateTable('import_batch')
    .set({
      mapping: JSON.stringify(columns),
      state: badRows ? 'invalid' : 'checked',
      total_rows: sheet.rows.length,
      ok_rows: fresh.length,
      error_rows: badRows,
      duplicate_rows: duplicates,
    })
    .where('id', '=', batch.id)
    .execute();
  return {
    totalRows: sheet.rows.length,
    okRows: fresh.length,
    errorRows: badRows,
    duplicateRows: duplicates,
    problems: problems.slice(0, REPORT_LIMIT),
    problemsShown: Math.min(problems.length, REPORT_LIMIT),
    problemCount: problems.length,
  };
}

export type RunOptions = {
  chunkSize?: number;
  /** Called after each chunk inside the transaction (tests: a failure half way must change nothing). */
  afterChunk?: (processed: number) => void | Promise<void>;
};

/**
 * Claims a checked batch (compare-and-set: once) and starts the import; `done` settles when it has
 * completed or failed. The route answers after the claim; the screen polls the batch's progress.
 */
export async function startRegisterImport(services: Services, actor: StaffActor, batchId: string, opts: RunOptions = {}) {
  const now = services.clock.now();
  const claimed = await services.db
    .updateTable('import_batch')
    .set({ state: 'running', started_at: now, processed_rows: 0, error: null })
    .where('id', '=', batchId)
    .where(importBatchScope(actor))
    .where('state', '=', 'checked')
    .returning(['id', 'ok_rows'])
    .executeTakeFirst();
  if (!claimed) {
    const exists = await services.db
      .selectFrom('import_batch')
      .select('state')
      .where('id', '=', batchId)
      .where(importBatchScope(actor))
      .executeTakeFirst();
    if (!exists) throw notFound('Deze import');
    throw conflict(
      exists.state === 'invalid' || exists.state === 'uploaded'
        ? 'Deze import heeft eerst een proefimport zonder fouten nodig.'
        : 'Deze import loopt al of is klaar.',
    );
  }
  const done = runClaimed(services, actor, batchId, opts);
  return { id: claimed.id, totalRows: claimed.ok_rows, done };
}

async function runClaimed(services: Services, actor: Actor, batchId: string, opts: RunOptions): Promise<void> {
  try {
    await services.db.transaction().execute(async (tx) => {
      const ctx: CommandContext = { actor, tx, now: services.clock.now(), services };
      await importRows(ctx, batchId, opts);
    });
  } catch (err) {
    const reason =
      err instanceof AppError ? [err.detail, ...err.invalidParams.map((p) => p.reason)].join(' ') : 'Er ging iets mis in de database.';
    if (!(err instanceof AppError)) console.error('register import failed', (err as Error).message);
    await services.db
      .updateTable('import_batch')
      .set({
        state: 'failed',
        processed_rows: 0,
        finished_at: services.clock.now(),
        error: `De import is gestopt en er is niets veranderd. ${reason}`,
      })
      .where('id', '=', batchId)
      .execute();
  }
}

async function importRows(ctx: CommandContext, batchId: string, opts: RunOptions) {
  const batch = await batchFor(ctx, batchId);
  const def = processFor(ctx.services, batch.process_key);
  const sheet = await readSheet(await readBlob(ctx.services.storage.open(batch.storage_key)), batch.file_name);
  const columns = batch.mapping ?? {};
  assertMapping(sheet, columns);
  const { fresh, badRows } = await checkAll(ctx, def, sheet, columns);
  if (badRows) throw conflict(`Het bestand heeft ${badRows} rij(en) met fouten. Doe eerst opnieuw een proefimport.`);
  const size = opts.chunkSize ?? IMPORT_CHUNK;
  const people = new Map<string, string>();
  let processed = 0;
  for (let i = 0; i < fresh.length; i += size) {
    const chunk = fresh.slice(i, i + size);
    await writeChunk(ctx, def, batch, chunk, people);
    processed += chunk.length;
    reportProgress(ctx.services, batchId, processed);
    await opts.afterChunk?.(processed);
  }
  await ctx.tx
    .updateTable('import_batch')
    .set({ state: 'done', processed_rows: processed, imported_rows: processed, finished_at: ctx.now, error: null })
    .where('id', '=', batchId)
    .execute();
  return processed;
}

/**
 * Progress for the screen, written beside the import's transaction and not awaited: on PostgreSQL
 * another connection writes it at once; on PGlite (one connection) it waits for the transaction and
 * then finds the batch no longer running, so it changes nothing.
 */
function reportProgress(services: Services, batchId: string, processed: number) {
  services.db
    .updateTable('import_batch')
    .set({ processed_rows: processed })
    .where('id', '=', batchId)
    .where('state', '=', 'running')
    .where('processed_rows', '<', processed)
    .execute()
    .catch(() => {});
}

const dayStarts = new Map<string, Date>();
/** Amsterdam midnight of a civil date, remembered: a register repeats its dates. */
const dayStart = (d: string) => {
  let v = dayStarts.get(d);
  if (!v) {
    v = startOfDay(d);
    dayStarts.set(d, v);
  }
  return new Date(v);
};

/** A block of references from the normal counter: one counter update for the chunk. */
async function reserveReferences(ctx: CommandContext, n: number): Promise<string[]> {
  if (!n) return [];
  const prefix = ctx.services.org.referencePrefix;
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: AMSTERDAM, year: 'numeric' }).format(ctx.now));
  const row = await ctx.tx
    .insertInto('reference_counter')
    .values({ prefix, year, last_value: n })
    .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet({ last_value: sql`reference_counter.last_value + ${n}` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Array.from({ length: n }, (_, i) => `${prefix}-${year}-${String(row.last_value - n + 1 + i).padStart(6, '0')}`);
}

/**
 * One person record per person: an existing live record with the same e-mail or phone (looked up for
 * the whole chunk at once), else the same name earlier in this file, else a new record through the
 * registrar's person writer.
 */
async function personsFor(ctx: CommandContext, rows: ImportRow[], people: Map<string, string>): Promise<string[]> {
  const keysOf = (c: ImportRow['complainant']) => {
    const phone = phoneKey(c.phone);
    return [c.email && `e:${c.email}`, phone && `p:${phone}`, `n:${c.name.toLowerCase()}`].filter(Boolean) as string[];
  };
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const r of rows) {
    if (r.complainant.email && !people.has(`e:${r.complainant.email}`)) emails.add(r.complainant.email);
    const phone = phoneKey(r.complainant.phone);
    // Every form a stored number may have (E.164, or national digits in rows from before it).
    if (phone && !people.has(`p:${phone}`)) for (const k of phoneLookupKeys(phone)) phones.add(k);
  }
  if (emails.size || phones.size)
    for (const p of await livePersonsByKeyLists(ctx.tx, [...emails], [...phones]).execute()) {
      if (p.email && !people.has(`e:${p.email.toLowerCase()}`)) people.set(`e:${p.email.toLowerCase()}`, p.id);
      const phone = p.phone && canonicalPhone(p.phone);
      if (phone && !people.has(`p:${phone}`)) people.set(`p:${phone}`, p.id);
    }
  // Rows whose person is new get a record each, written in one insert with the registrar's own person row.
  const newPeople: { keys: string[]; input: PersonInput }[] = [];
  const pending = new Map<string, number>();
  const slots: (string | number)[] = [];
  for (const r of rows) {
    const c = r.complainant;
    const keys = keysOf(c);
    // By e-mail or phone; by name only when the row has neither (two people may share a name).
    const usable = keys.filter((k) => k[0] !== 'n' || keys.length === 1);
    const known = usable.map((k) => people.get(k)).find(Boolean);
    if (known) {
      for (const k of keys) if (!people.has(k) && !pending.has(k)) people.set(k, known);
      slots.push(known);
      continue;
    }
    const waiting = usable.map((k) => pending.get(k)).find((n) => n !== undefined);
    if (waiting !== undefined) {
      slots.push(waiting);
      continue;
    }
    const n = newPeople.length;
    newPeople.push({ keys, input: { kind: 'person', name: c.name, email: c.email ?? undefined, phone: c.phone ?? undefined } });
    for (const k of keys) if (!people.has(k) && !pending.has(k)) pending.set(k, n);
    slots.push(n);
  }
  const created = newPeople.length
    ? await ctx.tx
        .insertInto('person')
        .values(newPeople.map((p) => personRow(ctx, p.input)))
        .returning('id')
        .execute()
    : [];
  for (const [k, n] of pending) people.set(k, created[n]!.id);
  const ids = slots.map((s) => (typeof s === 'number' ? created[s]!.id : s));
  return ids;
}

async function writeChunk(
  ctx: CommandContext,
  def: ProcessDefinition,
  batch: { id: string; file_name: string },
  rows: ImportRow[],
  people: Map<string, string>,
) {
  const me = actorId(ctx.actor);
  const refs = await reserveReferences(ctx, rows.filter((r) => !r.originalReference).length);
  const complainants = await personsFor(ctx, rows, people);
  const cases: (Insertable<CasesTable> & { id: string; reference: string; status: string; subject: string })[] = [];
  for (const [i, r] of rows.entries()) {
    const complainantId = complainants[i]!;
    const reference = r.originalReference ?? refs.shift()!;
    const closed = r.closedOn !== null;
    const status = importStatus(def, closed, typeof r.facts.outcome === 'string' ? r.facts.outcome : undefined);
    const receivedAt = dayStart(r.receivedOn);
    const closedAt = r.closedOn ? dayStart(r.closedOn) : null;
    const facts: Record<string, unknown> = { ...(r.channel ? { channel: r.channel } : {}), ...r.facts };
    // A closed row is judged against its terms like any case (the figures' "on time"); an open one
    // gets no deadline, so nothing warns or counts down for it.
    const clocks = closedAt
      ? caseClocks(
          ctx.services,
          {
            received_at: receivedAt,
            regime: def.regime,
            clock_facts: {},
            closed_at: closedAt,
            process_key: def.key,
            process_version: def.version,
            facts,
          },
          closedAt,
        )
      : [];
    const handling = clocks.find((k) => k.key === 'handling');
    const norm = clocks.find((k) => k.key === 'serviceNorm');
    if (facts.handledOnTime === undefined && (handling?.outcome === 'met' || handling?.outcome === 'late'))
      facts.handledOnTime = handling.outcome === 'met';
    cases.push({
      handling_deadline: handling?.adjustedEnd ?? null,
      norm_deadline: norm?.adjustedEnd ?? null,
      id: randomUUID(),
      reference,
      process_key: def.key,
      process_version: def.version,
      case_type: def.caseType.key,
      status,
      status_changed_at: closedAt ?? receivedAt,
      subject: r.subject,
      description: r.description,
      channel: r.channel ?? 'letter',
      complainant_id: complainantId,
      assignee_user_id: closed ? null : me,
      data: JSON.stringify(r.originalReference ? { originalReference: r.originalReference } : {}),
      facts: JSON.stringify(facts),
      received_at: receivedAt,
      closed_at: closedAt,
      created_at: ctx.now,
      updated_at: ctx.now,
      created_by: me,
      search_text: searchTextOf([reference, r.originalReference, r.subject, r.description, r.complainant.name, r.complainant.email]),
      regime: def.regime,
      language: 'nl' as const,
      imported_batch_id: batch.id,
    });
  }
  await ctx.tx.insertInto('cases').values(cases).execute();
  await ctx.tx
    .insertInto('import_row_key')
    .values(rows.map((r, i) => ({ process_key: def.key, row_key: r.key, batch_id: batch.id, case_id: cases[i]!.id })))
    .execute();
  await ctx.tx
    .insertInto('timeline_event')
    .values(
      cases.map((c, i) => ({
        case_id: c.id,
        activity_id: null,
        occurred_at: ctx.now,
        actor_id: me,
        actor_name: ctx.actor.name,
        type: 'caseImported',
        before: null,
        after: JSON.stringify({ reference: c.reference, status: c.status, subject: c.subject }),
        data: JSON.stringify({
          fileName: batch.file_name,
          batchId: batch.id,
          rowNumber: rows[i]!.rowNumber,
          importedAt: ctx.now.toISOString(),
        }),
      })),
    )
    .execute();
}
