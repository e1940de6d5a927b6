/**
 * Zod's issues in the words of the people who fill in the form, not the schema's ("Te kort: verwacht
 * dat string >=1 tekens heeft" becomes "Vul dit veld in."). `code` names the kind of problem for the
 * staff app, which shows the same message in English (web/staff/src/api/errors.ts); `limit` carries
 * the number a message mentions. Messages the app wrote itself (refinements) pass unchanged.
 */
import { z } from 'zod';

export type PlainIssue = { code: string; reason: string; limit?: number };

const standard = z.locales.nl().localeError;
/** A message the schema's author wrote ("Een postcode is 4 cijfers en 2 letters.") differs from zod's own for that issue. */
function authored(v: ZodIssueLike): boolean {
  if (!v.message) return false;
  try {
    const d = standard({ code: v.keyword, ...v.params } as never) as string | { message: string } | undefined;
    const text = typeof d === 'string' ? d : d?.message;
    return text !== undefined && text !== v.message;
  } catch {
    return false;
  }
}

type ZodIssueLike = { keyword: string; message?: string; params?: Record<string, unknown> };

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined);

/** `missing`: the request has no value at the issue's place (the caller looks, zod does not say for a choice). */
export function plainIssue(v: ZodIssueLike, missing = false): PlainIssue {
  const p = v.params ?? {};
  if (v.keyword === 'custom' || authored(v)) return { code: 'custom', reason: v.message ?? 'Deze waarde klopt niet.' };
  if (missing && v.keyword !== 'custom' && v.keyword !== 'unrecognized_keys') return { code: 'required', reason: 'Vul dit veld in.' };
  const origin = String(p.origin ?? '');
  switch (v.keyword) {
    case 'too_small': {
      const n = num(p.minimum);
      if (origin === 'string' && (n === undefined || n <= 1)) return { code: 'required', reason: 'Vul dit veld in.' };
      if (origin === 'string') return { code: 'tooShort', reason: `Vul minstens ${n} tekens in.`, limit: n };
      if (origin === 'array' || origin === 'set')
        return n !== undefined && n > 1
          ? { code: 'tooFew', reason: `Kies er minstens ${n}.`, limit: n }
          : { code: 'chooseOne', reason: 'Kies er minstens één.' };
      if (origin === 'date') return { code: 'dateTooEarly', reason: 'Deze datum is te vroeg.' };
      return { code: 'numberTooSmall', reason: `Vul een getal in van minstens ${n}.`, limit: n };
    }
    case 'too_big': {
      const n = num(p.maximum);
      if (origin === 'string') return { code: 'tooLong', reason: `Dit is te lang: gebruik hoogstens ${n} tekens.`, limit: n };
      if (origin === 'array' || origin === 'set') return { code: 'tooMany', reason: `Kies er hoogstens ${n}.`, limit: n };
      if (origin === 'file') return { code: 'fileTooBig', reason: 'Dit bestand is te groot.' };
      if (origin === 'date') return { code: 'dateTooLate', reason: 'Deze datum is te laat.' };
      return { code: 'numberTooBig', reason: `Vul een getal in van hoogstens ${n}.`, limit: n };
    }
    case 'invalid_type': {
      // Zod does not pass the input on; its message ends in what it received.
      if (/\b(undefined|null)\b\s*$/.test(v.message ?? '')) return { code: 'required', reason: 'Vul dit veld in.' };
      if (p.expected === 'number' || p.expected === 'int') return { code: 'number', reason: 'Vul een getal in.' };
      if (p.expected === 'boolean') return { code: 'yesNo', reason: 'Kies ja of nee.' };
      if (p.expected === 'array') return { code: 'choice', reason: 'Kies uit de lijst.' };
      return { code: 'invalid', reason: 'Deze waarde klopt niet. Controleer wat u heeft ingevuld.' };
    }
    case 'invalid_format': {
      const format = String(p.format ?? '');
      if (format === 'email') return { code: 'email', reason: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.' };
      if (format === 'uuid' || format === 'guid') return { code: 'choice', reason: 'Kies uit de lijst.' };
      if (format === 'date' || format === 'datetime') return { code: 'date', reason: 'Vul een geldige datum in.' };
      if (format === 'url') return { code: 'url', reason: 'Vul een geldig webadres in, bijvoorbeeld https://voorbeeld.nl.' };
      return { code: 'format', reason: 'Dit heeft niet de goede vorm. Controleer wat u heeft ingevuld.' };
    }
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'choice', reason: 'Kies een van de mogelijkheden.' };
    case 'unrecognized_keys':
      return { code: 'unknownField', reason: 'Dit veld hoort hier niet bij.' };
    case 'not_multiple_of':
      return { code: 'number', reason: 'Vul een heel getal in.' };
    case 'custom':
      return { code: 'custom', reason: v.message ?? 'Deze waarde klopt niet.' };
    default:
      return { code: 'invalid', reason: 'Deze waarde klopt niet. Controleer wat u heeft ingevuld.' };
  }
}
