import { Paragraph } from '@utrecht/component-library-react';
import { useDirectory } from '../api/directory.ts';
import { fieldErrorsOf } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { AnalysisBreakdowns } from '../components/analysis/AnalysisBreakdowns.tsx';
import { AnalysisCounts } from '../components/analysis/AnalysisCounts.tsx';
import { AnalysisExternal } from '../components/analysis/AnalysisExternal.tsx';
import { AnalysisFilters } from '../components/analysis/AnalysisFilters.tsx';
import { AnalysisLeadTimes } from '../components/analysis/AnalysisLeadTimes.tsx';
import { AnalysisRate } from '../components/analysis/AnalysisRate.tsx';
import { AnalysisReturningAndMeasures } from '../components/analysis/AnalysisReturningAndMeasures.tsx';
import { AnalysisSurveys } from '../components/analysis/AnalysisSurveys.tsx';
import { AnalysisThemes } from '../components/analysis/AnalysisThemes.tsx';
import type { DashboardFigures } from '../components/analysis/analysisTypes.ts';
import { type AnalysisView, addDays, apiQuery, readView, viewHref, viewQuery } from '../components/analysis/analysisView.ts';
import { useAnalysisI18n } from '../components/analysis/analysisWords.ts';
import { useFigureHelpers } from '../components/analysis/figureHelpers.ts';
import { ReportSubscription } from '../components/analysis/ReportSubscription.tsx';
import { ErrorNotice, Loading } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import '../components/analysis/analysis.css';

/**
 * Analyse (issue 12, part 8 point 2): the figures over a period in buckets, for those who learn from
 * complaints. Everything in the address (period, buckets, process, breakdown filters); every chart
 * with its table; every figure a link to the cases behind it; each definition one click away. The
 * server counts within what the viewer may read: a team lead sees their team's. Each section is a
 * component of components/analysis/ (in this page's lazy chunk, as is chartLoader.ts's Chart.js).
 */
export default function AnalysisPage() {
  const { t } = useAnalysisI18n();
  const { can } = useSession();
  const { search } = useLocation();
  const view = readView(search);
  const dir = useDirectory();
  const res = useResource<DashboardFigures>(can('analysis:read') ? `/analysis/dashboard${apiQuery(view)}` : null);
  const f = res.data;

  if (!can('analysis:read')) {
    return (
      <>
        <PageHeading title={t('analysis.title')} />
        <Paragraph>{t('app.forbidden')}</Paragraph>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('analysis.title')} />
      <Paragraph>{t('analysis.intro')}</Paragraph>
      <AnalysisFilters
        // A new address (back, forward, a link) starts the form afresh from it; the server's period fills an empty one.
        key={`${search.toString()}|${f ? `${f.period.from}/${f.period.to}` : ''}`}
        view={view}
        figures={f}
        processes={dir?.processes ?? []}
        serverErrors={fieldErrorsOf(res.error)}
        onApply={(v) => navigate(viewHref(v))}
      />
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {!f && !res.error ? <Loading /> : null}
      {f ? <Figures f={f} view={view} reload={res.reload} /> : null}
      {f ? <ReportSubscription query={viewQuery(view).replace(/^\?/, '')} /> : null}
    </>
  );
}

function Figures({ f, view, reload }: { f: DashboardFigures; view: AnalysisView; reload: () => void }) {
  const { t, date } = useAnalysisI18n();
  const h = useFigureHelpers(f, view);
  return (
    <div className="kf-analysis">
      <Paragraph className="kf-analysis__period" role="status" aria-live="polite">
        {t('analysis.periodShown', { from: date(f.period.from), to: date(addDays(f.period.to, -1)), granularity: h.granularity })}
      </Paragraph>
      <AnalysisCounts h={h} />
      <AnalysisBreakdowns h={h} />
      <AnalysisLeadTimes h={h} />
      <AnalysisSurveys h={h} />
      <AnalysisReturningAndMeasures h={h} />
      <AnalysisThemes h={h} />
      <AnalysisRate h={h} reload={reload} />
      <AnalysisExternal h={h} />
    </div>
  );
}
