import { Paragraph } from '@utrecht/component-library-react';
import { useAnalysisI18n } from './analysisWords.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { DrillCount } from './DrillCount.tsx';
import type { FigureHelpers } from './figureHelpers.ts';

/** Closed on time and late against the legal term or the service norm, per bucket. */
export function AnalysisOnTime({ h, n }: { h: FigureHelpers; n: 'term' | 'norm' }) {
  const { t } = useAnalysisI18n();
  const { f, shown, periodText, bucketPeriod, inBucket } = h;
  const o = f.onTime[n];
  const norm = t(`analysis.onTime.${n}`);
  return (
    <ChartFigure
      id={`analysis-ontime-${n}`}
      title={norm}
      caption={t('analysis.onTime.caption', { norm: norm.toLowerCase() })}
      kind="bar"
      categoryLabel={h.bucketHeader}
      categories={h.buckets}
      definition={h.def(n === 'term' ? 'onTimeTerm' : 'onTimeNorm')}
      empty={t('analysis.onTime.none')}
      intro={
        <Paragraph>
          {t('analysis.onTime.share', { share: h.share(o.share) })} {t('analysis.onTime.counted')}{' '}
          <DrillCount back={shown} c={o.counted} what={`${norm}: ${t('analysis.onTime.counted')}, ${periodText}`} />;{' '}
          {t('analysis.onTime.onTime')}{' '}
          <DrillCount back={shown} c={o.onTime} what={`${norm}: ${t('analysis.onTime.onTime')}, ${periodText}`} />;{' '}
          {t('analysis.onTime.late')} <DrillCount back={shown} c={o.late} what={`${norm}: ${t('analysis.onTime.late')}, ${periodText}`} />.
        </Paragraph>
      }
      series={[
        {
          key: 'onTime',
          label: t('analysis.onTime.onTime'),
          values: o.perBucket.map((b) => b.onTime),
          hrefs: o.perBucket.map((_, i) => inBucket(o.onTime, i, `${norm}: ${t('analysis.onTime.onTime')}, ${bucketPeriod(i)}`)),
        },
        {
          key: 'late',
          label: t('analysis.onTime.late'),
          values: o.perBucket.map((b) => b.counted - b.onTime),
          hrefs: o.perBucket.map((_, i) => inBucket(o.late, i, `${norm}: ${t('analysis.onTime.late')}, ${bucketPeriod(i)}`)),
        },
      ]}
    />
  );
}
