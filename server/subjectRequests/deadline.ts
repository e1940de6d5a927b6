import { addDays, type IsoDate } from '../domain/calendar/civilDate.ts';
import { addMonths } from '../domain/calendar/months.ts';
import type { BusinessCalendar, TermEnd } from '../domain/calendar/workingDays.ts';

/** AVG art. 12(3): answer within one month of receipt; extendable by two further months. */
export const ANSWER_MONTHS = 1;
export const EXTENSION_MONTHS = 2;

export type RequestTerm = TermEnd & { warnFrom: IsoDate };

/**
 * The last day to answer: that many months from the day of receipt, moved to the next working day
 * when it falls on a weekend or public holiday (Regulation 1182/71 art. 3(4), the same rule the
 * calendar applies to statutory terms). The warning day is `warnDays` before it, as for cases.
 */
export function requestTerm(cal: BusinessCalendar, receivedOn: IsoDate, months: number, warnDays: number): RequestTerm {
  const end = cal.adjustTermEnd(addMonths(receivedOn, months));
  const warnCandidate = addDays(end.adjustedEnd, -warnDays);
  return { ...end, warnFrom: warnCandidate < receivedOn ? receivedOn : warnCandidate };
}
