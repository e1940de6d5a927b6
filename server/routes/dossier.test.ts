import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/**
 * Seed 004 through the HTTP API, as the housing corporation works a complaint dossier: claim the
 * team task, open the dossier, direct its follow-up work as the handling employee, do the work,
 * and close only when every action line and task is done.
 */
const HOUSING = path.resolve(import.meta.dirname, '../../config/examples/housing-corporation.json');

let t: Awaited<ReturnType<typeof createTestApp>>;
let handler: StaffActor, colleague: StaffActor, outsider: StaffActor, fixer: StaffActor;
const h: Record<string, Record<string, string>> = {};
let teams: Record<string, string>;

before(async () => {
  t = await createTestApp({ orgFile: HOUSING });
  handler = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['liveability'], name: 'Hanna Handler' });
  colleague = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['liveability'], name: 'Cor Collega' });
  outsider = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['liveability'], name: 'Otto Ander' });
  fixer = await buildStaff(t.services, { roles: ['backOffice'], teams: ['maintenance'], name: 'Frits Onderhoud' });
  for (const [k, a] of Object.entries({ handler, colleague, outsider, fixer })) h[k] = await loginHeaders(t.services, a);
  teams = Object.fromEntries((await t.services.db.selectFrom('team').select(['id', 'key']).execute()).map((x) => [x.key, x.id]));
});
after(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
const call = (method: Method, url: string, who: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: h[who], ...(payload ? { payload } : {}) });
async function ok(method: Method, url: string, who: string, payload?: object) {
  const res = await call(method, url, who, payload);
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const step = (who: string, id: string, transition: string, inputs: Record<string, unknown> = {}) =>
  ok('POST', `/cases/${id}/transitions`, who, { transition, inputs });
const dossier = (id: string, who = 'handler') => ok('GET', `/cases/${id}/dossier`, who);

/** A complaint call in the team's queue, claimed by the handler and registered with the caller as reporter. */
async function claimedComplaint(subject: string) {
  const intake = await ok('POST', '/activities', 'outsider', {
    channel: 'phone',
    subject,
    body: 'De huurder belt: de lekkage is na de reparatie teruggekomen.',
    contact: { name: 'Ine Huurder', email: 'ine@example.org', phone: '0612345678' },
    assignTo: { team: 'liveability' },
  });
  assert.equal(intake.team.id, teams.liveability);
  assert.equal(intake.assignee, null);
  const claimed = await ok('POST', `/activities/${intake.id}/pick-up`, 'handler');
  assert.equal(claimed.assignee.id, handler.id, 'the team task is now on the handler');
  assert.equal(claimed.status, 'inProgress');
  const c = await ok('POST', '/cases', 'handler', {
    activityId: intake.id,
    subject,
    description: intake.body,
    channel: 'phone',
    complainant: { kind: 'person', name: 'Ine Huurder', email: 'ine@example.org', phone: '0612345678' },
    data: { address: 'Kade 4, Dorp' },
  });
  assert.equal(c.complainant.name, 'Ine Huurder', 'the contact is the reporter');
  assert.ok(
    c.activities.some((a: { id: string }) => a.id === intake.id),
    'the call is linked to the dossier',
  );
  return c;
}

describe('a housing complaint dossier in the staff app (seed 004)', () => {
  test('deciding not to handle: a note, and the task is closed', async () => {
    const c = await claimedComplaint('Klacht over de buren');
    const done = await step('handler', c.id, 'doNotHandle', { note: 'Burenruzie: verwezen naar buurtbemiddeling.' });
    assert.equal(done.status, 'notHandled');
    assert.ok(done.notes.some((n: { body: string }) => /buurtbemiddeling/.test(n.body)));
    // The claimed call was the task to assess the complaint: done, with the reason as a note on the dossier.
    const claimed = done.activities.find((a: { subject: string }) => a.subject === 'Klacht over de buren');
    assert.equal(claimed.status, 'done');
    assert.equal(done.facts.find((f: { key: string }) => f.key === 'outcome').value, 'notHandled');
  });

  test('from opening the dossier to closing it, directed by its handling employee', async () => {
    const c = await claimedComplaint('Lekkage na reparatie');
    const opened = await step('handler', c.id, 'openDossier');
    assert.equal(opened.status, 'inHandling');
    assert.equal(opened.assignee.id, handler.id, 'who opens the dossier handles it');

    // Action lines from the step template, with proposed dates; one date moved.
    let d = await dossier(c.id);
    assert.equal(d.enabled, true);
    assert.equal(d.abilities.direct, true);
    assert.deepEqual(
      d.lines.map((l: { dueDate: string }) => l.dueDate),
      ['2026-03-04', '2026-03-09', '2026-03-23', '2026-03-30'],
    );
    assert.deepEqual(
      d.completionReasons.map((r: { value: string }) => r.value),
      ['done', 'solvedOtherwise', 'notNeeded', 'tenantResponsible', 'noContact'],
    );
    const [contact, assess, carryOut] = d.lines;
    d = await ok('PATCH', `/cases/${c.id}/action-lines/${assess.id}`, 'handler', { dueDate: '2026-03-12' });
    assert.equal(d.lines.find((l: { id: string }) => l.id === assess.id).dueDate, '2026-03-12');
    const past = await call('PATCH', `/cases/${c.id}/action-lines/${assess.id}`, 'handler', { dueDate: '2026-03-01' });
    assert.equal(past.statusCode, 400);
    assert.equal(past.json().invalidParams[0].name, 'dueDate');

    // A comment on a line shows with that line, not among the dossier's notes.
    await ok('POST', `/cases/${c.id}/action-lines/${contact.id}/comments`, 'colleague', { body: 'Huurder is na 17 uur bereikbaar.' });
    d = await dossier(c.id);
    assert.deepEqual(
      d.lines[0].comments.map((x: { body: string; author: { name: string } }) => [x.body, x.author.name]),
      [['Huurder is na 17 uur bereikbaar.', 'Cor Collega']],
    );
    const caseNow = await ok('GET', `/cases/${c.id}`, 'handler');
    assert.ok(!caseNow.notes.some((n: { body: string }) => /17 uur/.test(n.body)));

    // The handling employee gives work to others without being a dispatcher (before: 403).
    const lineTask = await ok('POST', `/cases/${c.id}/tasks`, 'handler', {
      lineId: contact.id,
      subject: 'Huurder bellen voor een afspraak',
      body: 'Na 17 uur bellen.',
      userId: colleague.id,
    });
    const wholeTask = await ok('POST', `/cases/${c.id}/tasks`, 'handler', {
      subject: 'Foto’s van de schade opvragen',
      teamId: teams.maintenance,
    });
    const reassigned = await call('POST', `/cases/${c.id}/tasks/${contact.id}/assignment`, 'handler', { userId: colleague.id });
    assert.equal(reassigned.statusCode, 200, reassigned.body);
    const notTheirs = await call('POST', `/cases/${c.id}/tasks/${carryOut.id}/assignment`, 'outsider', { userId: outsider.id });
    assert.equal(notTheirs.statusCode, 403, 'only the handling employee (or a coordinator) directs the dossier');
    assert.match(notTheirs.headers['content-type'] as string, /application\/problem\+json/);
    const noLine = await call('POST', `/cases/${c.id}/action-lines`, 'outsider', { subject: 'Nog iets' });
    assert.equal(noLine.statusCode, 403);
    d = await dossier(c.id);
    assert.deepEqual(
      d.lines[0].tasks.map((x: { id: string; assignee: { name: string } }) => [x.id, x.assignee.name]),
      [[lineTask.id, 'Cor Collega']],
    );
    assert.equal(d.lines[0].assignee.name, 'Cor Collega');
    assert.deepEqual(
      d.tasks.map((x: { id: string; team: { name: string } }) => [x.id, x.team.name]),
      [[wholeTask.id, 'Team Onderhoud']],
    );

    // Closing while work is open names that work: problem+json with the open lines and tasks.
    await step('handler', c.id, 'checkSolution');
    const early = await call('POST', `/cases/${c.id}/transitions`, 'handler', {
      transition: 'complete',
      inputs: { closingReason: 'resolved' },
    });
    assert.equal(early.statusCode, 409);
    assert.match(early.headers['content-type'] as string, /application\/problem\+json/);
    const problem = early.json();
    assert.match(problem.detail, /actieregel "Contact opnemen met huurder \(WS-2026-\d+\)"/);
    assert.match(problem.detail, /taak "Huurder bellen voor een afspraak/);
    assert.doesNotMatch(problem.detail, /intussen gewijzigd/);
    assert.equal(problem.openWork.length, 6);
    assert.deepEqual(
      problem.openWork.map((w: { kind: string }) => w.kind),
      ['actionLine', 'actionLine', 'actionLine', 'actionLine', 'task', 'task'],
    );

    // Not satisfied yet: one more line from the template, and one described by hand.
    const before = (await dossier(c.id)).lines.length;
    await ok('POST', `/cases/${c.id}/action-lines`, 'handler', { fromTemplate: { template: 'complaint', line: 3 } });
    await ok('POST', `/cases/${c.id}/action-lines`, 'handler', { subject: 'Schilder laten komen', dueDate: '2026-03-20' });
    d = await dossier(c.id);
    assert.equal(d.lines.length, before + 2);
    assert.ok(
      d.lines.some((l: { subject: string; dueDate: string }) => /^Schilder laten komen/.test(l.subject) && l.dueDate === '2026-03-20'),
    );
    assert.equal(d.lines.filter((l: { subject: string }) => /^Oplossing controleren met huurder/.test(l.subject)).length, 2);

    // A task in progress, then done; a line done with a completion reason from the process's list.
    const started = await ok('POST', `/activities/${lineTask.id}/start`, 'colleague');
    assert.equal(started.status, 'inProgress');
    await ok('POST', `/activities/${lineTask.id}/closure`, 'colleague', { status: 'done' });
    const wrong = await call('POST', `/activities/${contact.id}/closure`, 'colleague', { status: 'done', completionReason: 'weetIkVeel' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().invalidParams[0].name, 'completionReason');
    await ok('POST', `/activities/${contact.id}/closure`, 'colleague', { status: 'done', completionReason: 'done' });
    d = await dossier(c.id);
    assert.deepEqual(d.lines.find((l: { id: string }) => l.id === contact.id).completionReason, {
      value: 'done',
      label: { nl: 'Uitgevoerd zoals afgesproken', en: 'Carried out as agreed' },
    });

    // The handling employee hands the dossier to a colleague, who now directs it.
    d = await ok('PUT', `/cases/${c.id}/handler`, 'handler', { userId: colleague.id });
    assert.equal(d.handler.name, 'Cor Collega');
    assert.equal((await dossier(c.id, 'colleague')).abilities.direct, true);
    assert.equal((await dossier(c.id, 'handler')).abilities.direct, false);

    // Everything done: the dossier closes with a closing reason.
    const open = [...d.lines, ...d.lines.flatMap((l: { tasks: unknown[] }) => l.tasks), ...d.tasks].filter(
      (x: { status: string }) => x.status === 'open' || x.status === 'inProgress',
    );
    for (const w of open) {
      const reason = d.lines.some((l: { id: string }) => l.id === w.id) ? { completionReason: 'solvedOtherwise' } : {};
      await ok('POST', `/activities/${w.id}/closure`, w.team?.id === teams.maintenance ? 'fixer' : 'colleague', {
        status: 'done',
        ...reason,
      });
    }
    const closed = await step('colleague', c.id, 'complete', { closingReason: 'resolved' });
    assert.equal(closed.status, 'closed');
    assert.equal((await dossier(c.id, 'colleague')).abilities.direct, false, 'a closed dossier takes no more work');
  });

  test('the referral step waits for the referral letter', async () => {
    const c = await claimedComplaint('Schimmel in de badkamer');
    await step('handler', c.id, 'openDossier');
    const checking = await step('handler', c.id, 'checkSolution');
    const refer = checking.abilities.transitions.find((x: { key: string }) => x.key === 'refer');
    assert.equal(refer.waitsForLetter, 'sent');
    const letter = await ok('POST', `/cases/${c.id}/letters`, 'handler', { kind: 'referral' });
    assert.equal(letter.kind, 'referral');
  });
});
