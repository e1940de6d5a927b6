/**
 * Word material for the benchmark data. Small arrays, combined in SQL by hashing the row number,
 * so a million rows cost no JavaScript per row. All names and addresses are made up.
 */

export const FIRST_NAMES = [
  'Jan',
  'Piet',
  'Kees',
  'Sanne',
  'Emma',
  'Sophie',
  'Lotte',
  'Daan',
  'Sem',
  'Lucas',
  'Finn',
  'Julia',
  'Tess',
  'Anna',
  'Noah',
  'Levi',
  'Mila',
  'Yara',
  'Mohammed',
  'Fatima',
  'Ahmed',
  'Ayse',
  'Priya',
  'Rajesh',
  'Wilma',
  'Gerrit',
  'Henk',
  'Ingrid',
  'Marieke',
  'Joost',
  'Bram',
  'Ruben',
  'Fleur',
  'Iris',
  'Noor',
  'Sara',
  'Thijs',
  'Willem',
  'Anouk',
  'Ruud',
  'Mehmet',
];

export const LAST_NAMES = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Heuvel',
  'van der Veen',
  'van den Broek',
  'de Bruijn',
  'Yilmaz',
  'El Amrani',
  'Schouten',
  'van Beek',
  'Willems',
  'Ramdin',
  'Kaya',
];

export const MAIL_DOMAINS = ['ziggo.nl', 'kpnmail.nl', 'gmail.com', 'hotmail.com', 'outlook.com', 'xs4all.nl', 'home.nl', 'planet.nl'];
export const STREETS = [
  'Dorpsstraat',
  'Kerkstraat',
  'Molenweg',
  'Stationsweg',
  'Schoolstraat',
  'Lindelaan',
  'Beukenlaan',
  'Parkweg',
  'Zuiderkade',
  'Veldstraat',
  'Julianastraat',
  'Wilhelminastraat',
  'Marktplein',
  'Nieuwstraat',
  'Havenweg',
  'Eikenlaan',
  'Kastanjelaan',
  'Prinses Beatrixlaan',
  'Sportlaan',
  'Industrieweg',
];
export const CITIES = [
  'Amsterdam',
  'Rotterdam',
  'Den Haag',
  'Utrecht',
  'Eindhoven',
  'Groningen',
  'Tilburg',
  'Almere',
  'Breda',
  'Nijmegen',
  'Apeldoorn',
  'Haarlem',
  'Arnhem',
  'Enschede',
  'Amersfoort',
  'Zaanstad',
  'Zwolle',
  'Leiden',
  'Maastricht',
  'Dordrecht',
];
export const ORGANISATIONS = [
  'Bakkerij De Korenschoof B.V.',
  'Stichting Buurtwerk Oost',
  'Installatiebedrijf Van Dam',
  'Vereniging Eigen Huis afdeling Zuid',
  'Transportbedrijf Hoekstra',
  'Kinderopvang De Zonnebloem',
];

/**
 * Complaint topics, most frequent first: the seed picks topic k with a skewed distribution (from
 * ~17% down to ~3% of cases), so a search term hits a realistic fraction rather than 1/20 each.
 * Text is already accent-free where it ends up in search_text.
 */
