import type { Block, ReportDocument, ReportText, Section } from './documentModel.ts';
import { bars, bucketName, inWords, longDate, num, pct } from './documentParts.ts';
import type { ReportFigures } from './reportFigures.ts';
import { aboutSection, analystSections, measureSection } from './closingSections.ts';
import { HIDDEN, protectList, protectTable, SMALL, shownCount } from './suppress.ts';

/**
 * The annual complaints report (Awb 9:12a): what people complained about, how it ended, and what we
 * learned. Public: no names, small counts hidden, plain Dutch.
 */
export function annualDocument(f: ReportFigures, text: ReportText): ReportDocument {
  const year =
    f.period.from.slice(0, 4) === f.period.to.slice(0, 4)
      ? f.period.from.slice(0, 4)
      : `${f.period.from.slice(0, 4)}–${f.period.to.slice(0, 4)}`;
  const sections: Section[] = [];
  const received = protectList(f.received.perBucket, f.received.total);
  sections.push({
    heading: 'Inleiding',
    blocks: [
      {
        type: 'p',
        text: `In dit verslag leest u welke klachten ${f.organisation} kreeg van ${longDate(f.period.from)} tot en met ${longDate(f.period.to)}. U leest ook hoe wij de klachten hebben behandeld. En wat wij ervan hebben geleerd.`,
      },
      {
        type: 'p',
        text: 'De wet vraagt dit van ons. Het staat in artikel 9:12a van de Algemene wet bestuursrecht. Wij moeten elk jaar laten zien welke klachten wij kregen.',
      },
      {
        type: 'p',
        text: `Wij noemen geen namen. Is een aantal 1, 2, 3 of 4? Dan staat er "${SMALL}". Soms staat er "${HIDDEN}". Dat doen wij als u anders een klein aantal kunt uitrekenen uit het totaal. Zo kan niemand een klager of een medewerker herkennen.`,
      },
    ],
  });
  const channel = f.breakdowns.find((b) => b.dimension === 'channel');
  const formality = f.breakdowns.find((b) => b.dimension === 'formality');
  const ground = f.breakdowns.find((b) => b.dimension === 'ground');
  const listTable = (caption: string, head: string, values: { label: string; count: number }[], total: number): Block[] => {
    const p = protectList(
      values.map((v) => v.count),
      total,
    );
    return [
      ...bars(
        caption,
        values.map((v, i) => ({ label: v.label, shown: p.items[i]! })),
      ),
      {
        type: 'table',
        caption,
        columns: [head, 'Aantal'],
        rows: values.map((v, i) => ({ head: v.label, cells: [p.items[i]!.text] })),
        foot: { head: 'Totaal', cells: [p.total.text] },
      },
    ];
  };
  sections.push({
    heading: 'Hoeveel klachten kregen wij?',
    blocks: [
      { type: 'p', text: `In ${year} kregen wij ${inWords(received.total)} klachten.` },
      ...listTable(
        'Klachten per kwartaal',
        'Kwartaal',
        f.buckets.map((b, i) => ({ label: bucketName(b.key), count: f.received.perBucket[i] ?? 0 })),
        f.received.total,
      ),
      ...(channel?.values.length
        ? listTable(
            'Hoe kwamen de klachten binnen?',
            'Kanaal',
            channel.values.map((v) => ({ label: v.label.nl, count: v.received })),
            f.received.total,
          )
        : []),
      ...(formality?.values.length
        ? listTable(
            'Formeel of informeel behandeld',
            'Soort behandeling',
            formality.values.map((v) => ({ label: v.label.nl, count: v.received })),
            f.received.total,
          )
        : []),
    ],
  });
  sections.push({
    heading: 'Waar gingen de klachten over?',
    blocks: ground?.values.length
      ? [
          { type: 'p', text: 'Elke klacht krijgt een onderwerp. Hier ziet u hoe vaak elk onderwerp voorkwam.' },
          ...listTable(
            'Klachten per onderwerp',
            'Onderwerp',
            ground.values.map((v) => ({ label: v.label.nl, count: v.received })),
            f.received.total,
          ),
        ]
      : [{ type: 'p', text: 'De klachten hebben geen onderwerp gekregen.' }],
  });
  // Outcome per category: the longer list runs down the rows (a page is taller than wide), the other across.
  const grounds = [...new Set(f.outcomes.map((o) => o.ground))];
  const results = [...new Set(f.outcomes.map((o) => o.result))];
  const label = <T extends { nl: string } | null>(l: T, none: string) => l?.nl ?? none;
  const groundName = (g: string | null) => label(f.outcomes.find((o) => o.ground === g)?.groundLabel ?? null, 'Geen onderwerp');
  const resultName = (r: string | null) => label(f.outcomes.find((o) => o.result === r)?.resultLabel ?? null, 'Geen uitkomst');
  const count = (g: string | null, r: string | null) => f.outcomes.find((o) => o.ground === g && o.result === r)?.count ?? 0;
  const byResult = results.length > grounds.length;
  const down = byResult ? results : grounds;
  const across = byResult ? grounds : results;
  const table = protectTable(down.map((d) => across.map((a) => (byResult ? count(a, d) : count(d, a)))));
  const downName = (d: string | null) => (byResult ? resultName(d) : groundName(d));
  const acrossName = (a: string | null) => (byResult ? groundName(a) : resultName(a));
  sections.push({
    heading: 'Hoe liepen de klachten af?',
    blocks: f.outcomes.length
      ? [
          {
            type: 'p',
            text: `In ${year} hebben wij ${inWords(table.total)} klachten afgesloten. Soms gaven wij een oordeel: gegrond, deels gegrond of ongegrond. Soms is een klacht op een andere manier opgelost.`,
          },
          {
            type: 'table',
            caption: 'Afgesloten klachten: uitkomst per onderwerp',
            columns: [byResult ? 'Uitkomst' : 'Onderwerp', ...across.map(acrossName), 'Totaal'],
            rows: down.map((d, i) => ({
              head: downName(d),
              cells: [...table.cells[i]!.map((c) => c.text), table.rowTotals[i]!.text],
            })),
            foot: { head: 'Totaal', cells: [...table.columnTotals.map((c) => c.text), table.total.text] },
          },
        ]
      : [{ type: 'p', text: `In ${year} hebben wij geen klachten afgesloten.` }],
  });
  sections.push({
    heading: 'Welke normen zijn geschonden?',
    blocks: [
      {
        type: 'p',
        text: 'De Nationale ombudsman heeft regels voor goed gedrag van de overheid. Die staan in de Behoorlijkheidswijzer. Bij een gegronde klacht kijken wij welke regel wij niet goed volgden.',
      },
      ...(f.norms.length
        ? [
            ...bars(
              'Geschonden normen',
              f.norms.map((n) => ({ label: n.label?.nl ?? n.key ?? '–', shown: shownCount(n.count) })),
            ),
            {
              type: 'table' as const,
              caption: 'Hoe vaak een norm is geschonden',
              columns: ['Norm', 'Aantal keer'],
              rows: f.norms.map((n) => ({ head: n.label?.nl ?? n.key ?? '–', cells: [shownCount(n.count).text] })),
            },
            { type: 'p' as const, text: 'Bij één klacht kunnen meer normen geschonden zijn. Tel de aantallen dus niet op.' },
          ]
        : [{ type: 'p' as const, text: 'Bij geen enkele klacht is een norm geschonden.' }]),
    ],
  });
  const term = f.onTime.term;
  const onTime = protectList([term.onTime, term.late], term.counted);
  const shareShown = !onTime.items.some((i) => i.hidden);
  sections.push({
    heading: 'Hoe snel waren wij?',
    blocks: [
      {
        type: 'p',
        text: 'Voor een klacht geldt een wettelijke termijn. Meestal is dat 6 weken. Soms mag het 4 weken langer. Dan krijgt de klager een brief.',
      },
      {
        type: 'table',
        caption: 'Klachten op tijd afgehandeld',
        columns: ['Afgehandeld', 'Aantal'],
        rows: [
          { head: 'Op tijd', cells: [onTime.items[0]!.text] },
          { head: 'Te laat', cells: [onTime.items[1]!.text] },
        ],
        foot: { head: 'Totaal', cells: [onTime.total.text] },
      },
      {
        type: 'p',
        text:
          term.counted === 0
            ? 'Er zijn geen klachten met een termijn afgesloten.'
            : shareShown
              ? `Wij hebben ${pct(term.share)} van de klachten op tijd afgehandeld.`
              : 'Het deel dat op tijd was, laten wij niet zien. De aantallen zijn te klein.',
      },
      ...(f.leadTime.closed >= 5 && f.leadTime.medianDays !== null
        ? [{ type: 'p' as const, text: `De helft van de klachten was binnen ${num(f.leadTime.medianDays)} dagen klaar.` }]
        : []),
    ],
  });
  const ombudsman = f.external.filter((e) => e.count > 0);
  const external = protectList(
    ombudsman.map((e) => e.count),
    ombudsman.reduce((a, e) => a + e.count, 0),
  );
  sections.push({
    heading: 'Klachten bij de ombudsman',
    blocks: [
      {
        type: 'p',
        text: 'Is de klager het niet eens met ons oordeel? Dan kan de klager naar de ombudsman gaan. Of naar een andere instantie buiten ons.',
      },
      ombudsman.length
        ? {
            type: 'table',
            caption: 'Klachten die daarna naar een instantie buiten ons gingen',
            columns: ['Instantie', 'Aantal'],
            rows: ombudsman.map((e, i) => ({ head: e.label?.nl ?? e.key ?? '–', cells: [external.items[i]!.text] })),
            foot: { head: 'Totaal', cells: [external.total.text] },
          }
        : { type: 'p', text: `In ${year} ging geen klacht naar de ombudsman of een andere instantie.` },
    ],
  });
  sections.push(measureSection(f, true));
  sections.push(...analystSections(text, true));
  sections.push(aboutSection(f, text, true));
  return { title: text.title, subtitle: `Klachtenjaarverslag ${year} van ${f.organisation}`, sections, draft: text.state === 'draft' };
}
