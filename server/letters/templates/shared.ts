import type { FactKey } from '../../domain/process/vocabulary.ts';
import { bodyContact, fillIn, theBody, withLines, type MergeData, type SectionTemplate } from './types.ts';

/**
 * Sections several templates share. The closing sections name the body a complainant may turn to
 * next; which one follows from the regime: Awb → ombudsman (9:12 lid 2, 9:24), care → the
 * geschilleninstantie (Wkkgz 18), housing → the Huurcommissie (WON-02). None of them ever offers
 * bezwaar or beroep: a decision on a complaint has none (Awb 9:3).
 */
const ONE_YEAR = ['één jaar', 'een jaar', '1 jaar', '12 maanden', 'twaalf maanden'];

export function ombudsmanSection(lead: string): SectionTemplate {
  return {
    key: 'ombudsman',
    heading: 'Bent u niet tevreden?',
    mandatory: true,
    legal: true,
    draft: (m) => {
      const b = m.bodies.ombudsman;
      return withLines(
        `${lead} Dan kunt u uw klacht voorleggen aan ${theBody(b)}. Dat is gratis. Doe dit binnen één jaar na de datum van deze brief.`,
        bodyContact(b) && `\n${bodyContact(b)}`,
      );
    },
    mustContain: (m) => [[m.bodies.ombudsman.name], ONE_YEAR],
  };
}

export const disputesBodySection: SectionTemplate = {
  key: 'disputesBody',
  heading: 'Bent u niet tevreden?',
  mandatory: true,
  legal: true,
  draft: (m) => {
    const b = m.bodies.disputesBody;
    if (!b) return fillIn('de naam en het adres van de geschilleninstantie. Zet die ook in de instellingen.');
    return withLines(
      `Bent u het niet eens met ons oordeel of met wat wij hebben besloten? Dan kunt u naar ${theBody(b)}. Die doet een uitspraak. Wij en u moeten ons daaraan houden.`,
      b.term && `Dit moet ${b.term}.`,
      bodyContact(b) && `\n${bodyContact(b)}`,
    );
  },
  mustContain: (m) => (m.bodies.disputesBody ? [[m.bodies.disputesBody.name]] : []),
};

export const rentTribunalSection: SectionTemplate = {
  key: 'rentTribunal',
  heading: 'Bent u het niet eens met ons besluit?',
  mandatory: true,
  legal: true,
  draft: (m) => {
    const b = m.bodies.rentTribunal;
    return withLines(
      `Dan kunt u uw klacht voorleggen aan ${theBody(b)}.`,
      b.term && `Dit moet ${b.term}.`,
      bodyContact(b) && `\n${bodyContact(b)}`,
    );
  },
  mustContain: (m) => [[m.bodies.rentTribunal.name]],
};

/**
 * With an advisory committee (Awb 9:16; housing rules, WON-01): whether the decision follows the
 * committee's advice and, when it departs from it, why. Drafted from the facts `followsAdvice` and
 * `adviceDepartureReason`; the advice itself goes with the letter when it is sent.
 */
export function adviceSection(committee: string): SectionTemplate {
  return {
    key: 'advice',
    heading: `Het advies van de ${committee}`,
    mandatory: true,
    draft: (m) => {
      const lead = `De ${committee} heeft ons advies gegeven over uw klacht.`;
      const attached = 'U krijgt het advies bij deze brief.';
      if (m.facts.followsAdvice === true) return `${lead} Wij volgen dat advies. ${attached}`;
      if (m.facts.followsAdvice === false) {
        const reason = factText(m, 'adviceDepartureReason') ?? fillIn('waarom het besluit afwijkt van het advies.');
        return `${lead} Wij wijken af van dat advies. De reden is: ${reason}\n${attached}`;
      }
      return `${lead} ${fillIn('volgen wij het advies? Zo niet: waarom niet.')} ${attached}`;
    },
  };
}

export const introSection: SectionTemplate = {
  key: 'intro',
  heading: 'Uw klacht',
  draft: (m) =>
    withLines(
      `Op ${m.receivedDate} hebben wij uw klacht ontvangen. Uw klacht gaat over: ${m.caseSubject}.`,
      typeof m.facts.hearingAt === 'string'
        ? `Op ${longDate(m.facts.hearingAt)} hebben wij met u gesproken. Dank u wel voor dat gesprek.`
        : 'Dank u wel dat u ons dit heeft laten weten.',
    ),
};

export const contactSection: SectionTemplate = {
  key: 'contact',
  heading: 'Heeft u vragen?',
  draft: (m) =>
    m.organisationPhone
      ? `Bel ons dan op ${m.organisationPhone}. Noem dan uw nummer: ${m.caseReference}.`
      : `Neem dan contact met ons op. Noem dan uw nummer: ${m.caseReference}.`,
};

export function longDate(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso) : iso;
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(d);
}

/** A standard fact of the case as text (vocabulary.ts): letters never read a process's own input keys. */
export const factText = (m: MergeData, fact: FactKey): string | null => {
  const v = m.facts[fact];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
};
