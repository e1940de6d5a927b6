/** Fictional demo content (people, complaints) in plain Dutch. Every name and address is made up. */
export const DEMO_USERS = [
  { key: 'agent1', name: 'Sanne de Vries', email: 'sanne.devries@voorbeeld.example', roles: ['firstLineAgent'], teams: ['kcc'] },
  { key: 'agent2', name: 'Mohammed El Amrani', email: 'mohammed.elamrani@voorbeeld.example', roles: ['firstLineAgent'], teams: ['kcc'] },
  {
    key: 'dispatcher',
    name: 'Petra Jansen',
    email: 'petra.jansen@voorbeeld.example',
    roles: ['dispatcher', 'firstLineAgent'],
    teams: ['kcc'],
  },
  { key: 'coordinator', name: 'Kees Bakker', email: 'kees.bakker@voorbeeld.example', roles: ['coordinator'], teams: ['coordinators'] },
  { key: 'coordinator2', name: 'Fatma Yilmaz', email: 'fatma.yilmaz@voorbeeld.example', roles: ['coordinator'], teams: ['coordinators'] },
  { key: 'backOffice', name: 'Ruud Visser', email: 'ruud.visser@voorbeeld.example', roles: ['backOffice'], teams: ['backOffice'] },
  { key: 'department', name: 'Anouk Smit', email: 'anouk.smit@voorbeeld.example', roles: ['department'], teams: ['department'] },
  { key: 'teamLead', name: 'Jeroen Mulder', email: 'jeroen.mulder@voorbeeld.example', roles: ['teamLead'], teams: ['kcc'] },
  { key: 'qualityOfficer', name: 'Linda de Boer', email: 'linda.deboer@voorbeeld.example', roles: ['qualityOfficer'], teams: [] },
  { key: 'processOwner', name: 'Henk Peters', email: 'henk.peters@voorbeeld.example', roles: ['processOwner'], teams: [] },
  { key: 'serviceManager', name: 'Marieke Hendriks', email: 'marieke.hendriks@voorbeeld.example', roles: ['serviceManager'], teams: [] },
  {
    key: 'complaintsOfficer',
    name: 'Esther Koster',
    email: 'esther.koster@voorbeeld.example',
    roles: ['complaintsOfficer'],
    teams: [],
  },
  { key: 'administrator', name: 'Tom van Dijk', email: 'tom.vandijk@voorbeeld.example', roles: ['administrator'], teams: [] },
  { key: 'privacyOfficer', name: 'Naima Bouzid', email: 'naima.bouzid@voorbeeld.example', roles: ['privacyOfficer'], teams: [] },
  { key: 'recordsManager', name: 'Gerrit de Wit', email: 'gerrit.dewit@voorbeeld.example', roles: ['recordsManager'], teams: [] },
] as const;

/**
 * Seed 003: the complainant hears who handles the complaint, in what job, and on which number they
 * can call that person back. Direct numbers for those who talk to complainants; the rest have none.
 */
export const DEMO_STAFF_CONTACT: Record<string, { jobTitle: string; phone: string | null }> = {
  agent1: { jobTitle: 'Medewerker klantenservice', phone: null },
  agent2: { jobTitle: 'Medewerker klantenservice', phone: null },
  dispatcher: { jobTitle: 'Coördinator klantenservice', phone: null },
  coordinator: { jobTitle: 'Klachtencoördinator', phone: '088 123 45 71' },
  coordinator2: { jobTitle: 'Onafhankelijk klachtbehandelaar', phone: '088 123 45 72' },
  backOffice: { jobTitle: 'Medewerker klachtenafhandeling', phone: '088 123 45 73' },
  department: { jobTitle: 'Vakspecialist', phone: null },
  teamLead: { jobTitle: 'Teamleider', phone: '088 123 45 74' },
  qualityOfficer: { jobTitle: 'Kwaliteitsmedewerker', phone: '088 123 45 75' },
  processOwner: { jobTitle: 'Proceseigenaar klachten', phone: null },
  serviceManager: { jobTitle: 'Manager dienstverlening', phone: null },
};

