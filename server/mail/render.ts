import { TEMPLATES_EN } from './templates.en.ts';
import { MERGE_FIELDS, TEMPLATES_NL, type MailTemplate, type TemplateKey } from './templates.nl.ts';

export type MailLanguage = 'nl' | 'en';

/**
 * Merges a template. An unknown merge field, a field without a value, or a malformed one ("{{naam}"
 * or "{{ klant naam }}") is an error, never a gap or stray braces in a letter to a citizen. Values
 * are inserted once and never merged again, so a complainant's text containing "{{…}}" stays text.
 * HTML is built from the merged text with every character escaped; only http(s) links become <a>.
 */
export class TemplateError extends Error {}

const FIELD = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;
const isKnown = (name: string): boolean => Object.hasOwn(MERGE_FIELDS, name);

export function fieldsOf(template: MailTemplate): string[] {
  return [...new Set([...`${template.subject}\n${template.text}`.matchAll(FIELD)].map((m) => m[1]!))];
}

/** What is wrong with a template (unknown fields, malformed braces), for tests and configuration checks. */
export function templateProblems(template: MailTemplate): string[] {
  const problems = fieldsOf(template)
    .filter((f) => !isKnown(f))
    .map((f) => `unknown merge field {{${f}}}`);
  for (const part of [template.subject, template.text]) {
    if (/\{\{|\}\}/.test(part.replace(FIELD, ''))) problems.push(`malformed merge field in "${part.slice(0, 60)}"`);
  }
  if (!template.subject.trim() || !template.text.trim()) problems.push('empty subject or text');
  return problems;
}

function merge(text: string, vars: Readonly<Record<string, string>>, key: string): string {
  return text.replace(FIELD, (_, name: string) => {
    if (!isKnown(name)) throw new TemplateError(`template ${key}: unknown merge field {{${name}}}`);
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (typeof value !== 'string') throw new TemplateError(`template ${key}: no value for merge field {{${name}}}`);
    return value;
  });
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// A link ends before whitespace, quotes and angle brackets, and without the sentence's final punctuation.
const LINK = /https?:\/\/[^\s<>"']+?(?=[.,;:!?)]*(?:\s|$|["'<>]))/g;

function toHtml(text: string, language: MailLanguage): string {
  const line = (raw: string) => {
    let out = '';
    let last = 0;
    for (const m of raw.matchAll(LINK)) {
      out += escapeHtml(raw.slice(last, m.index)) + `<a href="${escapeHtml(m[0])}">${escapeHtml(m[0])}</a>`;
      last = m.index + m[0].length;
    }
    return out + escapeHtml(raw.slice(last));
  };
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${p.split('\n').map(line).join('<br>\n')}</p>`);
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;font-size:16px;line-height:1.5">\n${paragraphs.join('\n')}\n</body></html>`;
}

export type RenderedMail = { subject: string; text: string; html: string };

export function renderTemplate(
  key: TemplateKey,
  vars: Readonly<Record<string, string>>,
  overrides: Partial<Record<string, MailTemplate>> = {},
  language: MailLanguage = 'nl',
): RenderedMail {
  // English where the set has the template (citizen mail); staff mail is Dutch in any case.
  const localised = language === 'en' ? (TEMPLATES_EN as Partial<Record<TemplateKey, MailTemplate>>)[key] : undefined;
  const template = overrides[key] ?? localised ?? TEMPLATES_NL[key];
  if (!template) throw new TemplateError(`unknown template ${key}`);
  const problems = templateProblems(template);
  if (problems.length) throw new TemplateError(`template ${key}: ${problems.join('; ')}`);
  // A subject is one header line: line breaks from a value must not start a new header.
  const subject = merge(template.subject, vars, key).replace(/\s+/g, ' ').trim();
  const text = merge(template.text, vars, key).replace(/\r\n?/g, '\n');
  return { subject, text, html: toHtml(text, overrides[key] || localised ? language : 'nl') };
}
