import { startTimer } from '../commands/timers.ts';
import { registerEffect } from '../engine/registry.ts';

/** Waiting periods bound to the status the step enters (commands/timers.ts; fired by jobs/timerSweeper.ts). */
export function registerTimers() {
  registerEffect('startTimer', async (ctx, step, effect) => {
    await startTimer(ctx, step.caseId, step.def, step.transition.to, effect.timer, effect.period, effect.fire);
  });
}