export const DEMO_PEOPLE = [
  {
    name: 'Johan Willems',
    email: 'j.willems@example.org',
    phone: '0612345001',
    street: 'Dorpsstraat 12',
    postcode: '1234 AB',
    city: 'Voorbeeldstad',
  },
  {
    name: 'Ayşe Demir',
    email: 'ayse.demir@example.org',
    phone: '0612345002',
    street: 'Kerkplein 3',
    postcode: '2345 BC',
    city: 'Dijkdorp',
  },
  {
    name: 'Gerda van Leeuwen',
    email: 'gerda.vl@example.org',
    phone: '0612345003',
    street: 'Molenweg 45',
    postcode: '3456 CD',
    city: 'Voorbeeldstad',
  },
  {
    name: 'Pieter de Graaf',
    email: 'p.degraaf@example.org',
    phone: '0612345004',
    street: 'Stationslaan 8',
    postcode: '4567 DE',
    city: 'Havenstad',
  },
  {
    name: 'Noor Haddou',
    email: 'noor.haddou@example.org',
    phone: '0612345005',
    street: 'Lindelaan 21',
    postcode: '5678 EF',
    city: 'Voorbeeldstad',
  },
  {
    name: 'Wim Kramer',
    email: 'wim.kramer@example.org',
    phone: '0612345006',
    street: 'Schoolstraat 2',
    postcode: '6789 FG',
    city: 'Dijkdorp',
  },
  {
    name: 'Esther Bos',
    email: 'esther.bos@example.org',
    phone: '0612345007',
    street: 'Beukenhof 17',
    postcode: '7890 GH',
    city: 'Havenstad',
  },
  {
    name: 'Daan Vermeulen',
    email: 'daan.vermeulen@example.org',
    phone: '0612345008',
    street: 'Zuiderkade 5',
    postcode: '8901 HJ',
    city: 'Voorbeeldstad',
  },
  {
    name: 'Priya Ramdin',
    email: 'priya.ramdin@example.org',
    phone: '0612345009',
    street: 'Parkweg 30',
    postcode: '9012 JK',
    city: 'Dijkdorp',
  },
  {
    name: 'Bert Huisman',
    email: 'bert.huisman@example.org',
    phone: '0612345010',
    street: 'Veldstraat 9',
    postcode: '1023 KL',
    city: 'Havenstad',
  },
];

const SUBJECTS = [
  [
    'phone',
    'Registratie',
    'Lang wachten op mijn registratie',
    'Ik wacht al tien weken op mijn inschrijving in het register. Niemand kan mij vertellen waarom het zo lang duurt.',
  ],
  [
    'email',
    'Vergunning',
    'Onvriendelijk behandeld aan de telefoon',
    'De medewerker was kortaf en hing op voordat mijn vraag beantwoord was.',
  ],
  [
    'web',
    'Subsidie',
    'Geen antwoord op mijn brief',
    'Ik heb twee maanden geleden een brief gestuurd over mijn aanvraag en nooit antwoord gekregen.',
  ],
  [
    'letter',
    'Registratie',
    'Verkeerde gegevens in mijn registratie',
    'Mijn adres staat verkeerd in uw systeem. Ik heb dit al drie keer doorgegeven.',
  ],
  ['counter', 'Vergunning', 'Afspraak niet doorgegaan', 'Ik kwam voor een afspraak aan de balie, maar niemand wist ervan.'],
  ['phone', 'Declaratie', 'Te veel betaald voor mijn aanvraag', 'Ik heb twee keer betaald voor dezelfde aanvraag en wil mijn geld terug.'],
  [
    'email',
    'Registratie',
    'Website werkt niet met DigiD',
    'Ik kan niet inloggen op de website. Na het inloggen met DigiD krijg ik steeds een foutmelding.',
  ],
  [
    'web',
    'Subsidie',
    'Besluit niet duidelijk uitgelegd',
    'In de brief over mijn aanvraag staan moeilijke woorden. Ik begrijp niet waarom ik niets krijg.',
  ],
  [
    'phone',
    'Vergunning',
    'Steeds andere medewerker',
    'Elke keer als ik bel krijg ik iemand anders, en ik moet mijn verhaal steeds opnieuw vertellen.',
  ],
  [
    'email',
    'Declaratie',
    'Terugbelverzoek niet nagekomen',
    'Er zou mij binnen twee dagen worden teruggebeld. Dat is na een week nog niet gebeurd.',
  ],
] as const;

