/**
 * The closed vocabulary a process definition may use: status roles, triggers, guards, effects and
 * standard facts. The definition schema is built from these lists, start-up validation checks every
 * name against them, and engine code asks a definition "which status plays this role" or "which
 * input carries this fact" instead of naming a preset's keys. Adding a name here is adding a
 * capability to the engine; a feature that handles it registers itself in server/engine/.
 */
type Described = { nl: string; en: string };

/** What a status can mean to the engine, the portal and the letters. */
export const STATUS_ROLES = {
  waitsForInformation: {
    nl: 'Wacht op informatie van de klager: het portaal toont de vraag en een antwoordformulier',
    en: 'Waits for information from the complainant: the portal shows the question and an answer form',
  },
  hearingBooking: {
    nl: 'De klager kiest een tijd voor het gesprek in het portaal',
    en: 'The complainant books a hearing time in the portal',
  },
  holdsLetters: {
    nl: 'Brieven wachten op een controlestap: opstellen, wijzigen en ter controle aanbieden kan, goedkeuren en versturen nog niet. Het geldt voor de brieven die een latere stap verstuurd wil zien (de reactie), niet voor bijvoorbeeld een verdagingsbrief',
    en: 'Letters wait for a review step: they may be drafted, edited and submitted, not yet approved or sent. It holds the letters a later step waits to see sent (the response), not e.g. an extension letter',
  },
} satisfies Record<string, Described>;
export type StatusRole = keyof typeof STATUS_ROLES;

/** Events from outside a step that take the step the definition ties to them. */
export const TRIGGERS = {
  complainantAnswered: { nl: 'De klager heeft de gevraagde informatie gestuurd', en: 'The complainant answered a request' },
  hearingBooked: { nl: 'De klager heeft een tijd voor het gesprek gekozen', en: 'The complainant booked a hearing time' },
  letterSubmitted: { nl: 'Een brief is ter controle aangeboden', en: 'A letter was submitted for review' },
  letterSent: { nl: 'Een brief is verstuurd', en: 'A letter was sent' },
} satisfies Record<string, Described>;
export type TriggerType = keyof typeof TRIGGERS;

/** Conditions a step needs before it can be taken. `fact` guards also decide whether a step is offered. */
export const GUARDS = {
  letter: { nl: 'Er is een brief (van deze soort) in dit stadium', en: 'A letter (of these kinds) reached this stage' },
  document: { nl: 'Er is een document van dit type bij de melding', en: 'The case has a document of this type' },
  tasksDone: { nl: 'Alle taken en actieregels zijn afgerond', en: 'All tasks and action lines are done' },
  fact: { nl: 'Een feit van de melding heeft (een van) deze waarde(n)', en: 'A case fact has (one of) these values' },
} satisfies Record<string, Described>;
export type GuardType = keyof typeof GUARDS;

/** What a step does besides changing the status, in the same transaction. */
export const EFFECTS = {
  assignTeam: { nl: 'Wijs toe aan een team (vast, of gekozen in de stap)', en: 'Assign to a team (fixed, or chosen in the step)' },
  assignActor: { nl: 'Wijs toe aan wie de stap zet', en: 'Assign to whoever takes the step' },
  unassign: { nl: 'Haal de behandelaar weg', en: 'Remove the handler' },
  createTask: { nl: 'Maak een taak', en: 'Create a task' },
  completeTasks: { nl: 'Rond de open taken af', en: 'Complete the open tasks' },
  startTimer: { nl: 'Start een wachttijd die bij afloop een stap zet of een taak maakt', en: 'Start a timer' },
  sendMessage: {
    nl: 'Stuur een bericht (aan de klager, een ingesteld adres of een adres dat de stap vastlegt)',
    en: 'Send a message (to the complainant, a configured address or an address the step records)',
  },
  addActionLines: { nl: 'Voeg actieregels toe uit een sjabloon', en: 'Add action lines from a template' },
  noticeOfNotHandling: { nl: 'Mededeling niet in behandeling nemen (Awb 9:8)', en: 'Notice of not handling (Awb 9:8)' },
  sendSurvey: { nl: 'Stuur een tevredenheidsonderzoek', en: 'Send a satisfaction survey' },
  setFact: { nl: 'Leg een feit vast (bijvoorbeeld de uitkomst)', en: 'Record a fact (e.g. the outcome)' },
} satisfies Record<string, Described>;
export type EffectType = keyof typeof EFFECTS;

