import type { FactKey } from '../../domain/process/vocabulary.ts';
import type { ExternalBody } from '../letterConfig.ts';

/**
 * The shape of a letter template. A template is code, not free text: its sections are drafted from
 * the case (merge data) and then edited by people. What the law requires of a letter is declared on
 * its sections (mandatory, wording that must stay, a check), so approval can enforce it.
 */
/** The kinds of letter are the engine's vocabulary (one list, in domain/process/vocabulary.ts). */
import type { LetterKind } from '../../domain/process/vocabulary.ts';
export { LETTER_KINDS } from '../../domain/process/vocabulary.ts';
export type { LetterKind };

/** What a template may use from the case; built in mergeData.ts. Dates are already written out in Dutch. */
export type MergeData = {
  regime: string;
  caseReference: string;
  caseSubject: string;
  receivedDate: string;
  /** The recipient: the representative when there is one, otherwise the complainant. */
  recipient: { name: string; addressLines: string[] };
  complainantName: string;
  handlerName: string | null;
  organisationName: string;
  organisationPhone: string | null;
  /** The handling deadline, after any extension. */
  deadline: string | null;
  /** The case's standard facts (judgment, judgmentReasons, notHandlingReason, externalBody, remedy …). */
  facts: Partial<Record<FactKey, unknown>>;
  extensionReason: string | null;
  bodies: { ombudsman: ExternalBody; disputesBody: ExternalBody | null; rentTribunal: ExternalBody };
};

export type SectionTemplate = {
  key: string;
  heading: string;
  /** The first draft. A `[Vul in: …]` placeholder marks what the writer must complete before approval. */
  draft: (m: MergeData) => string;
  /** Must not be empty when the letter is approved (Awb 9:12: findings, judgment, conclusions). */
  mandatory?: boolean;
  /** Legally required wording (the route to the ombudsman …): kept out of plain-language warnings. */
  legal?: boolean;
  /** Each inner list is one requirement: the text must contain one of its phrases (case-insensitive). */
  mustContain?: (m: MergeData) => string[][];
  /** A check on the text at approval, with the reason shown when it fails. */
  check?: { pattern: RegExp; reason: string };
};

export type LetterTemplate = {
  key: string;
  kind: LetterKind;
  label: string;
  /** The subject line (also the PDF's title). */
  subject: (m: MergeData) => string;
  sections: SectionTemplate[];
};

export const PLACEHOLDER = /\[Vul in[^\]]*\]/i;
export const fillIn = (what: string) => `[Vul in: ${what}]`;

/** "de Nationale ombudsman": names are configured without an article. */
export const theBody = (b: ExternalBody) => (/^(de|het)\s/i.test(b.name) ? b.name : `de ${b.name}`);

export function bodyContact(b: ExternalBody): string {
  const lines = [...b.addressLines];
  if (b.website) lines.push(`Website: ${b.website}`);
  if (b.phone) lines.push(`Telefoon: ${b.phone}`);
  return lines.join('\n');
}

export const withLines = (...parts: Array<string | null | undefined | false>) =>
  parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
