import { Html, html } from '../../routes/portal/pages/html.ts';
import { type Block, isNumeric, type ReportDocument } from './documentModel.ts';

/**
 * A report as one accessible HTML page (lang="nl"): h1 and h2 headings, tables with a caption and
 * th scope, bar charts as SVG bars next to the printed number (the number always stands in the text,
 * so no chart is the only carrier of information; the bars are hidden from screen readers). No
 * script, one inline stylesheet, prints on A4: ready to publish as it is.
 */
const STYLE = `
  body { font-family: "Noto Sans", Arial, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.8rem; margin-bottom: 0.2rem; color: #154273; }
  h2 { font-size: 1.3rem; margin-top: 2rem; color: #154273; border-bottom: 1px solid #ccd6e0; padding-bottom: 0.2rem; }
  .subtitle { font-size: 1.1rem; color: #444; margin-top: 0; }
  .draft { border: 2px solid #b00020; color: #b00020; padding: 0.5rem 0.75rem; font-weight: bold; }
  table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
  caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
  th, td { border: 1px solid #ccd6e0; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  thead th { background: #eef2f6; }
  tfoot th, tfoot td { font-weight: bold; background: #f6f8fa; }
  figure { margin: 1rem 0; }
  figcaption { font-weight: bold; margin-bottom: 0.3rem; }
  .bars { list-style: none; padding: 0; margin: 0; }
  .bars li { display: grid; grid-template-columns: 14rem 1fr 4.5rem; gap: 0.5rem; align-items: center; margin: 0.15rem 0; }
  .bars svg { width: 100%; height: 0.9rem; }
  .bars .v { text-align: right; font-variant-numeric: tabular-nums; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } }
`;

function block(b: Block): Html {
  switch (b.type) {
    case 'p':
      return html`<p>${b.text}</p>`;
    case 'list':
      return html`<ul>${b.items.map((i) => html`<li>${i}</li>`)}</ul>`;
    case 'table':
      return html`<table>
  <caption>${b.caption}</caption>
  <thead><tr>${b.columns.map((c, i) => html`<th scope="col"${i > 0 ? html` class="n"` : ''}>${c}</th>`)}</tr></thead>
  <tbody>${b.rows.map(
    (r) =>
      html`<tr><th scope="row">${r.head}</th>${r.cells.map((c) => (isNumeric(c) ? html`<td class="n">${c}</td>` : html`<td>${c}</td>`))}</tr>`,
  )}</tbody>${
    b.foot
      ? html`
  <tfoot><tr><th scope="row">${b.foot.head}</th>${b.foot.cells.map((c) => html`<td class="n">${c}</td>`)}</tr></tfoot>`
      : ''
  }
</table>`;
    case 'bars': {
      const max = Math.max(1, ...b.items.map((i) => i.value ?? 0));
      return html`<figure>
  <figcaption>${b.title}</figcaption>
  <ul class="bars">${b.items.map(
    (i) =>
      html`<li><span>${i.label}</span><svg aria-hidden="true" focusable="false" viewBox="0 0 100 10" preserveAspectRatio="none">${
        i.value ? html`<rect x="0" y="0" height="10" width="${String(Math.max(0.5, (i.value / max) * 100))}" fill="#2a6ebb"></rect>` : ''
      }</svg><span class="v">${i.text}</span></li>`,
  )}</ul>
</figure>`;
    }
  }
}

export function renderReportHtml(doc: ReportDocument): string {
  return `<!DOCTYPE html>\n${
    html`<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.title}</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<main>
<h1>${doc.title}</h1>
<p class="subtitle">${doc.subtitle}</p>
${doc.draft ? html`<p class="draft">Concept: dit verslag is nog niet vastgesteld.</p>` : ''}
${doc.sections.map(
  (s) => html`<section>
<h2>${s.heading}</h2>
${s.blocks.map(block)}
</section>
`,
)}
</main>
</body>
</html>
`.value
  }`;
}
