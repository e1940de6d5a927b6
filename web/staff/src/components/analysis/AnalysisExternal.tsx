import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { AppLink } from '../../router.tsx';
import { CaptionedTable } from '../CaptionedTable.tsx';
import { AnalysisSection } from './AnalysisSection.tsx';
import { useAnalysisI18n } from './analysisWords.ts';
import { Definition } from './Definition.tsx';
import { DrillCount } from './DrillCount.tsx';
import { type FigureHelpers, joined } from './figureHelpers.ts';

/** External bodies (ombudsman, …): cases per body with their outcomes, and their recommendations. */
export function AnalysisExternal({ h }: { h: FigureHelpers }) {
  const { t, l, date } = useAnalysisI18n();
  const { f, shown, periodText, def } = h;
  return (
    <AnalysisSection id="analysis-external" title={t('analysis.external.title')}>
      <div className="kf-figure">
        <Paragraph>
          {t('analysis.external.total')}{' '}
          <DrillCount back={shown} c={f.external.total} what={`${t('analysis.external.total')}, ${periodText}`} />.
        </Paragraph>
        <Definition text={joined(def, 'external')} of={t('analysis.external.title')} />
        {f.external.byBody.length ? (
          <CaptionedTable
            caption={t('analysis.external.caption')}
            columns={[t('analysis.external.body'), { label: t('analysis.external.cases'), number: true }, t('analysis.external.outcomes')]}
          >
            {f.external.byBody.map((b) => (
              <TableRow key={b.body}>
                <TableHeaderCell scope="row">{l(b.label)}</TableHeaderCell>
                <TableCell className="kf-number">
                  <DrillCount back={shown} c={b.cases} what={`${l(b.label)}, ${periodText}`} />
                </TableCell>
                <TableCell>
                  {b.outcomes.map((o) => `${o.outcome ?? t('analysis.external.unknown')}: ${o.count}`).join('; ') || t('app.none')}
                </TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
        ) : null}
      </div>
      <div className="kf-figure">
        <h3 className="utrecht-heading-3">{t('analysis.external.recommendations')}</h3>
        <Definition text={joined(def, 'recommendations')} of={t('analysis.external.recommendations')} />
        {f.external.recommendations.length === 0 ? (
          <Paragraph className="kf-muted">{t('analysis.external.noRecommendations')}</Paragraph>
        ) : (
          <CaptionedTable
            caption={t('analysis.external.recommendations')}
            hiddenCaption
            columns={[
              t('analysis.list.reference'),
              t('analysis.external.body'),
              t('analysis.external.recommendation'),
              t('analysis.external.due'),
            ]}
          >
            {f.external.recommendations.map((r) => (
              <TableRow key={`${r.caseId}-${r.recommendation}`}>
                <TableCell>
                  <AppLink to={`/meldingen/${r.caseId}`}>{r.reference}</AppLink>
                </TableCell>
                <TableCell>{r.body ?? t('app.none')}</TableCell>
                <TableCell>{r.recommendation}</TableCell>
                <TableCell className="kf-nowrap">
                  {r.responseDue ? date(r.responseDue) : t('app.none')}
                  {r.overdue ? <strong> {t('analysis.external.overdue')}</strong> : null}
                </TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
        )}
      </div>
    </AnalysisSection>
  );
}
