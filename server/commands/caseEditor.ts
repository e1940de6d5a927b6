import { sql } from 'kysely';
import type { Readable } from 'node:stream';
import { AppError, conflict, invalid, notFound } from '../domain/errors.ts';
import { validateFields } from '../domain/process/fieldSchema.ts';
import { caseScope } from '../queries/scope.ts';
import { type StoredBlob, TooLargeError } from '../storage/blobStorage.ts';
import { actorId, runCommand, type Actor, type CommandContext, type Services } from './context.ts';
import { recordEvent } from './timeline.ts';
import { assertNotRestricted } from '../subjectRequests/restriction.ts';

/** Notes, documents and data fields of a case: the enrichment every role does along the way. */
async function loadCase(ctx: CommandContext, caseId: string) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'process_key', 'process_version', 'data', 'version', 'closed_at'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  return c;
}

export async function addNote(ctx: CommandContext, caseId: string, body: string) {
  await loadCase(ctx, caseId);
  const author = actorId(ctx.actor);
  if (!author) throw new AppError('invalid', 'Een notitie heeft een medewerker als auteur.');
  const note = await ctx.tx
    .insertInto('note')
    .values({ case_id: caseId, author_id: author, body, created_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.tx.updateTable('cases').set({ updated_at: ctx.now }).where('id', '=', caseId).execute();
  await recordEvent(ctx, { type: 'noteAdded', caseId, data: { noteId: note.id } });
  return note.id;
}

export async function updateCaseData(ctx: CommandContext, caseId: string, changes: Record<string, unknown>, expectedVersion?: number) {
  const c = await loadCase(ctx, caseId);
  if (c.closed_at) throw conflict('Een gesloten melding kan niet meer worden gewijzigd.');
  await assertNotRestricted(ctx, caseId);
  const def = ctx.services.processes.forCase(c);
  const values = validateFields(def.caseType.fields, changes, 'data', { partial: true });
  if (expectedVersion !== undefined && expectedVersion !== c.version)
    throw conflict('De melding is intussen gewijzigd. Vernieuw de pagina.');
  const updated = await ctx.tx
    .updateTable('cases')
    .set({ data: sql`data || ${JSON.stringify(values)}::jsonb`, version: sql`version + 1`, updated_at: ctx.now })
    .where('id', '=', caseId)
    .where('version', '=', c.version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw conflict('De melding is intussen gewijzigd. Vernieuw de pagina.');
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, c.data[k] ?? null]));
  await recordEvent(ctx, { type: 'caseDataChanged', caseId, before, after: values });
  return updated.version;
}

export type DocumentUpload = { filename: string; mediaType: string; docType: string; content: Readable };

/**
 * The content goes to blob storage first (outside the transaction, it may be large); the row and
 * the timeline event commit together. If the transaction fails the stored blob is removed.
 */
export async function addDocument(services: Services, actor: Actor, caseId: string, upload: DocumentUpload) {
  const { maxBytes, allowedTypes } = services.org.documents;
  if (!allowedTypes.includes(upload.mediaType)) {
    upload.content.resume();
    throw new AppError('unsupported_media', `Bestanden van het type ${upload.mediaType} zijn niet toegestaan.`, [
      { name: 'file', code: 'mediaType', reason: `Toegestaan: ${allowedTypes.join(', ')}` },
    ]);
  }
  let stored: StoredBlob;
  try {
    stored = await services.storage.put(upload.content, maxBytes);
  } catch (err) {
    if (err instanceof TooLargeError) {
      throw new AppError('too_large', `Het bestand is groter dan ${Math.round(maxBytes / 1024 / 1024)} MB.`, [
        { name: 'file', code: 'maxSize', reason: 'Bestand te groot.' },
      ]);
    }
    throw err;
  }
  if (stored.sizeBytes === 0) {
    await services.storage.remove(stored.key);
    throw invalid('file', 'Het bestand is leeg.');
  }
  try {
    return await runCommand(services, actor, async (ctx) => {
      await loadCase(ctx, caseId);
      const doc = await ctx.tx
        .insertInto('document')
        .values({
          case_id: caseId,
          doc_type: upload.docType,
          filename: upload.filename,
          media_type: upload.mediaType,
          size_bytes: stored.sizeBytes,
          sha256: stored.sha256,
          storage_key: stored.key,
          created_by: actorId(actor),
          created_at: ctx.now,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await ctx.tx.updateTable('cases').set({ updated_at: ctx.now }).where('id', '=', caseId).execute();
      await recordEvent(ctx, {
        type: 'documentAdded',
        caseId,
        after: { documentId: doc.id, filename: upload.filename, docType: upload.docType, sha256: stored.sha256 },
      });
      return { id: doc.id, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
    });
  } catch (err) {
    await services.storage.remove(stored.key);
    throw err;
  }
}
