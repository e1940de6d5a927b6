/**
 * The clocks of one case, each with its derivation, so a handler (and later the ombudsman) can see why a date
 * is what it is. Pure: the caller passes `now` and the calendar. Dates are Amsterdam civil dates; a deadline
 * date is the last day on which the act is still in time.
 */
import { addDays, type DateInput, type IsoDate } from './civilDate.ts';
import { isAwbRegime, type Norm, type Regime, type ReglementTerms } from './clockConfig.ts';
import type { Bilingual, BusinessCalendar, TermEnd } from './workingDays.ts';

export type ClockKey = 'handling' | 'notHandlingNotice' | 'serviceNorm' | 'firstContact';
export type ClockState = 'running' | 'warning' | 'overdue' | 'stopped';
/** Only on stopped clocks. `notUsed`: the 9:8 window closed (or the case closed) without a not-handling notice. */
export type ClockOutcome = 'met' | 'late' | 'notUsed';

/** One link in a derivation chain: original term, extension, consent. */
export type TermStep = TermEnd & { rule: Bilingual };

export type Clock = TermStep & {
  key: ClockKey;
  label: Bilingual;
  start: IsoDate;
  warnFrom: IsoDate;
  state: ClockState;
  outcome?: ClockOutcome;
  stoppedOn?: IsoDate;
  /** Superseded terms, oldest first (e.g. the original 6 weeks before an extension). */
  previous: TermStep[];
};

/** Facts of one case; a case row maps onto this. */
export type CaseClockFacts = {
  receivedAt: DateInput;
  regime: Regime;
  /** Verdaging / verlenging: one per case. */
  extension?: { noticeSentAt: DateInput; weeks: number };
  /** Further delay with the complainant's written consent. `newEnd` is the agreed last day. */
  consentDelay?: { consentAt: DateInput; newEnd: IsoDate };
  firstContactAt?: DateInput;
  /**
   * Awb 9:8: once decided, the 4-week notice term is a real deadline. `optionClosedAt`: the day the
   * process could no longer decide not to handle (e.g. the complaint was judged): the clock stops unused.
   */
  notHandling?: { decidedAt?: DateInput; noticeSentAt?: DateInput; optionClosedAt?: DateInput };
  /** The case was closed (outcome letter sent, 9:8 notice sent, withdrawn, 9:5 settled); stops the handling clock. */
  stoppedAt?: DateInput;
};

export type ClockInput = CaseClockFacts & {
  /** False when the case's facts put it outside the regime (a signal, a non-statutory complaint): no handling or 9:8 clock. */
  statutory?: boolean;
  warnDays: number;
  serviceNorm?: Norm;
  firstContactNorm?: Norm;
  reglement?: ReglementTerms;
};

export type ClockErrorCode =
  | 'date_before_receipt'
  | 'extension_not_allowed'
  | 'extension_weeks_out_of_range'
  | 'extension_notice_too_late'
  | 'consent_after_deadline'
  | 'consent_end_not_later'
  | 'not_handling_not_in_regime'
  | 'reglement_terms_missing';

export type ClockError = { code: ClockErrorCode; field: string; message: Bilingual };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ClockError };

type RegimeTerms = {
  weeks: number;
  maxExtensionWeeks: number;
  termijnenwet: boolean;
  base: Bilingual; // completes "6 weken …"
  extension: Bilingual; // legal basis of the extension
  consent: Bilingual; // legal basis of further delay
};

const AWB_EXT = { nl: 'Awb 9:11 lid 2', en: 'Awb 9:11(2)' };
const AWB_CONSENT = { nl: 'Awb 9:11 lid 3', en: 'Awb 9:11(3)' };

