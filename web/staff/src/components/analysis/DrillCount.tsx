import { PlainLink } from '../../router.tsx';
import type { CountFigure } from './analysisTypes.ts';
import { type AnalysisView, drillHref } from './analysisView.ts';
import { useAnalysisI18n } from './analysisWords.ts';

/** A count that opens the cases behind it; zero is just a number. */
export function DrillCount({ c, what, back }: { c: CountFigure; what: string; back: AnalysisView }) {
  const { t, locale } = useAnalysisI18n();
  const n = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(c.value);
  if (!c.value) return n;
  return (
    <PlainLink to={drillHref(c.drillDown, what, back)} className="utrecht-link" aria-label={t('analysis.figure.drill', { value: n, what })}>
      {n}
    </PlainLink>
  );
}
