import { Paragraph } from '@utrecht/component-library-react';
import { query } from '../../api/client.ts';
import { AppLink } from '../../router.tsx';
import { AnalysisSection } from './AnalysisSection.tsx';
import { useAnalysisI18n } from './analysisWords.ts';
import { ChartFigure } from './ChartFigure.tsx';
import type { FigureHelpers } from './figureHelpers.ts';

/** Satisfaction surveys: the scores given, and the average score per handler, team and ground. */
export function AnalysisSurveys({ h }: { h: FigureHelpers }) {
  const { t } = useAnalysisI18n();
  const { f, def, number, share } = h;
  const surveys = f.surveys.byHandler;
  const surveyPeriod = query({ from: surveys.period.from, to: surveys.period.to });
  return (
    <AnalysisSection id="analysis-surveys" title={t('analysis.surveys.title')}>
      <ChartFigure
        id="analysis-survey-scores"
        title={t('analysis.surveys.scores')}
        caption={t('analysis.surveys.caption')}
        kind="bar"
        categoryLabel={t('analysis.surveys.score')}
        categories={[1, 2, 3, 4, 5].map((s) => t('analysis.surveys.scoreOf', { score: s }))}
        definition={def('surveys')}
        empty={t('analysis.surveys.none')}
        intro={
          <Paragraph>
            {surveys.totals.average === null
              ? t('analysis.surveys.noAverage')
              : t('analysis.surveys.average', { average: number.format(surveys.totals.average) })}{' '}
            {t('analysis.surveys.response', {
              answered: surveys.totals.answered,
              sent: surveys.totals.sent,
              rate: share(surveys.totals.responseRate),
            })}{' '}
            {surveys.totals.sent ? (
              <AppLink to={`/tevredenheid${query({ from: surveys.period.from, to: surveys.period.to, list: 'sent' })}`}>
                {t('analysis.surveys.cases', { count: surveys.totals.sent })}
              </AppLink>
            ) : null}
          </Paragraph>
        }
        series={[{ key: 'answers', label: t('analysis.surveys.answers'), values: surveys.totals.distribution }]}
      />
      <div className="kf-figure-grid">
        {(['byHandler', 'byTeam', 'byGround'] as const).map((k) => (
          <SurveyGroups key={k} h={h} k={k} />
        ))}
      </div>
      <Paragraph>
        <AppLink to={`/tevredenheid${surveyPeriod}`}>{t('analysis.surveys.more')}</AppLink>
      </Paragraph>
    </AnalysisSection>
  );
}

/** The average score per group (handler, team or ground); its table adds sent (linked) and the response rate. */
function SurveyGroups({ h, k }: { h: FigureHelpers; k: 'byHandler' | 'byTeam' | 'byGround' }) {
  const { t, l } = useAnalysisI18n();
  const r = h.f.surveys[k];
  const groups = r.groups.filter((g) => g.sent > 0);
  const name = (g: (typeof groups)[number]) => (g.label ? l(g.label) : t(`analysis.surveys.none.${r.groupBy}`));
  const listHref = (g: (typeof groups)[number], list: 'sent' | 'answered') =>
    `/tevredenheid${query({ from: r.period.from, to: r.period.to, groupBy: r.groupBy, list, key: g.key ?? 'none' })}`;
  return (
    <ChartFigure
      id={`analysis-survey-${r.groupBy}`}
      title={t(`analysis.surveys.per.${r.groupBy}`)}
      caption={t(`analysis.surveys.perCaption.${r.groupBy}`)}
      kind="bar"
      horizontal
      integers={false}
      categoryLabel={t(`analysis.surveys.group.${r.groupBy}`)}
      categories={groups.map(name)}
      empty={t('analysis.surveys.none')}
      series={[{ key: 'average', label: t('analysis.surveys.averageScore'), values: groups.map((g) => g.average) }]}
      tableColumns={[
        {
          key: 'sent',
          label: t('analysis.surveys.sent'),
          cells: groups.map((g) => (
            <AppLink key="sent" to={listHref(g, 'sent')} aria-label={t('analysis.surveys.sentOf', { count: g.sent, name: name(g) })}>
              {h.number.format(g.sent)}
            </AppLink>
          )),
        },
        { key: 'rate', label: t('analysis.surveys.rate'), cells: groups.map((g) => h.share(g.responseRate)) },
      ]}
    />
  );
}