/** Awb 9:12 and the regimes' own letters; the letters feature holds their templates. */
export const LETTER_KINDS = ['decision', 'notHandling', 'referral', 'extension', 'standard'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_STAGES = ['draft', 'inReview', 'approved', 'sent'] as const;
export type LetterStage = (typeof LETTER_STAGES)[number];

/**
 * Standard facts: the same meaning in every organisation, read by queues, clocks, letters and
 * analysis. `values` closes a fact's domain (a definition's options must stay inside it); `open`
 * facts take the definition's own list (e.g. grounds) or free text.
 */
type FactSpec = Described & {
  type: 'select' | 'boolean' | 'text' | 'datetime' | 'multiselect' | 'email';
  values?: readonly string[];
  /** Words for values a step sets without an input (setFact), so no input option names them. */
  valueLabels?: Readonly<Record<string, Described>>;
  /** Recorded by the engine itself (intake, clocks), never by a step's input. */
  derived?: true;
};
export const FACTS = {
  kind: {
    nl: 'Soort',
    en: 'Kind',
    type: 'select',
    values: ['complaint', 'signal', 'question'],
    // Words for a value no input of the case's process offers (a question in the figures, an imported row).
    valueLabels: {
      complaint: { nl: 'Klacht', en: 'Complaint' },
      signal: { nl: 'Signaal', en: 'Signal' },
      question: { nl: 'Vraag', en: 'Question' },
    },
  },
  channel: {
    nl: 'Kanaal',
    en: 'Channel',
    type: 'select',
    values: ['phone', 'email', 'web', 'counter', 'letter'],
    // Set at intake, never by a step's input: the words come from here (register export, case page).
    valueLabels: {
      phone: { nl: 'Telefoon', en: 'Phone' },
      email: { nl: 'E-mail', en: 'Email' },
      web: { nl: 'Webformulier', en: 'Web form' },
      counter: { nl: 'Balie', en: 'Counter' },
      letter: { nl: 'Brief', en: 'Letter' },
    },
    derived: true,
  },
  statutory: { nl: 'Wettelijke klacht', en: 'Statutory complaint', type: 'boolean' },
  formality: {
    nl: 'Formeel of informeel',
    en: 'Formal or informal',
    type: 'select',
    values: ['formal', 'informal'],
    valueLabels: {
      formal: { nl: 'Formeel', en: 'Formal' },
      informal: { nl: 'Informeel', en: 'Informal' },
    },
  },
  ground: { nl: 'Grondslag', en: 'Ground', type: 'select' },
  department: { nl: 'Afdeling', en: 'Department', type: 'text' },
  product: { nl: 'Product of dienst', en: 'Product or service', type: 'text' },
  judgment: {
    nl: 'Oordeel',
    en: 'Judgment',
    type: 'select',
    values: ['founded', 'partlyFounded', 'unfounded', 'noJudgment'],
    valueLabels: {
      founded: { nl: 'Gegrond', en: 'Founded' },
      partlyFounded: { nl: 'Deels gegrond', en: 'Partly founded' },
      unfounded: { nl: 'Ongegrond', en: 'Unfounded' },
      noJudgment: { nl: 'Geen oordeel', en: 'No judgment' },
    },
  },
  judgmentReasons: { nl: 'Motivering van het oordeel', en: 'Reasons for the judgment', type: 'text' },
  cause: { nl: 'Oorzaak', en: 'Cause', type: 'text' },
  remedy: { nl: 'Wat wij voor de klager doen (herstel)', en: 'Remedy for the complainant', type: 'text' },
  normsBreached: {
    nl: 'Geschonden behoorlijkheidsnormen',
    en: 'Norms of proper conduct breached',
    type: 'multiselect',
    values: [
      'openAndClear',
      'respectful',
      'caring',
      'fair',
      'reliable',
      'careful',
      'goodInformation',
      'timely',
      'cooperation',
      'properMotivation',
      'equalTreatment',
      'reasonableness',
      'noAbuseOfPower',
      'fundamentalRights',
    ],
    valueLabels: {
      // The Nationale ombudsman's Behoorlijkheidswijzer.
      openAndClear: { nl: 'Open en duidelijk', en: 'Open and clear' },
      respectful: { nl: 'Respectvol', en: 'Respectful' },
      caring: { nl: 'Betrokken en oplossingsgericht', en: 'Involved and solution-oriented' },
      fair: { nl: 'Eerlijk en betrouwbaar', en: 'Fair and reliable' },
      reliable: { nl: 'Betrouwbaarheid', en: 'Reliability' },
      careful: { nl: 'Goede voorbereiding', en: 'Careful preparation' },
      goodInformation: { nl: 'Goede informatieverstrekking', en: 'Good information' },
      timely: { nl: 'Voortvarendheid', en: 'Timeliness' },
      cooperation: { nl: 'Samenwerking', en: 'Cooperation' },
      properMotivation: { nl: 'Goede motivering', en: 'Proper reasons' },
      equalTreatment: { nl: 'Gelijke behandeling', en: 'Equal treatment' },
      reasonableness: { nl: 'Redelijkheid', en: 'Reasonableness' },
      noAbuseOfPower: { nl: 'Geen misbruik van bevoegdheid', en: 'No abuse of power' },
      fundamentalRights: { nl: 'Respecteren van grondrechten', en: 'Respect for fundamental rights' },
    },
  },
  outcome: {
    nl: 'Uitkomst',
    en: 'Outcome',
    type: 'select',
    values: ['judged', 'resolved', 'withdrawn', 'notHandled', 'notAComplaint', 'forwarded', 'noResponse', 'cancelled'],
    valueLabels: {
      judged: { nl: 'Beoordeeld', en: 'Judged' },
      resolved: { nl: 'Opgelost', en: 'Resolved' },
      withdrawn: { nl: 'Ingetrokken of zonder formele klacht gesloten', en: 'Withdrawn or closed without a formal complaint' },
      notHandled: { nl: 'Niet in behandeling genomen', en: 'Not handled' },
      notAComplaint: { nl: 'Geen klacht', en: 'Not a complaint' },
      forwarded: { nl: 'Doorgestuurd naar een andere organisatie', en: 'Forwarded to another body' },
      noResponse: { nl: 'Geen reactie van de klager', en: 'No response from the complainant' },
      cancelled: { nl: 'Geannuleerd', en: 'Cancelled' },
    },
  },
  closingReason: { nl: 'Reden van afsluiten', en: 'Closing reason', type: 'select' },
  satisfied: { nl: 'Klager tevreden', en: 'Complainant satisfied', type: 'boolean' },
  /** Not satisfied with the informal solution: told they can file a formal complaint (seed 002). */
  formalRouteOffered: { nl: 'Gewezen op de formele klachtroute', en: 'Told about the formal complaint route', type: 'boolean' },
  externalBody: {
    nl: 'Externe instantie',
    en: 'External body',
    type: 'select',
    values: ['ombudsman', 'disputesBody', 'rentTribunal', 'other'],
    valueLabels: {
      ombudsman: { nl: 'Nationale ombudsman of gemeentelijke ombudsman', en: 'National or municipal ombudsman' },
      disputesBody: { nl: 'Geschilleninstantie', en: 'Disputes committee' },
      rentTribunal: { nl: 'Huurcommissie', en: 'Rent tribunal' },
      other: { nl: 'Andere instantie', en: 'Another body' },
    },
  },
  extended: { nl: 'Termijn verlengd of uitgesteld', en: 'Period extended or delayed', type: 'boolean', derived: true },
  handledOnTime: { nl: 'Op tijd afgehandeld', en: 'Handled on time', type: 'boolean', derived: true },
  externalOutcome: { nl: 'Uitkomst bij de externe instantie', en: 'Outcome at the external body', type: 'text' },
  /** An external body's recommendation (the ombudsman's, a committee's) and the day the organisation must respond by (a date input). */
  externalRecommendation: { nl: 'Aanbeveling van de externe instantie', en: "The external body's recommendation", type: 'text' },
  recommendationResponseDue: { nl: 'Reageren op de aanbeveling uiterlijk', en: 'Respond to the recommendation by', type: 'datetime' },
  /** Awb 2:3: a complaint meant for another body goes on to it, and the complainant is told where. */
  forwardedTo: { nl: 'Doorgestuurd naar (Awb 2:3)', en: 'Forwarded to (Awb 2:3)', type: 'text' },
  forwardedToAddress: { nl: 'E-mailadres van die organisatie', en: "That body's e-mail address", type: 'email' },
  /** With an advisory committee (Awb 9:16; housing rules): does the decision follow its advice, and if not, why. */
  followsAdvice: { nl: 'Besluit volgt het advies van de commissie', en: "Decision follows the committee's advice", type: 'boolean' },
  adviceDepartureReason: { nl: 'Reden om af te wijken van het advies', en: 'Reason for departing from the advice', type: 'text' },
  informationRequest: { nl: 'Gevraagde informatie', en: 'Information requested', type: 'text' },
  contactMethod: { nl: 'Manier van contact met de klager', en: 'How the complainant was contacted', type: 'select' },
  cancelReason: { nl: 'Reden van annuleren', en: 'Cancel reason', type: 'select' },
  notHandlingReason: {
    nl: 'Reden niet behandelen (Awb 9:8)',
    en: 'Reason for not handling (Awb 9:8)',
    type: 'select',
    values: [
      'handledBefore',
      'olderThanOneYear',
      'objectionPossible',
      'appealPossible',
      'beforeCourt',
      'criminalInvestigation',
      'insufficientWeight',
    ],
    valueLabels: {
      handledBefore: { nl: 'Al eerder behandeld', en: 'Handled before' },
      olderThanOneYear: { nl: 'Langer dan een jaar geleden gebeurd', en: 'More than a year ago' },
      objectionPossible: { nl: 'Bezwaar is mogelijk', en: 'An objection is possible' },
      appealPossible: { nl: 'Beroep is mogelijk', en: 'An appeal is possible' },
      beforeCourt: { nl: 'Ligt bij de rechter', en: 'Before a court' },
      criminalInvestigation: { nl: 'Strafrechtelijk onderzoek loopt', en: 'Criminal investigation' },
      insufficientWeight: { nl: 'Onvoldoende gewicht', en: 'Insufficient weight' },
    },
  },
  hearingAt: { nl: 'Datum en tijd van het gesprek', en: 'Hearing date and time', type: 'datetime' },
  /** Awb 9:10 lid 3: what was said when the complainant was heard (seed 003: the personal conversation). */
  hearingSummary: { nl: 'Verslag van het gesprek', en: 'Summary of the hearing', type: 'text' },
} satisfies Record<string, FactSpec>;
export type FactKey = keyof typeof FACTS;
export const FACT_KEYS = Object.keys(FACTS) as FactKey[];
export const factSpec = (fact: FactKey): FactSpec => FACTS[fact];

/** Facts that hold several values (stored as an array). */
export const isMultiFact = (fact: FactKey) => FACTS[fact].type === 'multiselect';
