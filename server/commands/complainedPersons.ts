import { AppError, conflict, invalid, notFound } from '../domain/errors.ts';
import { caseScope } from '../queries/scope.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';
import { enqueueMessage } from '../mail/outbox.ts';
import type { TemplateKey } from '../mail/templates.nl.ts';
import { createCaseTask } from './caseTasks.ts';
import { longDate } from './caseMessages.ts';

/**
 * Awb 9:7: the complaint is handled by someone not involved in the conduct complained about. The
 * people complained about are recorded on the case, and no work on that case is assigned to them.
 */
export async function addComplainedPerson(
  ctx: CommandContext,
  caseId: string,
  input: { userId?: string; name?: string; jobTitle?: string },
) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'assignee_user_id'])
    .where('id', '=', caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  let name = input.name?.trim();
  if (input.userId) {
    const user = await ctx.tx.selectFrom('staff_user').select(['id', 'name']).where('id', '=', input.userId).executeTakeFirst();
    if (!user) throw invalid('userId', 'Deze medewerker bestaat niet.');
    name ??= user.name;
    if (c.assignee_user_id === user.id) {
      throw new AppError('conflict', `${user.name} behandelt deze melding zelf. Wijs de melding eerst toe aan iemand anders (Awb 9:7).`);
    }
  }
  if (!name) throw invalid('name', 'Geef de naam van de persoon over wie geklaagd wordt.');
  const row = await ctx.tx
    .insertInto('complained_person')
    .values({ case_id: caseId, user_id: input.userId ?? null, name, job_title: input.jobTitle ?? null, created_at: ctx.now })
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).where('user_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', 'Deze medewerker staat al als beklaagde op de melding.');
  // Awb 9:7: the case's handler may not be the manager of the colleague now complained about.
  const managed = c.assignee_user_id ? await managesComplainedPerson(ctx, caseId, c.assignee_user_id) : null;
  if (managed) throw new AppError('conflict', `${managerMessage(managed)} Wijs de melding eerst toe aan iemand anders.`);
  await recordEvent(ctx, { type: 'complainedPersonAdded', caseId, after: { name, userId: input.userId ?? null } });
  await sendComplaintCopy(ctx, caseId, row.id);
  return row.id;
}

/**
 * Awb 9:9: the person complained about gets a copy of the complaint and of the documents sent with
 * it. A colleague gets it by e-mail (with those documents attached) and in the app; for someone
 * without an account (a former employee, a contractor) the handler gets a task to send it by hand.
 */
async function sendComplaintCopy(ctx: CommandContext, caseId: string, complainedPersonId: string) {
  const p = await ctx.tx
    .selectFrom('complained_person as cp')
    .innerJoin('cases as c', 'c.id', 'cp.case_id')
    .leftJoin('staff_user as u', 'u.id', 'cp.user_id')
    .leftJoin('staff_user as h', 'h.id', 'c.assignee_user_id')
    .select([
      'cp.name',
      'cp.user_id',
      'u.email',
      'c.reference',
      'c.subject',
      'c.description',
      'c.assignee_team_id',
      'c.assignee_user_id',
      'h.name as handler',
    ])
    .where('cp.id', '=', complainedPersonId)
    .executeTakeFirstOrThrow();
  if (!p.user_id || !p.email) {
    await createCaseTask(ctx, caseId, {
      taskKey: 'sendComplaintCopy',
      subject: { nl: `Afschrift van de klacht sturen aan ${p.name} (Awb 9:9)` },
      assignee: { teamId: p.assignee_team_id, userId: p.assignee_user_id },
    });
    return;
  }
  // The complainant's own documents, never internal ones (letters, hearing reports, notes).
  const docs = await ctx.tx
    .selectFrom('document')
    .select('id')
    .where('case_id', '=', caseId)
    .where('doc_type', 'in', ['attachment', 'scan'])
    .orderBy('created_at')
    .limit(20)
    .execute();
  await enqueueMessage(ctx, {
    caseId,
    template: 'complaintCopy',
    recipientRole: 'complainedPerson',
    to: { address: p.email, name: p.name },
    vars: {
      recipientName: p.name,
      caseReference: p.reference,
      complaintSubject: p.subject,
      complaintText: p.description || '(geen omschrijving)',
      handlerName: p.handler ?? 'Een collega',
    },
    idempotencyKey: `${caseId}:complaintCopy:${p.user_id}`,
    attachments: docs.map((d) => d.id),
  });
  await ctx.tx
    .insertInto('notification')
    .values({
      user_id: p.user_id,
      case_id: caseId,
      kind: 'complaintCopy',
      message: `Er is een klacht over u binnengekomen (${p.reference}). U krijgt een afschrift per e-mail.`,
      created_at: ctx.now,
    })
    .execute();
}

