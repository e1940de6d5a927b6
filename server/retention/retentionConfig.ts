import { z } from 'zod';
import { factConditionSchema } from '../domain/process/definition.ts';

/**
 * An organisation's retention table (organisation JSON `retention`). Each rule names the cases it
 * covers by the case's standard facts (the vocabulary's words, never a process's status keys), by
 * case type or process, or by whether the process's not-handling step (the step with the
 * noticeOfNotHandling effect, Awb 9:8) was taken; a case gets the longest period of the rules it
 * matches, else `defaultYears`. `keep: true` keeps a case permanently ("bewaren"). Counted from the
 * close date. The defaults follow the Selectielijst gemeenten en intergemeentelijke organen 2020,
 * procestype 13 "Geschillen behandelen"; a ministry or other body configures its own table.
 */
const label = z.object({ nl: z.string().min(1), en: z.string().min(1) });
export const retentionRuleSchema = z.strictObject({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/),
  label,
  years: z.number().int().min(0).max(200).optional(),
  keep: z.boolean().default(false),
  when: z.array(factConditionSchema).default([]),
  notHandled: z.boolean().optional(),
  caseTypes: z.array(z.string().min(1)).optional(),
  processes: z.array(z.string().min(1)).optional(),
});
export type RetentionRule = z.output<typeof retentionRuleSchema>;

export const DEFAULT_RETENTION_RULES: RetentionRule[] = [
  {
    key: 'ombudsman',
    label: { nl: 'Behandeld via de ombudsman', en: 'Handled through the ombudsman' },
    years: 10,
    keep: false,
    when: [{ fact: 'externalBody', equals: 'ombudsman' }],
  },
  {
    // A dispute put to a disputes committee or the rent tribunal: its ruling has financial consequences.
    key: 'financialDispute',
    label: { nl: 'Geschil met financiële gevolgen', en: 'Dispute with financial consequences' },
    years: 7,
    keep: false,
    when: [{ fact: 'externalBody', in: ['disputesBody', 'rentTribunal'] }],
  },
  {
    key: 'notHandled',
    label: { nl: 'Niet in behandeling genomen', en: 'Not handled' },
    years: 1,
    keep: false,
    when: [],
    notHandled: true,
  },
  {
    key: 'brokenOff',
    label: { nl: 'Niet-ontvankelijk of afgebroken', en: 'Not admissible or broken off' },
    years: 1,
    keep: false,
    when: [{ fact: 'outcome', in: ['notHandled', 'withdrawn', 'cancelled', 'noResponse'] }],
  },
];

export const retentionConfigSchema = z.object({
  /** The selection list the table follows, named on the destruction certificate. */
  basis: z.string().min(1).default('Selectielijst gemeenten en intergemeentelijke organen 2020, procestype 13 "Geschillen behandelen"'),
  defaultRule: z
    .object({ key: z.string().min(1), label, years: z.number().int().min(0).max(200) })
    .default({ key: 'handled', label: { nl: 'Behandelde klacht', en: 'Handled complaint' }, years: 5 }),
  rules: z.array(retentionRuleSchema).default(DEFAULT_RETENTION_RULES),
  /** Quarantined incoming mail is purged this many days after it was quarantined. */
  quarantineDays: z.number().int().min(1).max(3650).default(30),
});
export type RetentionConfig = z.output<typeof retentionConfigSchema>;
