import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SYSTEM_ACTOR, type StaffActor } from '../commands/context.ts';
import { submitPortalComplaint } from '../commands/portalSubmission.ts';
import { writeAndSendLetter } from '../letters/testSupport.ts';
import { asActor, buildStaff, createTestApp, loginHeaders } from '../test/harness.ts';

/** One person, one record: a known complainant is suggested by e-mail or phone, duplicates merge and unmerge. */
describe('persons: suggestion at intake, merge and undo, survey quiet period per person', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const h: Record<string, Record<string, string>> = {};
  const who: Record<string, StaffActor> = {};
  before(async () => {
    t = await createTestApp();
    who.agent = await buildStaff(t.services, { roles: ['firstLineAgent'], teams: ['kcc'] });
    who.coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'] });
    for (const [k, a] of Object.entries(who)) h[k] = await loginHeaders(t.services, a);
  });
  after(() => t.close());
  const call = async (method: 'GET' | 'POST', url: string, as: string, payload?: object, expect = 200) => {
    const res = await t.app.inject({ method, url, headers: h[as], ...(payload ? { payload } : {}) });
    assert.equal(res.statusCode, expect, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const newCase = (complainant: object, subject = 'Klacht') =>
    call('POST', '/api/v1/cases', 'agent', { subject, description: 'Het ging mis.', channel: 'phone', complainant }, 201);
  const complainantOf = async (caseId: string) => (await call('GET', `/api/v1/cases/${caseId}`, 'coordinator')).complainant.id as string;
  const suggest = (body: object) => call('POST', '/api/v1/person-suggestions', 'agent', body);
  const timeline = async (caseId: string) =>
    (await call('GET', `/api/v1/cases/${caseId}/timeline?limit=500`, 'coordinator')).items as {
      type: string;
      data: Record<string, unknown>;
    }[];

  test('a returning complainant is suggested by normalised e-mail or phone, never by name alone', async () => {
    const first = await newCase({ name: 'Fatima Yilmaz', email: 'Fatima.Yilmaz@Example.ORG', phone: '+31 6 2233 4455' });
    await newCase({ name: 'Fatima Yilmaz', email: 'andere.fatima@example.org' });
    const fatima = await complainantOf(first.id);

    const byEmail = await suggest({ email: '  fatima.yilmaz@example.org ' });
    assert.deepEqual(
      byEmail.items.map((p: { id: string }) => p.id),
      [fatima],
    );
    assert.deepEqual(byEmail.items[0].reasons, ['sameEmail']);
    assert.equal(byEmail.items[0].caseCount, 1);
    assert.equal(byEmail.items[0].latestReference, first.reference);

    const byPhone = await suggest({ phone: '06-22334455' });
    assert.deepEqual(
      byPhone.items.map((p: { id: string; reasons: string[] }) => [p.id, p.reasons]),
      [[fatima, ['samePhone']]],
    );
    // A name is not a key: nothing to look up, the field is named.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/person-suggestions',
      headers: h.agent,
      payload: { name: 'Fatima Yilmaz' },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(res.json().invalidParams[0].name, 'body.email');
    assert.deepEqual((await suggest({ phone: '06' })).items, []);

    // Picking the suggestion registers the new case on the same record.
    const again = await newCase({ personId: fatima }, 'Weer een klacht');
    assert.equal(await complainantOf(again.id), fatima);
    assert.equal((await suggest({ email: 'fatima.yilmaz@example.org' })).items[0].caseCount, 2);
  });

  test('a portal complaint with a known e-mail stays a new record; a coordinator merges it, and undoes it exactly', async () => {
    const known = await newCase({ name: 'Henk de Boer', email: 'henk@example.org' });
    const henk = await complainantOf(known.id);
    const portal = await asActor(t.services, SYSTEM_ACTOR, (ctx) =>
      submitPortalComplaint(ctx, {
        subject: 'Via de website',
        description: 'Ik heb nog steeds geen antwoord.',
        contactPreference: 'email',
        complainant: { kind: 'person', name: 'H. de Boer', email: 'HENK@example.org' },
      }),
    );
    const duplicate = await complainantOf(portal.caseId);
    assert.notEqual(duplicate, henk, 'an unverified portal e-mail never attaches to a known person');

    // The coordinator sees the known person as a candidate on the new case's complainant.
    const overview = await call('GET', `/api/v1/persons/${duplicate}/merges`, 'coordinator');
    assert.deepEqual(
      overview.candidates.map((c: { id: string }) => c.id),
      [henk],
    );
    // The same record also represents someone else in another case.
    const represented = await call(
      'POST',
      '/api/v1/cases',
      'agent',
      {
        subject: 'Namens zijn moeder',
        description: 'Hij belt voor zijn moeder.',
        channel: 'phone',
        complainant: { name: 'Mevrouw de Boer' },
        representative: { person: { personId: duplicate }, relation: 'zoon' },
      },
      201,
    );
    const representativeOf = async (caseId: string) =>
      (await call('GET', `/api/v1/cases/${caseId}`, 'coordinator')).representative?.id as string | undefined;
    // Agents may suggest but not merge.
    await call('POST', '/api/v1/person-merges', 'agent', { survivorId: henk, duplicateId: duplicate }, 403);

    const merged = await call('POST', '/api/v1/person-merges', 'coordinator', { survivorId: henk, duplicateId: duplicate }, 201);
    assert.equal(merged.caseCount, 2);
    assert.equal(await complainantOf(portal.caseId), henk);
    assert.equal(await representativeOf(represented.id), henk);
    const event = (await timeline(portal.caseId)).find((e) => e.type === 'personMerged');
    assert.equal(event?.data.mergeId, merged.id);
    // The merged record is no longer suggested, and cannot be merged twice.
    assert.deepEqual(
      (await suggest({ email: 'henk@example.org' })).items.map((p: { id: string }) => p.id),
      [henk],
    );
    await call('POST', '/api/v1/person-merges', 'coordinator', { survivorId: henk, duplicateId: duplicate }, 409);
    const survivorView = await call('GET', `/api/v1/persons/${henk}/merges`, 'coordinator');
    assert.deepEqual(survivorView.candidates, []);
    assert.deepEqual(
      survivorView.merges.map((m: { id: string; duplicateName: string }) => [m.id, m.duplicateName]),
      [[merged.id, 'H. de Boer']],
    );

    // A case registered for Henk after the merge stays Henk's when the merge is undone.
    const later = await newCase({ personId: henk }, 'Na het samenvoegen');
    await call('POST', `/api/v1/person-merges/${merged.id}/undo`, 'coordinator');
    assert.equal(await complainantOf(portal.caseId), duplicate);
    assert.equal(await representativeOf(represented.id), duplicate);
    assert.equal(await complainantOf(known.id), henk);
    assert.equal(await complainantOf(later.id), henk);
    assert.ok((await timeline(portal.caseId)).some((e) => e.type === 'personMergeUndone'));
    assert.deepEqual((await call('GET', `/api/v1/persons/${henk}/merges`, 'coordinator')).merges, []);
    await call('POST', `/api/v1/person-merges/${merged.id}/undo`, 'coordinator', undefined, 409);
    await call('POST', '/api/v1/person-merges', 'coordinator', { survivorId: henk, duplicateId: henk }, 400);
  });

  test('after a merge the survey quiet period holds: the returning complainant gets no second survey', async () => {
    const closeWithLetter = async (caseId: string) => {
      const step = (transition: string, inputs: object = {}, as = 'coordinator') =>
        call('POST', `/api/v1/cases/${caseId}/transitions`, as, { transition, inputs });
      await step('forwardToCoordinator', {}, 'agent');
      await step('acknowledge');
      await step('classify', { classification: 'signal', formality: 'informal', ground: 'communication', statutory: false });
      await step('draftStandardLetter');
      await writeAndSendLetter(t.services, { caseId, kind: 'standard', drafter: who.coordinator!, approver: who.coordinator! });
    };
    const first = await newCase({ name: 'Sanne Visser', email: 'sanne@example.org', phone: '0655443322' }, 'Eerste klacht');
    await closeWithLetter(first.id);
    t.clock.advance(10 * 86_400_000);
    for (const [k, a] of Object.entries(who)) h[k] = await loginHeaders(t.services, a);
    // She calls again; the agent did not pick the suggestion, so a second record was made.
    const second = await newCase({ name: 'S. Visser', phone: '+31 6 5544 3322' }, 'Tweede klacht');
    const [sanne, copy] = [await complainantOf(first.id), await complainantOf(second.id)];
    assert.notEqual(sanne, copy);
    await call('POST', '/api/v1/person-merges', 'coordinator', { survivorId: sanne, duplicateId: copy }, 201);
    await closeWithLetter(second.id);

    const surveys = await t.services.db.selectFrom('survey').select('case_id').where('case_id', 'in', [first.id, second.id]).execute();
    assert.deepEqual(
      surveys.map((s) => s.case_id),
      [first.id],
    );
    assert.equal((await timeline(second.id)).find((e) => e.type === 'surveySkipped')?.data.reason, 'recentSurvey');
  });
  test('merges undo in reverse order; a stale suggestion of a merged record registers on the record that stayed', async () => {
    const [a, b, c] = [
      await newCase({ name: 'Anna Kok', phone: '0611110000' }, 'A'),
      await newCase({ name: 'Anna Kok', phone: '0611110000' }, 'B'),
      await newCase({ name: 'A. Kok', phone: '0611110000' }, 'C'),
    ];
    const [pa, pb, pc] = [await complainantOf(a.id), await complainantOf(b.id), await complainantOf(c.id)];
    const first = await call('POST', '/api/v1/person-merges', 'coordinator', { survivorId: pb, duplicateId: pa }, 201);
    const second = await call('POST', '/api/v1/person-merges', 'coordinator', { survivorId: pc, duplicateId: pb }, 201);
    assert.equal(await complainantOf(a.id), pc);

    // Picked from a suggestion shown before the merges: the case lands on the record that stayed.
    const late = await newCase({ personId: pa }, 'Na het samenvoegen');
    assert.equal(await complainantOf(late.id), pc);

    // The first merge's cases now sit under a later merge: undo that one first.
    await call('POST', `/api/v1/person-merges/${first.id}/undo`, 'coordinator', undefined, 409);
    await call('POST', `/api/v1/person-merges/${second.id}/undo`, 'coordinator');
    await call('POST', `/api/v1/person-merges/${first.id}/undo`, 'coordinator');
    assert.deepEqual(
      [await complainantOf(a.id), await complainantOf(b.id), await complainantOf(c.id), await complainantOf(late.id)],
      [pa, pb, pc, pc],
    );
  });
});