export const TOPICS: { subjects: string[]; sentences: string[] }[] = [
  {
    subjects: ['Lange wachttijd aan de telefoon', 'Telefonisch onbereikbaar'],
    sentences: [
      'Ik heb drie keer meer dan een half uur in de wachtrij gestaan en werd daarna afgebroken.',
      'De wachttijd aan de telefoon is onacceptabel lang, ik bel al een week zonder iemand te spreken.',
    ],
  },
  {
    subjects: ['Geen antwoord op mijn brief', 'Brief kwijtgeraakt'],
    sentences: [
      'Ik heb twee maanden geleden een brief gestuurd en nooit antwoord gekregen.',
      'Volgens de medewerker is mijn brief kwijtgeraakt, ik moet alles opnieuw opsturen.',
    ],
  },
  {
    subjects: ['Onvriendelijke medewerker aan de balie', 'Onbeschofte behandeling door medewerker'],
    sentences: [
      'De medewerker was kortaf en hing op voordat mijn vraag beantwoord was.',
      'Ik werd aan de balie onbeschoft behandeld en uitgelachen door een medewerker.',
    ],
  },
  {
    subjects: ['Toeslag te laat uitbetaald', 'Terugvordering toeslag onduidelijk'],
    sentences: [
      'Mijn toeslag is al twee maanden niet uitbetaald terwijl alles klopt.',
      'Ik moet een toeslag terugbetalen maar niemand kan uitleggen waarom.',
    ],
  },
  {
    subjects: ['Geluidsoverlast door wegwerkzaamheden', 'Geluidsoverlast van evenementen in het park'],
    sentences: [
      'Sinds weken is er s nachts geluidsoverlast van zware machines bij ons in de straat.',
      'Het geluid van de evenementen gaat tot diep in de nacht door, mijn kinderen kunnen niet slapen.',
    ],
  },
  {
    subjects: ['Factuur dubbel betaald', 'Onjuiste factuur ontvangen'],
    sentences: [
      'Ik heb de factuur twee keer betaald en wil mijn geld terug.',
      'Op de factuur staan kosten voor diensten die ik nooit heb afgenomen.',
    ],
  },
  {
    subjects: ['Inloggen met DigiD lukt niet', 'Website geeft steeds een foutmelding'],
    sentences: [
      'Na het inloggen met DigiD krijg ik steeds een foutmelding op de website.',
      'Het online formulier loopt vast bij de laatste stap, ik kan mijn aanvraag niet versturen.',
    ],
  },
  {
    subjects: ['Afspraak niet nagekomen', 'Afspraak zonder bericht geannuleerd'],
    sentences: [
      'Ik kwam voor een afspraak aan de balie, maar niemand wist ervan.',
      'Mijn afspraak is zonder enig bericht geannuleerd, ik had er vrij voor genomen.',
    ],
  },
  {
    subjects: ['Parkeervergunning niet ontvangen', 'Parkeervergunning onterecht ingetrokken'],
    sentences: [
      'Ik heb mijn parkeervergunning betaald maar na zes weken nog steeds niet ontvangen.',
      'Mijn parkeervergunning is ingetrokken terwijl ik nog gewoon op hetzelfde adres woon.',
    ],
  },
  {
    subjects: ['Registratie duurt te lang', 'Verkeerde gegevens in de registratie'],
    sentences: [
      'Ik wacht al tien weken op mijn inschrijving in het register.',
      'Mijn adres staat verkeerd in uw systeem, ik heb dit al drie keer doorgegeven.',
    ],
  },
  {
    subjects: ['Terugbelverzoek niet nagekomen', 'Niet teruggebeld'],
    sentences: [
      'Er zou mij binnen twee dagen worden teruggebeld, dat is na een week nog niet gebeurd.',
      'Ik heb drie terugbelverzoeken gedaan en niemand heeft mij gebeld.',
    ],
  },
  {
    subjects: ['Vergunningaanvraag te lang in behandeling', 'Omgevingsvergunning afgewezen zonder uitleg'],
    sentences: [
      'Mijn aanvraag voor een omgevingsvergunning ligt al een half jaar stil.',
      'De vergunning is afgewezen zonder motivering, ik begrijp het besluit niet.',
    ],
  },
  {
    subjects: ['Onterechte boete ontvangen', 'Bezwaar tegen parkeerboete niet behandeld'],
    sentences: [
      'Ik heb een boete gekregen voor een overtreding die ik niet heb begaan.',
      'Mijn bezwaar tegen de parkeerboete is na vier maanden nog niet behandeld.',
    ],
  },
  {
    subjects: ['Uitkering te laat gestort', 'Uitkering stopgezet zonder bericht'],
    sentences: [
      'Mijn uitkering is deze maand te laat gestort waardoor ik de huur niet kon betalen.',
      'Mijn uitkering is zonder bericht stopgezet, ik heb geen inkomen meer.',
    ],
  },
  {
    subjects: ['Afvalcontainer niet geleegd', 'Grofvuil niet opgehaald'],
    sentences: [
      'De container is al drie weken niet geleegd, het afval ligt op straat.',
      'Het grofvuil zou op dinsdag worden opgehaald maar ligt er nog steeds.',
    ],
  },
  {
    subjects: ['Subsidie afgewezen', 'Subsidieaanvraag kwijt'],
    sentences: [
      'Mijn subsidie is afgewezen omdat een bijlage zou ontbreken, maar die heb ik wel gestuurd.',
      'Mijn subsidieaanvraag is volgens de medewerker niet ontvangen.',
    ],
  },
  {
    subjects: ['Persoonsgegevens naar verkeerd adres gestuurd', 'Privacy geschonden'],
    sentences: [
      'Een brief met mijn persoonsgegevens is naar de buren gestuurd.',
      'Een medewerker heeft mijn dossier besproken met iemand die daar niets mee te maken heeft.',
    ],
  },
  {
    subjects: ['Kapotte straatverlichting niet gerepareerd', 'Losliggende stoeptegels'],
    sentences: [
      'De straatverlichting is al maanden kapot, het is s avonds onveilig.',
      'Mijn moeder is gevallen over losliggende stoeptegels die al lang gemeld zijn.',
    ],
  },
  {
    subjects: ['Stankoverlast van bedrijf', 'Stank uit het riool'],
    sentences: [
      'Het bedrijf naast ons veroorzaakt dagelijks stankoverlast.',
      'Er komt al weken een vieze stank uit het riool in onze straat.',
    ],
  },
  {
    subjects: ['Aanslag gemeentelijke belastingen te hoog', 'Belastingaanslag niet te begrijpen'],
    sentences: [
      'De aanslag voor de gemeentelijke belastingen is twee keer zo hoog als vorig jaar.',
      'Ik begrijp de belastingaanslag niet en niemand kan het mij uitleggen.',
    ],
  },
];

