import { Readable } from 'node:stream';
import type { Selectable } from 'kysely';
import type { Actor, Services, StaffActor } from '../../commands/context.ts';
import type { AnalysisReportTable, ReportKind } from '../../db/reportSchema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../domain/errors.ts';
import { checkReadability } from '../../domain/readability/checkText.ts';
import { readabilityOptions } from '../../letters/readability.ts';
import { documentText, type ReportDocument, type ReportText } from './documentModel.ts';
import { longDate } from './documentParts.ts';
import { reportDocument } from './reportDocument.ts';
import { type ReportFigures, readReportFigures, reportFiguresSchema } from './reportFigures.ts';
import { renderReportHtml } from './reportHtml.ts';
import { renderReportPdf } from './reportPdf.ts';
import { redactNames, redactionNames } from './redact.ts';

/**
 * Analysis reports as kept documents: made for a period (figures read once and frozen), the
 * analyst's conclusions and recommendations saved while a draft, then finalised (vastgesteld): the
 * PDF and HTML are rendered once, stored in blob storage, and the row never changes again (a trigger
 * in migration 028 refuses it). Who may read one: a report made by someone who reads every case
 * only those who do too; a report made within a narrower scope only its maker (and those who read
 * every case).
 */
export type ReportRow = Selectable<AnalysisReportTable>;

const MAX_BYTES = 20 * 1024 * 1024;
const seesAll = (actor: Actor) => actor.kind === 'system' || actor.permissions.has('case:readAll');

const visible = (actor: StaffActor) => (r: ReportRow) => seesAll(actor) || r.created_by === actor.id;

