/**
 * The per-organisation part of the clocks, validated at start-up. Statutory periods are not configurable on
 * purpose (they follow from the regime); only what the law leaves open is: the organisation's own norms,
 * warning lead time, designated holidays and the terms of a non-statutory complaints regulation.
 */
import { z } from 'zod';

export const REGIMES = ['awb', 'awbCommittee', 'wkkgz', 'reglement'] as const;
/**
 * awb: Awb title 9.1, 6 weeks. awbCommittee: afd. 9.1.3 advisory committee, 10 weeks. wkkgz: care, Wkkgz
 * art. 17, 6 weeks. reglement: a complaints regulation that is not statute (housing, Woningwet 55b); its
 * periods come from configuration.
 */
export type Regime = (typeof REGIMES)[number];

/** The regimes of Awb title 9.1, where the Awb's own rules (9:8 not handling, 9:11 extension) apply. */
export const isAwbRegime = (regime: string) => regime === 'awb' || regime === 'awbCommittee';

export const normSchema = z.object({
  days: z.int().min(1).max(365),
  unit: z.enum(['calendar', 'working']),
  /** Overrides the general warnDays; a 5-working-day norm with a 5-day warning would warn from day one. */
  warnDays: z.int().min(0).max(365).optional(),
});
export type Norm = z.infer<typeof normSchema>;

export const reglementTermsSchema = z.object({
  handlingWeeks: z.int().min(1).max(52),
  /** 0 = the regulation allows no extension. */
  maxExtensionWeeks: z.int().min(0).max(52),
  /** The Atw binds only statutory terms (legal-requirements §2.4); a regulation may opt in. */
  applyTermijnenwet: z.boolean(),
});
export type ReglementTerms = z.infer<typeof reglementTermsSchema>;

/** The regime itself is the process definition's (`regime`); a housing regulation's terms are set here. */
export const clockConfigSchema = z.object({
  /** Calendar days before a deadline from which a clock shows "warning". */
  warnDays: z.int().min(0).max(60).default(5),
  /** The organisation's own lead-time norm, e.g. 7 calendar days (seed 001 §5). */
  serviceNorm: normSchema.optional(),
  /** Contact with the complainant, e.g. 5 working days (Nationale ombudsman practice; not statutory). */
  firstContactNorm: normSchema.optional(),
  reglement: reglementTermsSchema.optional(),
  /** Days designated under Atw art. 3 lid 3, `YYYY-MM-DD`. */
  extraHolidays: z.array(z.iso.date()).default([]),
});

export type ClockConfig = z.infer<typeof clockConfigSchema>;
export type ClockConfigInput = z.input<typeof clockConfigSchema>;
