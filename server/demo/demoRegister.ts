import type { CommandContext, Services, StaffActor } from '../commands/context.ts';
import { checkRegisterImport, startRegisterImport, uploadRegister } from '../commands/registerImport.ts';
import { AMSTERDAM, addDays, dateInZone } from '../domain/calendar/civilDate.ts';
import { choicesFor } from '../import/importFields.ts';

/**
 * The organisation's old register, so the dashboard has history: about 400 complaints over the 24
 * months before the demo's now, as the Excel file seed 001 describes (its own numbers, Dutch
 * subjects, the process's own grounds, departments, judgments and outcomes, ~85% closed after varying
 * lead times, some complainants who return), imported through the register import itself. Seeded
 * random and the demo clock: the same register every start.
 */
const ROWS = 400;

/** mulberry32: a small seeded generator, so every demo start writes the same register. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'Lang moeten wachten aan de telefoon',
  'Geen reactie op mijn e-mail',
  'Onvriendelijk te woord gestaan aan de balie',
  'Brief was onduidelijk',
  'Afspraak niet nagekomen',
  'Terugbelverzoek niet opgevolgd',
  'Verkeerde informatie gekregen over mijn aanvraag',
  'Aanvraag kwijtgeraakt',
  'Beslissing duurde te lang',
  'Medewerker luisterde niet naar mijn uitleg',
  'Website gaf een foutmelding bij het indienen',
  'Dubbel bedrag in rekening gebracht',
  'Niet doorverbonden met de juiste afdeling',
  'Ontvangstbevestiging nooit ontvangen',
  'Privégegevens naar verkeerd adres gestuurd',
  'Openingstijden van het loket klopten niet',
  'Bezwaar niet in behandeling genomen',
  'Toezegging niet schriftelijk bevestigd',
  'Te weinig uitleg bij de beslissing',
  'Wachttijd voor een afspraak te lang',
];
const DEPARTMENTS = ['Klantcontactcentrum', 'Afdeling Registers', 'Vergunningen', 'Burgerzaken', 'Financiën', 'Publieksbalie'];
const FIRST = [
  'Anna',
  'Bram',
  'Carla',
  'Daan',
  'Eva',
  'Fleur',
  'Gerrit',
  'Hanneke',
  'Ibrahim',
  'Jolanda',
  'Kevin',
  'Lotte',
  'Mohamed',
  'Noor',
  'Olaf',
  'Petra',
  'Ruben',
  'Sanne',
  'Tim',
  'Yasmina',
];
const LAST = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Kaya',
  'El Amrani',
  'Yilmaz',
];
const CHANNELS = ['phone', 'phone', 'email', 'email', 'email', 'web', 'web', 'letter', 'counter'];

const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const dmy = (iso: string) => iso.split('-').reverse().join('-');

/** The register as a CSV file (what a spreadsheet saves), for the demo organisation's first process. */
export function demoRegisterCsv(services: Services): string {
  const def = services.processes.defaultProcess;
  const random = seeded(20260101);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const today = dateInZone(services.clock.now(), AMSTERDAM);
  const values = (fact: 'ground' | 'judgment' | 'kind' | 'formality') => (choicesFor(def, fact) ?? []).map((c) => String(c.value));
  const grounds = values('ground');
  const judgments = values('judgment');
  const kinds = values('kind');
  const formalities = values('formality');
  // A few people complain more than once (seed 002: returning complainants).
  const regulars = Array.from({ length: 12 }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    return { name: `${first} ${last}`, email: `${`${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '')}@voorbeeld-burger.example` };
  });
  const header = [
    'Klachtnummer',
    'Datum ontvangst',
    'Datum afgehandeld',
    'Onderwerp',
    'Naam',
    'E-mail',
    'Kanaal',
    'Soort',
    'Formeel of informeel',
    'Grondslag',
    'Afdeling',
    'Oordeel',
    'Uitkomst',
    'Externe instantie',
    'Op tijd',
  ];
  const lines = [header.join(';')];
  const rows: { received: string; cells: string[] }[] = [];
  for (let i = 0; i < ROWS; i++) {
    // More complaints lately: the register grew with the organisation.
    const daysAgo = Math.floor(730 * (1 - Math.sqrt(random())));
    const received = addDays(today, -Math.max(daysAgo, 1));
    const open = (daysAgo < 60 && random() < 0.6) || random() < 0.04;
    const lead = Math.round(3 + random() * random() * 70); // most within weeks, a tail beyond the six weeks
    let closed = open ? null : addDays(received, lead);
    if (closed && closed >= today) closed = null;
    const regular = random() < 0.15 ? pick(regulars) : null;
    const name = regular?.name ?? `${pick(FIRST)} ${pick(LAST)}`;
    const email = regular?.email ?? (random() < 0.5 ? '' : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@voorbeeld-burger.example`);
    const r = random();
    const outcome = !closed
      ? ''
      : r < 0.62
        ? 'judged'
        : r < 0.8
          ? 'resolved'
          : r < 0.88
            ? 'withdrawn'
            : r < 0.93
              ? 'notHandled'
              : r < 0.97
                ? 'forwarded'
                : 'noResponse';
    const judgment = outcome === 'judged' && judgments.length ? pick(judgments) : '';
    const external = outcome === 'judged' && random() < 0.05 ? 'ombudsman' : '';
    rows.push({
      received,
      cells: [
        '', // numbered below, in order of receipt
        random() < 0.5 ? dmy(received) : received, // a register keeps dates in more than one form
        closed ? dmy(closed) : '',
        pick(SUBJECTS),
        name,
        email,
        pick(CHANNELS),
        kinds.length ? (random() < 0.9 ? kinds[0]! : pick(kinds)) : '',
        formalities.length ? (random() < 0.7 ? formalities[0]! : pick(formalities)) : '',
        grounds.length ? pick(grounds) : '',
        pick(DEPARTMENTS),
        judgment,
        outcome,
        external,
        closed ? (lead <= 42 ? 'ja' : 'nee') : '',
      ],
    });
  }
  rows.sort((a, b) => a.received.localeCompare(b.received));
  const perYear = new Map<string, number>();
  for (const row of rows) {
    const year = row.received.slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    row.cells[0] = `REG-${year}-${String(n).padStart(4, '0')}`;
    lines.push(row.cells.map(quote).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const COLUMNS = {
  Klachtnummer: 'originalReference',
  'Datum ontvangst': 'receivedOn',
  'Datum afgehandeld': 'closedOn',
  Onderwerp: 'subject',
  Naam: 'complainantName',
  'E-mail': 'complainantEmail',
  Kanaal: 'channel',
  Soort: 'kind',
  'Formeel of informeel': 'formality',
  Grondslag: 'ground',
  Afdeling: 'department',
  Oordeel: 'judgment',
  Uitkomst: 'outcome',
  'Externe instantie': 'externalBody',
  'Op tijd': 'handledOnTime',
};

/** Imports the demo register through the register import (upload, dry run, import); returns the cases it added. */
export async function seedDemoRegister(services: Services, importer: StaffActor): Promise<number> {
  const run = <T>(fn: (ctx: CommandContext) => Promise<T>) =>
    services.db.transaction().execute((tx) => fn({ actor: importer, tx, now: services.clock.now(), services }));
  const content = Buffer.from(demoRegisterCsv(services), 'utf8');
  const up = await run((ctx) => uploadRegister(ctx, { fileName: 'klachtenregister-2023-2025.csv', mediaType: 'text/csv', content }));
  const columns = Object.fromEntries(Object.entries(COLUMNS).filter(([h]) => up.headers.includes(h)));
  const report = await run((ctx) => checkRegisterImport(ctx, up.id, columns));
  if (report.errorRows)
    throw new Error(
      `demo register: ${report.problems
        .slice(0, 3)
        .map((p) => p.message)
        .join(' ')}`,
    );
  const started = await startRegisterImport(services, importer, up.id);
  await started.done;
  const batch = await services.db
    .selectFrom('import_batch')
    .select(['state', 'error', 'imported_rows'])
    .where('id', '=', up.id)
    .executeTakeFirstOrThrow();
  if (batch.state !== 'done') throw new Error(`demo register: ${batch.error ?? batch.state}`);
  return batch.imported_rows;
}
