import { Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../../session.tsx';
import { AnalysisSection } from './AnalysisSection.tsx';
import { useAnalysisI18n } from './analysisWords.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { DrillCount } from './DrillCount.tsx';
import type { FigureHelpers } from './figureHelpers.ts';
import { VolumeForm } from './VolumeForm.tsx';

/** Complaints per 1,000 contacts per bucket; those who manage reports enter the contacts (volume). */
export function AnalysisRate({ h, reload }: { h: FigureHelpers; reload: () => void }) {
  const { t } = useAnalysisI18n();
  const { can } = useSession();
  const { f, shown, number, bucketPeriod } = h;
  return (
    <AnalysisSection id="analysis-rate" title={t('analysis.rate.title')}>
      <ChartFigure
        id="analysis-rate-chart"
        title={t('analysis.rate.chart')}
        caption={t('analysis.rate.caption', { granularity: h.granularity })}
        kind="line"
        integers={false}
        categoryLabel={h.bucketHeader}
        categories={h.buckets}
        definition={h.def('complaintRate')}
        empty={t('analysis.rate.none')}
        intro={
          <Paragraph>
            {f.complaintRate.total.perThousand === null
              ? t('analysis.rate.noTotal')
              : t('analysis.rate.total', {
                  rate: number.format(f.complaintRate.total.perThousand),
                  complaints: number.format(f.complaintRate.total.complaints),
                  volume: number.format(f.complaintRate.total.volume ?? 0),
                })}
          </Paragraph>
        }
        series={[{ key: 'rate', label: t('analysis.rate.perThousand'), values: f.complaintRate.perBucket.map((b) => b.perThousand) }]}
        tableColumns={[
          {
            key: 'complaints',
            label: t('analysis.rate.complaints'),
            cells: f.complaintRate.perBucket.map((b, i) => (
              <DrillCount
                key="complaints"
                back={shown}
                c={{ value: b.complaints, drillDown: f.received.perBucket[i]?.drillDown ?? {} }}
                what={`${t('analysis.series.received')}, ${bucketPeriod(i)}`}
              />
            )),
          },
          {
            key: 'volume',
            label: t('analysis.rate.volume'),
            cells: f.complaintRate.perBucket.map((b) => (b.volume === null ? t('app.none') : number.format(b.volume))),
          },
        ]}
      />
      {can('report:manage') ? <VolumeForm onSaved={reload} /> : null}
    </AnalysisSection>
  );
}
