/**
 * The Dutch mail templates. Plain language (B1): short sentences, "u", what happens next and by
 * when. Merge fields are {{name}} and must be listed in MERGE_FIELDS, so a typo is an error at
 * render time (and in the tests), never a gap or a stray "{{…}}" in a letter to a citizen. The
 * organisation's name always comes from its configuration (enqueueMessage sets it).
 */
export type MailTemplate = { subject: string; text: string };

/** Every merge field a template may use, with what it holds. */
export const MERGE_FIELDS = {
  organisationName: 'naam van de organisatie (uit de configuratie)',
  organisationPhone: 'telefoonnummer van de organisatie (uit de configuratie)',
  caseReference: 'nummer van de melding, bijvoorbeeld KL-2026-000123',
  complainantName: 'naam van de ontvanger (klager of vertegenwoordiger)',
  handlerName: 'naam van de behandelaar',
  receivedDate: 'datum waarop de klacht binnenkwam',
  date: 'datum van vandaag',
  deadline: 'uiterste datum voor het antwoord',
  trackingLink: 'geheime link naar de melding in het klantportaal',
  question: 'de informatie die we nog nodig hebben',
  answerBy: 'uiterste datum voor het antwoord van de klager',
  reason: 'reden (stoppen of later antwoorden)',
  weeks: 'aantal weken uitstel',
  deadlineChange:
    'zin die zegt dat de nieuwe datum later is dan de datum die we eerder noemden (leeg als we de klager nog geen datum gaven)',
  slots: 'de tijden voor een gesprek, één per regel',
  hearingAt: 'datum en tijd van het gesprek',
  location: 'plaats van het gesprek',
  solution: 'wat in het gesprek is afgesproken',
  surveyLink: 'link naar de vragenlijst',
  since: 'datum van de laatste wijziging',
  status: 'huidige status van de melding',
  recipientName: 'naam van de medewerker die de e-mail krijgt',
  complaintSubject: 'onderwerp van de klacht',
  complaintText: 'de klacht zoals de klager die indiende',
  noticeTitle: 'korte titel van een melding aan een medewerker',
  noticeText: 'tekst van een melding aan een medewerker',
  staffLink: 'link naar de melding in Klachtflow (voor medewerkers)',
  otherBody: 'de organisatie waar we de klacht naartoe stuurden (Awb 2:3)',
  complainantContact: 'naam en contactgegevens van de klager, voor de organisatie die de klacht van ons krijgt',
  reportPeriod: 'de periode van een overzicht per e-mail, bijvoorbeeld maart 2026',
  reportFrequency: 'hoe vaak het overzicht komt: elke week, elke maand of elk kwartaal',
  reportFigures: 'de cijfers van het overzicht, één per regel (nooit namen)',
  reportLink: 'link naar het overzicht in Klachtflow met hetzelfde filter',
} as const satisfies Record<string, string>;
export type MergeField = keyof typeof MERGE_FIELDS;