function regimeTerms(regime: Regime, reglement: ReglementTerms | undefined): RegimeTerms | undefined {
  switch (regime) {
    case 'awb':
      return {
        weeks: 6,
        maxExtensionWeeks: 4,
        termijnenwet: true,
        extension: AWB_EXT,
        consent: AWB_CONSENT,
        base: { nl: 'na ontvangst (Awb 9:11 lid 1)', en: 'after receipt (Awb 9:11(1))' },
      };
    case 'awbCommittee':
      return {
        weeks: 10,
        maxExtensionWeeks: 4,
        termijnenwet: true,
        extension: AWB_EXT,
        consent: AWB_CONSENT,
        base: {
          nl: 'na ontvangst, klachtadviesprocedure (Awb 9:11 lid 1, afd. 9.1.3)',
          en: 'after receipt, advisory committee procedure (Awb 9:11(1), section 9.1.3)',
        },
      };
    case 'wkkgz':
      // Art. 17 has no consent rule; Rijksoverheid.nl states one (legal-requirements ZORG-06), so it is allowed
      // conservatively but cited as consent, not as an article.
      return {
        weeks: 6,
        maxExtensionWeeks: 4,
        termijnenwet: true,
        base: { nl: 'na indiening (Wkkgz art. 17 lid 1)', en: 'after filing (Wkkgz s. 17(1))' },
        extension: { nl: 'Wkkgz art. 17 lid 2', en: 'Wkkgz s. 17(2)' },
        consent: { nl: 'instemming klager', en: "complainant's consent" },
      };
    case 'reglement':
      if (!reglement) return undefined;
      return {
        weeks: reglement.handlingWeeks,
        maxExtensionWeeks: reglement.maxExtensionWeeks,
        termijnenwet: reglement.applyTermijnenwet,
        base: { nl: 'na ontvangst (klachtenreglement)', en: 'after receipt (complaints regulation)' },
        extension: { nl: 'klachtenreglement', en: 'complaints regulation' },
        consent: { nl: 'instemming klager', en: "complainant's consent" },
      };
  }
}

const fail = (code: ClockErrorCode, field: string, nl: string, en: string): { ok: false; error: ClockError } => ({
  ok: false,
  error: { code, field, message: { nl, en } },
});

const weeksText = (n: number) => ({ nl: `${n} ${n === 1 ? 'week' : 'weken'}`, en: `${n} ${n === 1 ? 'week' : 'weeks'}` });

/**
 * The statutory handling term with its chain: original → extension → consent. Also the check a "verdagen"
 * command runs before it stores an extension: pass the proposed extension and read the error.
 */
export function handlingTerm(input: ClockInput, cal: BusinessCalendar): Result<{ start: IsoDate; steps: TermStep[] }> {
  const terms = regimeTerms(input.regime, input.reglement);
  if (!terms)
    return fail(
      'reglement_terms_missing',
      'reglement',
      'Termijnen van het klachtenreglement ontbreken.',
      'Complaints regulation terms are missing.',
    );
  const start = cal.toDate(input.receivedAt);
  const adjust = (rawEnd: IsoDate): TermEnd =>
    terms.termijnenwet ? cal.adjustTermEnd(rawEnd) : { rawEnd, adjustedEnd: rawEnd, adjustmentReason: null };

  const w = weeksText(terms.weeks);
  const original: TermStep = {
    ...adjust(addDays(start, terms.weeks * 7)),
    rule: { nl: `${w.nl} ${terms.base.nl}`, en: `${w.en} ${terms.base.en}` },
  };
  const steps = [original];

  if (input.extension) {
    const { weeks, noticeSentAt } = input.extension;
    if (terms.maxExtensionWeeks === 0) {
      return fail('extension_not_allowed', 'extension', 'Verlenging is in dit regime niet toegestaan.', 'This regime allows no extension.');
    }
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > terms.maxExtensionWeeks) {
      return fail(
        'extension_weeks_out_of_range',
        'extension.weeks',
        `Verdaging is 1 tot en met ${terms.maxExtensionWeeks} weken (${terms.extension.nl}).`,
        `An extension is 1 to ${terms.maxExtensionWeeks} weeks (${terms.extension.en}).`,
      );
    }
    const notice = cal.toDate(noticeSentAt);
    if (notice < start) return beforeReceipt('extension.noticeSentAt');
    // The term expires at the end of its (Atw-adjusted) last day, so a notice sent that day is still in time.
    if (notice > original.adjustedEnd) {
      return fail(
        'extension_notice_too_late',
        'extension.noticeSentAt',
        `De verdaging is op ${notice} verstuurd, na het einde van de termijn op ${original.adjustedEnd}; verdagen kan alleen vóór het verstrijken van de termijn (${terms.extension.nl}).`,
        `The extension notice was sent on ${notice}, after the term ended on ${original.adjustedEnd}; an extension must be notified before the term expires (${terms.extension.en}).`,
      );
    }
    const ew = weeksText(weeks);
    // Chaining per legal-requirements §2.4: unadjusted original end + extension, then Atw.
    steps.push({
      ...adjust(addDays(original.rawEnd, weeks * 7)),
      rule: {
        nl: `${original.rule.nl}, verdaagd met ${ew.nl} (${terms.extension.nl}; mededeling ${notice})`,
        en: `${original.rule.en}, extended by ${ew.en} (${terms.extension.en}; notice ${notice})`,
      },
    });
  }

  if (input.consentDelay) {
    const current = steps[steps.length - 1]!;
    const consent = cal.toDate(input.consentDelay.consentAt);
    const newEnd = cal.toDate(input.consentDelay.newEnd);
    if (consent < start) return beforeReceipt('consentDelay.consentAt');
    if (consent > current.adjustedEnd) {
      return fail(
        'consent_after_deadline',
        'consentDelay.consentAt',
        `De instemming (${consent}) is van na het einde van de termijn (${current.adjustedEnd}); een verstreken termijn kan niet meer worden verdaagd.`,
        `The consent (${consent}) postdates the end of the term (${current.adjustedEnd}); an expired term cannot be extended.`,
      );
    }
    if (newEnd <= current.adjustedEnd) {
      return fail(
        'consent_end_not_later',
        'consentDelay.newEnd',
        `De nieuwe einddatum moet na ${current.adjustedEnd} liggen.`,
        `The new end date must be after ${current.adjustedEnd}.`,
      );
    }
    // An agreed date is not a statutory term, so the Atw does not move it; the earlier date is the safe one.
    steps.push({
      rawEnd: newEnd,
      adjustedEnd: newEnd,
      adjustmentReason: null,
      rule: {
        nl: `Verder uitgesteld tot ${newEnd} met schriftelijke instemming van de klager van ${consent} (${terms.consent.nl})`,
        en: `Further delayed to ${newEnd} with the complainant's written consent of ${consent} (${terms.consent.en})`,
      },
    });
  }
  return { ok: true, value: { start, steps } };
}

