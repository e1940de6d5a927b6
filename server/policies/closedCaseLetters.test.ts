import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../commands/context.ts';
import { buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { draftableLetterKinds } from './letterPolicy.ts';

/** A closed case offers no new letters, except the one its ending still owes (Awb 9:8 notice, referral) and lacks. */
let env: TestEnv;
let coordinator: StaffActor;
before(async () => {
  env = await createTestServices();
  coordinator = await buildStaff(env.services, { roles: ['coordinator'], teams: ['coordinators'] });
});
after(() => env.close());

const closed = (outcome: string) => ({ status: 'x', closed_at: new Date('2026-03-02T09:00:00Z'), facts: { kind: 'complaint', outcome } });

test('a case closed with its decision letter offers no new letter; an open one offers the process letters', () => {
  const def = env.services.processes.get('kcc-complaint');
  assert.deepEqual(draftableLetterKinds(coordinator, def, closed('judged')), []);
  assert.deepEqual(draftableLetterKinds(coordinator, def, closed('cancelled')), []);
  const open = draftableLetterKinds(coordinator, def, { status: 'x', closed_at: null, facts: { kind: 'complaint' } });
  assert.ok(open.includes('decision'), open.join());
});

test('after referring, the referral letter until there is one; after not handling, the notice until there is one', () => {
  const def = env.services.processes.get('kcc-complaint');
  assert.deepEqual(draftableLetterKinds(coordinator, def, closed('forwarded')), ['referral']);
  assert.deepEqual(draftableLetterKinds(coordinator, def, closed('forwarded'), [{ kind: 'referral' }]), []);
  assert.deepEqual(draftableLetterKinds(coordinator, def, closed('notHandled')), ['notHandling']);
  assert.deepEqual(draftableLetterKinds(coordinator, def, closed('notHandled'), [{ kind: 'notHandling' }]), []);
});
