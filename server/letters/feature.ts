import { recordNotHandlingNoticeSent, startNotHandlingNotice } from '../commands/notHandlingNotice.ts';
import { registerEffect, registerGuard, registerTrigger } from '../engine/registry.ts';
import { requireLetter } from './guards.ts';
import { onLetterSent } from './letterEvents.ts';

/** The letters feature in the engine: the letter guard, the Awb 9:8 notice, and the letter triggers. */
export function registerLetters() {
  registerGuard('letter', async (ctx, step, guard) => {
    await requireLetter(ctx, step.caseId, guard);
  });
  registerEffect('noticeOfNotHandling', async (ctx, step, effect) => {
    await startNotHandlingNotice(ctx, step.caseId, effect.team);
  });
  onLetterSent('notHandling', recordNotHandlingNoticeSent);
  registerTrigger('letterSent', 'letters');
  registerTrigger('letterSubmitted', 'letters');
}
