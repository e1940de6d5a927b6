import type { Block, ReportText, Section } from './documentModel.ts';
import { inWords, longDate, paragraphs } from './documentParts.ts';
import type { ReportFigures } from './reportFigures.ts';
import { shownCount } from './suppress.ts';

// The sections both report kinds end with: the measures, the analyst's own text, and about the report.

const STATUS: Record<string, string> = {
  open: 'Nog niet klaar',
  carriedOut: 'Uitgevoerd, nog niet gecontroleerd',
  effective: 'Gecontroleerd: werkt',
};
const effectText = (m: ReportFigures['measures']['items'][number]) =>
  m.lastCheck
    ? m.lastCheck.effective
      ? `Werkt (gecontroleerd op ${longDate(m.lastCheck.on)})`
      : `Werkt nog niet (gecontroleerd op ${longDate(m.lastCheck.on)}); de maatregel is terug bij de eigenaar`
    : (STATUS[m.status] ?? m.status);
const sumCounts = (cs: { count: number }[] | null | undefined) => (cs ? cs.reduce((a, c) => a + c.count, 0) : null);

export function analystSections(text: ReportText, annual: boolean): Section[] {
  return [
    {
      heading: annual ? 'Wat wij hebben geleerd' : 'Conclusies',
      blocks: text.conclusions.trim() ? paragraphs(text.conclusions) : [{ type: 'p', text: 'Er zijn nog geen conclusies geschreven.' }],
    },
    {
      heading: annual ? 'Wat wij gaan doen' : 'Aanbevelingen',
      blocks: text.recommendations.trim()
        ? paragraphs(text.recommendations)
        : [{ type: 'p', text: 'Er zijn nog geen aanbevelingen geschreven.' }],
    },
  ];
}

export function measureSection(f: ReportFigures, annual: boolean): Section {
  const m = f.measures;
  const count = (n: number) => (annual ? shownCount(n).text : String(n));
  const blocks: Block[] = [
    {
      type: 'p',
      text: m.total
        ? `In deze periode is aan ${annual ? inWords(shownCount(m.total)) : m.total} maatregelen gewerkt. Zo willen wij voorkomen dat een klacht opnieuw gebeurt.`
        : 'In deze periode is aan geen enkele maatregel gewerkt.',
    },
  ];
  if (!annual)
    blocks.push({
      type: 'p',
      text: `Nu staan ${f.measuresNow.open} maatregelen open, waarvan ${f.measuresNow.overdue} te laat. ${f.measuresNow.checked} zijn gecontroleerd en werken.`,
    });
  if (m.items.length)
    blocks.push({
      type: 'table',
      caption: 'Maatregelen en hun effect',
      columns: annual
        ? ['Maatregel', 'Thema', 'Effect', 'Klachten ervoor', 'Klachten erna']
        : ['Maatregel', 'Thema', 'Klachten', 'Effect', 'Klachten ervoor', 'Klachten erna'],
      rows: m.items.map((i) => {
        const before = sumCounts(i.counts?.before);
        const after = sumCounts(i.counts?.after);
        const c = (n: number | null) => (n === null ? '–' : count(n));
        const effect = effectText(i) + (i.notEffectiveLoops && !annual ? ` (${i.notEffectiveLoops}× teruggestuurd)` : '');
        return annual
          ? { head: i.description, cells: [i.groundLabel?.nl ?? '–', effect, c(before), c(after)] }
          : { head: i.description, cells: [i.groundLabel?.nl ?? '–', String(i.caseCount), effect, c(before), c(after)] };
      }),
    });
  if (m.items.some((i) => i.counts))
    blocks.push({
      type: 'p',
      text: `Klachten ervoor: het aantal klachten met hetzelfde thema in de maanden voor de maatregel. Klachten erna: in de maanden nadat de maatregel is uitgevoerd.`,
    });
  return { heading: annual ? 'Maatregelen en hun effect' : 'Verbetermaatregelen', blocks };
}

export function aboutSection(f: ReportFigures, text: ReportText, annual: boolean): Section {
  const blocks: Block[] = [
    {
      type: 'p',
      text: `De cijfers zijn gemaakt op ${longDate(f.generatedOn)} en daarna niet meer veranderd.${text.finalisedOn ? ` Dit verslag is vastgesteld op ${longDate(text.finalisedOn)}.` : ' Dit is nog een concept.'}`,
    },
  ];
  if (!annual)
    blocks.push({
      type: 'p',
      text:
        f.scope === 'all'
          ? 'De cijfers gaan over alle klachten van de organisatie.'
          : 'De cijfers gaan alleen over de klachten die de maker van deze analyse mag zien.',
    });
  return { heading: annual ? 'Over dit verslag' : 'Over deze analyse', blocks };
}
