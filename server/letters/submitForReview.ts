import type { CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import { letterSubmitted } from './letterEvents.ts';
import { assertCaseOpen, assertStatus, bumpLetter, loadLetter } from './letterStore.ts';

/**
 * The back office offers the draft to the coordinator (seed 000 §4.3 "Opstellen afhandelingsbrief").
 * Submitting reports "letter submitted": the step the process ties to it is taken in the same
 * transaction, so the letter and the case never disagree about where the work is.
 */
export type SubmitLetterInput = { letterId: string; expectedVersion: number };

export async function submitForReview(ctx: CommandContext, input: SubmitLetterInput) {
  const letter = await loadLetter(ctx, input.letterId);
  assertCaseOpen(letter);
  assertStatus(letter, ['draft'], 'ter controle aanbieden');
  const row = await bumpLetter(ctx, letter, input.expectedVersion, { status: 'inReview' });
  await recordEvent(ctx, {
    type: 'letterSubmitted',
    caseId: letter.case_id,
    before: { letterId: letter.id, status: letter.status },
    after: { letterId: letter.id, status: 'inReview' },
    data: { textVersion: letter.current_version },
  });
  await letterSubmitted(ctx, letter.case_id, letter.kind);
  return { version: row.version };
}
