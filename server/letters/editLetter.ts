import type { CommandContext } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import type { LetterSection } from '../db/schema.ts';
import { invalid } from '../domain/errors.ts';
import { assertCaseOpen, assertStatus, bumpLetter, currentSections, insertVersion, loadLetter, templateOf } from './letterStore.ts';
import { getStandardResponse } from './standardResponses.ts';
import { PLACEHOLDER } from './templates/types.ts';

/**
 * Every edit is a new version; no version is ever changed, so the reviewer can compare what the back
 * office wrote with what went out. Editing an approved letter takes it back to review: the approval
 * covered the old text, not the new one. Standard responses are inserted here, from the approved
 * list, so their text cannot be altered on the way in.
 */
export type EditLetterInput = {
  letterId: string;
  expectedVersion: number;
  sections?: Array<{ key: string; text: string; heading?: string }>;
  /** Appends an approved standard text to a section (replacing a lone `[Vul in …]` placeholder). */
  insertStandardResponses?: Array<{ section: string; responseKey: string }>;
};

export async function editLetter(ctx: CommandContext, input: EditLetterInput) {
  const letter = await loadLetter(ctx, input.letterId);
  assertCaseOpen(letter);
  assertStatus(letter, ['draft', 'inReview', 'approved'], 'wijzigen');
  const previous = await currentSections(ctx, letter);
  const next: LetterSection[] = previous.map((s) => ({ ...s }));
  const find = (key: string, field: string) => {
    const s = next.find((x) => x.key === key);
    if (!s) throw invalid(field, `De brief heeft geen onderdeel "${key}".`);
    return s;
  };
  for (const [i, change] of (input.sections ?? []).entries()) {
    const s = find(change.key, `sections.${i}.key`);
    s.text = change.text.replace(/\r\n/g, '\n').trim();
    if (change.heading !== undefined && change.heading.trim()) s.heading = change.heading.trim();
  }
  for (const [i, ins] of (input.insertStandardResponses ?? []).entries()) {
    const s = find(ins.section, `insertStandardResponses.${i}.section`);
    const response = getStandardResponse(ctx.services.org, ins.responseKey);
    if (!response) throw invalid(`insertStandardResponses.${i}.responseKey`, `Er is geen standaardantwoord "${ins.responseKey}".`);
    const rest = s.text.replace(PLACEHOLDER, '').trim();
    s.text = rest ? `${rest}\n\n${response.text}` : response.text;
  }
  const changed = next.filter((s, i) => s.text !== previous[i]!.text || s.heading !== previous[i]!.heading).map((s) => s.key);
  if (changed.length === 0) return { version: letter.version, textVersion: letter.current_version, changed };

  const status = letter.status === 'approved' ? 'inReview' : letter.status;
  const row = await bumpLetter(ctx, letter, input.expectedVersion, { newText: true, status });
  const readability = await insertVersion(ctx, letter.id, row.current_version, next, templateOf(letter));
  await recordEvent(ctx, {
    type: 'letterEdited',
    caseId: letter.case_id,
    before: { letterId: letter.id, status: letter.status, textVersion: letter.current_version },
    after: { letterId: letter.id, status, textVersion: row.current_version },
    data: { sections: changed, fleschDouma: readability.scores.fleschDouma, warnings: readability.warnings.length },
  });
  return { version: row.version, textVersion: row.current_version, changed };
}
