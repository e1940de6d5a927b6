import type { LetterSection } from '../../db/schema.ts';
import { decisionAwb, decisionAwbCommittee, decisionCare, decisionHousing } from './decision.ts';
import { extension, notHandlingAwb, notHandlingGeneral, referral, standard } from './other.ts';
import { LETTER_KINDS, type LetterKind, type LetterTemplate, type MergeData } from './types.ts';

/**
 * The template catalogue. An organisation picks a template per process and kind in its
 * configuration (`letters.templates`); otherwise the case's regime decides (awb → the Awb texts,
 * awbCommittee → the same with the committee's advice, wkkgz → care, reglement → housing). Whatever
 * the template, approval checks what the case's regime requires (letters/regimeRules.ts).
 */
export { LETTER_KINDS, type LetterKind, type LetterTemplate, type MergeData } from './types.ts';

const ALL = [
  decisionAwb,
  decisionAwbCommittee,
  decisionCare,
  decisionHousing,
  notHandlingAwb,
  notHandlingGeneral,
  referral,
  extension,
  standard,
] as const;
export const LETTER_TEMPLATE_KEYS = ALL.map((t) => t.key) as [string, ...string[]];
const BY_KEY = new Map<string, LetterTemplate>(ALL.map((t) => [t.key, t]));

export const letterTemplates = (): readonly LetterTemplate[] => ALL;

export function getTemplate(key: string): LetterTemplate | undefined {
  return BY_KEY.get(key);
}

type Family = 'awb' | 'awbCommittee' | 'care' | 'housing';
const familyOf = (regime: string): Family =>
  regime === 'wkkgz' ? 'care' : regime === 'reglement' ? 'housing' : regime === 'awbCommittee' ? 'awbCommittee' : 'awb';

const DEFAULTS: Record<LetterKind, Record<Family, string>> = {
  decision: { awb: 'decision.awb', awbCommittee: 'decision.awbCommittee', care: 'decision.care', housing: 'decision.housing' },
  notHandling: { awb: 'notHandling.awb', awbCommittee: 'notHandling.awb', care: 'notHandling.general', housing: 'notHandling.general' },
  referral: { awb: 'referral', awbCommittee: 'referral', care: 'referral', housing: 'referral' },
  extension: { awb: 'extension', awbCommittee: 'extension', care: 'extension', housing: 'extension' },
  standard: { awb: 'standard', awbCommittee: 'standard', care: 'standard', housing: 'standard' },
};

/** The template for a kind of letter on a case: the configured one for the process, else the regime's. */
export function templateFor(
  configured: Record<string, Partial<Record<LetterKind, string>>>,
  processKey: string,
  regime: string,
  kind: LetterKind,
): LetterTemplate {
  const key = configured[processKey]?.[kind] ?? DEFAULTS[kind][familyOf(regime)];
  const t = BY_KEY.get(key);
  if (!t || t.kind !== kind) throw new Error(`letters.templates: "${key}" is not a ${kind} letter`);
  return t;
}

/** Version 1 of a letter: every section drafted from the case. */
export function draftSections(template: LetterTemplate, m: MergeData): LetterSection[] {
  return template.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.draft(m).trim() }));
}

export const isLetterKind = (v: string): v is LetterKind => (LETTER_KINDS as readonly string[]).includes(v);
