import type { Facts } from '../domain/process/roles.ts';
import { meetsConditions } from '../domain/process/roles.ts';
import type { RetentionConfig } from './retentionConfig.ts';

export type RetentionCase = { caseType: string; processKey: string; facts: Facts; notHandled: boolean };
export type RetentionDecision = { rule: string; label: { nl: string; en: string }; destroyAfter: string | null };

/** The same day `years` later; a 29 February that year lacks becomes 1 March (kept a day longer, never shorter). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  return t.toISOString().slice(0, 10);
}

/** Which rule of the organisation's table applies to a closed case, and from which day it may be destroyed. */
export function retentionFor(config: RetentionConfig, c: RetentionCase, closedOn: string): RetentionDecision {
  const matching = config.rules.filter(
    (r) =>
      (!r.caseTypes || r.caseTypes.includes(c.caseType)) &&
      (!r.processes || r.processes.includes(c.processKey)) &&
      (r.notHandled === undefined || r.notHandled === c.notHandled) &&
      meetsConditions(c.facts, r.when) &&
      (r.keep || r.years !== undefined),
  );
  const kept = matching.find((r) => r.keep);
  if (kept) return { rule: kept.key, label: kept.label, destroyAfter: null };
  const longest = matching.reduce<(typeof matching)[number] | null>((a, r) => (!a || (r.years ?? 0) > (a.years ?? 0) ? r : a), null);
  if (longest) return { rule: longest.key, label: longest.label, destroyAfter: addYears(closedOn, longest.years ?? 0) };
  const d = config.defaultRule;
  return { rule: d.key, label: d.label, destroyAfter: addYears(closedOn, d.years) };
}

/** The label of a rule key as the certificate and screens name it. */
export function ruleLabel(config: RetentionConfig, key: string): { nl: string; en: string } {
  if (key === config.defaultRule.key) return config.defaultRule.label;
  return config.rules.find((r) => r.key === key)?.label ?? { nl: key, en: key };
}
