import {
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { TableWrap } from '../../../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ReportBlock, ReportDocument } from './reportTypes.ts';

/**
 * The report as it reads in its PDF and HTML, on the screen: the same headings, paragraphs, tables
 * (caption, th scope) and bars (SVG beside the printed number, hidden from screen readers: the
 * number is in the text and the table). Always Dutch (lang="nl"), whatever the app's language.
 */
function Block({ b, id }: { b: ReportBlock; id: string }) {
  if (b.type === 'p') return <Paragraph>{b.text}</Paragraph>;
  if (b.type === 'list')
    return (
      <ul>
        {b.items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    );
  if (b.type === 'table')
    return (
      <TableWrap label={b.caption}>
        <Table className="kf-report-table">
          <TableCaption>{b.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              {b.columns.map((c) => (
                <TableHeaderCell key={c} scope="col">
                  {c}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {b.rows.map((r) => (
              <TableRow key={`${r.head}:${r.cells.join('|')}`}>
                <TableHeaderCell scope="row">{r.head}</TableHeaderCell>
                {r.cells.map((c, j) => (
                  <TableCell key={b.columns[j + 1] ?? c}>{c}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
          {b.foot ? (
            <TableFooter>
              <TableRow>
                <TableHeaderCell scope="row">{b.foot.head}</TableHeaderCell>
                {b.foot.cells.map((c, j) => (
                  <TableCell key={b.columns[j + 1] ?? c}>{c}</TableCell>
                ))}
              </TableRow>
            </TableFooter>
          ) : null}
        </Table>
      </TableWrap>
    );
  const max = Math.max(1, ...b.items.map((i) => i.value ?? 0));
  return (
    <figure className="kf-report-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{b.title}</figcaption>
      <ul className="kf-report-bars">
        {b.items.map((i) => (
          <li key={i.label}>
            <span>{i.label}</span>
            <svg aria-hidden="true" focusable="false" viewBox="0 0 100 10" preserveAspectRatio="none">
              {i.value ? <rect x="0" y="0" height="10" width={Math.max(0.5, (i.value / max) * 100)} /> : null}
            </svg>
            <span className="kf-report-value">{i.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A block's key: its kind and its own words (a section never repeats a table or a paragraph). */
const blockKey = (b: ReportBlock) =>
  `${b.type}:${b.type === 'p' ? b.text : b.type === 'list' ? b.items.join('|') : b.type === 'table' ? b.caption : b.title}`;

export function ReportDocumentView({ doc }: { doc: ReportDocument }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="report-content-title" className="kf-section kf-report-doc">
      <Heading2 id="report-content-title">{t('reports.detail.content')}</Heading2>
      {locale !== 'nl' ? <Paragraph>{t('reports.detail.contentLang')}</Paragraph> : null}
      <div lang="nl">
        <Paragraph lead>{doc.subtitle}</Paragraph>
        {doc.sections.map((s, i) => (
          <section key={s.heading} aria-labelledby={`report-s${i}`}>
            <Heading3 id={`report-s${i}`}>{s.heading}</Heading3>
            {s.blocks.map((b, j) => (
              <Block key={blockKey(b)} b={b} id={`report-s${i}-b${j}`} />
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}