/** The process PATHS were written for (the demo organisation's); other processes are walked from their definition. */
export const SCRIPTED_PROCESS = 'kcc-complaint';

/** Where each demo case ends up; the steps are the same process transitions a user takes. */
type Step = { transition: string; by: string; inputs?: Record<string, unknown> };
const fwd: Step = { transition: 'forwardToCoordinator', by: 'agent1', inputs: { note: 'Volledig, graag beoordelen.' } };
const ack: Step = { transition: 'acknowledge', by: 'coordinator' };
const cls: Step = {
  transition: 'classify',
  by: 'coordinator',
  inputs: { classification: 'complaint', formality: 'formal', ground: 'conduct', statutory: true },
};
const toBo: Step = { transition: 'forwardForJudgment', by: 'coordinator' };
const judge: Step = {
  transition: 'judge',
  by: 'backOffice',
  inputs: { judgment: 'partlyFounded', judgmentReasons: 'De wachttijd was te lang; de uitleg aan de telefoon was wel juist.' },
};
const invite: Step = { transition: 'inviteForHearing', by: 'coordinator' };
const plan: Step = { transition: 'planHearing', by: 'coordinator', inputs: { hearingAt: '2026-12-03T10:00:00+01:00' } };
const held: Step = { transition: 'recordHearing', by: 'coordinator', inputs: { hearingSummary: 'Klant is gehoord; excuses aangeboden.' } };
const toLetter: Step = { transition: 'forwardForLetter', by: 'coordinator' };
const submit: Step = { transition: 'submitLetter', by: 'backOffice' };
const send: Step = { transition: 'sendLetter', by: 'coordinator' };

export const PATHS: Record<string, Step[]> = {
  activityOnly: [],
  registered: [],
  awaitingInformation: [
    { transition: 'requestInformation', by: 'agent1', inputs: { informationRequested: 'Uw klantnummer en de datum van uw aanvraag.' } },
  ],
  withCoordinator: [fwd],
  acknowledged: [fwd, ack],
  classified: [fwd, ack, cls],
  withBackOffice: [fwd, ack, cls, toBo],
  judged: [fwd, ack, cls, toBo, judge],
  hearingInvited: [fwd, ack, cls, toBo, judge, invite],
  hearingPlanned: [fwd, ack, cls, toBo, judge, invite, plan],
  draftingLetter: [fwd, ack, cls, toBo, judge, invite, plan, held, toLetter],
  letterReview: [fwd, ack, cls, toBo, judge, invite, plan, held, toLetter, submit],
  closed: [fwd, ack, cls, toBo, judge, invite, plan, held, toLetter, submit, send],
  closedStandard: [
    fwd,
    ack,
    { ...cls, inputs: { classification: 'signal', formality: 'informal', ground: 'communication', statutory: false } },
    { transition: 'draftStandardLetter', by: 'coordinator' },
    send,
  ],
  cancelled: [{ transition: 'cancel', by: 'agent1', inputs: { cancelReason: 'duplicate', note: 'Dubbel geregistreerd.' } }],
};

const ORDER = Object.keys(PATHS);
export const DEMO_CASES = Array.from({ length: 54 }, (_, i) => {
  const [channel, product, subject, body] = SUBJECTS[i % SUBJECTS.length]!;
  return { channel, product, subject, body, path: ORDER[i % ORDER.length]! };
});
