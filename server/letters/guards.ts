import type { CommandContext } from '../commands/context.ts';
import type { LetterKind, LetterStatus } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';

/**
 * For process steps that depend on a letter (wired by the process engine): e.g. the KCC preset's
 * `submitLetter` needs a letter offered for review, and its `sendLetter` (which closes the case)
 * needs the letter to be sent. Throws a 400 that names the field `letter`, like `requiresDocument`.
 */
export const LETTER_ORDER: LetterStatus[] = ['draft', 'inReview', 'approved', 'sent'];
const ORDER = LETTER_ORDER;
const NL: Record<LetterStatus, string> = {
  draft: 'opgesteld',
  inReview: 'ter controle aangeboden',
  approved: 'goedgekeurd',
  sent: 'verstuurd',
};

export async function requireLetter(ctx: CommandContext, caseId: string, opts: { atLeast: LetterStatus; kinds?: LetterKind[] }) {
  let q = ctx.tx
    .selectFrom('letter')
    .select(['id', 'status'])
    .where('case_id', '=', caseId)
    .where('status', 'in', ORDER.slice(ORDER.indexOf(opts.atLeast)));
  if (opts.kinds?.length) q = q.where('kind', 'in', opts.kinds);
  const found = await q.orderBy('updated_at', 'desc').executeTakeFirst();
  if (!found) {
    throw new AppError('invalid', `Er is nog geen brief die ${NL[opts.atLeast]} is.`, [
      { name: 'letter', code: 'letterRequired', reason: `Een brief moet eerst ${NL[opts.atLeast]} zijn.` },
    ]);
  }
  return found;
}
