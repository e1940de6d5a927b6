import { AnalysisSection } from './AnalysisSection.tsx';
import { NO_VALUE } from './AnalysisFilters.tsx';
import type { Dimension } from './analysisTypes.ts';
import { useAnalysisI18n } from './analysisWords.ts';
import { ChartFigure } from './ChartFigure.tsx';
import type { FigureHelpers } from './figureHelpers.ts';

/** Received and closed per value of each breakdown (ground, channel, department…), as bars. */
export function AnalysisBreakdowns({ h }: { h: FigureHelpers }) {
  const { t, l } = useAnalysisI18n();
  const { f, periodText, def, href } = h;
  const dimLabel = (d: Dimension) => t(`analysis.dim.${d}`);
  const valueLabel = (v: { value: string; label: { nl: string; en: string } }) =>
    v.value === NO_VALUE ? t('analysis.noValue') : l(v.label);
  return (
    <AnalysisSection id="analysis-breakdowns" title={t('analysis.breakdowns.title')} intro={t('analysis.breakdowns.intro')}>
      <div className="kf-figure-grid">
        {f.breakdowns.map((b) => (
          <ChartFigure
            key={b.dimension}
            id={`analysis-dim-${b.dimension}`}
            title={dimLabel(b.dimension)}
            caption={t('analysis.breakdowns.caption', { dimension: dimLabel(b.dimension).toLowerCase(), period: periodText })}
            kind="bar"
            horizontal
            categoryLabel={l(b.label) || dimLabel(b.dimension)}
            categories={b.values.map(valueLabel)}
            definition={def('breakdown')}
            series={(['received', 'closed'] as const).map((key) => ({
              key,
              label: t(`analysis.series.${key}`),
              values: b.values.map((v) => v[key].value),
              hrefs: b.values.map((v) =>
                href(v[key], `${t(`analysis.series.${key}`)}, ${dimLabel(b.dimension).toLowerCase()} ${valueLabel(v)}, ${periodText}`),
              ),
            }))}
          />
        ))}
      </div>
    </AnalysisSection>
  );
}
