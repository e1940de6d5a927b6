import { systemClock, type Actor, type CommandContext, type Services, type StaffActor } from '../commands/context.ts';
import { registerActivity, type Channel } from '../commands/activityRegistrar.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { Readable } from 'node:stream';
import { pickUpActivity } from '../commands/activityAssigner.ts';
import { addDocument } from '../commands/caseEditor.ts';
import { approveAndSendLetter, draftAndSubmitLetter } from './demoLetters.ts';
import type { Role } from '../domain/roles.ts';
import { permissionsFor } from '../policies/permissions.ts';
import { DEMO_CASES, DEMO_PEOPLE, DEMO_USERS, PATHS } from './demoContent.ts';

/**
 * Demo organisation content for a first look: a user for every role, and about fifty cases spread
 * over the process, each made by the same commands a user's clicks run, so their timelines are real.
 * Runs only on an empty database.
 */
export async function seedDemoData(services: Services) {
  const existing = await services.db.selectFrom('staff_user').select('id').limit(1).executeTakeFirst();
  if (existing) return { created: false, users: 0, cases: 0 };

  const teams = new Map((await services.db.selectFrom('team').select(['id', 'key']).execute()).map((t) => [t.key, t.id]));
  const actors = new Map<string, StaffActor>();
  for (const u of DEMO_USERS) {
    const roles = [...u.roles] as Role[];
    const row = await services.db.insertInto('staff_user').values({ email: u.email, name: u.name, roles }).returning('id').executeTakeFirstOrThrow();
    const teamIds = u.teams.map((k) => teams.get(k)).filter((x): x is string => !!x);
    if (teamIds.length) await services.db.insertInto('team_member').values(teamIds.map((team_id) => ({ team_id, user_id: row.id }))).execute();
    actors.set(u.key, { kind: 'staff', id: row.id, name: u.name, email: u.email, roles, teamIds, permissions: permissionsFor(roles) });
  }
  const actor = (key: string) => actors.get(key)!;

  // Spread the cases over the last eight weeks so ages, deadlines and queues look like a real week.
  const realNow = systemClock.now().getTime();
  let cases = 0;
  for (const [i, spec] of DEMO_CASES.entries()) {
    const start = realNow - (56 - i) * 86_400_000 - (i % 7) * 3_600_000;
    let tick = 0;
    const at = () => new Date(Math.min(start + tick++ * 3 * 3_600_000, realNow - 60_000));
    const run = <T>(who: Actor, fn: (ctx: CommandContext) => Promise<T>) =>
      services.db.transaction().execute((tx) => fn({ actor: who, tx, now: at(), services }));

    const agent = actor(i % 2 ? 'agent1' : 'agent2');
    const person = DEMO_PEOPLE[i % DEMO_PEOPLE.length]!;
    const activityId = await run(agent, (ctx) =>
      registerActivity(ctx, {
        channel: spec.channel as Channel,
        subject: spec.subject,
        body: spec.body,
        contact: { name: person.name, email: person.email, phone: person.phone },
        assignTo: spec.path === 'activityOnly' ? 'queue' : 'self',
      }),
    );
    if (spec.path === 'activityOnly') continue;
    const created = await run(agent, (ctx) =>
      registerCase(ctx, {
        activityId,
        subject: spec.subject,
        description: spec.body,
        channel: spec.channel,
        complainant: { kind: 'person', ...person },
        data: { product: spec.product },
      }),
    );
    cases++;
    let letter: { id: string; version: number } | undefined;
    for (const step of PATHS[spec.path] ?? []) {
      // Letter steps need a real letter: written, offered, approved and sent like a user would.
      if (step.transition === 'submitLetter') {
        letter = await draftAndSubmitLetter(services, { caseId: created.id, kind: 'decision', drafter: actor(step.by), submitStep: 'submitLetter' });
        continue;
      }
      if (step.transition === 'sendLetter') {
        letter ??= await draftAndSubmitLetter(services, { caseId: created.id, kind: 'standard', drafter: actor(step.by) });
        await approveAndSendLetter(services, { letterId: letter.id, version: letter.version, approver: actor(step.by), sendStep: 'sendLetter' });
        continue;
      }
      if (step.transition === 'recordHearing') {
        const report = `Verslag hoorgesprek ${created.reference}\n\nDe klant heeft haar verhaal gedaan. Wij hebben excuses aangeboden.\n`;
        await addDocument(services, actor(step.by), created.id, { filename: 'hoorverslag.txt', mediaType: 'text/plain', docType: 'hearingReport', content: Readable.from(Buffer.from(report)) });
      }
      await run(actor(step.by), (ctx) => transitionCase(ctx, { caseId: created.id, transition: step.transition, inputs: step.inputs ?? {} }));
    }
  }
  // A few queue items picked up, so "my tasks" is not empty for the coordinator.
  const open = await services.db.selectFrom('activity').select('id').where('kind', '=', 'task').where('assignee_user_id', 'is', null).where('status', '=', 'open').limit(2).execute();
  for (const a of open) {
    await services.db.transaction().execute((tx) => pickUpActivity({ actor: actor('coordinator'), tx, now: new Date(realNow - 3_600_000), services }, a.id)).catch(() => {});
  }
  return { created: true, users: DEMO_USERS.length, cases };
}
