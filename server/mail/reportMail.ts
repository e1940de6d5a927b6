import { addDays, daysBetween, type IsoDate } from '../domain/calendar/civilDate.ts';
import type { Frequency, ReportPeriod } from '../domain/reportPeriods.ts';
import type { ReportFigures } from '../analysis/reports/reportFigures.ts';
import type { MailLanguage } from './render.ts';

/**
 * The words of a scheduled report mail (template `reportMail`): the period, how often it comes, the
 * figures and the link. Only what is listed here reaches the mail, read from the dashboard's own
 * figures (never counted again): totals, shares, the lead time's median, grounds and rising themes
 * with their counts. Nothing that names anyone is read: no complainant, handler or team, no
 * subject, description or reference (the dashboard's external recommendations carry those; they
 * stay out). Pure: the job gives the figures, the period and the link.
 */
type Words = { nl: string; en: string };
type Count = { value: number };
type OnTime = { counted: Count; onTime: Count; share: number | null };
type Theme = { label: Words; current: number; previous: number; p: number };
/** What the mail reads of the dashboard's figures (DashboardFigures has this shape), and nothing else. */
export type ReportMailFigures = {
  received: { total: Count };
  closed: { total: Count };
  reconciliation: { openAtEnd: Count };
  onTime: { term: OnTime; norm: OnTime };
  leadTime: { medianDays: number | null };
  breakdowns: { dimension: string; label: Words; values: { value: string; label: Words; received: Count }[] }[];
  risingThemes: { grounds: Theme[]; terms: Theme[] };
};
/** What a periodic analysis mail reads besides (analysis/reports/reportFigures.ts): counts only, never a measure's text. */
export type PeriodicMailFigures = Pick<ReportFigures, 'extensions' | 'surveys' | 'external' | 'norms' | 'measuresNow'> & {
  measures: { total: number };
};

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;
const QUARTERS = { nl: ['1e', '2e', '3e', '4e'], en: ['Q1', 'Q2', 'Q3', 'Q4'] } as const;
const FREQUENCY: Record<Frequency, Words> = {
  weekly: { nl: 'elke week', en: 'every week' },
  monthly: { nl: 'elke maand', en: 'every month' },
  quarterly: { nl: 'elk kwartaal', en: 'every quarter' },
};

