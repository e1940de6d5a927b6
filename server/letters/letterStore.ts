import { sql } from 'kysely';
import type { CommandContext } from '../commands/context.ts';
import { actorId } from '../commands/context.ts';
import type { LetterKind, LetterSection, LetterStatus } from '../db/schema.ts';
import { letterHold } from '../domain/process/roles.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import { conflict, forbidden, notFound } from '../domain/errors.ts';
import { caseScope } from '../queries/scope.ts';
import { letterReadability } from './readability.ts';
import { getTemplate } from './templates/index.ts';
import type { LetterTemplate } from './templates/types.ts';

/**
 * The letter commands' shared steps: load a letter through its case's scope (a letter on a case you
 * may not see does not exist for you), compare-and-set on its version, and append a version.
 */
export const STALE = 'De brief is intussen gewijzigd. Vernieuw de pagina en probeer opnieuw.';

export async function loadLetter(ctx: CommandContext, letterId: string) {
  const row = await ctx.tx
    .selectFrom('letter')
    .innerJoin('cases', 'cases.id', 'letter.case_id')
    .selectAll('letter')
    .select([
      'cases.closed_at as case_closed_at',
      'cases.status as case_status',
      'cases.process_key',
      'cases.process_version',
      'cases.regime',
    ])
    .where('letter.id', '=', letterId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!row) throw notFound('Deze brief');
  return row;
}
export type LoadedLetter = Awaited<ReturnType<typeof loadLetter>>;

export function templateOf(letter: { template_key: string }): LetterTemplate {
  const t = getTemplate(letter.template_key);
  if (!t) throw new Error(`letter template ${letter.template_key} no longer exists`);
  return t;
}

export async function currentSections(ctx: CommandContext, letter: { id: string; current_version: number }): Promise<LetterSection[]> {
  const v = await ctx.tx
    .selectFrom('letter_version')
    .select('sections')
    .where('letter_id', '=', letter.id)
    .where('version', '=', letter.current_version)
    .executeTakeFirstOrThrow();
  return v.sections;
}

export function assertStatus(letter: { status: LetterStatus }, allowed: LetterStatus[], action: string) {
  if (!allowed.includes(letter.status)) throw conflict(`Een brief met de status "${STATUS_NL[letter.status]}" kunt u niet ${action}.`);
}
export const STATUS_NL: Record<LetterStatus, string> = {
  draft: 'concept',
  inReview: 'ter controle',
  approved: 'goedgekeurd',
  sent: 'verstuurd',
};

/**
 * A status that holds the letter for a review step (role `holdsLetters`; seed 001: the B1 team
 * approves the response first) refuses approving and sending it, naming that step in the
 * definition's words; 409 like any state of the letter that does not allow the action.
 */
export function assertNotHeld(
  ctx: CommandContext,
  letter: { case_status: string; process_key: string; process_version: number; kind: LetterKind },
  action: 'Goedkeuren' | 'Versturen',
) {
  const hold = letterHold(ctx.services.processes.forCase(letter), letter.case_status, letter.kind);
  if (!hold) return;
  const when = hold.until ? `in de stap "${hold.until.nl}"` : 'daarna';
  throw conflict(`De melding is in de stap "${hold.at.nl}": de brief wacht nog op controle. ${action} kan pas ${when}.`);
}

/** Compare-and-set: moves the lock version on, or throws 409 when someone else changed the letter first. */
export async function bumpLetter(
  ctx: CommandContext,
  letter: { id: string; version: number },
  expectedVersion: number,
  set: {
    status?: LetterStatus;
    newText?: boolean;
    signer_user_id?: string | null;
    signer_name?: string | null;
    signer_title?: string | null;
    document_id?: string;
    sent_at?: Date;
  },
) {
  if (expectedVersion !== letter.version) throw conflict(STALE);
  const { newText, ...columns } = set;
  const row = await ctx.tx
    .updateTable('letter')
    .set({ ...columns, updated_at: ctx.now, version: sql`version + 1`, ...(newText ? { current_version: sql`current_version + 1` } : {}) })
    .where('id', '=', letter.id)
    .where('version', '=', expectedVersion)
    .returning(['version', 'current_version', 'status'])
    .executeTakeFirst();
  if (!row) throw conflict(STALE);
  return row;
}

export async function insertVersion(
  ctx: CommandContext,
  letterId: string,
  version: number,
  sections: LetterSection[],
  template: LetterTemplate,
) {
  const readability = letterReadability(sections, template, ctx.services.org);
  await ctx.tx
    .insertInto('letter_version')
    .values({
      letter_id: letterId,
      version,
      sections: JSON.stringify(sections),
      author_id: actorId(ctx.actor),
      author_name: ctx.actor.name,
      created_at: ctx.now,
      readability: JSON.stringify(readability),
    })
    .execute();
  return readability;
}

/** Seed 000 §4.3: the coordinator checks, approves and sends; configurable as `letters.approverRoles`. */
export function requireApprover(ctx: CommandContext) {
  const roles = ctx.services.org.letters.approverRoles;
  if (ctx.actor.kind === 'staff' && ctx.actor.roles.some((r) => roles.includes(r))) return;
  throw forbidden(`Alleen een ${roles.map((r) => ROLE_LABELS[r].nl.toLowerCase()).join(' of ')} mag een brief goedkeuren of versturen.`);
}

/**
 * Letters on a closed case are refused, except the ones that follow a closing step: not handling
 * (Awb 9:8 lid 3: the written notice may come after the decision, within 4 weeks of receipt) and
 * referral to an external body.
 */
export const LETTERS_AFTER_CLOSING: readonly string[] = ['notHandling', 'referral'];
export function assertCaseOpen(letter: { case_closed_at: Date | null; kind: string }) {
  if (letter.case_closed_at && !LETTERS_AFTER_CLOSING.includes(letter.kind))
    throw conflict('De melding is gesloten; de brief kan niet meer veranderen.');
}
