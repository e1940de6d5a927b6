import { Paragraph } from '@utrecht/component-library-react';
import { AnalysisOnTime } from './AnalysisOnTime.tsx';
import { AnalysisSection } from './AnalysisSection.tsx';
import { useAnalysisI18n } from './analysisWords.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { Definition } from './Definition.tsx';
import { DrillCount } from './DrillCount.tsx';
import { type FigureHelpers, joined } from './figureHelpers.ts';

/** Handling: lead times (median, 90th percentile), on time against term and norm, extensions. */
export function AnalysisLeadTimes({ h }: { h: FigureHelpers }) {
  const { t } = useAnalysisI18n();
  const { f, shown, periodText, def, days } = h;
  return (
    <AnalysisSection id="analysis-handling" title={t('analysis.handling.title')}>
      <div className="kf-figure">
        <dl className="kf-figures">
          <div>
            <dt>{t('analysis.lead.median')}</dt>
            <dd>{days(f.leadTime.medianDays)}</dd>
          </div>
          <div>
            <dt>{t('analysis.lead.p90')}</dt>
            <dd>{days(f.leadTime.p90Days)}</dd>
          </div>
          <div>
            <dt>{t('analysis.lead.closed')}</dt>
            <dd>
              <DrillCount
                back={shown}
                c={{ value: f.leadTime.closed, drillDown: f.leadTime.drillDown }}
                what={`${t('analysis.lead.closed')}, ${periodText}`}
              />
            </dd>
          </div>
        </dl>
      </div>
      <ChartFigure
        id="analysis-lead"
        title={t('analysis.lead.title')}
        caption={t('analysis.lead.caption', { granularity: h.granularity })}
        kind="line"
        integers={false}
        suffix={t('analysis.daysSuffix')}
        categoryLabel={h.bucketHeader}
        categories={h.buckets}
        definition={def('leadTime')}
        series={[
          { key: 'median', label: t('analysis.lead.median'), values: f.leadTime.perBucket.map((b) => b.medianDays) },
          { key: 'p90', label: t('analysis.lead.p90'), values: f.leadTime.perBucket.map((b) => b.p90Days) },
        ]}
      />
      <AnalysisOnTime h={h} n="term" />
      <AnalysisOnTime h={h} n="norm" />
      <div className="kf-figure">
        <h3 className="utrecht-heading-3">{t('analysis.extensions.title')}</h3>
        <Paragraph>
          {t('analysis.extensions.of', { closed: h.number.format(f.extensions.closed) })} {t('analysis.extensions.extended')}{' '}
          <DrillCount back={shown} c={f.extensions.extended} what={`${t('analysis.extensions.extended')}, ${periodText}`} />;{' '}
          {t('analysis.extensions.consent')}{' '}
          <DrillCount back={shown} c={f.extensions.consentDelay} what={`${t('analysis.extensions.consent')}, ${periodText}`} />.
        </Paragraph>
        <Definition text={joined(def, 'extended', 'consentDelay')} of={t('analysis.extensions.title')} />
      </div>
    </AnalysisSection>
  );
}