const beforeReceipt = (field: string) =>
  fail('date_before_receipt', field, 'Deze datum ligt vóór de ontvangst van de klacht.', 'This date is before the complaint was received.');

type StopSpec = { on?: IsoDate; outcomeWhenStopped?: ClockOutcome };

function makeClock(
  key: ClockKey,
  label: Bilingual,
  start: IsoDate,
  chain: TermStep[],
  warnDays: number,
  today: IsoDate,
  stop: StopSpec,
  windowOnly = false,
): Clock {
  const current = chain[chain.length - 1]!;
  const warnCandidate = addDays(current.adjustedEnd, -warnDays);
  const warnFrom = warnCandidate < start ? start : warnCandidate;
  const base = { key, label, start, ...current, warnFrom, previous: chain.slice(0, -1) };
  if (stop.on) {
    const outcome = stop.outcomeWhenStopped ?? (stop.on <= current.adjustedEnd ? 'met' : 'late');
    return { ...base, state: 'stopped', outcome, stoppedOn: stop.on };
  }
  if (today > current.adjustedEnd) {
    // An unused option is not a breach: the 9:8 window simply closes.
    return windowOnly ? { ...base, state: 'stopped', outcome: 'notUsed' } : { ...base, state: 'overdue' };
  }
  if (!windowOnly && today >= warnFrom) return { ...base, state: 'warning' };
  return { ...base, state: 'running' };
}

function normClock(key: 'serviceNorm' | 'firstContact', norm: Norm, start: IsoDate, cal: BusinessCalendar): TermStep {
  // An own norm is not statutory: no Atw shift, a working-day norm already lands on a working day.
  const end = norm.unit === 'working' ? cal.addWorkingDays(start, norm.days) : addDays(start, norm.days);
  const unit = norm.unit === 'working' ? { nl: 'werkdagen', en: 'working days' } : { nl: 'kalenderdagen', en: 'calendar days' };
  const what =
    key === 'serviceNorm'
      ? { nl: 'servicenorm doorlooptijd', en: 'service norm for lead time' }
      : { nl: 'norm eerste contact', en: 'first-contact norm' };
  return {
    rawEnd: end,
    adjustedEnd: end,
    adjustmentReason: null,
    rule: {
      nl: `${norm.days} ${unit.nl} na ontvangst (${what.nl} organisatie)`,
      en: `${norm.days} ${unit.en} after receipt (organisation's ${what.en})`,
    },
  };
}

