import type { CommandContext } from '../commands/context.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { recordEvent } from '../commands/timeline.ts';
import { assertCaseOpen, assertStatus, bumpLetter, loadLetter } from './letterStore.ts';

/**
 * The back office offers the draft to the coordinator (seed 000 §4.3 "Opstellen afhandelingsbrief").
 * With `caseTransition` the process step (the KCC preset's `submitLetter`) is taken in the same
 * transaction, so the letter and the case never disagree about where the work is.
 */
export type SubmitLetterInput = {
  letterId: string;
  expectedVersion: number;
  caseTransition?: { key: string; inputs?: Record<string, unknown> };
};

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
  if (input.caseTransition)
    await transitionCase(ctx, { caseId: letter.case_id, transition: input.caseTransition.key, inputs: input.caseTransition.inputs ?? {} });
  return { version: row.version };
}