export async function listReports(services: Services, actor: StaffActor, opts: { kind?: ReportKind } = {}) {
  let q = services.db
    .selectFrom('analysis_report')
    .select([
      'id',
      'kind',
      'period_from',
      'period_to',
      'title',
      'state',
      'scope_all',
      'created_at',
      'created_by',
      'created_by_name',
      'updated_at',
      'finalised_at',
      'finalised_by',
      'finalised_by_name',
      'pdf_blob_key',
      'pdf_sha256',
      'html_blob_key',
      'conclusions',
      'recommendations',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(500);
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  if (!seesAll(actor)) q = q.where('created_by', '=', actor.id);
  return q.execute();
}

export async function getReport(services: Services, actor: StaffActor, id: string): Promise<ReportRow & { figures: ReportFigures }> {
  const row = await services.db.selectFrom('analysis_report').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !visible(actor)(row as ReportRow)) throw notFound('Deze rapportage');
  return { ...(row as ReportRow), figures: reportFiguresSchema.parse(row.figures) };
}

const defaultTitle = (kind: ReportKind, from: string, to: string) =>
  kind === 'annual'
    ? `Klachtenjaarverslag ${from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${from.slice(0, 4)}–${to.slice(0, 4)}`}`
    : `Klachtenanalyse ${longDate(from)} tot en met ${longDate(to)}`;

export type CreateReportInput = { kind: ReportKind; from: string; to: string; title?: string | null };

/** Reads the period's figures as the actor sees them and keeps them as a new draft. */
export async function createReport(services: Services, actor: StaffActor, input: CreateReportInput) {
  if (input.from > input.to) throw invalid('body.to', 'De einddatum ligt voor de begindatum.');
  if (Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) > 5)
    throw invalid('body.from', 'Kies een periode van hoogstens vijf jaar.');
  if (input.kind === 'annual') {
    // The published report speaks for the whole organisation: a figure over part of it would mislead.
    if (!seesAll(actor))
      throw forbidden('Het klachtenjaarverslag gaat over alle klachten. Alleen wie alle klachten mag zien, kan het maken.');
    if (input.to > addYear(input.from)) throw invalid('body.to', 'Een jaarverslag gaat over hoogstens één jaar.');
  }
  const figures = await readReportFigures(services, actor, input.kind, { from: input.from, to: input.to });
  if (input.kind === 'annual') {
    // Measures are written by staff: their texts lose any name of a colleague or of a complainant of theirs.
    const names = await redactionNames(services);
    for (const m of figures.measures.items) m.description = redactNames(m.description, names);
    for (const m of figures.measures.items) if (m.lastCheck) m.lastCheck.conclusion = redactNames(m.lastCheck.conclusion, names);
  }
  const now = services.clock.now();
  return services.db
    .insertInto('analysis_report')
    .values({
      kind: input.kind,
      period_from: input.from,
      period_to: input.to,
      title: input.title?.trim() || defaultTitle(input.kind, input.from, input.to),
      figures: JSON.stringify(figures),
      scope_all: figures.scope === 'all',
      created_at: now,
      created_by: actor.id,
      created_by_name: actor.name,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const addYear = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

export type ReportTextInput = { title?: string; conclusions?: string; recommendations?: string };

/** Saves the analyst's text; only a draft changes (a final report is kept as it was). */
export async function updateReportText(services: Services, actor: StaffActor, id: string, input: ReportTextInput) {
  const r = await getReport(services, actor, id);
  if (r.state !== 'draft') throw conflict('Deze rapportage is vastgesteld en verandert niet meer.');
  const set: Partial<{ title: string; conclusions: string; recommendations: string }> = {};
  if (input.title !== undefined) set.title = input.title.trim();
  if (input.conclusions !== undefined) set.conclusions = input.conclusions;
  if (input.recommendations !== undefined) set.recommendations = input.recommendations;
  const res = await services.db
    .updateTable('analysis_report')
    .set({ ...set, updated_at: services.clock.now() })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .where('updated_at', '=', r.updated_at)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict('Iemand anders heeft deze rapportage intussen gewijzigd. Laad haar opnieuw.');
}

async function textOf(services: Services, r: ReportRow, finalisedOn: string | null): Promise<ReportText> {
  const annual = r.kind === 'annual';
  const names = annual ? await redactionNames(services) : [];
  const clean = (s: string) => (annual ? redactNames(s, names) : s);
  return {
    title: clean(r.title),
    conclusions: clean(r.conclusions),
    recommendations: clean(r.recommendations),
    state: finalisedOn ? 'final' : r.state,
    finalisedOn,
  };
}

async function documentOf(services: Services, r: ReportRow & { figures: ReportFigures }, finalisedOn: string | null) {
  return reportDocument(r.figures, await textOf(services, r, finalisedOn));
}

async function render(services: Services, doc: ReportDocument, at: Date) {
  const [pdf, htmlText] = await Promise.all([
    renderReportPdf(doc, { author: services.org.name, date: at }),
    Promise.resolve(renderReportHtml(doc)),
  ]);
  return { pdf, html: Buffer.from(htmlText, 'utf8') };
}

/**
 * Vaststellen: renders the report once more with the final text, stores the PDF and HTML, and marks
 * the row final in one conditional update (a second finalise, or one racing it, changes nothing).
 */
export async function finaliseReport(services: Services, actor: StaffActor, id: string) {
  const r = await getReport(services, actor, id);
  if (r.state !== 'draft') throw conflict('Deze rapportage is al vastgesteld.');
  const now = services.clock.now();
  const doc = await documentOf(services, r, services.calendar.toDate(now));
  const out = await render(services, doc, now);
  const pdf = await services.storage.put(Readable.from([out.pdf]), MAX_BYTES);
  const htmlBlob = await services.storage.put(Readable.from([out.html]), MAX_BYTES);
  const res = await services.db
    .updateTable('analysis_report')
    .set({
      state: 'final',
      finalised_at: now,
      finalised_by: actor.id,
      finalised_by_name: actor.name,
      pdf_blob_key: pdf.key,
      pdf_sha256: pdf.sha256,
      html_blob_key: htmlBlob.key,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .where('updated_at', '=', r.updated_at)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    await Promise.all([services.storage.remove(pdf.key), services.storage.remove(htmlBlob.key)]);
    throw conflict('Iemand anders heeft deze rapportage intussen gewijzigd of vastgesteld. Laad haar opnieuw.');
  }
}

const fileName = (r: ReportRow, ext: string) => `${r.title.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'rapportage'}.${ext}`;

/** The report's PDF or HTML: the stored one when final (byte for byte as finalised), else rendered from the draft. */
export async function reportFile(services: Services, actor: StaffActor, id: string, format: 'pdf' | 'html') {
  const r = await getReport(services, actor, id);
  const filename = fileName(r, format);
  if (r.state === 'final') {
    const key = format === 'pdf' ? r.pdf_blob_key : r.html_blob_key;
    if (!key) throw new AppError('not_found', 'Het bestand van deze rapportage ontbreekt.');
    return { filename, body: services.storage.open(key) as Readable | Buffer };
  }
  const doc = await documentOf(services, r, null);
  const body =
    format === 'pdf'
      ? await renderReportPdf(doc, { author: services.org.name, date: services.clock.now() })
      : Buffer.from(renderReportHtml(doc), 'utf8');
  return { filename, body: body as Readable | Buffer };
}

/** The figures two reports have in common, side by side, with the difference. */
export type KeyFigure = { key: string; label: string; value: number | null; text: string };

export async function compareReports(services: Services, actor: StaffActor, id: string, withId: string) {
  if (id === withId) throw invalid('with', 'Kies een andere rapportage om mee te vergelijken.');
  const [a, b] = await Promise.all([getReport(services, actor, id), getReport(services, actor, withId)]);
  const fa = keyFigures(a.figures);
  const fb = new Map(keyFigures(b.figures).map((f) => [f.key, f]));
  const keys = [...new Set([...fa.map((f) => f.key), ...fb.keys()])];
  const byKey = new Map(fa.map((f) => [f.key, f]));
  return {
    rows: keys.map((key) => {
      const x = byKey.get(key) ?? null;
      const y = fb.get(key) ?? null;
      const difference = x && y && x.value !== null && y.value !== null ? Math.round((x.value - y.value) * 10) / 10 : null;
      return { key, label: (x ?? y)!.label, value: x?.text ?? '–', other: y?.text ?? '–', difference };
    }),
    report: a,
    other: b,
  };
}

/**
 * A report's headline figures for comparing periods. In an annual report a count of 1 to 4 is
 * shown as "< 5" and left out of the difference, as in the report itself.
 */
export function keyFigures(f: ReportFigures): KeyFigure[] {
  const annual = f.kind === 'annual';
  const count = (key: string, label: string, n: number): KeyFigure =>
    annual && n >= 1 && n <= 4 ? { key, label, value: null, text: '< 5' } : { key, label, value: n, text: String(n) };
  const share = (key: string, label: string, s: number | null, hide: boolean): KeyFigure =>
    s === null || hide
      ? { key, label, value: null, text: '–' }
      : { key, label, value: Math.round(s * 1000) / 10, text: `${Math.round(s * 100)}%` };
  const days = (key: string, label: string, d: number | null): KeyFigure => ({ key, label, value: d, text: d === null ? '–' : String(d) });
  const small = (n: number) => annual && n >= 1 && n <= 4;
  const out: KeyFigure[] = [
    count('complaintsReceived', 'Binnengekomen klachten', f.received.total),
    count('complaintsClosed', 'Afgesloten klachten', f.closed.total),
    days('medianDays', 'Doorlooptijd, mediaan (dagen)', f.leadTime.medianDays),
    days('p90Days', 'Doorlooptijd, 90e percentiel (dagen)', f.leadTime.p90Days),
    share(
      'onTimeTerm',
      'Op tijd binnen de wettelijke termijn (%)',
      f.onTime.term.share,
      small(f.onTime.term.onTime) || small(f.onTime.term.late),
    ),
    share('onTimeNorm', 'Op tijd binnen de eigen norm (%)', f.onTime.norm.share, small(f.onTime.norm.onTime) || small(f.onTime.norm.late)),
    count('extended', 'Termijn verlengd', f.extensions.extended),
    count('surveyAnswered', 'Enquêtes beantwoord', f.surveys.answered),
    {
      key: 'surveyAverage',
      label: 'Gemiddelde tevredenheid (1–5)',
      value: f.surveys.average,
      text: f.surveys.average === null ? '–' : String(f.surveys.average),
    },
    count(
      'external',
      'Naar een externe instantie',
      f.external.reduce((a, e) => a + e.count, 0),
    ),
    count('measures', 'Maatregelen in de periode', f.measures.total),
  ];
  for (const b of f.breakdowns.filter((x) => x.dimension === 'ground'))
    for (const v of b.values) out.push(count(`ground:${v.value}`, `Grondslag: ${v.label.nl}`, v.received));
  for (const n of f.norms) out.push(count(`norm:${n.key}`, `Norm geschonden: ${n.label?.nl ?? n.key}`, n.count));
  return out;
}

/** One report with the document it reads as (the figures frozen, the text as saved). */
export async function reportDetail(services: Services, actor: StaffActor, id: string) {
  const r = await getReport(services, actor, id);
  const finalisedOn = r.finalised_at ? services.calendar.toDate(r.finalised_at) : null;
  const document = await documentOf(services, r, finalisedOn);
  // Plain Dutch (Flesch-Douma, the organisation's level): the report's running text with the analyst's own.
  const check = checkReadability(documentText(document), readabilityOptions(services.org));
  return {
    report: r,
    document,
    readability: {
      fleschDouma: check.scores.fleschDouma,
      band: check.scores.band,
      threshold: check.threshold,
      belowThreshold: check.belowThreshold,
    },
  };
}
