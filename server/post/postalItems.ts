import { Readable } from 'node:stream';
import { actorId, type CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import type { LetterPdfInput } from '../letters/compose.ts';
import { renderLetterPdf } from '../letters/pdf.ts';

/**
 * The "to post" list (Te versturen post): every letter that goes on paper waits here as a PDF
 * until staff print, post and mark it. Nothing for a complainant without e-mail is dropped: the
 * item, its document on the case and a timeline event are written in the causing transaction.
 */
export type PostalInput = {
  caseId: string;
  templateKey: string;
  recipientRole: string;
  idempotencyKey: string;
  letterId?: string;
};

/** A document already on the case (a sent letter's PDF) goes into the list. */
export async function queueDocumentForPost(ctx: CommandContext, input: PostalInput & { documentId: string }): Promise<string> {
  const row = await ctx.tx
    .insertInto('postal_item')
    .values({
      case_id: input.caseId,
      document_id: input.documentId,
      letter_id: input.letterId ?? null,
      template_key: input.templateKey,
      recipient_role: input.recipientRole,
      idempotency_key: input.idempotencyKey,
      created_at: ctx.now,
      created_by: actorId(ctx.actor),
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return existing(ctx, input.idempotencyKey) as Promise<string>;
  await recordEvent(ctx, {
    type: 'messageToPost',
    caseId: input.caseId,
    data: { postalItemId: row.id, template: input.templateKey, recipientRole: input.recipientRole, documentId: input.documentId },
  });
  return row.id;
}

const existing = async (ctx: CommandContext, key: string) =>
  (await ctx.tx.selectFrom('postal_item').select('id').where('idempotency_key', '=', key).executeTakeFirst())?.id ?? null;

/**
 * A message rendered as a letter: drawn, stored as a `letter` document on the case and queued.
 * Drawn inside the transaction (a one- or two-page letter takes milliseconds); should it roll back,
 * the stored file is unreferenced, which housekeeping of blobs without a row tolerates.
 */
export async function queueLetterForPost(ctx: CommandContext, input: PostalInput & { letter: LetterPdfInput; filename: string }) {
  const already = await existing(ctx, input.idempotencyKey);
  if (already) return already;
  const pdf = await renderLetterPdf(input.letter);
  const stored = await ctx.services.storage.put(Readable.from([pdf]), Number.MAX_SAFE_INTEGER);
  const doc = await ctx.tx
    .insertInto('document')
    .values({
      case_id: input.caseId,
      doc_type: 'letter',
      filename: input.filename,
      media_type: 'application/pdf',
      size_bytes: stored.sizeBytes,
      sha256: stored.sha256,
      storage_key: stored.key,
      created_by: actorId(ctx.actor),
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return queueDocumentForPost(ctx, { ...input, documentId: doc.id });
}
