import { Readable } from 'node:stream';
import { actorId, runCommand, type Actor, type Services } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import { conflict } from '../domain/errors.ts';
import { composeForLetter, letterFilename } from './letterDocument.ts';
import { renderLetterPdf } from './pdf.ts';
import { assertCaseOpen, assertNotHeld, assertStatus, bumpLetter, loadLetter, requireApprover, STALE } from './letterStore.ts';
import { letterSent } from './letterEvents.ts';
import { mailLetter } from './letterMail.ts';
import { committeeAdviceDocuments } from './regimeRules.ts';
import { hasAdvisoryCommittee } from '../domain/regimes.ts';

/**
 * Sends an approved letter: renders the PDF of the approved version, stores it as a `letter`
 * document on the case, and queues the e-mail with the PDF attached, all committed together with
 * the letter's `sent` status and the timeline event. The PDF is written to blob storage before the
 * transaction (it is not database data) and removed again if the transaction fails, like uploads.
 * The compare-and-set on the letter's version guarantees the stored PDF is the text that was
 * approved: any edit in between moves the version and this send gets 409.
 *
 * Sending reports "letter sent": the step the process ties to it is taken in the same transaction
 * (Awb 9:12: sending the decision letter closes the case, on the send date). A letter on paper is
 * sent when staff post it: it waits in the "to post" list, and marking it posted reports it then.
 *
 * With an advisory committee the committee's advice (its latest report on the case) goes with the
 * decision letter (Awb 9:16; housing rules); by post it is named in the timeline as an enclosure.
 */
export type SendLetterInput = { letterId: string; expectedVersion: number };

export async function sendLetter(services: Services, actor: Actor, input: SendLetterInput) {
  const date = services.clock.now();
  const prepared = await runCommand(services, actor, async (ctx) => {
    requireApprover(ctx);
    const letter = await loadLetter(ctx, input.letterId);
    assertCaseOpen(letter);
    assertStatus(letter, ['approved'], 'versturen');
    assertNotHeld(ctx, letter, 'Versturen');
    if (letter.version !== input.expectedVersion) throw conflict(STALE);
    return { ...(await composeForLetter(ctx, letter, date)), letter };
  });
  const pdf = await renderLetterPdf(prepared.input);
  const stored = await services.storage.put(Readable.from([pdf]), Number.MAX_SAFE_INTEGER);
  try {
    return await runCommand(services, actor, async (ctx) => {
      requireApprover(ctx);
      const letter = await loadLetter(ctx, input.letterId);
      assertStatus(letter, ['approved'], 'versturen');
      assertNotHeld(ctx, letter, 'Versturen');
      const doc = await ctx.tx
        .insertInto('document')
        .values({
          case_id: letter.case_id,
          doc_type: 'letter',
          filename: letterFilename(prepared.merge.caseReference, letter.kind),
          media_type: 'application/pdf',
          size_bytes: stored.sizeBytes,
          sha256: stored.sha256,
          storage_key: stored.key,
          created_by: actorId(actor),
          created_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const enclosures =
        letter.kind === 'decision' && hasAdvisoryCommittee(letter.regime)
          ? (await committeeAdviceDocuments(ctx.tx, letter.case_id)).slice(0, 1)
          : [];
      const delivery = await mailLetter(ctx, {
        caseId: letter.case_id,
        letterId: letter.id,
        documentId: doc.id,
        enclosures,
        signerName: prepared.input.signature.name,
      });
      const onPaper = delivery.channel === 'post';
      const row = await bumpLetter(ctx, letter, input.expectedVersion, {
        status: 'sent',
        document_id: doc.id,
        ...(onPaper ? {} : { sent_at: ctx.now }),
      });
      await ctx.tx.updateTable('cases').set({ updated_at: ctx.now }).where('id', '=', letter.case_id).execute();
      await recordEvent(ctx, {
        type: 'letterSent',
        caseId: letter.case_id,
        before: { letterId: letter.id, status: 'approved' },
        after: { letterId: letter.id, status: 'sent', documentId: doc.id },
        data: {
          textVersion: letter.current_version,
          sha256: stored.sha256,
          delivery: delivery.channel,
          messageId: delivery.messageId,
          ...(delivery.postalItemId ? { postalItemId: delivery.postalItemId } : {}),
          ...(enclosures.length ? { enclosures } : {}),
        },
      });
      if (!onPaper) await letterSent(ctx, letter.case_id, letter.kind);
      return { version: row.version, documentId: doc.id, delivery };
    });
  } catch (err) {
    await services.storage.remove(stored.key);
    throw err;
  }
}
