import { TEMPLATES_NL, type MailTemplate, type TemplateKey } from './templates.nl.ts';

/**
 * Merges a template. An unknown or missing merge field is an error, never an empty gap in a letter
 * to a citizen. HTML is built from the text with every value escaped.
 */
export class TemplateError extends Error {}

const FIELD = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

export function fieldsOf(template: MailTemplate): string[] {
  return [...new Set([...`${template.subject}\n${template.text}`.matchAll(FIELD)].map((m) => m[1]!))];
}

function merge(text: string, vars: Record<string, string>, key: string): string {
  return text.replace(FIELD, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new TemplateError(`template ${key}: no value for merge field {{${name}}}`);
    return value;
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function toHtml(text: string): string {
  const linked = (line: string) => escapeHtml(line).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${p.split('\n').map(linked).join('<br>')}</p>`);
  return `<!doctype html><html lang="nl"><body style="font-family:sans-serif;font-size:16px;line-height:1.5">${paragraphs.join('\n')}</body></html>`;
}

export function renderTemplate(key: TemplateKey, vars: Record<string, string>, overrides: Partial<Record<string, MailTemplate>> = {}) {
  const template = overrides[key] ?? TEMPLATES_NL[key];
  const subject = merge(template.subject, vars, key).replace(/\s+/g, ' ').trim();
  const text = merge(template.text, vars, key);
  return { subject, text, html: toHtml(text) };
}
