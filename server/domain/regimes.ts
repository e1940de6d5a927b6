import { REGIMES, type Regime } from './calendar/clockConfig.ts';

/**
 * The legal regime a complaint is handled under, and what it decides besides the clocks
 * (calendar/clocks.ts): which body the decision letter names as the next step, and whether a
 * committee advises before the decision. A process names its regime and the others a case may be
 * given (definition.ts `regime`, `otherRegimes`); the case stores its own.
 */
export { REGIMES, type Regime };

export const REGIME_LABELS: Record<Regime, { nl: string; en: string }> = {
  awb: { nl: 'Awb hoofdstuk 9', en: 'General Administrative Law Act (Awb), chapter 9' },
  awbCommittee: {
    nl: 'Awb hoofdstuk 9 met klachtadviescommissie',
    en: 'Awb chapter 9 with a complaints advisory committee',
  },
  wkkgz: { nl: 'Wkkgz', en: 'Care Quality, Complaints and Disputes Act (Wkkgz)' },
  reglement: { nl: 'Klachtenregeling woningcorporatie', en: 'Housing corporation complaints rules' },
};

export const isRegime = (v: string): v is Regime => (REGIMES as readonly string[]).includes(v);

/** The regimes a case of this process may have: the process's own first, then the others it names. */
export const regimesOf = (def: { regime: Regime; otherRegimes: readonly Regime[] }): Regime[] => [
  ...new Set([def.regime, ...def.otherRegimes]),
];

/**
 * A committee advises before the decision: Awb afd. 9.1.3 (9:13–9:16), and the housing rules, where
 * the klachtencommissie advises the board (Woningwet art. 55b; legal requirements WON-01).
 */
export const hasAdvisoryCommittee = (regime: string) => regime === 'awbCommittee' || regime === 'reglement';

/** The committee's name in a letter. */
export const committeeName = (regime: string) => (regime === 'reglement' ? 'klachtencommissie' : 'klachtadviescommissie');

/** The document type of the committee's report with its advice (Awb 9:15; WON-01). */
export const COMMITTEE_ADVICE_DOC = 'committeeAdvice';

/** The body a decision letter names as the next step: Awb 9:12 lid 2 (ombudsman), Wkkgz art. 18, WON-02. */
export type ClosingBody = 'ombudsman' | 'disputesBody' | 'rentTribunal';
export const closingBodyOf = (regime: string): ClosingBody =>
  regime === 'wkkgz' ? 'disputesBody' : regime === 'reglement' ? 'rentTribunal' : 'ombudsman';

/**
 * Once the decision letter is approved the case's regime is fixed: the letter was written and
 * checked under it (its closing section, the committee's advice).
 */
export const regimeFixedBy = (letters: readonly { kind: string; status: string }[]) =>
  letters.some((l) => l.kind === 'decision' && (l.status === 'approved' || l.status === 'sent'));
