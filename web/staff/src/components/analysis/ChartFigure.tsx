import {
  Button,
  ButtonGroup,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { TableWrap } from '../../../../ui/index.ts';
import { useAnalysisI18n } from './analysisWords.ts';
import { navigate, PlainLink } from '../../router.tsx';
import { Definition } from './Definition.tsx';

/** One column of the table, one dataset of the chart; a value's link opens the cases behind it. */
export type FigureSeries = { key: string; label: string; values: (number | null)[]; hrefs?: (string | null)[] };

export type ChartFigureProps = {
  id: string;
  title: string;
  /** The table's caption (also the chart's name). */
  caption: string;
  kind: 'bar' | 'line';
  /** Bars along the vertical axis: for many or long labels (grounds, departments). */
  horizontal?: boolean;
  /** The first column's header: what a row is (month, ground, channel…). */
  categoryLabel: string;
  categories: string[];
  series: FigureSeries[];
  /** Columns the table shows beside the chart's series (other units: a response rate beside a score). */
  tableColumns?: { key: string; label: string; cells: ReactNode[] }[];
  /** Counts (whole numbers) or measures (days, percentages). */
  integers?: boolean;
  /** After each value, e.g. " dagen" or "%". */
  suffix?: string;
  definition?: string | null;
  /** Shown below the heading: the figure in one sentence, for everyone. */
  intro?: ReactNode;
  empty?: string;
};

type View = 'chart' | 'table';

/**
 * A chart with its table (WCAG 1.1.1, 1.4.1): "Grafiek" or "Tabel", the same numbers either way. The
 * canvas is an image named by a summary in words; in the table each value links to the cases behind
 * it, as a click on a bar does. Chart.js comes in with a dynamic import, so only these pages load it.
 */
export function ChartFigure(p: ChartFigureProps) {
  const { t, locale } = useAnalysisI18n();
  const [view, setView] = useState<View>('chart');
  const hasData = p.categories.length > 0 && p.series.some((s) => s.values.some((v) => v !== null && v !== 0));
  const number = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: p.integers === false ? 1 : 0 });
  const fmt = (v: number | null) => (v === null ? t('app.none') : `${number.format(v)}${p.suffix ?? ''}`);
  const headingId = `${p.id}-title`;

  return (
    <section className="kf-figure" aria-labelledby={headingId}>
      <Heading3 id={headingId}>{p.title}</Heading3>
      {p.intro ? <div className="kf-figure__intro">{p.intro}</div> : null}
      {p.definition ? <Definition text={p.definition} of={p.title} /> : null}
      {!hasData ? (
        <Paragraph className="kf-muted">{p.empty ?? t('analysis.figure.empty')}</Paragraph>
      ) : (
        <>
          <ButtonGroup role="group" className="kf-figure__views" aria-label={t('analysis.figure.views', { title: p.title })}>
            {(['chart', 'table'] as const).map((v) => (
              <Button
                key={v}
                appearance={view === v ? 'primary-action-button' : 'secondary-action-button'}
                aria-pressed={view === v}
                onClick={() => setView(v)}
              >
                {t(v === 'chart' ? 'analysis.figure.chart' : 'analysis.figure.table')}
              </Button>
            ))}
          </ButtonGroup>
          {view === 'chart' ? (
            <ChartCanvas {...p} summary={summarise(p, fmt, t('analysis.figure.summaryAnd'))} />
          ) : (
            <TableWrap label={p.caption}>
              <Table className="kf-figure__table">
                <TableCaption>{p.caption}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{p.categoryLabel}</TableHeaderCell>
                    {p.series.map((s) => (
                      <TableHeaderCell key={s.key} scope="col" className="kf-number">
                        {s.label}
                      </TableHeaderCell>
                    ))}
                    {p.tableColumns?.map((col) => (
                      <TableHeaderCell key={col.key} scope="col" className="kf-number">
                        {col.label}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {p.categories.map((c, row) => (
                    <TableRow key={c}>
                      <TableHeaderCell scope="row">{c}</TableHeaderCell>
                      {p.series.map((s) => {
                        const v = s.values[row] ?? null;
                        const href = s.hrefs?.[row];
                        return (
                          <TableCell key={s.key} className="kf-number">
                            {href && v ? (
                              <PlainLink
                                to={href}
                                className="utrecht-link"
                                aria-label={t('analysis.figure.drill', {
                                  value: fmt(v),
                                  what: p.series.length > 1 ? `${s.label}, ${c}` : c,
                                })}
                              >
                                {fmt(v)}
                              </PlainLink>
                            ) : (
                              fmt(v)
                            )}
                          </TableCell>
                        );
                      })}
                      {p.tableColumns?.map((col) => (
                        <TableCell key={col.key} className="kf-number">
                          {col.cells[row]}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
          )}
        </>
      )}
    </section>
  );
}

/** The chart in words, for the canvas's name: each row's values, briefly. */
function summarise(p: ChartFigureProps, fmt: (v: number | null) => string, and: string): string {
  const rows = p.categories.map((c, i) => {
    const values = p.series.map((s) => (p.series.length > 1 ? `${s.label} ${fmt(s.values[i] ?? null)}` : fmt(s.values[i] ?? null)));
    return `${c}: ${values.join(` ${and} `)}`;
  });
  return `${p.caption}. ${rows.join('; ')}.`;
}

function ChartCanvas(p: ChartFigureProps & { summary: string }) {
  const { locale } = useAnalysisI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  // Redraw only when the numbers or the language change, not on every render of the page.
  const key = JSON.stringify([p.kind, p.horizontal, p.categories, p.series, p.suffix, locale]);
  const latest = useRef(p);
  latest.current = p;
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the figure's data; the props are read through latest.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let live = true;
    let chart: { destroy: () => void } | null = null;
    const f = latest.current;
    import('./chartLoader.ts').then(
      ({ draw }) => {
        if (!live) return;
        chart = draw(el, {
          kind: f.kind,
          horizontal: !!f.horizontal,
          categories: f.categories,
          series: f.series,
          integers: f.integers !== false,
          suffix: f.suffix ?? '',
          locale: locale === 'nl' ? 'nl-NL' : 'en-GB',
          onPick: (s, c) => {
            const href = latest.current.series[s]?.hrefs?.[c];
            if (href) navigate(href);
          },
        });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [key]);
  const height = p.horizontal ? Math.max(160, p.categories.length * (24 + 12 * p.series.length) + 60) : 280;
  return (
    <div className="kf-figure__chart" style={{ height }}>
      {failed ? <Paragraph>{p.summary}</Paragraph> : null}
      <canvas ref={canvas} role="img" aria-label={p.summary} />
    </div>
  );
}
