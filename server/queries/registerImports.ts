import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import type { DB } from '../db/schema.ts';
import { IMPORT_FIELDS } from '../import/importFields.ts';
import { caseReadScope } from './scope.ts';

/**
 * The read side of register imports. A batch is its uploader's (a staff member with `case:readAll`
 * sees every batch); a mapping belongs to the process and is shared by everyone who may import.
 */
export function importBatchScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'import_batch'>): Expression<SqlBool> =>
    actor.kind === 'system' || actor.permissions.has('case:readAll')
      ? sql<boolean>`true`
      : actor.kind === 'staff'
        ? eb('import_batch.uploaded_by', '=', actor.id)
        : sql<boolean>`false`;
}

/** An import runs in one transaction of at most a minute or so; one still "running" after an hour was cut off. */
const STALE_AFTER_MS = 3_600_000;
const STALE_ERROR = 'De import is onderbroken doordat de server stopte. Er is niets veranderd. Kies het bestand opnieuw.';

export async function importBatch(services: Services, actor: Actor, id: string) {
  const b = await services.db.selectFrom('import_batch').selectAll().where('id', '=', id).where(importBatchScope(actor)).executeTakeFirst();
  if (!b) return null;
  // A transaction that ends with its server (a restart mid-import) changed nothing; say so instead of "running" for ever.
  const stale = b.state === 'running' && b.started_at !== null && services.clock.now().getTime() - b.started_at.getTime() > STALE_AFTER_MS;
  return {
    id: b.id,
    processKey: b.process_key,
    fileName: b.file_name,
    sha256: b.sha256,
    sizeBytes: b.size_bytes,
    uploadedAt: b.uploaded_at.toISOString(),
    uploadedByName: b.uploaded_by_name,
    state: stale ? ('failed' as const) : b.state,
    columns: b.mapping,
    totalRows: b.total_rows,
    okRows: b.ok_rows,
    errorRows: b.error_rows,
    duplicateRows: b.duplicate_rows,
    processedRows: b.processed_rows,
    importedRows: b.imported_rows,
    error: stale ? STALE_ERROR : b.error,
    startedAt: b.started_at?.toISOString() ?? null,
    finishedAt: b.finished_at?.toISOString() ?? null,
  };
}

export async function importMappings(services: Services, processKey: string) {
  const rows = await services.db
    .selectFrom('import_mapping')
    .select(['id', 'name', 'columns', 'updated_at'])
    .where('process_key', '=', processKey)
    .orderBy('name')
    .execute();
  return rows.map((m) => ({ id: m.id, name: m.name, columns: m.columns, updatedAt: m.updated_at.toISOString() }));
}

/** The fields a column can fill, with their words, for the mapping screen. */
export const importFieldList = () => IMPORT_FIELDS.map((f) => ({ key: f.key, label: { nl: f.nl, en: f.en }, required: f.required }));

/** The cases a batch brought in that the actor may read, first ones by reference, and how many. */
export async function importedCases(services: Services, actor: Actor, batchId: string, limit = 50) {
  const scoped = services.db.selectFrom('cases').where('imported_batch_id', '=', batchId).where(caseReadScope(actor));
  const [rows, count] = await Promise.all([
    scoped.select(['id', 'reference', 'subject', 'status', 'received_at', 'closed_at']).orderBy('reference').limit(limit).execute(),
    scoped.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((c) => ({
      id: c.id,
      reference: c.reference,
      subject: c.subject,
      status: c.status,
      receivedAt: c.received_at.toISOString(),
      closedAt: c.closed_at?.toISOString() ?? null,
    })),
  };
}
