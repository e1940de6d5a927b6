import { Readable } from 'node:stream';
import type { Attachment } from 'mailparser';
import type { CommandContext } from '../../commands/context.ts';
import { registerActivity } from '../../commands/activityRegistrar.ts';
import { writeActivity } from '../../commands/activityWriter.ts';
import { recordEvent } from '../../commands/timeline.ts';
import { type StoredBlob, TooLargeError } from '../../storage/blobStorage.ts';

/** What the processor hands over once it knows where a message goes. */
export type MailContent = {
  inboundId: string;
  from: { address: string | null; name: string | null };
  subject: string;
  text: string;
  attachments: Attachment[];
  /** Said at the top of the activity, for the person who picks it up (why it was not linked…). */
  notes: string[];
  /** Bulk or list mail (classify.ts bulkMailReason): marked on the activity, never linked or answered by itself. */
  bulk?: boolean;
};
type Refused = { filename: string; mediaType: string; sizeBytes: number; why: string };
type Saved = { id: string; filename: string; mediaType: string };

const MAX_TEXT = 100_000;
/** Mail programs often send a PDF as octet-stream; the extension then says what it is. */
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  eml: 'message/rfc822',
};

function mediaTypeOf(a: Attachment, filename: string): string {
  const declared = (a.contentType || '').split(';')[0]!.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream') return declared;
  return BY_EXTENSION[filename.split('.').pop()?.toLowerCase() ?? ''] ?? (declared || 'application/octet-stream');
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} kB`);

function safeFilename(name: string | undefined, n: number): string {
  const cleaned = (name ?? '')
    .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
    .trim()
    .slice(-200);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : `bijlage-${n}`;
}

/**
 * Stores each allowed attachment as a document of the activity (and of the case, when linked). A
 * refused one is listed in the activity body instead: a complainant's evidence is never dropped
 * without the handler knowing. Blob keys go into `storedKeys` so the caller can remove them when
 * the transaction rolls back.
 */
async function saveAttachments(
  ctx: CommandContext,
  mail: MailContent,
  link: { activityId: string; caseId: string | null },
  storedKeys: string[],
) {
  const { maxBytes, allowedTypes } = ctx.services.org.documents;
  const saved: Saved[] = [];
  const refused: Refused[] = [];
  for (const [i, a] of mail.attachments.entries()) {
    const filename = safeFilename(a.filename, i + 1);
    const mediaType = mediaTypeOf(a, filename);
    const sizeBytes = a.content.length;
    if (!allowedTypes.includes(mediaType)) {
      refused.push({ filename, mediaType, sizeBytes, why: 'dit bestandstype is niet toegestaan' });
      continue;
    }
    if (sizeBytes === 0) {
      refused.push({ filename, mediaType, sizeBytes, why: 'het bestand is leeg' });
      continue;
    }
    let blob: StoredBlob;
    try {
      blob = await ctx.services.storage.put(Readable.from([a.content]), maxBytes);
    } catch (err) {
      if (!(err instanceof TooLargeError)) throw err;
      refused.push({ filename, mediaType, sizeBytes, why: `groter dan ${sizeLabel(maxBytes)}` });
      continue;
    }
    storedKeys.push(blob.key);
    const doc = await ctx.tx
      .insertInto('document')
      .values({
        case_id: link.caseId,
        activity_id: link.activityId,
        doc_type: 'attachment',
        filename,
        media_type: mediaType,
        size_bytes: blob.sizeBytes,
        sha256: blob.sha256,
        storage_key: blob.key,
        created_by: null,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    saved.push({ id: doc.id, filename, mediaType });
  }
  return { saved, refused };
}

function composeBody(mail: MailContent, refused: Refused[]): string {
  const parts: string[] = [];
  if (mail.notes.length) parts.push(mail.notes.map((n) => `Let op: ${n}`).join('\n'));
  const text = mail.text.trim();
  parts.push(
    text.length > MAX_TEXT
      ? `${text.slice(0, MAX_TEXT)}\n\n[Tekst ingekort; het volledige bericht is bewaard.]`
      : text || '(Dit bericht heeft geen tekst.)',
  );
  if (refused.length) {
    const lines = refused.map((r) => `- ${r.filename} (${r.mediaType}, ${sizeLabel(r.sizeBytes)}): ${r.why}`);
    parts.push(`Bijlagen niet opgenomen:\n${lines.join('\n')}`);
  }
  return parts.join('\n\n');
}

const contactOf = (mail: MailContent) => ({
  ...(mail.from.name ? { name: mail.from.name } : {}),
  ...(mail.from.address ? { email: mail.from.address } : {}),
});
const eventData = (mail: MailContent, saved: Saved[], refused: Refused[]) => ({
  inboundMessageId: mail.inboundId,
  from: mail.from.address,
  subject: mail.subject,
  ...(mail.bulk ? { bulkMail: true } : {}),
  documents: saved.map((d) => ({ documentId: d.id, filename: d.filename })),
  refused: refused.map((r) => ({ filename: r.filename, mediaType: r.mediaType, reason: r.why })),
});

/** A reply from a person known on the case: an open activity on the case, for its handler. */
export async function addReplyToCase(ctx: CommandContext, caseId: string, mail: MailContent, storedKeys: string[]) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['case_type', 'assignee_user_id', 'assignee_team_id', 'closed_at'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  // A reply to a closed case is still shown on it; whoever picks it up decides whether it is new.
  if (c.closed_at) mail.notes.push('deze melding is al afgerond. Is dit een nieuwe klacht? Registreer die dan apart.');
  const activityId = await writeActivity(ctx, {
    kind: 'intake',
    channel: 'email',
    subject: mail.subject,
    body: '',
    contact: contactOf(mail),
    case: { id: caseId, caseType: c.case_type },
    assignee: { userId: c.assignee_user_id, teamId: c.assignee_team_id },
  });
  const { saved, refused } = await saveAttachments(ctx, mail, { activityId, caseId }, storedKeys);
  await ctx.tx
    .updateTable('activity')
    .set({ body: composeBody(mail, refused) })
    .where('id', '=', activityId)
    .execute();
  await ctx.tx.updateTable('cases').set({ updated_at: ctx.now }).where('id', '=', caseId).execute();
  await recordEvent(ctx, { type: 'messageReceived', caseId, activityId, data: eventData(mail, saved, refused) });
  return activityId;
}

/** New mail, or a reply that could not be linked safely: an open e-mail activity in the work queue. */
export async function addMailActivity(ctx: CommandContext, mail: MailContent, storedKeys: string[], intakeTeam?: string) {
  const activityId = await registerActivity(ctx, {
    channel: 'email',
    subject: mail.subject,
    body: '',
    contact: contactOf(mail),
    assignTo: intakeTeam ? { team: intakeTeam } : 'queue',
  });
  const { saved, refused } = await saveAttachments(ctx, mail, { activityId, caseId: null }, storedKeys);
  await ctx.tx
    .updateTable('activity')
    .set({ body: composeBody(mail, refused), ...(mail.bulk ? { bulk_mail: true } : {}) })
    .where('id', '=', activityId)
    .execute();
  await recordEvent(ctx, { type: 'messageReceived', activityId, data: eventData(mail, saved, refused) });
  return activityId;
}
