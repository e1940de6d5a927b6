import type { Organisation } from '../config/organisation.ts';
import type { StandardResponse } from './letterConfig.ts';
import type { LetterKind } from './templates/types.ts';

/**
 * Approved standard texts (standaard woordvoering, seed 000 §4.3) that a writer inserts into a
 * section instead of writing from scratch. A small general set ships with the product, written at
 * B1 and naming no organisation; an organisation adds its own in `letters.standardResponses`, and
 * an entry with the same key replaces the shipped one.
 */
export const BUILT_IN_RESPONSES: readonly StandardResponse[] = [
  {
    key: 'wachttijd-telefoon',
    title: 'Lange wachttijd aan de telefoon',
    text: 'U moest lang wachten toen u ons belde. Dat spijt ons. Op drukke dagen bellen veel mensen tegelijk. Wij zetten dan meer mensen aan de telefoon. U kunt ook een bericht sturen via onze website. Dan bellen wij u terug.',
    kinds: ['standard', 'decision'],
  },
  {
    key: 'brief-onduidelijk',
    title: 'Onze brief was niet duidelijk',
    text: 'U vond onze brief niet duidelijk. Dank u wel dat u ons dit laat weten. Wij willen dat iedereen onze brieven begrijpt. Wij gebruiken uw klacht om de brief beter te maken.',
    kinds: ['standard', 'decision'],
  },
  {
    key: 'wijziging-verwerkt',
    title: 'Een wijziging is nu verwerkt',
    text: 'U had een wijziging aan ons doorgegeven. Wij hadden die nog niet verwerkt. Dat is nu wel gebeurd. U hoeft zelf niets meer te doen.',
    kinds: ['standard', 'decision'],
  },
  {
    key: 'excuses-bejegening',
    title: 'Excuses voor hoe u bent behandeld',
    text: 'U voelde zich niet goed behandeld door onze medewerker. Dat vinden wij vervelend. Wij hebben met de medewerker gesproken over wat er gebeurde. Wij bieden u onze excuses aan.',
    kinds: ['standard', 'decision'],
  },
  {
    key: 'geen-fout',
    title: 'Wij hebben geen fout gemaakt',
    text: 'Wij hebben goed gekeken naar wat er is gebeurd. Wij hebben gedaan wat de regels zeggen. Wij begrijpen dat u dat vervelend vindt. Toch kunnen wij het niet anders doen.',
    kinds: ['standard', 'decision'],
  },
];

/** The responses for a kind of letter (all when no kind is given), configured ones replacing shipped ones by key. */
export function listStandardResponses(org: Organisation, kind?: LetterKind): StandardResponse[] {
  const byKey = new Map<string, StandardResponse>();
  for (const r of [...BUILT_IN_RESPONSES, ...org.letters.standardResponses]) byKey.set(r.key, r);
  return [...byKey.values()].filter((r) => !kind || r.kinds.length === 0 || r.kinds.includes(kind));
}

export function getStandardResponse(org: Organisation, key: string): StandardResponse | undefined {
  return listStandardResponses(org).find((r) => r.key === key);
}
