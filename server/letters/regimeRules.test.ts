import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { addDocument } from '../commands/caseEditor.ts';
import { recordCommitteeAdvice, setCaseRegime } from '../commands/caseRegime.ts';
import { loadOrganisation } from '../config/organisation.ts';
import type { LetterSection } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import { letterDetail } from '../queries/letters.ts';
import { asActor, createTestServices, type TestEnv } from '../test/harness.ts';
import { approveLetter } from './approveLetter.ts';
import { draftLetter } from './draftLetter.ts';
import { editLetter } from './editLetter.ts';
import { externalBodies } from './mergeData.ts';
import { regimeSections } from './regimeRules.ts';
import { sendLetter } from './sendLetter.ts';
import { getTemplate, templateFor } from './templates/index.ts';
import { PLACEHOLDER, type MergeData } from './templates/types.ts';
import { caseAtDecisionLetter, kccPeople, type KccPeople } from './testSupport.ts';
import { approvalProblems } from './validation.ts';

/**
 * The case's regime, not the letter's template, decides what a decision letter must hold: the body
 * named next (ombudsman, geschilleninstantie, Huurcommissie) and, with an advisory committee, its
 * advice on the case, what the decision does with it, and the reason for departing from it.
 */
const org = loadOrganisation();
const merge = (regime: string, facts: MergeData['facts'] = {}): MergeData => ({
  regime,
  caseReference: 'KL-1',
  caseSubject: 'x',
  receivedDate: '2 maart 2026',
  recipient: { name: 'A', addressLines: [] },
  complainantName: 'A',
  handlerName: null,
  organisationName: 'V',
  organisationPhone: null,
  deadline: null,
  facts,
  extensionReason: null,
  bodies: { ...externalBodies(org), disputesBody: { name: 'Geschillencommissie Zorg', addressLines: [] } },
});
/** Every section of a template drafted and completed the way a writer would. */
const written = (templateKey: string, m: MergeData): LetterSection[] =>
  getTemplate(templateKey)!.sections.map((s) => {
    const text = s.draft(m).replace(PLACEHOLDER, 'Wij hebben alles nagekeken; dit is klaar vóór 1 juni 2026.');
    return { key: s.key, heading: s.heading, text: s.key === 'judgment' ? 'Wij vinden uw klacht ongegrond.' : text };
  });
const problemsOf = (templateKey: string, m: MergeData) =>
  approvalProblems(getTemplate(templateKey)!, written(templateKey, m), m, regimeSections(m.regime, 'decision', m)).map(
    (p) => `${p.section}:${p.code}`,
  );

describe('the section the regime requires, whatever the template', () => {
  test("each regime's own template passes; the body it names is the regime's", () => {
    for (const regime of ['awb', 'wkkgz', 'reglement', 'awbCommittee']) {
      const m = merge(regime, { followsAdvice: true });
      assert.deepEqual(problemsOf(templateFor({}, 'p', regime, 'decision').key, m), [], regime);
    }
    assert.deepEqual(
      ['awb', 'awbCommittee', 'wkkgz', 'reglement'].map((r) => regimeSections(r, 'decision', merge(r)).map((s) => s.section.key)),
      [['ombudsman'], ['advice', 'ombudsman'], ['disputesBody'], ['advice', 'rentTribunal']],
    );
    assert.deepEqual(regimeSections('awb', 'referral', merge('awb')), [], 'only the decision letter');
  });

  test('a letter from another regime’s template misses the section the case’s regime requires, named with its body', () => {
    assert.deepEqual(problemsOf('decision.care', merge('awb')), ['ombudsman:missingSection']);
    assert.deepEqual(problemsOf('decision.awb', merge('wkkgz')), ['disputesBody:missingSection']);
    assert.deepEqual(problemsOf('decision.awb', merge('reglement', { followsAdvice: true })), [
      'advice:missingSection',
      'rentTribunal:missingSection',
    ]);
    assert.deepEqual(problemsOf('decision.awb', merge('awbCommittee')), ['advice:missingSection']);
    const [p] = approvalProblems(
      getTemplate('decision.care')!,
      written('decision.care', merge('awb')),
      merge('awb'),
      regimeSections('awb', 'decision', merge('awb')),
    );
    assert.match(p!.reason, /"Bent u niet tevreden\?" ontbreekt/);
    assert.match(p!.reason, /onder Awb hoofdstuk 9 noemt de Nationale ombudsman \(Awb 9:12 lid 2\)/);
    assert.match(p!.reason, /sjabloon "Besluit op uw klacht \(Wkkgz\)" heeft dit onderdeel niet/);
  });

  test('the advice section is drafted from the facts: follows, departs with the reason, or left for the writer', () => {
    const section = getTemplate('decision.awbCommittee')!.sections.find((s) => s.key === 'advice')!;
    assert.match(
      section.draft(merge('awbCommittee', { followsAdvice: true })),
      /Wij volgen dat advies\. U krijgt het advies bij deze brief\./,
    );
    const departs = section.draft(
      merge('awbCommittee', { followsAdvice: false, adviceDepartureReason: 'De commissie kende de nieuwe regels niet.' }),
    );
    assert.match(departs, /Wij wijken af van dat advies\. De reden is: De commissie kende de nieuwe regels niet\./);
    assert.match(section.draft(merge('awbCommittee')), PLACEHOLDER);
    const housing = getTemplate('decision.housing')!.sections.find((s) => s.key === 'advice')!;
    assert.equal(housing.heading, 'Het advies van de klachtencommissie');
  });
});

