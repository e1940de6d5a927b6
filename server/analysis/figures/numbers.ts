import type { Granularity } from '../../presenters/staff/dashboard.ts';

/** A count as the database returns it (a string, or null for none) as a number. */
export const n = (v: unknown) => Number(v ?? 0);
export const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;
export const share = (part: number, whole: number) => (whole ? round(part / whole) : null);
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export const MONTHS_PER: Record<Granularity, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };
/** A month as one number (case_figure.received_month): year × 12 + month − 1. */
export const monthNumber = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
export const monthDay = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
