import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { CaptionedTable } from '../CaptionedTable.tsx';
import { AnalysisSection } from './AnalysisSection.tsx';
import { addDays } from './analysisView.ts';
import { useAnalysisI18n } from './analysisWords.ts';
import { Definition } from './Definition.tsx';
import { DrillCount } from './DrillCount.tsx';
import { type FigureHelpers, joined } from './figureHelpers.ts';

/** Rising themes: grounds and terms that come up more often than in the period before, and how sure that is. */
export function AnalysisThemes({ h }: { h: FigureHelpers }) {
  const { t, l, locale, date } = useAnalysisI18n();
  const { f, shown, periodText, def, number, percent } = h;
  return (
    <AnalysisSection
      id="analysis-themes"
      title={t('analysis.themes.title')}
      intro={t('analysis.themes.intro', { from: date(f.risingThemes.previous.from), to: date(addDays(f.risingThemes.previous.to, -1)) })}
    >
      {(['grounds', 'terms'] as const).map((kind) => {
        const rows = f.risingThemes[kind];
        const caption = t(`analysis.themes.${kind}`);
        return (
          <div key={kind} className="kf-figure">
            <h3 className="utrecht-heading-3">{caption}</h3>
            <Definition text={joined(def, kind === 'grounds' ? 'risingGrounds' : 'risingTerms')} of={caption} />
            {rows.length === 0 ? (
              <Paragraph className="kf-muted">{t('analysis.themes.none')}</Paragraph>
            ) : (
              <CaptionedTable
                caption={caption}
                hiddenCaption
                columns={[
                  t('analysis.themes.theme'),
                  { label: t('analysis.themes.now'), number: true },
                  { label: t('analysis.themes.before'), number: true },
                  t('analysis.themes.chance'),
                ]}
              >
                {rows.map((r) => (
                  <TableRow key={r.key}>
                    <TableHeaderCell scope="row">{l(r.label) || r.key}</TableHeaderCell>
                    <TableCell className="kf-number">
                      <DrillCount
                        back={shown}
                        c={{ value: r.current, drillDown: r.drillDown }}
                        what={`${caption}: ${l(r.label) || r.key}, ${periodText}`}
                      />{' '}
                      <span className="kf-muted">({percent.format(r.currentShare)})</span>
                    </TableCell>
                    <TableCell className="kf-number">
                      {number.format(r.previous)} <span className="kf-muted">({percent.format(r.previousShare)})</span>
                    </TableCell>
                    <TableCell>{chanceWords(r.pAdjusted, t, locale)}</TableCell>
                  </TableRow>
                ))}
              </CaptionedTable>
            )}
          </div>
        );
      })}
    </AnalysisSection>
  );
}

/** A p-value in plain words: how likely the rise is chance. */
function chanceWords(p: number, t: ReturnType<typeof useAnalysisI18n>['t'], locale: 'nl' | 'en'): string {
  const pText = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumSignificantDigits: 2 }).format(p);
  const words = p < 0.01 ? t('analysis.themes.surely') : p < 0.05 ? t('analysis.themes.likely') : t('analysis.themes.maybe');
  return `${words} (p = ${pText})`;
}