/** Openers and closers: the common words most complaints share ("klacht", "reactie", "graag"). */
export const OPENERS = [
  'Hierbij dien ik een klacht in.',
  'Ik wil een klacht indienen over uw organisatie.',
  'Ik ben het niet eens met de gang van zaken.',
  'Ik ben erg teleurgesteld.',
  'Ik heb dit al eerder gemeld.',
  'Namens mijn moeder dien ik deze klacht in.',
  'Ik ben boos en voel mij niet serieus genomen.',
  'Dit is de tweede keer dat ik hierover klaag.',
];
export const DETAILS = [
  'Niemand neemt de verantwoordelijkheid.',
  'Ik word steeds van het kastje naar de muur gestuurd.',
  'De informatie op de website klopt niet.',
  'Ik heb hierdoor extra kosten moeten maken.',
  'Steeds krijg ik een andere medewerker.',
  'Mijn dossier is niet compleet.',
  'Er is geen rekening gehouden met mijn situatie.',
  'Dit heeft veel stress veroorzaakt.',
  'Ik heb bewijs in de bijlage gedaan.',
  'Er is een fout gemaakt bij het verwerken van mijn gegevens.',
];
export const CLOSERS = [
  'Ik verwacht een reactie binnen twee weken.',
  'Graag een excuus en een oplossing.',
  'Ik wil graag teruggebeld worden.',
  'Ik wil mijn geld terug.',
  'Graag een schriftelijke reactie.',
  'Ik overweeg naar de Nationale ombudsman te stappen.',
];

/**
 * Realistic searches a handler types: common words, prefixes of compounds, two words, names, a
 * typo that matches nothing ("wachtijd"), and a common word with that typo ("klacht wachtijd");
 * the benchmark adds the reference of an existing case.
 */