const day = (d: IsoDate, lang: MailLanguage) => {
  const [y, m, dd] = [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
  return lang === 'nl' ? `${dd} ${MONTHS.nl[m - 1]} ${y}` : `${dd} ${MONTHS.en[m - 1]} ${y}`;
};

/** ISO 8601 week number: the week belongs to the year of its Thursday. */
function isoWeek(monday: IsoDate): number {
  const thursday = addDays(monday, 3);
  return Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
}

/** "maart 2026", "1e kwartaal 2026", "week 10 (2 t/m 8 maart 2026)". */
export function periodWords(frequency: Frequency, period: ReportPeriod, lang: MailLanguage): string {
  const y = period.from.slice(0, 4);
  const m = Number(period.from.slice(5, 7));
  if (frequency === 'monthly') return `${MONTHS[lang][m - 1]} ${y}`;
  if (frequency === 'quarterly') return lang === 'nl' ? `${QUARTERS.nl[(m - 1) / 3]} kwartaal ${y}` : `${QUARTERS.en[(m - 1) / 3]} ${y}`;
  const last = addDays(period.to, -1);
  // A week period starts on a Monday (domain/reportPeriods.ts).
  return lang === 'nl'
    ? `week ${isoWeek(period.from)} (${day(period.from, 'nl')} t/m ${day(last, 'nl')})`
    : `week ${isoWeek(period.from)} (${day(period.from, 'en')} to ${day(last, 'en')})`;
}

const number = (n: number, lang: MailLanguage) =>
  new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
const percent = (share: number) => `${Math.round(share * 100)}%`;

const T = {
  nl: {
    filter: 'Filter',
    received: 'Binnengekomen',
    closed: 'Afgehandeld',
    openAtEnd: 'Nog open aan het eind van de periode',
    onTimeTerm: 'Op tijd afgehandeld binnen de wettelijke termijn',
    onTimeNorm: 'Op tijd afgehandeld binnen de servicenorm',
    of: 'van',
    noneClosed: 'geen afgehandelde klachten',
    leadTime: 'Doorlooptijd van de afgehandelde klachten (mediaan)',
    days: (n: string, one: boolean) => `${n} ${one ? 'dag' : 'dagen'}`,
    grounds: 'Meest genoemde klachtgronden',
    noGrounds: 'Geen klachten met een klachtgrond in deze periode.',
    rising: "Stijgende thema's (vergeleken met de periode ervoor)",
    noRising: "Geen thema's die duidelijk stijgen.",
    was: 'was',
    periodic: 'Periodieke analyse',
    extended: 'Termijn verlengd',
    surveys: (avg: string, answered: number, sent: number) =>
      `Tevredenheid: gemiddeld ${avg} uit 5 (${answered} van ${sent} enquêtes beantwoord)`,
    noSurveys: (sent: number) => `Tevredenheid: geen antwoorden (${sent} enquêtes verstuurd)`,
    external: 'Naar een externe instantie',
    measures: (n: number, open: number, overdue: number) =>
      `Verbetermaatregelen in de periode: ${n} (nu open: ${open}, waarvan te laat: ${overdue})`,
    norms: 'Geschonden normen',
  },
  en: {
    filter: 'Filter',
    received: 'Received',
    closed: 'Closed',
    openAtEnd: 'Still open at the end of the period',
    onTimeTerm: 'Handled within the statutory term',
    onTimeNorm: 'Handled within the service norm',
    of: 'of',
    noneClosed: 'no closed complaints',
    leadTime: 'Lead time of closed complaints (median)',
    days: (n: string, one: boolean) => `${n} ${one ? 'day' : 'days'}`,
    grounds: 'Grounds mentioned most',
    noGrounds: 'No complaints with a ground in this period.',
    rising: 'Rising themes (compared with the period before)',
    noRising: 'No themes that clearly rise.',
    was: 'was',
    periodic: 'Periodic analysis',
    extended: 'Handling period extended',
    surveys: (avg: string, answered: number, sent: number) =>
      `Satisfaction: ${avg} out of 5 on average (${answered} of ${sent} surveys answered)`,
    noSurveys: (sent: number) => `Satisfaction: no answers (${sent} surveys sent)`,
    external: 'Went on to an external body',
    measures: (n: number, open: number, overdue: number) =>
      `Improvement measures in the period: ${n} (open now: ${open}, of which late: ${overdue})`,
    norms: 'Norms breached',
  },
} as const;

/** At most this many grounds and themes: a mail is a summary; the link opens the rest. */
const TOP = 5;

/** The filter in words, e.g. "Filter: Klachtgrond: Bejegening; Proces: Klachten". Empty without a filter. */
export function filterWords(
  figures: Pick<ReportMailFigures, 'breakdowns'>,
  filter: Record<string, string>,
  lang: MailLanguage,
  processLabel?: Words,
): string {
  const parts: string[] = [];
  if (filter.processKey) parts.push(processLabel ? processLabel[lang] : filter.processKey);
  for (const b of figures.breakdowns) {
    const value = filter[b.dimension];
    if (value === undefined) continue;
    const label = b.values.find((v) => v.value === value)?.label[lang] ?? value;
    parts.push(`${b.label[lang]}: ${label}`);
  }
  return parts.length ? `${T[lang].filter}: ${parts.join('; ')}` : '';
}

/** The figures block of the mail, one figure per line. */
export function figureLines(figures: ReportMailFigures, lang: MailLanguage, filterLine = ''): string {
  const t = T[lang];
  const lines: string[] = [];
  if (filterLine) lines.push(filterLine, '');
  lines.push(`${t.received}: ${figures.received.total.value}`);
  lines.push(`${t.closed}: ${figures.closed.total.value}`);
  lines.push(`${t.openAtEnd}: ${figures.reconciliation.openAtEnd.value}`);
  const onTime = (label: string, n: ReportMailFigures['onTime']['term']) =>
    n.share === null || n.counted.value === 0
      ? `${label}: ${t.noneClosed}`
      : `${label}: ${percent(n.share)} (${n.onTime.value} ${t.of} ${n.counted.value})`;
  lines.push(onTime(t.onTimeTerm, figures.onTime.term));
  // The service norm only where the organisation has one (cases counted against it).
  if (figures.onTime.norm.counted.value > 0) lines.push(onTime(t.onTimeNorm, figures.onTime.norm));
  const median = figures.leadTime.medianDays;
  lines.push(`${t.leadTime}: ${median === null ? t.noneClosed : t.days(number(median, lang), median === 1)}`);

  const grounds =
    figures.breakdowns
      .find((b) => b.dimension === 'ground')
      ?.values.filter((v) => v.received.value > 0)
      .sort((a, b) => b.received.value - a.received.value || a.label[lang].localeCompare(b.label[lang]))
      .slice(0, TOP) ?? [];
  lines.push('', `${t.grounds}:`);
  if (grounds.length) for (const g of grounds) lines.push(`- ${g.label[lang]}: ${g.received.value}`);
  else lines.push(t.noGrounds);

  const themes = [
    ...figures.risingThemes.grounds.map((th) => ({ ...th, text: th.label[lang] })),
    ...figures.risingThemes.terms.map((th) => ({ ...th, text: `"${th.label[lang]}"` })),
  ]
    .sort((a, b) => a.p - b.p || b.current - a.current)
    .slice(0, TOP);
  lines.push('', `${t.rising}:`);
  if (themes.length) for (const th of themes) lines.push(`- ${th.text}: ${th.current} (${t.was} ${th.previous})`);
  else lines.push(t.noRising);
  return lines.join('\n');
}

/** The periodic analysis' figures besides the dashboard's: extensions, surveys, external bodies, measures, norms breached. */
export function periodicLines(f: PeriodicMailFigures, lang: MailLanguage): string {
  const t = T[lang];
  const lines: string[] = [`${t.periodic}:`, `${t.extended}: ${f.extensions.extended}`];
  lines.push(
    f.surveys.average === null || f.surveys.answered === 0
      ? t.noSurveys(f.surveys.sent)
      : t.surveys(number(f.surveys.average, lang), f.surveys.answered, f.surveys.sent),
  );
  lines.push(`${t.external}: ${f.external.reduce((a, e) => a + e.count, 0)}`);
  lines.push(t.measures(f.measures.total, f.measuresNow.open, f.measuresNow.overdue));
  const norms = f.norms.filter((n) => n.count > 0).slice(0, TOP);
  if (norms.length) {
    lines.push('', `${t.norms}:`);
    for (const n of norms) lines.push(`- ${n.label?.[lang] ?? n.key ?? '?'}: ${n.count}`);
  }
  return lines.join('\n');
}

/** A periodic analysis' figures in the dashboard's shape, so its mail starts with the same lines. */
export function mailFiguresOfReport(f: ReportFigures): ReportMailFigures {
  const count = (value: number) => ({ value });
  const onTime = (o: ReportFigures['onTime']['term']) => ({ counted: count(o.counted), onTime: count(o.onTime), share: o.share });
  return {
    received: { total: count(f.received.total) },
    closed: { total: count(f.closed.total) },
    reconciliation: { openAtEnd: count(f.reconciliation.openAtEnd) },
    onTime: { term: onTime(f.onTime.term), norm: onTime(f.onTime.norm) },
    leadTime: { medianDays: f.leadTime.medianDays },
    breakdowns: f.breakdowns.map((b) => ({
      dimension: b.dimension,
      label: b.label,
      values: b.values.map((v) => ({ value: v.value, label: v.label, received: count(v.received) })),
    })),
    risingThemes: { grounds: f.risingThemes.grounds, terms: f.risingThemes.terms },
  };
}

/** The merge fields of template `reportMail`. */
export function reportMailVars(opts: {
  figures: ReportMailFigures;
  frequency: Frequency;
  period: ReportPeriod;
  language: MailLanguage;
  filter: Record<string, string>;
  processLabel?: Words;
  /** A periodic analysis: its own figures after the dashboard's. */
  periodic?: PeriodicMailFigures;
  link: string;
}): Record<'reportPeriod' | 'reportFrequency' | 'reportFigures' | 'reportLink', string> {
  const lang = opts.language;
  const figures = figureLines(opts.figures, lang, filterWords(opts.figures, opts.filter, lang, opts.processLabel));
  return {
    reportPeriod: periodWords(opts.frequency, opts.period, lang),
    reportFrequency: FREQUENCY[opts.frequency][lang],
    reportFigures: opts.periodic ? `${figures}\n\n${periodicLines(opts.periodic, lang)}` : figures,
    reportLink: opts.link,
  };
}