/** All clocks of a case at `now`. Fails only on facts that cannot be true (typed, for the UI to explain). */
export function computeClocks(input: ClockInput, now: Date, cal: BusinessCalendar): Result<Clock[]> {
  const term = handlingTerm(input, cal);
  if (!term.ok) return term;
  const { start, steps } = term.value;
  const today = cal.toDate(now);
  const dateOf = (field: string, d: DateInput | undefined): Result<IsoDate | undefined> => {
    if (d === undefined) return { ok: true, value: undefined };
    const date = cal.toDate(d);
    return date < start ? beforeReceipt(field) : { ok: true, value: date };
  };
  const stopped = dateOf('stoppedAt', input.stoppedAt);
  if (!stopped.ok) return stopped;

  const handlingLabel =
    input.regime === 'reglement'
      ? { nl: 'Afhandeltermijn klachtenreglement', en: 'Handling period (complaints regulation)' }
      : { nl: 'Wettelijke afhandeltermijn', en: 'Statutory handling period' };
  const statutory = input.statutory !== false;
  const clocks: Clock[] = statutory
    ? [makeClock('handling', handlingLabel, start, steps, input.warnDays, today, { on: stopped.value })]
    : [];

  const isAwb = isAwbRegime(input.regime) && statutory;
  if (!isAwbRegime(input.regime) && input.notHandling?.decidedAt) {
    return fail(
      'not_handling_not_in_regime',
      'notHandling',
      'Niet-behandelen (Awb 9:8) geldt alleen voor Awb-klachten.',
      'Not handling (Awb 9:8) applies to Awb complaints only.',
    );
  }
  if (isAwb) {
    const decided = dateOf('notHandling.decidedAt', input.notHandling?.decidedAt);
    const sent = dateOf('notHandling.noticeSentAt', input.notHandling?.noticeSentAt);
    const optionClosed = dateOf('notHandling.optionClosedAt', input.notHandling?.optionClosedAt);
    if (!decided.ok) return decided;
    if (!sent.ok) return sent;
    if (!optionClosed.ok) return optionClosed;
    const step: TermStep = {
      ...cal.adjustTermEnd(addDays(start, 28)),
      rule: { nl: 'Uiterlijk 4 weken na ontvangst (Awb 9:8 lid 3)', en: 'At the latest 4 weeks after receipt (Awb 9:8(3))' },
    };
    const usedOption = decided.value !== undefined || sent.value !== undefined;
    // Deciding not to handle closes the case, but the notice is still owed: the clock runs on until
    // the notice is sent. A case closed any other way leaves the option unused.
    const unusedOn = [optionClosed.value, stopped.value].filter((d): d is IsoDate => d !== undefined).sort()[0];
    const stop: StopSpec = sent.value ? { on: sent.value } : unusedOn && !usedOption ? { on: unusedOn, outcomeWhenStopped: 'notUsed' } : {};
    const label = { nl: 'Mededeling niet in behandeling nemen', en: 'Notice of not handling' };
    clocks.push(makeClock('notHandlingNotice', label, start, [step], input.warnDays, today, stop, !usedOption));
  }

  if (input.serviceNorm) {
    const label = { nl: 'Servicenorm doorlooptijd', en: 'Service norm: lead time' };
    const step = normClock('serviceNorm', input.serviceNorm, start, cal);
    clocks.push(makeClock('serviceNorm', label, start, [step], input.serviceNorm.warnDays ?? input.warnDays, today, { on: stopped.value }));
  }
  if (input.firstContactNorm) {
    const contact = dateOf('firstContactAt', input.firstContactAt);
    if (!contact.ok) return contact;
    const label = { nl: 'Eerste contact met klager', en: 'First contact with the complainant' };
    const step = normClock('firstContact', input.firstContactNorm, start, cal);
    // A case closed before anyone called (withdrawn, settled by letter) stops this clock too.
    const on = contact.value ?? stopped.value;
    clocks.push(makeClock('firstContact', label, start, [step], input.firstContactNorm.warnDays ?? input.warnDays, today, { on }));
  }
  return { ok: true, value: clocks };
}