export const SEARCHES = [
  'geluidsoverlast',
  'geluid',
  'parkeervergunning',
  'parkeer',
  'toeslag',
  'wachttijd',
  'factuur',
  'digid',
  'boete',
  'stank',
  'klacht',
  'brief kwijt',
  'onvriendelijke medewerker',
  'afspraak geannuleerd',
  'uitkering te laat',
  'vergunning afgewezen',
  'jansen',
  'van dijk',
  'ramdin',
  'terugbel',
  'wachtijd',
  'klacht wachtijd',
];

/** ~20 staff, by role and team key; the first coordinator and first agent drive the benchmark. */
export const STAFF: { name: string; roles: string[]; teams: string[] }[] = [
  // A coordinator who also watches the first line: two teams, the harder case for the team queue.
  { name: 'Kees Bakker', roles: ['coordinator'], teams: ['coordinators', 'kcc'] },
  { name: 'Fatma Yilmaz', roles: ['coordinator'], teams: ['coordinators'] },
  { name: 'Joost Dekker', roles: ['coordinator'], teams: ['coordinators'] },
  { name: 'Iris van Beek', roles: ['coordinator'], teams: ['coordinators'] },
  { name: 'Sanne de Vries', roles: ['firstLineAgent'], teams: ['kcc'] },
  { name: 'Mohammed El Amrani', roles: ['firstLineAgent'], teams: ['kcc'] },
  { name: 'Lotte Smit', roles: ['firstLineAgent'], teams: ['kcc'] },
  { name: 'Daan Visser', roles: ['firstLineAgent'], teams: ['kcc'] },
  { name: 'Priya Ramdin', roles: ['firstLineAgent'], teams: ['kcc'] },
  { name: 'Gerrit Kok', roles: ['firstLineAgent'], teams: ['kcc'] },
  { name: 'Petra Jansen', roles: ['dispatcher', 'firstLineAgent'], teams: ['kcc'] },
  { name: 'Jeroen Mulder', roles: ['teamLead'], teams: ['kcc'] },
  { name: 'Ruud Visser', roles: ['backOffice'], teams: ['backOffice'] },
  { name: 'Wilma de Haan', roles: ['backOffice'], teams: ['backOffice'] },
  { name: 'Bram Schouten', roles: ['backOffice'], teams: ['backOffice'] },
  { name: 'Noor Haddou', roles: ['backOffice'], teams: ['backOffice'] },
  { name: 'Anouk Smit', roles: ['department'], teams: ['department'] },
  { name: 'Thijs Brouwer', roles: ['department'], teams: ['department'] },
  { name: 'Linda de Boer', roles: ['qualityOfficer'], teams: [] },
  { name: 'Henk Peters', roles: ['processOwner'], teams: [] },
];

/** Which team a role's work lands in, for statuses whose step names no team. */
export const ROLE_TEAM: Record<string, string> = {
  firstLineAgent: 'kcc',
  coordinator: 'coordinators',
  backOffice: 'backOffice',
  department: 'department',
};

/** Share of open cases per status (weights); statuses missing here get weight 5. */
export const OPEN_STATUS_WEIGHTS: Record<string, number> = {
  registered: 16,
  awaitingInformation: 12,
  acknowledged: 8,
  classified: 8,
  hearingInvited: 6,
  hearingHeld: 5,
  withCoordinator: 9,
  withBackOffice: 8,
  judged: 5,
  hearingPlanned: 3,
  draftingLetter: 8,
  letterReview: 6,
  withDepartment: 6,
};
export const CLOSED_STATUS_WEIGHTS: Record<string, number> = { closed: 80, cancelled: 8, notHandled: 6, referred: 6 };
export const CHANNEL_WEIGHTS: Record<string, number> = { phone: 35, email: 30, web: 20, letter: 10, counter: 5 };
