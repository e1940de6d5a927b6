import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * Dossier work on the case page's timeline (seed 004) says what happened in words: which action line
 * moved from which date to which, what was remarked on which line, which task was started. The events
 * come from the server through its presenter (HTTP), and are put in words by the staff app's own text
 * function with its Dutch dictionary. Events recorded before they carried names still render.
 */
type TimelineEvent = {
  id: string;
  type: string;
  occurredAt: string;
  actor: { id: string | null; name: string };
  activityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  data: Record<string, unknown>;
};
type TimelineContext = {
  t: (key: string, vars?: Record<string, string | number>) => string;
  l: (b: { nl: string } | null | undefined) => string;
  has: (key: string) => boolean;
  date: (s: string) => string;
  dateTime: (s: string) => string;
  labels: unknown;
  userName: (id: string) => string | undefined;
  activitySubject: (id: string) => string | undefined;
  teamName: (id: string) => string | undefined;
};

const HOUSING = path.resolve(import.meta.dirname, '../../../config/examples/housing-corporation.json');
const I18N = path.resolve(import.meta.dirname, '../../../web/staff/src/i18n');

let t: Awaited<ReturnType<typeof createTestApp>>;
let handler: StaffActor, colleague: StaffActor;
const h: Record<string, Record<string, string>> = {};
const nl: Record<string, string> = {};
/** The staff app's text function, loaded by path as screenWords.test.ts loads its dictionaries (the server's type check leaves the web app's files to its own). */
let describeEvent: (e: TimelineEvent, ctx: TimelineContext) => { what: string; details: string[] };

before(async () => {
  t = await createTestApp({ orgFile: HOUSING });
  handler = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['liveability'], name: 'Hanna Handler' });
  colleague = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['liveability'], name: 'Cor Collega' });
  h.handler = await loginHeaders(t.services, handler);
  h.colleague = await loginHeaders(t.services, colleague);
  ({ describeEvent } = await import(path.resolve(import.meta.dirname, '../../../web/staff/src/components/case/timelineText.ts')));
  for (const file of fs.readdirSync(I18N).filter((f) => /^nl[A-Z]?\w*\.ts$/.test(f))) {
    const mod = (await import(path.join(I18N, file))) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (value && typeof value === 'object') Object.assign(nl, value);
  }
});
after(() => t.close());

async function ok(method: 'GET' | 'POST' | 'PATCH', url: string, who: string, payload?: object) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: h[who], ...(payload ? { payload } : {}) });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The staff app's words, Dutch; dates as the tests can read them. */
const words = (activities: Record<string, string> = {}): TimelineContext => ({
  t: (key, vars) => (nl[key] ?? key).replace(/\{(\w+)\}/g, (_: string, k: string) => String(vars?.[k] ?? '')),
  l: (b) => b?.nl ?? '',
  has: (key) => key in nl,
  date: (s) => `dag ${s}`,
  dateTime: (s) => s,
  labels: { process: null, status: () => null, step: () => null, field: () => undefined, input: () => undefined },
  userName: () => undefined,
  activitySubject: (id) => activities[id],
  teamName: () => undefined,
});

test('a rescheduled line, a comment on a line and a started task show which and what', async () => {
  const intake = await ok('POST', '/activities', 'handler', {
    channel: 'phone',
    subject: 'Lekkage na reparatie',
    body: 'De huurder belt: de lekkage is terug.',
    contact: { name: 'Ine Huurder', phone: '0612345678' },
    assignTo: { team: 'liveability' },
  });
  await ok('POST', `/activities/${intake.id}/pick-up`, 'handler');
  const c = await ok('POST', '/cases', 'handler', {
    activityId: intake.id,
    subject: 'Lekkage na reparatie',
    description: intake.body,
    channel: 'phone',
    complainant: { kind: 'person', name: 'Ine Huurder', phone: '0612345678' },
    data: { address: 'Kade 4, Dorp' },
  });
  await ok('POST', `/cases/${c.id}/transitions`, 'handler', { transition: 'openDossier', inputs: {} });
  const [contact, assess] = (await ok('GET', `/cases/${c.id}/dossier`, 'handler')).lines;
  await ok('PATCH', `/cases/${c.id}/action-lines/${assess.id}`, 'handler', { dueDate: '2026-03-12' });
  const long = `Huurder is alleen na 17 uur bereikbaar, want zij werkt overdag in ploegendienst bij de fabriek ${'verderop '.repeat(5)}`;
  await ok('POST', `/cases/${c.id}/action-lines/${contact.id}/comments`, 'colleague', { body: long });
  const task = await ok('POST', `/cases/${c.id}/tasks`, 'handler', {
    lineId: contact.id,
    subject: 'Huurder bellen voor een afspraak',
    userId: colleague.id,
  });
  await ok('POST', `/activities/${task.id}/start`, 'colleague');

  const timeline = (await ok('GET', `/cases/${c.id}/timeline?limit=100`, 'handler')).items as TimelineEvent[];
  const said = (type: string) => {
    const e = timeline.find((x) => x.type === type);
    assert.ok(e, `${type} on the timeline`);
    // No activities known to the page: the names come with the events.
    return describeEvent(e, words());
  };
  const moved = said('actionLineRescheduled');
  assert.equal(moved.what, 'Datum van een actieregel gewijzigd');
  assert.deepEqual(moved.details, [`Actieregel: ${assess.subject}`, `Datum: dag ${assess.dueDate} → dag 2026-03-12`]);
  const commented = said('actionLineCommented');
  assert.equal(commented.details[0], `Actieregel: ${contact.subject}`);
  assert.match(commented.details[1]!, /^Opmerking: Huurder is alleen na 17 uur bereikbaar, .*…$/);
  assert.ok(commented.details[1]!.length < long.length, 'the start of a long comment');
  const started = said('activityStarted').details;
  assert.equal(started.length, 1);
  assert.match(started[0]!, /^Taak: Huurder bellen voor een afspraak/);
});

test('events recorded before they carried names still render, with the activity as the page knows it', () => {
  const old = (type: string, extra: Partial<TimelineEvent>): TimelineEvent => ({
    id: '1',
    type,
    occurredAt: '2026-03-02T10:00:00.000Z',
    actor: { id: null, name: 'Hanna Handler' },
    activityId: 'line-1',
    before: null,
    after: null,
    data: {},
    ...extra,
  });
  const ctx = words({ 'line-1': 'Contact opnemen met huurder' });
  assert.deepEqual(
    describeEvent(old('actionLineRescheduled', { before: { dueDate: '2026-03-09' }, after: { dueDate: '2026-03-12' } }), ctx).details,
    ['Actieregel: Contact opnemen met huurder', 'Datum: dag 2026-03-09 → dag 2026-03-12'],
  );
  assert.deepEqual(describeEvent(old('actionLineCommented', { data: { noteId: 'n1' } }), ctx).details, [
    'Actieregel: Contact opnemen met huurder',
  ]);
  assert.deepEqual(describeEvent(old('activityStarted', { after: { status: 'inProgress' } }), words()).details, []);
});
