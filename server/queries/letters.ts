import { sql } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import type { LetterSection } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';
import { loadMergeData } from '../letters/mergeData.ts';
import type { LetterReadability } from '../letters/readability.ts';
import { getTemplate } from '../letters/templates/index.ts';
import { letterApprovalProblems } from '../letters/regimeRules.ts';
import type { LetterProblem } from '../letters/validation.ts';
import { caseReadScope, caseScope } from './scope.ts';

/**
 * The read side of letters, always through the case's scope: a letter on a case the actor may not
 * see answers exactly like one that does not exist.
 */
export async function caseLetters(services: Services, actor: Actor, caseId: string) {
  const c = await services.db
    .selectFrom('cases')
    .select((eb) => [
      'id',
      'status',
      'closed_at',
      'process_key',
      'process_version',
      'facts',
      sql<boolean>`${caseScope(actor)(eb)}`.as('may_work'),
    ])
    .where('id', '=', caseId)
    .where(caseReadScope(actor))
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  const items = await services.db
    .selectFrom('letter')
    .innerJoin('letter_version as v', (j) => j.onRef('v.letter_id', '=', 'letter.id').onRef('v.version', '=', 'letter.current_version'))
    .selectAll('letter')
    .select(['v.readability'])
    .where('letter.case_id', '=', caseId)
    .orderBy('letter.created_at', 'desc')
    .execute();
  return { case: c, items };
}
export type LetterListRow = Awaited<ReturnType<typeof caseLetters>>['items'][number];

export async function letterDetail(services: Services, actor: Actor, letterId: string) {
  const letter = await services.db
    .selectFrom('letter')
    .innerJoin('cases', 'cases.id', 'letter.case_id')
    .selectAll('letter')
    .select([
      'cases.reference as case_reference',
      'cases.status as case_status',
      'cases.closed_at as case_closed_at',
      'cases.process_key',
      'cases.process_version',
      'cases.facts as case_facts',
    ])
    .select((eb) => sql<boolean>`${caseScope(actor)(eb as never)}`.as('may_work'))
    .where('letter.id', '=', letterId)
    .where(caseReadScope(actor))
    .executeTakeFirst();
  if (!letter) throw notFound('Deze brief');
  const versions = await services.db
    .selectFrom('letter_version')
    .select(['version', 'sections', 'author_id', 'author_name', 'created_at', 'readability'])
    .where('letter_id', '=', letterId)
    .orderBy('version', 'desc')
    .execute();
  const current = versions.find((v) => v.version === letter.current_version)!;
  const template = getTemplate(letter.template_key);
  // What would stop approval right now: shown in the editor, enforced again by approveLetter.
  const problems: LetterProblem[] =
    template && letter.status !== 'sent'
      ? await letterApprovalProblems(
          services.db,
          letter.kind,
          template,
          current.sections,
          await loadMergeData(services.db, services.org, letter.case_id),
        )
      : [];
  return {
    letter,
    versions: versions.map((v) => ({
      ...v,
      sections: v.sections as LetterSection[],
      readability: v.readability as unknown as LetterReadability,
    })),
    template,
    problems,
  };
}
export type LetterDetail = Awaited<ReturnType<typeof letterDetail>>;
