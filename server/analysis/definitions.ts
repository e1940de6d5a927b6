/**
 * What each figure of the analysis dashboard counts, in the words shown one click from it (nl, en).
 * Periods are [from, to) in days in the Netherlands (Europe/Amsterdam); the reports use the same texts.
 */
export const DEFINITIONS = {
  received: {
    nl: 'Ontvangen: meldingen met datum ontvangst in de periode (of het deel ervan). Met de gekozen filters, binnen wat u mag zien.',
    en: 'Received: cases whose date of receipt lies in the period (or bucket). With the chosen filters, within what you may see.',
  },
  closed: {
    nl: 'Afgehandeld: meldingen met datum afsluiten in de periode, wanneer ze ook zijn ontvangen.',
    en: 'Closed: cases whose closing date lies in the period, whenever they were received.',
  },
  breakdown: {
    nl: 'Verdeling: de ontvangen en afgehandelde meldingen per waarde van een standaardfeit (soort, grondslag, afdeling, kanaal, product, formeel of informeel, oordeel, uitkomst). "Niet ingevuld": de melding heeft die waarde niet.',
    en: 'Breakdown: received and closed cases per value of a standard fact (kind, ground, department, channel, product, formal or informal, judgment, outcome). "Not filled in": the case has no such value.',
  },
  leadTime: {
    nl: 'Doorlooptijd: kalenderdagen van de dag van ontvangst tot de dag van afsluiten, over de meldingen afgehandeld in de periode. Mediaan: de helft duurde korter. 90e percentiel: 9 van de 10 duurden niet langer.',
    en: 'Lead time: calendar days from the day received to the day closed, over the cases closed in the period. Median: half took less. 90th percentile: 9 in 10 took no longer.',
  },
  onTimeTerm: {
    nl: 'Op tijd (wettelijke termijn, Awb 9:11): van de meldingen afgehandeld in de periode die een behandeltermijn hadden, het deel dat op of vóór de (verlengde) termijn is afgesloten. Meldingen zonder termijn tellen niet mee.',
    en: 'On time (statutory term, Awb 9:11): of the cases closed in the period that had a handling term, the share closed on or before the (extended) deadline. Cases without a term are not counted.',
  },
  onTimeNorm: {
    nl: 'Op tijd (servicenorm): van de meldingen afgehandeld in de periode die een servicenorm hadden (bijvoorbeeld 7 dagen), het deel dat op of vóór die dag is afgesloten. Meldingen zonder servicenorm tellen niet mee.',
    en: 'On time (service norm): of the cases closed in the period that had a service norm (e.g. 7 days), the share closed on or before that day. Cases without a service norm are not counted.',
  },
  extended: {
    nl: 'Verlengd: meldingen afgehandeld in de periode waarvan de behandeltermijn is verlengd (Awb 9:11 lid 2) of uitgesteld.',
    en: 'Extended: cases closed in the period whose handling term was extended (Awb 9:11(2)) or delayed.',
  },
  consentDelay: {
    nl: 'Uitgesteld met instemming: meldingen afgehandeld in de periode waarbij de klager schriftelijk instemde met verder uitstel (Awb 9:11 lid 3).',
    en: 'Delayed with consent: cases closed in the period where the complainant agreed in writing to a further delay (Awb 9:11(3)).',
  },
  surveys: {
    nl: 'Tevredenheid: enquêtes verstuurd in de periode; gemiddelde score (1 tot 5) en respons (beantwoord gedeeld door verstuurd), per behandelaar, team en grondslag.',
    en: 'Satisfaction: surveys sent in the period; average score (1 to 5) and response rate (answered divided by sent), per handler, team and ground.',
  },
  returningInPeriod: {
    nl: 'Terugkerende klagers: klagers met twee of meer meldingen ontvangen in de periode, en hun meldingen.',
    en: 'Returning complainants: complainants with two or more cases received in the period, and their cases.',
  },
  returningWithEarlier: {
    nl: 'Eerder geklaagd: klagers met een melding in de periode én een melding in de 12 maanden daarvoor, en hun meldingen in de periode.',
    en: 'Complained before: complainants with a case in the period and a case in the 12 months before it, and their cases in the period.',
  },
  measures: {
    nl: 'Verbetermaatregelen nu: open (nog niet uitgevoerd), te laat (open en de streefdatum is voorbij) en gecontroleerd (effectief bevonden).',
    en: 'Improvement measures now: open (not yet carried out), overdue (open and past their due date) and checked (found effective).',
  },
  risingGrounds: {
    nl: 'Stijgende grondslagen: grondslagen met minstens 5 meldingen in de periode waarvan het aandeel groeide ten opzichte van de even lange periode ervoor, en die groei is waarschijnlijk geen toeval (toets op twee verhoudingen, p < 0,05, gecorrigeerd voor het aantal getoetste thema’s).',
    en: 'Rising grounds: grounds with at least 5 cases in the period whose share grew against the previous period of equal length, by more than chance would explain (two-proportion test, p < 0.05, corrected for the number of themes tested).',
  },
  risingTerms: {
    nl: 'Stijgende termen: woorden (stammen) uit de onderwerpen van de meldingen, met dezelfde regel als stijgende grondslagen.',
    en: 'Rising terms: words (stems) from the cases’ subjects, by the same rule as rising grounds.',
  },
  complaintRate: {
    nl: 'Klachtpercentage: ontvangen meldingen per 1.000 contacten (of klanten), alleen waar voor elke maand van het deel een aantal is ingevoerd.',
    en: 'Complaint rate: cases received per 1,000 contacts (or customers), only where a volume is entered for every month of the bucket.',
  },
  external: {
    nl: 'Externe vervolg: meldingen ontvangen in de periode die doorgingen naar de ombudsman, een geschillencommissie, de huurcommissie of een andere instantie, met hun uitkomst daar.',
    en: 'External follow-up: cases received in the period that went on to the ombudsman, a disputes committee, the rent tribunal or another body, with their outcome there.',
  },
  recommendations: {
    nl: 'Aanbevelingen: aanbevelingen van een externe instantie met de datum waarop wij moeten reageren; die van meldingen uit de periode en die waarvan de reactiedatum in of na de periode ligt.',
    en: 'Recommendations: recommendations of an external body with the date by which we must respond; those of cases from the period and those whose response date lies in or after it.',
  },
  openAtStart: {
    nl: 'Open aan het begin: meldingen ontvangen vóór de eerste dag en niet afgesloten vóór die dag.',
    en: 'Open at the start: cases received before the first day and not closed before that day.',
  },
  openAtEnd: {
    nl: 'Open aan het eind: meldingen ontvangen vóór de dag na de periode en niet afgesloten vóór die dag.',
    en: 'Open at the end: cases received before the day after the period and not closed before that day.',
  },
  reconciliation: {
    nl: 'Aansluiting: open aan het begin plus ontvangen min afgehandeld is open aan het eind. Elk getal is apart geteld; klopt de som niet, dan staat dat erbij.',
    en: 'Reconciliation: open at the start plus received minus closed equals open at the end. Each number is counted on its own; if the sum does not hold, that is shown.',
  },
} as const satisfies Record<string, { nl: string; en: string }>;

export type FigureKey = keyof typeof DEFINITIONS;
export const FIGURE_KEYS = Object.keys(DEFINITIONS) as FigureKey[];