/** A notice that goes to every colleague complained about (e.g. the extension, Awb 9:11 lid 2). */
export async function mailComplainedColleagues(
  ctx: CommandContext,
  caseId: string,
  template: TemplateKey,
  key: string,
  vars: Record<string, string>,
) {
  const people = await ctx.tx
    .selectFrom('complained_person as cp')
    .innerJoin('staff_user as u', 'u.id', 'cp.user_id')
    .innerJoin('cases as c', 'c.id', 'cp.case_id')
    .leftJoin('staff_user as h', 'h.id', 'c.assignee_user_id')
    .select(['u.id', 'u.name', 'u.email', 'c.reference', 'c.handling_deadline', 'h.name as handler'])
    .where('cp.case_id', '=', caseId)
    .execute();
  for (const u of people) {
    await enqueueMessage(ctx, {
      caseId,
      template,
      recipientRole: 'complainedPerson',
      to: { address: u.email, name: u.name },
      vars: {
        recipientName: u.name,
        caseReference: u.reference,
        deadline: u.handling_deadline ? longDate(u.handling_deadline) : 'later',
        handlerName: u.handler ?? ctx.services.org.name,
        ...vars,
      },
      idempotencyKey: `${caseId}:${key}:${template}:${u.id}`,
    });
  }
}

/**
 * Refuses giving work on a case to someone it is about, or to the manager of someone it is about
 * (Awb 9:7; seed 003 "Een manager is niet onafhankelijk"). `field` names the request's field that
 * chose that colleague (a 400 there); null when the actor takes the work themselves: the request
 * holds no such field, the case's state refuses it (a 409 with the reason as its detail).
 */
export async function assertNotComplainedAbout(
  ctx: Pick<CommandContext, 'tx' | 'services'>,
  caseId: string | null,
  userId: string | null,
  field: string | null = 'userId',
) {
  if (!caseId || !userId) return;
  const hit = await ctx.tx
    .selectFrom('complained_person')
    .select('name')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const refuse = (reason: string, code: string) => (field === null ? conflict(reason) : invalid(field, reason, code));
  if (hit) throw refuse(`${hit.name} is beklaagde in deze melding en mag die niet behandelen (Awb 9:7).`, 'complainedAbout');
  const managed = await managesComplainedPerson(ctx, caseId, userId);
  if (managed) throw refuse(managerMessage(managed), 'managerOfComplainedAbout');
}

type ManagedPerson = { manager: string; person: string; unit: string };

/** Why this staff member may not sign for the case as the manager of a colleague it is about (Awb 9:7), or null. */
export async function managerSignerRefusal(ctx: Pick<CommandContext, 'tx' | 'services'>, caseId: string, userId: string) {
  const managed = await managesComplainedPerson(ctx, caseId, userId);
  return managed ? `${managerMessage(managed)} Zij of hij kan de brief dus ook niet ondertekenen.` : null;
}

const managerMessage = (m: ManagedPerson) =>
  `${m.manager} is leidinggevende van ${m.unit}, waar ${m.person} werkt. Over ${m.person} gaat deze klacht. Een leidinggevende is niet onafhankelijk en mag de klacht niet behandelen (Awb 9:7).`;

/**
 * Whether this staff member manages (in the organisation's configuration: `orgUnits[].manager`,
 * matched by e-mail) the org unit, or a unit above it, of a colleague the complaint is about. A
 * colleague's units: their own (staff_user.org_unit_id) and those of their teams.
 */
async function managesComplainedPerson(
  ctx: Pick<CommandContext, 'tx' | 'services'>,
  caseId: string,
  userId: string,
): Promise<ManagedPerson | null> {
  const units = ctx.services.org.orgUnits;
  if (!units.some((u) => u.manager)) return null;
  const me = await ctx.tx.selectFrom('staff_user').select(['name', 'email']).where('id', '=', userId).executeTakeFirst();
  if (!me) return null;
  const mine = new Set(units.filter((u) => u.manager?.email.toLowerCase() === me.email.toLowerCase()).map((u) => u.key));
  if (!mine.size) return null;
  const own = ctx.tx
    .selectFrom('complained_person as cp')
    .innerJoin('staff_user as u', 'u.id', 'cp.user_id')
    .innerJoin('org_unit as ou', 'ou.id', 'u.org_unit_id')
    .select(['cp.name', 'ou.key'])
    .where('cp.case_id', '=', caseId);
  const viaTeams = ctx.tx
    .selectFrom('complained_person as cp')
    .innerJoin('team_member as tm', 'tm.user_id', 'cp.user_id')
    .innerJoin('team as t', 't.id', 'tm.team_id')
    .innerJoin('org_unit as ou', 'ou.id', 't.org_unit_id')
    .select(['cp.name', 'ou.key'])
    .where('cp.case_id', '=', caseId);
  const colleagues = [...(await own.execute()), ...(await viaTeams.execute())];
  for (const c of colleagues) {
    // The colleague's unit and every unit above it (a head of department manages its teams too).
    const seen = new Set<string>();
    for (let key: string | undefined = c.key; key && !seen.has(key); key = units.find((u) => u.key === key)?.parent) {
      seen.add(key);
      if (mine.has(key)) return { manager: me.name, person: c.name, unit: units.find((u) => u.key === key)?.name ?? key };
    }
  }
  return null;
}
