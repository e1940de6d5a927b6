import type { CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import { AppError, invalid } from '../domain/errors.ts';
import { ROLE_LABELS, isRole, type Role } from '../domain/roles.ts';
import {
  assertCaseOpen,
  assertNotHeld,
  assertStatus,
  bumpLetter,
  currentSections,
  loadLetter,
  requireApprover,
  templateOf,
} from './letterStore.ts';
import { loadMergeData } from './mergeData.ts';
import { responsibleHandler } from '../commands/responsibleHandler.ts';
import { managerSignerRefusal } from '../commands/complainedPersons.ts';
import { letterApprovalProblems } from './regimeRules.ts';

/**
 * The coordinator approves the letter (seed 000 §4.3 "Controleren en versturen brief"). Approval is
 * refused while a mandatory section is empty or still has a placeholder, while legally required
 * wording is missing, when any section offers bezwaar or beroep (Awb 9:3), or when the case's regime
 * asks for what the letter lacks (the body named next; an advisory committee's advice: regimeRules.ts), or
 * while the case is at a status that holds it for a review step (seed 001's B1 check). Readability never
 * blocks. The signer is fixed here: the person the complainant spoke to (seed 003), by default the
 * case's handler, or any active staff member the coordinator names; their name is frozen so the
 * printed letter does not change if the person later leaves.
 */
export type ApproveLetterInput = { letterId: string; expectedVersion: number; signerUserId?: string };

// Which role to print under the name when someone holds several: the one closest to the case.
const TITLE_ORDER: Role[] = [
  'coordinator',
  'qualityOfficer',
  'backOffice',
  'teamLead',
  'department',
  'firstLineAgent',
  'processOwner',
  'serviceManager',
  'dispatcher',
];

export function signerTitle(roles: readonly string[]): string | null {
  const role = TITLE_ORDER.find((r) => roles.includes(r)) ?? roles.find(isRole);
  return role && isRole(role) && role !== 'administrator' ? ROLE_LABELS[role].nl : null;
}

export async function approveLetter(ctx: CommandContext, input: ApproveLetterInput) {
  requireApprover(ctx);
  const letter = await loadLetter(ctx, input.letterId);
  assertCaseOpen(letter);
  assertStatus(letter, ['draft', 'inReview'], 'goedkeuren');
  assertNotHeld(ctx, letter, 'Goedkeuren');
  const template = templateOf(letter);
  const merge = await loadMergeData(ctx.tx, ctx.services.org, letter.case_id);
  // The case's regime decides what the letter must hold, whatever template it was drafted from.
  const problems = await letterApprovalProblems(ctx.tx, letter.kind, template, await currentSections(ctx, letter), merge);
  if (problems.length) {
    throw new AppError(
      'invalid',
      'De brief kan nog niet worden goedgekeurd.',
      problems.map((p) => ({ name: p.field ?? (p.section ? `sections.${p.section}` : 'sections'), code: p.code, reason: p.reason })),
    );
  }

  const signerId =
    input.signerUserId ??
    letter.signer_user_id ??
    (await responsibleHandler(ctx.tx, ctx.services.org, letter.case_id, ctx.actor))?.id ??
    (ctx.actor.kind === 'staff' ? ctx.actor.id : null);
  if (!signerId) throw invalid('signerUserId', 'Kies wie de brief ondertekent.');
  const signer = await ctx.tx
    .selectFrom('staff_user')
    .select(['id', 'name', 'roles', 'job_title'])
    .where('id', '=', signerId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!signer) throw invalid('signerUserId', 'Deze medewerker bestaat niet of is niet actief.');
  const complainedAbout = await ctx.tx
    .selectFrom('complained_person')
    .select('id')
    .where('case_id', '=', letter.case_id)
    .where('user_id', '=', signer.id)
    .executeTakeFirst();
  if (complainedAbout)
    throw invalid(
      'signerUserId',
      'Over deze medewerker wordt in deze melding geklaagd; zij of hij kan de brief niet ondertekenen (Awb 9:7).',
    );
  // Nor the manager of a colleague the complaint is about (seed 003 "Een manager is niet onafhankelijk").
  const managerRefusal = await managerSignerRefusal(ctx, letter.case_id, signer.id);
  if (managerRefusal) throw invalid('signerUserId', managerRefusal, 'managerOfComplainedAbout');

  // The job title the complainant knows the signer by (seed 003), else the role's name.
  const title = signer.job_title?.trim() || signerTitle(signer.roles);
  const row = await bumpLetter(ctx, letter, input.expectedVersion, {
    status: 'approved',
    signer_user_id: signer.id,
    signer_name: signer.name,
    signer_title: title,
  });
  await recordEvent(ctx, {
    type: 'letterApproved',
    caseId: letter.case_id,
    before: { letterId: letter.id, status: letter.status },
    after: { letterId: letter.id, status: 'approved', signerUserId: signer.id },
    data: { textVersion: letter.current_version, signerName: signer.name },
  });
  return { version: row.version, signer: { id: signer.id, name: signer.name, title } };
}
