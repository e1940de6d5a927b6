import { z } from 'zod';
import { AppError, type InvalidParam } from '../errors.ts';
import type { DataField } from './definition.ts';

/**
 * Builds the validator for a set of data fields (a case type's fields, or a transition's inputs), so
 * the values a user enters are checked against the process definition itself.
 */
function fieldValidator(f: DataField): z.ZodType {
  switch (f.type) {
    case 'number':
      return z.number().finite();
    case 'boolean':
      return z.boolean();
    case 'date':
      return z.iso.date();
    case 'datetime':
      return z.iso.datetime({ offset: true });
    case 'email':
      return z.email();
    case 'select':
      return z.enum((f.options ?? []).map((o) => o.value) as [string, ...string[]]);
    case 'multiselect':
      return z
        .array(z.enum((f.options ?? []).map((o) => o.value) as [string, ...string[]]))
        .min(f.required ? 1 : 0)
        .refine((v) => new Set(v).size === v.length, 'elke keuze één keer');
    default:
      return z
        .string()
        .trim()
        .min(f.required ? 1 : 0)
        .max(f.maxLength ?? (f.type === 'textarea' ? 20000 : 500));
  }
}

export function validateFields(
  fields: readonly DataField[],
  values: Record<string, unknown>,
  prefix: string,
  opts: { partial?: boolean } = {},
) {
  const problems: InvalidParam[] = [];
  const out: Record<string, unknown> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) problems.push({ name: `${prefix}.${key}`, code: 'unknown', reason: 'Dit veld bestaat niet.' });
  }
  for (const f of fields) {
    const value = values[f.key];
    if (value === undefined || value === null || value === '') {
      if (f.required && !opts.partial)
        problems.push({ name: `${prefix}.${f.key}`, code: 'required', reason: `${f.label.nl} is verplicht.` });
      else if (value === null && opts.partial) out[f.key] = null;
      continue;
    }
    const parsed = fieldValidator(f).safeParse(value);
    if (parsed.success) out[f.key] = parsed.data;
    else
      problems.push({
        name: `${prefix}.${f.key}`,
        code: 'invalid',
        reason: `${f.label.nl}: ${parsed.error.issues[0]?.message ?? 'ongeldig'}`,
      });
  }
  if (problems.length) throw new AppError('invalid', 'Een of meer velden zijn niet geldig.', problems);
  return out;
}
