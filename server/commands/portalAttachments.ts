import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/** A file the complainant sent with a portal form, already in blob storage. */
export type UploadedFile = { key: string; sha256: string; sizeBytes: number; filename: string; mediaType: string };

/**
 * Stores the complainant's uploaded files as documents on the case (and on their answer's activity),
 * inside the caller's transaction, with the same row and timeline event the staff upload
 * (caseEditor.addDocument) writes.
 */
export async function attachUploadedFiles(ctx: CommandContext, caseId: string, files: UploadedFile[], activityId?: string) {
  for (const f of files) {
    const doc = await ctx.tx
      .insertInto('document')
      .values({
        case_id: caseId,
        activity_id: activityId ?? null,
        doc_type: 'attachment',
        filename: f.filename,
        media_type: f.mediaType,
        size_bytes: f.sizeBytes,
        sha256: f.sha256,
        storage_key: f.key,
        created_by: null,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(ctx, {
      type: 'documentAdded',
      caseId,
      after: { documentId: doc.id, filename: f.filename, docType: 'attachment', sha256: f.sha256 },
    });
  }
}