let env: TestEnv;
let p: KccPeople;
before(async () => {
  env = await createTestServices({ poolSize: 4 });
  p = await kccPeople(env);
});
after(() => env.close());

const FILL = 'Wij hebben met de medewerker gesproken. Dit is klaar vóór 1 juni 2026.';
const refusal = (fn: () => Promise<unknown>) =>
  assert.rejects(fn, (e: unknown) => {
    assert.ok(e instanceof AppError && e.code === 'invalid', String(e));
    return true;
  });
const namesOf = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return (e.invalidParams ?? []).map((x) => `${x.name}:${x.code}`);
    throw e;
  }
  return [];
};

/** Drafts a decision letter (optionally from a chosen template) and fills every placeholder. */
async function writeDecision(caseId: string, templateKey?: string) {
  const { id } = await asActor(env.services, p.backOffice, (ctx) => draftLetter(ctx, { caseId, kind: 'decision', templateKey }));
  const detail = await letterDetail(env.services, p.backOffice, id);
  const current = detail.versions[0]!.sections;
  const sections = current
    .filter((s) => PLACEHOLDER.test(s.text))
    .map((s) => ({ key: s.key, text: s.text.replace(PLACEHOLDER, FILL).replace(/\[Vul in[^\]]*\]/gi, FILL) }));
  const edited = sections.length
    ? await asActor(env.services, p.backOffice, (ctx) => editLetter(ctx, { letterId: id, expectedVersion: 1, sections }))
    : { version: 1 };
  return { id, version: edited.version, sections: current };
}
const approve = (id: string, version: number) =>
  asActor(env.services, p.coordinator, (ctx) => approveLetter(ctx, { letterId: id, expectedVersion: version }));
const uploadAdvice = (caseId: string) =>
  addDocument(env.services, p.coordinator, caseId, {
    filename: 'advies-commissie.pdf',
    mediaType: 'application/pdf',
    docType: 'committeeAdvice',
    content: Readable.from([Buffer.from('%PDF-1.4 advies van de klachtadviescommissie')]),
  });
const toCommittee = (caseId: string) =>
  asActor(env.services, p.coordinator, (ctx) => setCaseRegime(ctx, { caseId, regime: 'awbCommittee' }));

