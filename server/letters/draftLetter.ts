import { type Facts, letterKindsFor } from '../domain/process/roles.ts';
import { actorId, type CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { caseScope } from '../queries/scope.ts';
import { responsibleHandler } from '../commands/responsibleHandler.ts';
import { insertVersion, LETTERS_AFTER_CLOSING } from './letterStore.ts';
import { loadMergeData } from './mergeData.ts';
import { draftSections, getTemplate, templateFor, type LetterKind } from './templates/index.ts';

/**
 * Back office or coordinator starts a letter on a case: version 1 is the template drafted from the
 * case (merge fields filled, `[Vul in …]` where a person must write). The signer defaults to the
 * one who answers for the complaint (commands/responsibleHandler.ts: the case's handler when they
 * may sign, as the person the complainant spoke to in seed 003); approval may change it.
 */
export type DraftLetterInput = { caseId: string; kind: LetterKind; templateKey?: string };

export async function draftLetter(ctx: CommandContext, input: DraftLetterInput) {
  const c = await ctx.tx
    .selectFrom('cases')
    .select(['id', 'process_key', 'process_version', 'regime', 'closed_at', 'assignee_user_id', 'facts'])
    .where('id', '=', input.caseId)
    .where(caseScope(ctx.actor))
    .executeTakeFirst();
  if (!c) throw notFound('Deze melding');
  if (c.closed_at && !LETTERS_AFTER_CLOSING.includes(input.kind))
    throw conflict('De melding is gesloten; u kunt er geen brief meer bij maken.');
  // The process decides which letters fit the case's facts: a signal gets no decision letter.
  const def = ctx.services.processes.forCase(c);
  if (def && !letterKindsFor(def, c.facts as Facts).includes(input.kind))
    throw invalid('kind', 'Dit soort brief past niet bij deze melding (zie de classificatie).');
  const template = input.templateKey
    ? getTemplate(input.templateKey)
    : templateFor(ctx.services.org.letters.templates, c.process_key, c.regime, input.kind);
  if (!template || template.kind !== input.kind)
    throw invalid('templateKey', `Er is geen sjabloon "${input.templateKey}" voor dit soort brief.`);

  const merge = await loadMergeData(ctx.tx, ctx.services.org, c.id);
  const sections = draftSections(template, merge);
  const letter = await ctx.tx
    .insertInto('letter')
    .values({
      case_id: c.id,
      kind: template.kind,
      template_key: template.key,
      status: 'draft',
      signer_user_id: (await responsibleHandler(ctx.tx, ctx.services.org, c.id))?.id ?? null,
      signer_name: null,
      signer_title: null,
      document_id: null,
      created_by: actorId(ctx.actor),
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const readability = await insertVersion(ctx, letter.id, 1, sections, template);
  await ctx.tx.updateTable('cases').set({ updated_at: ctx.now }).where('id', '=', c.id).execute();
  await recordEvent(ctx, {
    type: 'letterDrafted',
    caseId: c.id,
    after: { letterId: letter.id, kind: template.kind, templateKey: template.key, status: 'draft' },
    data: { version: 1, fleschDouma: readability.scores.fleschDouma },
  });
  return { id: letter.id, version: letter.version };
}
