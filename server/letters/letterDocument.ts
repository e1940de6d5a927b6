import type { LetterKind } from '../domain/process/vocabulary.ts';
import type { Readable } from 'node:stream';
import { runCommand, type Actor, type CommandContext, type Services } from '../commands/context.ts';
import { composeLetter } from './compose.ts';
import { currentSections, loadLetter, templateOf, type LoadedLetter } from './letterStore.ts';
import { loadMergeData } from './mergeData.ts';
import { responsibleHandler } from '../commands/responsibleHandler.ts';
import { renderLetterPdf } from './pdf.ts';

/**
 * What the PDF of a letter's current version shows, as it would be sent on `date`. The preview
 * (with a "Concept" mark until approval) and sending use the same composition, so what the
 * coordinator saw is what goes out. Drawing happens outside the transaction: it takes CPU time,
 * not database rows.
 */
export async function composeForLetter(ctx: CommandContext, letter: LoadedLetter, date: Date) {
  const merge = await loadMergeData(ctx.tx, ctx.services.org, letter.case_id);
  const fallback = letter.signer_user_id
    ? await ctx.tx.selectFrom('staff_user').select('name').where('id', '=', letter.signer_user_id).executeTakeFirst()
    : await responsibleHandler(ctx.tx, ctx.services.org, letter.case_id);
  const input = composeLetter(ctx.services.org, merge, templateOf(letter), letter, await currentSections(ctx, letter), {
    date,
    fallbackSignerName: fallback?.name ?? null,
  });
  return { input, merge };
}

const KIND_FILE: Record<LetterKind, string> = {
  decision: 'afhandelingsbrief',
  notHandling: 'brief-niet-in-behandeling',
  referral: 'verwijzing',
  extension: 'verdaging',
  standard: 'antwoord',
};
export const letterFilename = (reference: string, kind: LetterKind) => `${reference}-${KIND_FILE[kind]}.pdf`;

/** The PDF to show: a sent letter exactly as it was sent (never re-rendered), otherwise a preview of the current version. */
export async function letterPdf(
  services: Services,
  actor: Actor,
  letterId: string,
): Promise<{ filename: string; body: Buffer | Readable }> {
  const found = await runCommand(services, actor, async (ctx) => {
    const letter = await loadLetter(ctx, letterId);
    if (letter.document_id) {
      const doc = await ctx.tx
        .selectFrom('document')
        .select(['storage_key', 'filename'])
        .where('id', '=', letter.document_id)
        .executeTakeFirstOrThrow();
      return { sent: true as const, filename: doc.filename, storageKey: doc.storage_key };
    }
    const { input } = await composeForLetter(ctx, letter, ctx.now);
    return { sent: false as const, filename: letterFilename(input.reference, letter.kind), input };
  });
  if (found.sent) return { filename: found.filename, body: services.storage.open(found.storageKey) };
  return { filename: found.filename, body: await renderLetterPdf(found.input) };
}
