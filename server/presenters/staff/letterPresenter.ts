import { LETTER_KINDS } from '../../domain/process/vocabulary.ts';
import { z } from 'zod';
import type { ReadabilityReport } from '../../domain/readability/checkText.ts';
import type { LetterReadability } from '../../letters/readability.ts';
import type { LetterTemplate } from '../../letters/templates/types.ts';
import type { LetterAbilities } from '../../policies/letterPolicy.ts';
import type { LetterDetail, LetterListRow } from '../../queries/letters.ts';

/** Letters as the staff API shows them; schemas first, then the functions that produce exactly these. */
const when = z.iso.datetime();
const scores = z.object({ fleschDouma: z.number().nullable(), brouwer: z.number().nullable(), band: z.string().nullable() });
const span = { offset: z.number(), length: z.number() };
const longSentence = z.object({ index: z.number(), text: z.string(), words: z.number(), ...span });
const difficultWord = z.object({ word: z.string(), term: z.string(), suggestions: z.array(z.string()), ...span });
const passiveHint = z.object({ sentenceIndex: z.number(), auxiliary: z.string(), participle: z.string(), ...span });
const counts = z.object({
  sentences: z.number(),
  words: z.number(),
  syllables: z.number(),
  avgWordsPerSentence: z.number(),
  longSentenceShare: z.number(),
});

export const readabilityReportOut = z.object({
  scores,
  counts,
  threshold: z.number(),
  maxAverageSentenceWords: z.number().nullable(),
  belowThreshold: z.boolean(),
  longSentences: z.array(longSentence),
  difficultWords: z.array(difficultWord),
  passiveHints: z.array(passiveHint),
});
export const letterReadabilityOut = z.object({
  level: z.enum(['B1', 'A2']),
  scores,
  counts,
  threshold: z.number(),
  maxAverageSentenceWords: z.number().nullable(),
  belowThreshold: z.boolean(),
  sections: z.array(
    z.object({
      key: z.string(),
      excluded: z.boolean(),
      scores,
      avgWordsPerSentence: z.number(),
      belowLevel: z.boolean(),
      longSentences: z.array(longSentence),
      difficultWords: z.array(difficultWord),
      passiveHints: z.array(passiveHint),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), section: z.string().nullable(), message: z.string() })),
});
const bilingual = z.object({ nl: z.string(), en: z.string() });
const section = z.object({ key: z.string(), heading: z.string(), text: z.string() });
const status = z.enum(['draft', 'inReview', 'approved', 'sent']);
const kind = z.enum(LETTER_KINDS);

export const letterSummaryOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind,
  templateKey: z.string(),
  status,
  version: z.number().int(),
  textVersion: z.number().int(),
  signer: z.object({ id: z.uuid().nullable(), name: z.string().nullable(), title: z.string().nullable() }),
  documentId: z.uuid().nullable(),
  createdAt: when,
  updatedAt: when,
  sentAt: when.nullable(),
  fleschDouma: z.number().nullable(),
  warnings: z.number().int(),
});
export const letterAbilitiesOut = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  send: z.boolean(),
  submitStep: z.string().nullable(),
  sendStep: z.string().nullable(),
  heldBy: z.object({ at: bilingual, until: bilingual.nullable() }).nullable(),
});
export const letterDetailOut = letterSummaryOut.extend({
  caseReference: z.string(),
  abilities: letterAbilitiesOut,
  templateLabel: z.string(),
  sectionRules: z.array(z.object({ key: z.string(), heading: z.string(), mandatory: z.boolean(), legal: z.boolean() })),
  sections: z.array(section),
  problems: z.array(z.object({ section: z.string().nullable(), code: z.string(), reason: z.string() })),
  versions: z.array(
    z.object({
      version: z.number().int(),
      sections: z.array(section),
      author: z.object({ id: z.uuid().nullable(), name: z.string() }),
      createdAt: when,
      readability: letterReadabilityOut,
    }),
  ),
});
export const templateOut = z.object({
  key: z.string(),
  kind,
  label: z.string(),
  sections: z.array(z.object({ key: z.string(), heading: z.string(), mandatory: z.boolean(), legal: z.boolean() })),
});

type LetterRow = Omit<LetterListRow, 'readability'>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(l: LetterRow, readability: LetterReadability | undefined) {
  return {
    id: l.id,
    caseId: l.case_id,
    kind: l.kind,
    templateKey: l.template_key,
    status: l.status,
    version: l.version,
    textVersion: l.current_version,
    signer: { id: l.signer_user_id, name: l.signer_name, title: l.signer_title },
    documentId: l.document_id,
    createdAt: l.created_at.toISOString(),
    updatedAt: l.updated_at.toISOString(),
    sentAt: iso(l.sent_at),
    fleschDouma: readability?.scores.fleschDouma ?? null,
    warnings: readability?.warnings.length ?? 0,
  };
}

export const presentLetterSummary = (row: LetterListRow) => summary(row, row.readability as unknown as LetterReadability);

export const presentTemplate = (t: LetterTemplate) => ({ key: t.key, kind: t.kind, label: t.label, sections: sectionRules(t) });
const sectionRules = (t: LetterTemplate | undefined) =>
  (t?.sections ?? []).map((s) => ({ key: s.key, heading: s.heading, mandatory: !!s.mandatory, legal: !!s.legal }));

export function presentLetterDetail(d: LetterDetail, abilities: LetterAbilities) {
  const current = d.versions.find((v) => v.version === d.letter.current_version)!;
  return {
    ...summary(d.letter, current.readability),
    caseReference: d.letter.case_reference,
    abilities,
    templateLabel: d.template?.label ?? d.letter.template_key,
    sectionRules: sectionRules(d.template),
    sections: current.sections,
    problems: d.problems,
    versions: d.versions.map((v) => ({
      version: v.version,
      sections: v.sections,
      author: { id: v.author_id, name: v.author_name },
      createdAt: v.created_at.toISOString(),
      readability: v.readability,
    })),
  };
}

export const presentReadability = (r: ReadabilityReport) => ({
  scores: r.scores,
  counts: r.counts,
  threshold: r.threshold,
  maxAverageSentenceWords: r.maxAverageSentenceWords,
  belowThreshold: r.belowThreshold,
  longSentences: r.longSentences,
  difficultWords: r.difficultWords,
  passiveHints: r.passiveHints,
});
