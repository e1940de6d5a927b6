/**
 * A tiny HTML template helper: every interpolated value is escaped unless it is already `Html`
 * (the result of another `html` template). There is deliberately no "raw" escape hatch, so text
 * from a citizen, a staff member or the organisation's configuration can never become markup.
 */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

export type Child = Html | string | number | null | undefined | false | readonly Child[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export const escapeHtml = (s: string) => s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);

function render(v: Child): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Child[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Attribute value list (e.g. aria-describedby) without empty entries. */
export const ids = (...parts: unknown[]) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
