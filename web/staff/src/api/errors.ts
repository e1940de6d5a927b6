import { englishWords } from '../i18n/i18n.tsx';
import { ApiError } from './client.ts';

/**
 * Server field errors by field key: "body.complainant.name" → "complainant.name",
 * "inputs.classification" stays. A form looks its fields up here; the rest goes to the summary.
 */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(err: unknown): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const p of err.invalidParams) {
    const key = p.name.replace(/^(body|query|params)\./, '');
    out[key] ??= plainReason(p);
  }
  return out;
}

/**
 * The server words bad input in Dutch for the user (server/routes/plainIssues.ts) and names its kind
 * in `code`; in English the same message comes from the dictionary. A message of the app's own
 * (a rule of the process or the law) stays as the server wrote it.
 */
function plainReason(p: { code?: string; reason: string; limit?: number }): string {
  if (typeof document === 'undefined' || document.documentElement.lang !== 'en') return p.reason;
  const key = `validation.${p.code}`;
  const text = (englishWords() as Record<string, string> | null)?.[key];
  return text ? text.replace('{n}', String(p.limit ?? '')) : p.reason;
}

/** The message for everything that is not a field error: problem detail, or a network message. */
export function generalMessage(err: unknown, t: (k: 'app.networkError' | 'app.conflict') => string): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('app.networkError');
    return err.detail || err.title;
  }
  return String((err as Error)?.message ?? err);
}

export const isConflict = (err: unknown) => err instanceof ApiError && err.status === 409;
