import type { CountFigure, DashboardFigures } from './analysisTypes.ts';
import { type AnalysisView, addDays, definitionOf, drillHref } from './analysisView.ts';
import { useAnalysisI18n } from './analysisWords.ts';

/**
 * What every section of the figures shares: the figures, the address they were made for, the period
 * in words, number formats, definitions and the links that open the cases behind a figure.
 */
export function useFigureHelpers(f: DashboardFigures, view: AnalysisView) {
  const { t, locale, date } = useAnalysisI18n();
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  // The address the figures were made for: the server's period when the address named none.
  const shown: AnalysisView = { ...view, from: f.period.from, to: f.period.to, granularity: f.period.granularity };
  const periodText = t('analysis.periodRange', { from: date(f.period.from), to: date(addDays(f.period.to, -1)) });
  const bucketPeriod = (i: number) => {
    const b = f.buckets[i];
    return b ? t('analysis.periodRange', { from: date(b.from), to: date(addDays(b.to, -1)) }) : periodText;
  };
  return {
    f,
    shown,
    periodText,
    number,
    percent,
    def: (key: string) => definitionOf(f, key, locale),
    buckets: f.buckets.map((b) => bucketName(b.key, locale)),
    bucketPeriod,
    href: (c: CountFigure, what: string) => drillHref(c.drillDown, what, shown),
    /** A period figure's filter narrowed to one bucket: its days received or closed are the bucket's. */
    inBucket: (c: CountFigure, i: number, what: string) => {
      const b = f.buckets[i];
      if (!b) return null;
      const d = { ...c.drillDown };
      if (d.closedFrom || d.closedBefore) Object.assign(d, { closedFrom: b.from, closedBefore: b.to });
      else Object.assign(d, { receivedFrom: b.from, receivedBefore: b.to });
      return drillHref(d, what, shown);
    },
    share: (s: number | null) => (s === null ? t('app.none') : percent.format(s)),
    days: (d: number | null) => (d === null ? t('app.none') : t('analysis.days', { n: number.format(d) })),
    /** The bucket's name ("maand") and the period's granularity in words ("per maand"). */
    bucketHeader: t(`analysis.bucket.${f.period.granularity}`),
    granularity: t(`analysis.granularity.${f.period.granularity}`),
  };
}

export type FigureHelpers = ReturnType<typeof useFigureHelpers>;

/** The definitions of these figures (keys of server/analysis/definitions.ts) as one text. */
export const joined = (def: (key: string) => string | null, ...keys: string[]) =>
  keys
    .map(def)
    .filter((d): d is string => !!d)
    .join(' ');

const QUARTER = { nl: 'K', en: 'Q' } as const;
/** '2026-03' → "mrt. 2026", '2026-Q1' → "K1 2026", '2026-H1' → "1e helft 2026", '2026' → "2026". */
export function bucketName(key: string, locale: 'nl' | 'en'): string {
  const month = key.match(/^(\d{4})-(\d{2})$/);
  if (month) {
    const d = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15));
    return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
  }
  const quarter = key.match(/^(\d{4})-Q([1-4])$/);
  if (quarter) return `${QUARTER[locale]}${quarter[2]} ${quarter[1]}`;
  const half = key.match(/^(\d{4})-H([12])$/);
  if (half) return locale === 'nl' ? `${half[2]}e helft ${half[1]}` : `H${half[2]} ${half[1]}`;
  return key;
}
