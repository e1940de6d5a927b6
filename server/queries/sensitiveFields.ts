import type { ProcessDefinition } from '../domain/process/definition.ts';

/**
 * Case-type fields a process marks sensitive (health details in a care complaint) are read only by
 * those who handle the case (scope.ts handlesCase). For anyone else the read side drops their
 * values here, before any presenter sees them: from the case's data and from every place the
 * timeline copies data to (registration, data changes, a step's inputs).
 */
export const sensitiveFieldKeys = (def: ProcessDefinition | undefined): string[] =>
  def ? def.caseType.fields.filter((f) => f.sensitive).map((f) => f.key) : [];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function withoutKeys<T>(value: T, keys: readonly string[]): T {
  if (!keys.length || !isObj(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k))) as T;
}

/** A timeline row with the sensitive fields' values taken out of before, after and the step's inputs. */
export function withoutSensitiveInEvent<E extends { before: unknown; after: unknown; data: unknown }>(e: E, keys: readonly string[]): E {
  if (!keys.length) return e;
  const after = withoutKeys(e.after, keys);
  const data = withoutKeys(e.data, keys);
  return {
    ...e,
    before: withoutKeys(e.before, keys),
    after: isObj(after) && isObj(after.data) ? { ...after, data: withoutKeys(after.data, keys) } : after,
    data: isObj(data) && isObj(data.inputs) ? { ...data, inputs: withoutKeys(data.inputs, keys) } : data,
  };
}
