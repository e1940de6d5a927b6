import { actorId } from '../commands/context.ts';
import { assertNotComplainedAbout } from '../commands/complainedPersons.ts';
import { teamIdByKey } from '../commands/teams.ts';
import { recordEvent } from '../commands/timeline.ts';
import { invalid } from '../domain/errors.ts';
import { registerEffect } from '../engine/registry.ts';

/** Who works on the case next: a team (fixed, or the department chosen in the step), the actor, or nobody. */
export function registerAssignment() {
  registerEffect('assignTeam', async (ctx, step, effect) => {
    const key = effect.team ?? String(step.inputs[effect.teamFromInput!] ?? '');
    // An optional choice left empty: the step needs it to know where the case goes (a 400 at that input, not a 500).
    if (!key) throw invalid(`inputs.${effect.teamFromInput}`, 'Kies waar de melding naartoe gaat.', 'required');
    const teamId = await teamIdByKey(ctx, key);
    if (!teamId) throw new Error(`team ${key} of transition ${step.transition.key} is not configured`);
    await ctx.tx.updateTable('cases').set({ assignee_team_id: teamId, assignee_user_id: null }).where('id', '=', step.caseId).execute();
    await recordEvent(ctx, { type: 'caseAssigned', caseId: step.caseId, after: { assigneeTeamId: teamId, assigneeUserId: null } });
  });
  registerEffect('assignActor', async (ctx, step) => {
    const me = actorId(ctx.actor);
    if (!me) return;
    await assertNotComplainedAbout(ctx, step.caseId, me, null);
    await ctx.tx.updateTable('cases').set({ assignee_user_id: me }).where('id', '=', step.caseId).execute();
    await recordEvent(ctx, { type: 'caseAssigned', caseId: step.caseId, after: { assigneeUserId: me } });
  });
  registerEffect('unassign', async (ctx, step) => {
    await ctx.tx.updateTable('cases').set({ assignee_user_id: null }).where('id', '=', step.caseId).execute();
  });
}
