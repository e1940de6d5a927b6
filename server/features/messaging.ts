import { sendCaseMessage, sendSurvey } from '../commands/caseMessages.ts';
import type { CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import type { Effect } from '../domain/process/definition.ts';
import { meetsConditions } from '../domain/process/roles.ts';
import { enqueueMessage } from '../mail/outbox.ts';
import { fieldsOf } from '../mail/render.ts';
import { STAFF_TEMPLATES, TEMPLATES_NL, type TemplateKey } from '../mail/templates.nl.ts';
import { responsibleHandler } from '../commands/responsibleHandler.ts';
import { registerEffect, type StepContext } from '../engine/registry.ts';

/**
 * Mail a step sends: to the complainant (or their representative), to a fixed address, or to the
 * manager of the department the step chose; and the satisfaction survey.
 */
export function registerMessaging() {
  registerEffect('sendMessage', async (ctx, step, effect) => {
    if (!meetsConditions(step.facts, effect.when)) return;
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
  else if ('addressFromFact' in to) {
    // An address the step recorded (Awb 2:3: the body the complaint goes on to); it may be left empty.
    const address = step.facts[to.addressFromFact];
    if (typeof address === 'string' && address.trim()) recipient = { address: address.trim(), name: null };
  } else {
    const team = org.teams.find((t) => t.key === step.facts.department);
    const manager = org.orgUnits.find((u) => u.key === team?.orgUnit)?.manager;
    if (manager) recipient = { address: manager.email, name: manager.name };
  }
  if (!recipient) {
    await recordEvent(ctx, {
      type: 'messageNotSent',
      caseId: step.caseId,
      data: { template: effect.template, reason: 'addressFromFact' in to ? 'noAddressGiven' : 'noContactConfigured' },
    });
    return;
  }
  const c = await ctx.tx
    .selectFrom('cases')
    .leftJoin('staff_user as u', 'u.id', 'cases.assignee_user_id')
    .select(['cases.reference', 'cases.subject', 'cases.description', 'u.name as handler'])
    .where('cases.id', '=', step.caseId)
    .executeTakeFirstOrThrow();
  const template = effect.template as TemplateKey;
  // Staff mail only: a citizen template to a configured address would carry the complainant's link.
  if (!STAFF_TEMPLATES.includes(template)) throw new Error(`template ${template} is not a staff template`);
  // A message that carries the complaint itself carries what the complainant sent with it (never internal documents).
  const fields = fieldsOf(TEMPLATES_NL[template]);
  const carriesComplaint = fields.includes('complaintText');
  const attachments = carriesComplaint ? await complainantDocuments(ctx, step.caseId) : [];
  const signer = c.handler ?? (await responsibleHandler(ctx.tx, org, step.caseId, ctx.actor))?.name;
  await enqueueMessage(ctx, {
    caseId: step.caseId,
    template,
    recipientRole: 'staffContact',
    to: { address: recipient.address, name: recipient.name },
    vars: {
      organisationName: org.name,
      caseReference: c.reference,
      complaintSubject: c.subject,
      handlerName: signer ?? org.name,
      recipientName: recipient.name ?? 'collega',
      staffLink: `${ctx.services.publicUrl}/meldingen/${step.caseId}`,
      ...(carriesComplaint ? { complaintText: c.description || '(geen omschrijving)' } : {}),
      ...(fields.includes('complainantContact') ? { complainantContact: await complainantContact(ctx, step.caseId) } : {}),
      ...vars,
    },
    idempotencyKey: `${step.caseId}:${step.key}:${template}:${recipient.address}`,
    attachments,
  });
}

const complainantDocuments = async (ctx: CommandContext, caseId: string) =>
  (
    await ctx.tx
      .selectFrom('document')
      .select('id')
      .where('case_id', '=', caseId)
      .where('doc_type', 'in', ['attachment', 'scan'])
      .orderBy('created_at')
      .limit(20)
      .execute()
  ).map((d) => d.id);

/** Who complained and how to reach them (and whoever speaks for them), for a body that takes the complaint over. */
async function complainantContact(ctx: CommandContext, caseId: string): Promise<string> {
  const people = await ctx.tx
    .selectFrom('cases')
    .innerJoin('person as p', (j) =>
      j.on((eb) => eb.or([eb('p.id', '=', eb.ref('cases.complainant_id')), eb('p.id', '=', eb.ref('cases.representative_id'))])),
    )
    .select(['p.id', 'p.name', 'p.organisation_name', 'p.street', 'p.postcode', 'p.city', 'p.email', 'p.phone', 'cases.complainant_id'])
    .where('cases.id', '=', caseId)
    .execute();
  const lines = (p: (typeof people)[number]) =>
    [p.name, p.organisation_name, p.street, [p.postcode, p.city].filter(Boolean).join(' '), p.email, p.phone].filter(
      (l): l is string => !!l && l.trim() !== '',
    );
  const complainant = people.find((p) => p.id === p.complainant_id);
  const representative = people.find((p) => p.id !== p.complainant_id);
  return [...(complainant ? lines(complainant) : []), ...(representative ? ['', 'Namens de klager:', ...lines(representative)] : [])].join(
    '\n',
  );
}
