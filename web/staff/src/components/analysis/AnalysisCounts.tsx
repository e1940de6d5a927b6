import { Paragraph } from '@utrecht/component-library-react';
import { AnalysisSection } from './AnalysisSection.tsx';
import { addDays } from './analysisView.ts';
import { useAnalysisI18n } from './analysisWords.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { Definition } from './Definition.tsx';
import { DrillCount } from './DrillCount.tsx';
import { type FigureHelpers, joined } from './figureHelpers.ts';

/** Received and closed: open at the start + received − closed = open at the end, and the trend per bucket. */
export function AnalysisCounts({ h }: { h: FigureHelpers }) {
  const { t, date } = useAnalysisI18n();
  const { f, shown, periodText, def, href, bucketPeriod } = h;
  const rec = f.reconciliation;
  return (
    <AnalysisSection id="analysis-counts" title={t('analysis.counts.title')}>
      <div className="kf-figure">
        <p className="kf-reconcile" aria-describedby="analysis-reconcile-note">
          <span>
            {t('analysis.reconcile.openAtStart', { day: date(f.period.from) })}{' '}
            <strong>
              <DrillCount back={shown} c={rec.openAtStart} what={t('analysis.reconcile.openAtStart', { day: date(f.period.from) })} />
            </strong>
          </span>
          <span aria-hidden="true"> + </span>
          <span className="kf-visually-hidden"> {t('analysis.reconcile.plus')} </span>
          <span>
            {t('analysis.reconcile.received')}{' '}
            <strong>
              <DrillCount back={shown} c={rec.received} what={`${t('analysis.reconcile.received')}, ${periodText}`} />
            </strong>
          </span>
          <span aria-hidden="true"> − </span>
          <span className="kf-visually-hidden"> {t('analysis.reconcile.minus')} </span>
          <span>
            {t('analysis.reconcile.closed')}{' '}
            <strong>
              <DrillCount back={shown} c={rec.closed} what={`${t('analysis.reconcile.closed')}, ${periodText}`} />
            </strong>
          </span>
          <span aria-hidden="true"> = </span>
          <span className="kf-visually-hidden"> {t('analysis.reconcile.equals')} </span>
          <span>
            {t('analysis.reconcile.openAtEnd', { day: date(addDays(f.period.to, -1)) })}{' '}
            <strong>
              <DrillCount
                back={shown}
                c={rec.openAtEnd}
                what={t('analysis.reconcile.openAtEnd', { day: date(addDays(f.period.to, -1)) })}
              />
            </strong>
          </span>
        </p>
        <Paragraph id="analysis-reconcile-note" className={rec.balances ? 'kf-muted' : 'kf-warning-text'}>
          {t(rec.balances ? 'analysis.reconcile.balances' : 'analysis.reconcile.off')}
        </Paragraph>
        <Definition text={joined(def, 'reconciliation', 'openAtStart', 'openAtEnd')} of={t('analysis.reconcile.title')} />
      </div>
      <ChartFigure
        id="analysis-trend"
        title={t('analysis.trend.title')}
        caption={t('analysis.trend.caption', { granularity: h.granularity })}
        kind="line"
        categoryLabel={h.bucketHeader}
        categories={h.buckets}
        definition={joined(def, 'received', 'closed')}
        series={(['received', 'closed'] as const).map((key) => ({
          key,
          label: t(`analysis.series.${key}`),
          values: f[key].perBucket.map((c) => c.value),
          hrefs: f[key].perBucket.map((c, i) => href(c, `${t(`analysis.series.${key}`)}, ${bucketPeriod(i)}`)),
        }))}
      />
    </AnalysisSection>
  );
}
