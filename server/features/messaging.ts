import { sendCaseMessage, sendSurvey } from '../commands/caseMessages.ts';
import type { CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import type { Effect } from '../domain/process/definition.ts';
import { enqueueMessage } from '../mail/outbox.ts';
import { STAFF_TEMPLATES, type TemplateKey } from '../mail/templates.nl.ts';
import { registerEffect, type StepContext } from '../engine/registry.ts';

/**
 * Mail a step sends: to the complainant (or their representative), to a fixed address, or to the
 * manager of the department the step chose; and the satisfaction survey.
 */
export function registerMessaging() {
  registerEffect('sendMessage', async (ctx, step, effect) => {
    const vars = Object.fromEntries(Object.entries(effect.vars ?? {}).map(([field, input]) => [field, String(step.inputs[input] ?? '')]));
    if (effect.to === 'complainant') {
      await sendCaseMessage(ctx, step.caseId, effect.template as TemplateKey, { key: step.key, facts: step.facts, vars });
      return;
    }
    await sendToContact(ctx, step, effect, vars);
  });
  registerEffect('sendSurvey', async (ctx, step) => {
    await sendSurvey(ctx, step.caseId, step.key);
  });
}

type SendMessage = Extract<Effect, { type: 'sendMessage' }>;

async function sendToContact(ctx: CommandContext, step: StepContext, effect: SendMessage, vars: Record<string, string>) {
  const org = ctx.services.org;
  const to = effect.to as Exclude<SendMessage['to'], 'complainant'>;
  let recipient: { address: string; name: string | null } | undefined;
  if ('address' in to) recipient = { address: to.address, name: null };
  else {
    const team = org.teams.find((t) => t.key === step.facts.department);
    const manager = org.orgUnits.find((u) => u.key === team?.orgUnit)?.manager;
    if (manager) recipient = { address: manager.email, name: manager.name };
  }
  if (!recipient) {
    await recordEvent(ctx, {
      type: 'messageNotSent',
      caseId: step.caseId,
      data: { template: effect.template, reason: 'noContactConfigured' },
    });
    return;
  }
  const c = await ctx.tx
    .selectFrom('cases')
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .select(['cases.reference', 'cases.subject', 'u.name as handler'])
    .where('cases.id', '=', step.caseId)
    .executeTakeFirstOrThrow();
  const template = effect.template as TemplateKey;
  // Staff mail only: a citizen template to a configured address would carry the complainant's link.
  if (!STAFF_TEMPLATES.includes(template)) throw new Error(`template ${template} is not a staff template`);
  await enqueueMessage(ctx, {
    caseId: step.caseId,
    template,
    recipientRole: 'staffContact',
    to: { address: recipient.address, name: recipient.name },
    vars: {
      organisationName: org.name,
      caseReference: c.reference,
      complaintSubject: c.subject,
      handlerName: c.handler ?? org.name,
      recipientName: recipient.name ?? 'collega',
      staffLink: `${ctx.services.publicUrl}/meldingen/${step.caseId}`,
      ...vars,
    },
    idempotencyKey: `${step.caseId}:${step.key}:${template}:${recipient.address}`,
  });
}
