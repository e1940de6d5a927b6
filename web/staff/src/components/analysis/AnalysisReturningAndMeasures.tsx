import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { AppLink } from '../../router.tsx';
import { AnalysisSection } from './AnalysisSection.tsx';
import { useAnalysisI18n } from './analysisWords.ts';
import { Definition } from './Definition.tsx';
import { DrillCount } from './DrillCount.tsx';
import { type FigureHelpers, joined } from './figureHelpers.ts';

/** Learning: complainants who come back, and the improvement measures (open, overdue, checked). */
export function AnalysisReturningAndMeasures({ h }: { h: FigureHelpers }) {
  const { t } = useAnalysisI18n();
  const { f, shown, periodText, def } = h;
  return (
    <AnalysisSection id="analysis-learning" title={t('analysis.learning.title')}>
      <div className="kf-figure">
        <h3 className="utrecht-heading-3">{t('analysis.returning.title')}</h3>
        <UnorderedList>
          <UnorderedListItem>
            {t('analysis.returning.inPeriod', { complainants: f.returningComplainants.inPeriod.complainants })}{' '}
            <DrillCount
              back={shown}
              c={f.returningComplainants.inPeriod.cases}
              what={`${t('analysis.returning.inPeriodCases')}, ${periodText}`}
            />{' '}
            {t('analysis.returning.cases')}
          </UnorderedListItem>
          <UnorderedListItem>
            {t('analysis.returning.withEarlier', { complainants: f.returningComplainants.withEarlier.complainants })}{' '}
            <DrillCount
              back={shown}
              c={f.returningComplainants.withEarlier.cases}
              what={`${t('analysis.returning.withEarlierCases')}, ${periodText}`}
            />{' '}
            {t('analysis.returning.cases')}
          </UnorderedListItem>
        </UnorderedList>
        <Definition text={joined(def, 'returningInPeriod', 'returningWithEarlier')} of={t('analysis.returning.title')} />
      </div>
      <div className="kf-figure">
        <h3 className="utrecht-heading-3">{t('analysis.measures.title')}</h3>
        <UnorderedList>
          {(['open', 'overdue', 'checked'] as const).map((m) => (
            <UnorderedListItem key={m}>
              {t(`analysis.measures.${m}`)}:{' '}
              <AppLink
                to={`/verbetermaatregelen?view=${m}`}
                aria-label={t('analysis.measures.link', { count: f.measures[m], what: t(`analysis.measures.${m}`) })}
              >
                {h.number.format(f.measures[m])}
              </AppLink>
            </UnorderedListItem>
          ))}
        </UnorderedList>
        <Definition text={joined(def, 'measures')} of={t('analysis.measures.title')} />
      </div>
    </AnalysisSection>
  );
}
