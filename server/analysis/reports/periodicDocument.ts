import type { Block, ReportDocument, ReportText, Section } from './documentModel.ts';
import { bars, bucketName, longDate, nl, num, pct, plain } from './documentParts.ts';
import type { ReportFigures } from './reportFigures.ts';
import { aboutSection, analystSections, measureSection } from './closingSections.ts';

/** The seed 001 twice-yearly and seed 002 year-end analysis: every figure, for the organisation itself. */
export function periodicDocument(f: ReportFigures, text: ReportText): ReportDocument {
  const sections: Section[] = [];
  const term = f.onTime.term;
  const norm = f.onTime.norm;
  sections.push({
    heading: 'Samenvatting',
    blocks: [
      {
        type: 'p',
        text: `Van ${longDate(f.period.from)} tot en met ${longDate(f.period.to)} kwamen ${f.received.total} klachten binnen. In dezelfde tijd zijn ${f.closed.total} klachten afgesloten.`,
      },
      {
        type: 'p',
        text:
          f.leadTime.medianDays === null
            ? 'In deze periode is geen klacht afgesloten, dus er is geen doorlooptijd.'
            : `De helft van de klachten was binnen ${num(f.leadTime.medianDays)} dagen klaar. Negen op de tien waren binnen ${num(f.leadTime.p90Days)} dagen klaar.`,
      },
      {
        type: 'p',
        text: `Op tijd binnen de wettelijke termijn: ${pct(term.share)} (${term.onTime} van ${term.counted}). Op tijd binnen de eigen norm: ${pct(norm.share)} (${norm.onTime} van ${norm.counted}).`,
      },
      {
        type: 'p',
        text: `Open aan het begin: ${f.reconciliation.openAtStart}. Erbij: ${f.reconciliation.received}. Afgesloten: ${f.reconciliation.closed}. Open aan het eind: ${f.reconciliation.openAtEnd}.${f.reconciliation.balances ? ' De telling sluit.' : ' Let op: de telling sluit niet.'}`,
      },
    ],
  });
  sections.push({
    heading: 'Aantal klachten in de tijd',
    blocks: [
      ...bars(
        'Binnengekomen klachten',
        f.buckets.map((b, i) => ({ label: bucketName(b.key), shown: plain(f.received.perBucket[i] ?? 0) })),
      ),
      {
        type: 'table',
        caption: 'Binnengekomen en afgesloten klachten',
        columns: ['Periode', 'Binnengekomen', 'Afgesloten'],
        rows: f.buckets.map((b, i) => ({
          head: bucketName(b.key),
          cells: [String(f.received.perBucket[i] ?? 0), String(f.closed.perBucket[i] ?? 0)],
        })),
        foot: { head: 'Totaal', cells: [String(f.received.total), String(f.closed.total)] },
      },
    ],
  });
  const breakdownBlocks: Block[] = [];
  for (const b of f.breakdowns) {
    if (!b.values.length) continue;
    if (b.dimension === 'ground')
      breakdownBlocks.push(
        ...bars(
          'Binnengekomen klachten per grondslag',
          b.values.map((v) => ({ label: v.label.nl, shown: plain(v.received) })),
        ),
      );
    breakdownBlocks.push({
      type: 'table',
      caption: `Per ${b.label.nl.toLowerCase()}`,
      columns: [b.label.nl, 'Binnengekomen', 'Afgesloten'],
      rows: b.values.map((v) => ({ head: v.label.nl, cells: [String(v.received), String(v.closed)] })),
    });
  }
  sections.push({
    heading: 'Waar gingen de klachten over',
    blocks: breakdownBlocks.length ? breakdownBlocks : [{ type: 'p', text: 'Geen klachten in deze periode.' }],
  });
  sections.push({
    heading: 'Doorlooptijd en op tijd',
    blocks: [
      {
        type: 'table',
        caption: 'Doorlooptijd van afgesloten klachten (kalenderdagen)',
        columns: ['Maat', 'Waarde'],
        rows: [
          { head: 'Afgesloten klachten', cells: [String(f.leadTime.closed)] },
          { head: 'Mediaan (dagen)', cells: [num(f.leadTime.medianDays)] },
          { head: '90e percentiel (dagen)', cells: [num(f.leadTime.p90Days)] },
        ],
      },
      {
        type: 'table',
        caption: 'Op tijd afgehandeld',
        columns: ['Termijn', 'Geteld', 'Op tijd', 'Te laat', 'Deel op tijd'],
        rows: [
          { head: 'Wettelijke termijn', cells: [String(term.counted), String(term.onTime), String(term.late), pct(term.share)] },
          { head: 'Eigen norm', cells: [String(norm.counted), String(norm.onTime), String(norm.late), pct(norm.share)] },
        ],
      },
      {
        type: 'p',
        text: `Van de ${f.extensions.closed} afgesloten klachten is bij ${f.extensions.extended} de termijn verlengd. Bij ${f.extensions.consentDelay} is met instemming van de klager langer gewacht.`,
      },
    ],
  });
  const themes = [...f.risingThemes.grounds, ...f.risingThemes.terms];
  sections.push({
    heading: 'Thema’s die stijgen',
    blocks: [
      {
        type: 'p',
        text: `Vergeleken met ${longDate(f.risingThemes.previous.from)} tot ${longDate(f.risingThemes.previous.to)}. Een thema telt mee bij minstens 5 klachten en een stijging die geen toeval lijkt (p < 0,05).`,
      },
      themes.length
        ? {
            type: 'table',
            caption: 'Stijgende thema’s',
            columns: ['Thema', 'Nu', 'Deel nu', 'Ervoor', 'Deel ervoor', 'p'],
            rows: themes.map((t) => ({
              head: t.label.nl,
              cells: [
                String(t.current),
                pct(t.currentShare),
                String(t.previous),
                pct(t.previousShare),
                t.p < 0.001 ? '< 0,001' : nl.format(Math.round(t.p * 1000) / 1000),
              ],
            })),
          }
        : { type: 'p', text: 'Geen thema steeg duidelijk.' },
    ],
  });
  const s = f.surveys;
  sections.push({
    heading: 'Tevredenheid',
    blocks: [
      {
        type: 'p',
        text: `Er zijn ${s.sent} enquêtes verstuurd en ${s.answered} beantwoord.${s.average === null ? '' : ` Het gemiddelde cijfer is ${num(s.average)} van 5.`}`,
      },
      ...bars(
        'Antwoorden per score (1 = zeer ontevreden, 5 = zeer tevreden)',
        s.distribution.map((n, i) => ({ label: `Score ${i + 1}`, shown: plain(n) })),
      ),
      ...(s.byGround.length
        ? [
            {
              type: 'table' as const,
              caption: 'Tevredenheid per grondslag',
              columns: ['Grondslag', 'Verstuurd', 'Beantwoord', 'Gemiddelde'],
              rows: s.byGround.map((g) => ({
                head: g.label?.nl ?? 'Zonder grondslag',
                cells: [String(g.sent), String(g.answered), num(g.average)],
              })),
            },
          ]
        : []),
    ],
  });
  sections.push({
    heading: 'Externe instanties',
    blocks: f.external.length
      ? [
          {
            type: 'table',
            caption: 'Klachten die verder gingen naar een externe instantie',
            columns: ['Instantie', 'Klachten'],
            rows: f.external.map((e) => ({ head: e.label?.nl ?? e.key ?? '–', cells: [String(e.count)] })),
          },
        ]
      : [{ type: 'p', text: 'Geen klacht ging verder naar een externe instantie.' }],
  });
  sections.push(measureSection(f, false));
  sections.push(...analystSections(text, false));
  sections.push(aboutSection(f, text, false));
  return {
    title: text.title,
    subtitle: `Analyse van klachten, ${longDate(f.period.from)} tot en met ${longDate(f.period.to)}`,
    sections,
    draft: text.state === 'draft',
  };
}