describe('approval checks the case’s regime', () => {
  test('an Awb case: a decision letter drafted from the care template is refused for want of the ombudsman section', async () => {
    const caseId = await caseAtDecisionLetter(env, p);
    const { id, version } = await writeDecision(caseId, 'decision.care');
    const detail = await letterDetail(env.services, p.coordinator, id);
    assert.deepEqual(
      detail.problems.map((x) => `${x.section}:${x.code}`),
      ['ombudsman:missingSection'],
      'the editor shows it before approval',
    );
    assert.deepEqual(await namesOf(() => approve(id, version)), ['sections.ombudsman:missingSection']);
    // A new letter from the case's own template passes.
    const own = await writeDecision(caseId);
    await approve(own.id, own.version);
  });

  test('with an advisory committee: the advice on the case, and a departure from it with its reason', async () => {
    const caseId = await caseAtDecisionLetter(env, p);
    await toCommittee(caseId);
    const { id, version, sections } = await writeDecision(caseId);
    assert.deepEqual(
      sections.map((s) => s.key),
      ['intro', 'findings', 'judgment', 'conclusions', 'advice', 'ombudsman', 'contact'],
    );
    // Without the committee's report on the case: refused, naming the document.
    assert.deepEqual(await namesOf(() => approve(id, version)), ['documents.committeeAdvice:committeeAdvice']);
    await uploadAdvice(caseId);

    // A step recorded a departure without a reason: refused, naming the fact (the letter's text says "departs").
    await env.services.db
      .updateTable('cases')
      .set({ facts: JSON.stringify({ ...(await factsOf(caseId)), followsAdvice: false }) })
      .where('id', '=', caseId)
      .execute();
    const departing = await asActor(env.services, p.backOffice, (ctx) =>
      editLetter(ctx, {
        letterId: id,
        expectedVersion: version,
        sections: [{ key: 'advice', text: `Wij volgen het advies niet. ${FILL}` }],
      }),
    );
    assert.deepEqual(await namesOf(() => approve(id, departing.version)), ['facts.adviceDepartureReason:adviceDeparture']);

    // The reason recorded, but the letter says it follows the advice: refused at the section.
    await asActor(env.services, p.backOffice, (ctx) =>
      recordCommitteeAdvice(ctx, { caseId, followsAdvice: false, departureReason: 'De commissie kende de nieuwe werkwijze niet.' }),
    );
    const follows = await asActor(env.services, p.backOffice, (ctx) =>
      editLetter(ctx, { letterId: id, expectedVersion: departing.version, sections: [{ key: 'advice', text: 'Wij volgen dat advies.' }] }),
    );
    assert.deepEqual(await namesOf(() => approve(id, follows.version)), ['sections.advice:adviceDeparture']);
    const fixed = await asActor(env.services, p.backOffice, (ctx) =>
      editLetter(ctx, {
        letterId: id,
        expectedVersion: follows.version,
        sections: [{ key: 'advice', text: 'Wij wijken af van het advies. De commissie kende de nieuwe werkwijze niet.' }],
      }),
    );
    const approved = await approve(id, fixed.version);

    // Sent: the committee's advice goes with the letter.
    const sent = await sendLetter(env.services, p.coordinator, { letterId: id, expectedVersion: approved.version });
    const advice = await env.services.db
      .selectFrom('document')
      .select('id')
      .where('case_id', '=', caseId)
      .where('doc_type', '=', 'committeeAdvice')
      .executeTakeFirstOrThrow();
    const mail = await env.services.db
      .selectFrom('outbox_message')
      .select('attachments')
      .where('case_id', '=', caseId)
      .where('template_key', '=', 'letter')
      .executeTakeFirstOrThrow();
    assert.deepEqual(mail.attachments, [sent.documentId, advice.id]);
    const event = await env.services.db
      .selectFrom('timeline_event')
      .select('data')
      .where('case_id', '=', caseId)
      .where('type', '=', 'letterSent')
      .executeTakeFirstOrThrow();
    assert.deepEqual((event.data as { enclosures?: string[] }).enclosures, [advice.id]);
  });

  test('recorded before drafting, the departure and its reason are in the letter; a reason is required', async () => {
    const caseId = await caseAtDecisionLetter(env, p);
    await toCommittee(caseId);
    await refusal(() => asActor(env.services, p.backOffice, (ctx) => recordCommitteeAdvice(ctx, { caseId, followsAdvice: false })));
    await asActor(env.services, p.backOffice, (ctx) =>
      recordCommitteeAdvice(ctx, { caseId, followsAdvice: false, departureReason: 'Het advies ging uit van een oude regel.' }),
    );
    await uploadAdvice(caseId);
    const { id, version } = await writeDecision(caseId);
    const advice = (await letterDetail(env.services, p.coordinator, id)).versions[0]!.sections.find((s) => s.key === 'advice')!;
    assert.match(advice.text, /Wij wijken af van dat advies\. De reden is: Het advies ging uit van een oude regel\./);
    await approve(id, version);
  });

  test('an Awb case without a committee needs no advice', async () => {
    const caseId = await caseAtDecisionLetter(env, p);
    const { id, version } = await writeDecision(caseId);
    await approve(id, version);
  });
});

const factsOf = async (caseId: string) =>
  (await env.services.db.selectFrom('cases').select('facts').where('id', '=', caseId).executeTakeFirstOrThrow()).facts;
