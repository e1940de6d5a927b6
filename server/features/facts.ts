import { sql } from 'kysely';
import { markFirstContact } from '../commands/complainantContact.ts';
import { recordEvent } from '../commands/timeline.ts';
import { meetsConditions } from '../domain/process/roles.ts';
import { observeFact, registerEffect } from '../engine/registry.ts';

/** Standard facts a step records by itself (the outcome), and what recording a fact means elsewhere. */
export function registerFacts() {
  registerEffect('setFact', async (ctx, step, effect) => {
    if (!meetsConditions(step.facts, effect.when)) return;
    step.facts[effect.fact] = effect.value;
    await ctx.tx
      .updateTable('cases')
      .set({ facts: sql`facts || ${JSON.stringify({ [effect.fact]: effect.value })}::jsonb` })
      .where('id', '=', step.caseId)
      .execute();
    await recordEvent(ctx, { type: 'factRecorded', caseId: step.caseId, after: { [effect.fact]: effect.value } });
  });
  // A step that records how the complainant was spoken to (seed 001's informal solution) is contact.
  observeFact('contactMethod', async (ctx, step) => {
    await markFirstContact(ctx, step.caseId, ctx.now);
  });
}