export const TEMPLATES_NL = {
  confirmation: {
    subject: 'We hebben uw klacht ontvangen ({{caseReference}})',
    text: `Beste {{complainantName}},

Dank u wel voor uw klacht. We hebben hem goed ontvangen. Uw nummer is {{caseReference}}.

Wat gebeurt er nu?
Een medewerker leest uw klacht. Hebben we meer informatie nodig? Dan nemen we contact met u op.
U krijgt uiterlijk {{deadline}} een antwoord.

Via deze link ziet u hoe het met uw klacht staat:
{{trackingLink}}
Deel deze link niet met anderen.

Met vriendelijke groet,
{{organisationName}}`,
  },
  acknowledgment: {
    subject: 'Wij behandelen uw klacht ({{caseReference}})',
    text: `Beste {{complainantName}},

Wij hebben uw klacht ontvangen op {{receivedDate}}. Uw nummer is {{caseReference}}.
{{handlerName}} behandelt uw klacht. U krijgt uiterlijk {{deadline}} een antwoord.

U mag uw klacht ook in een gesprek uitleggen. Wilt u dat? Laat het ons dan weten.

Via deze link ziet u hoe het met uw klacht staat:
{{trackingLink}}

Met vriendelijke groet,
{{handlerName}}
{{organisationName}}`,
  },
  informationRequest: {
    subject: 'Wij hebben meer informatie nodig ({{caseReference}})',
    text: `Beste {{complainantName}},

Wij willen uw klacht goed behandelen. Daarvoor hebben we meer informatie nodig:

{{question}}

Wilt u dit uiterlijk {{answerBy}} aan ons sturen? Dat kan via deze link:
{{trackingLink}}
U kunt ook antwoorden op deze e-mail.

Krijgen we niets van u? Dan sluiten we uw klacht. U kunt daarna altijd een nieuwe klacht indienen.

Met vriendelijke groet,
{{organisationName}}`,
  },
  autoClose: {
    subject: 'Wij hebben uw klacht gesloten ({{caseReference}})',
    text: `Beste {{complainantName}},

Wij hebben u om meer informatie gevraagd. We hebben die niet op tijd gekregen. Daarom hebben we uw klacht gesloten.

Wilt u toch dat we uw klacht behandelen? Dien dan een nieuwe klacht in, of bel ons op {{organisationPhone}}.

Met vriendelijke groet,
{{organisationName}}`,
  },
  cancellation: {
    subject: 'Uw klacht is gestopt ({{caseReference}})',
    text: `Beste {{complainantName}},

Wij behandelen uw klacht {{caseReference}} niet verder. De reden is: {{reason}}.

Klopt dit niet? Bel ons dan op {{organisationPhone}}.

Met vriendelijke groet,
{{organisationName}}`,
  },
  extensionNotice: {
    subject: 'Uw antwoord komt later ({{caseReference}})',
    text: `Beste {{complainantName}},

Wij hebben meer tijd nodig voor uw klacht. De reden is: {{reason}}.
U krijgt uiterlijk {{deadline}} een antwoord.{{deadlineChange}}

Met vriendelijke groet,
{{handlerName}}
{{organisationName}}`,
  },
  hearingInvitation: {
    subject: 'Uitnodiging voor een gesprek over uw klacht ({{caseReference}})',
    text: `Beste {{complainantName}},

Wij willen graag met u praten over uw klacht. U kunt dan uw verhaal vertellen.
U kunt kiezen uit deze tijden:
{{slots}}

Kies een tijd via deze link:
{{trackingLink}}
U mag iemand meenemen naar het gesprek. Bijvoorbeeld een familielid of een adviseur.
Past geen van deze tijden? Of wilt u geen gesprek? Bel ons dan op {{organisationPhone}}.

Met vriendelijke groet,
{{handlerName}}
{{organisationName}}`,
  },
  hearingConfirmation: {
    subject: 'Uw gesprek is gepland ({{caseReference}})',
    text: `Beste {{complainantName}},

Uw gesprek over klacht {{caseReference}} is gepland op {{hearingAt}}.
Plaats: {{location}}.

Met vriendelijke groet,
{{organisationName}}`,
  },
  informalConfirmation: {
    subject: 'Samenvatting van ons gesprek ({{caseReference}})',
    text: `Beste {{complainantName}},

Dank u wel voor het gesprek over uw klacht. Dit hebben we afgesproken:

{{solution}}

Klopt dit niet? Of bent u toch niet tevreden? Laat het ons weten via {{organisationPhone}}.

Met vriendelijke groet,
{{handlerName}}
{{organisationName}}`,
  },
  surveyInvitation: {
    subject: 'Hoe vond u de behandeling van uw klacht? ({{caseReference}})',
    text: `Beste {{complainantName}},

Uw klacht {{caseReference}} is afgerond. Wilt u ons vertellen hoe het ging? Het kost één minuut.
{{surveyLink}}

Met vriendelijke groet,
{{organisationName}}`,
  },
  /** The covering mail of a letter (decision, not handling, referral…): the letter is the PDF attachment. */
  letter: {
    subject: 'Onze brief over uw klacht ({{caseReference}})',
    text: `Beste {{complainantName}},

U krijgt een brief van ons over uw klacht {{caseReference}}. De brief zit als bijlage bij deze e-mail.

Heeft u vragen over de brief? Bel ons dan op {{organisationPhone}}. Noem dan uw nummer: {{caseReference}}.

Met vriendelijke groet,
{{handlerName}}
{{organisationName}}`,
  },
  /** Awb 9:9: the person complained about gets a copy of the complaint and what came with it. */
  complaintCopy: {
    subject: 'Afschrift van een klacht ({{caseReference}})',
    text: `Beste {{recipientName}},

Er is een klacht binnengekomen die over u gaat. U krijgt hiervan een afschrift (Awb artikel 9:9).
De bijlagen die de klager meestuurde, zitten bij deze e-mail.

Onderwerp: {{complaintSubject}}

{{complaintText}}

{{handlerName}} behandelt de klacht. U behandelt deze klacht niet zelf (Awb artikel 9:7).
U krijgt de kans om uw kant van het verhaal te vertellen.

Klachtflow, {{organisationName}}`,
  },
  /** Awb 9:11 lid 2: the extension notice also goes to the person complained about. */
  extensionNoticeComplainedPerson: {
    subject: 'Klacht {{caseReference}}: de afhandeling duurt langer',
    text: `Beste {{recipientName}},

De klacht {{caseReference}} die over u gaat, duurt langer. De reden is: {{reason}}.
De klager krijgt nu uiterlijk {{deadline}} een antwoord.

{{handlerName}}
{{organisationName}}`,
  },
  /** Awb 2:3: the complaint is meant for another body; we sent it on and tell the complainant where, at the same time. */
  forwardingNotice: {
    subject: 'Wij hebben uw klacht doorgestuurd ({{caseReference}})',
    text: `Beste {{complainantName}},

Uw klacht {{caseReference}} gaat over iets waar een andere organisatie over gaat. Daarom hebben wij uw klacht doorgestuurd naar: {{otherBody}}.
Die organisatie behandelt uw klacht verder. U hoort van hen hoe het verder gaat.

Heeft u vragen? Bel ons dan op {{organisationPhone}}. Noem dan uw nummer: {{caseReference}}.

Met vriendelijke groet,
{{handlerName}}
{{organisationName}}`,
  },
  /** Awb 2:3: the complaint itself, sent on to the body that is competent to handle it, with what came with it. */
  complaintForwarded: {
    subject: 'Doorgestuurde klacht ({{caseReference}})',
    text: `Geachte heer, mevrouw,

Wij hebben een klacht gekregen die niet over ons gaat, maar over uw organisatie. Wij sturen de klacht daarom aan u door (Awb artikel 2:3). De klager weet dat wij dit doen.
De bijlagen die de klager meestuurde, zitten bij deze e-mail.

Onderwerp: {{complaintSubject}}

{{complaintText}}

De klager:
{{complainantContact}}

Ons nummer voor deze klacht is {{caseReference}}.

Met vriendelijke groet,
{{handlerName}}
{{organisationName}}`,
  },
  /** A staff notification by e-mail (assignment, deadline warning), when the organisation wants that. */
  staffNotice: {
    subject: '{{noticeTitle}} ({{caseReference}})',
    text: `Beste {{recipientName}},

{{noticeText}}

Klachtflow, {{organisationName}}`,
  },
  /** AVG art. 12(3): the answer to a request about one's personal data comes later, told within the first month with the reason. */
  subjectRequestExtension: {
    subject: 'Uw vraag over uw gegevens: het antwoord komt later',
    text: `Beste {{complainantName}},

Op {{receivedDate}} kregen wij uw vraag over uw persoonsgegevens.
Wij hebben meer tijd nodig om het goed te behandelen. De reden is: {{reason}}.
U krijgt uiterlijk {{deadline}} een antwoord.

Met vriendelijke groet,
{{organisationName}}`,
  },
  /** A process step informs a configured address, e.g. the manager of the department the complaint is about (seed 001). */
  caseNotice: {
    subject: 'Ter informatie: klacht {{caseReference}}',
    text: `Beste {{recipientName}},

Ter informatie: er is een klacht binnengekomen die over uw afdeling gaat.
Onderwerp: {{complaintSubject}}
Behandelaar: {{handlerName}}

U vindt de klacht in Klachtflow: {{staffLink}}

Klachtflow, {{organisationName}}`,
  },
  /**
   * A scheduled report (report_subscription): figures and a link, never names, subjects or references
   * (jobs/reportMailer.ts builds the figures from the dashboard's, as the subscriber may see them).
   */
  reportMail: {
    subject: 'Klachtenoverzicht {{reportPeriod}}',
    text: `Beste collega,

Hier is het overzicht van de klachten over {{reportPeriod}}. U krijgt het {{reportFrequency}}.

{{reportFigures}}

De cijfers en de meldingen erachter ziet u in Klachtflow:
{{reportLink}}

Wilt u dit overzicht niet meer krijgen? Stop het in Klachtflow onder Analyse.

Klachtflow, {{organisationName}}`,
  },
  reminder: {
    subject: 'Herinnering: melding {{caseReference}} staat stil',
    text: `Beste {{handlerName}},

Melding {{caseReference}} staat sinds {{since}} ongewijzigd in de status "{{status}}".
Wilt u kijken wat de volgende stap is?

Klachtflow`,
  },
} as const satisfies Record<string, MailTemplate>;

export type TemplateKey = keyof typeof TEMPLATES_NL;
/** Templates addressed to colleagues or another body, not to the complainant (they may say "de klager"). */
export const STAFF_TEMPLATES: readonly TemplateKey[] = [
  'reminder',
  'complaintCopy',
  'extensionNoticeComplainedPerson',
  'staffNotice',
  'caseNotice',
  'complaintForwarded',
  'reportMail',
];
export const TEMPLATE_KEYS = Object.keys(TEMPLATES_NL) as TemplateKey[];
/** Templates about no case (a job's report to a subscriber, a data subject's request): a process step cannot send them. */
export const CASELESS_TEMPLATES: readonly TemplateKey[] = ['reportMail', 'subjectRequestExtension'];
