import type { Actor, CommandContext, Services, StaffActor } from '../commands/context.ts';
import { registerActivity, type Channel } from '../commands/activityRegistrar.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { letterGuardOf } from '../domain/process/roles.ts';
import { Readable } from 'node:stream';
import { addDocument } from '../commands/caseEditor.ts';
import { approveAndSendLetter, draftAndSubmitLetter } from './demoLetters.ts';
import type { Role } from '../domain/roles.ts';
import { permissionsFor } from '../policies/permissions.ts';
import { DEMO_CASES, DEMO_PEOPLE, DEMO_STAFF_CONTACT, DEMO_USERS, PATHS, SCRIPTED_PROCESS } from './demoContent.ts';
import { demoCanTake, demoTeams, demoWalks, sampleRequired, type DemoWalk } from './demoWalk.ts';
import { asStaff } from './asStaff.ts';
import { seedDemoMeasures } from './demoMeasures.ts';
import { seedDemoSurveys } from './demoSurveys.ts';
import { seedDemoRegister } from './demoRegister.ts';
import { closeActivity, pickUpActivity } from '../commands/activityAssigner.ts';
import { approveLetter } from '../letters/approveLetter.ts';
import { mayTakeTransition } from '../policies/casePolicy.ts';
import { caseScope } from '../queries/scope.ts';
import { transitionsFrom } from '../domain/process/validateProcess.ts';
import type { ProcessDefinition, Transition } from '../domain/process/definition.ts';
import type { LetterKind } from '../db/schema.ts';

/**
 * Demo content for a first look at any organisation configuration: a user for every role, in the
 * configured teams that fit it, and about fifty cases spread over the organisation's process, each
 * made by the same commands a user's clicks run, so their timelines are real. The demo organisation's
 * process keeps its scripted paths (PATHS); any other process is walked from its definition.
 * Runs only on an empty database.
 */
export async function seedDemoData(services: Services) {
  const existing = await services.db.selectFrom('staff_user').select('id').limit(1).executeTakeFirst();
  if (existing) return { created: false, users: 0, cases: 0 };

  const defs = services.processes.all();
  const approverRoles = services.org.letters.approverRoles;
  const teams = new Map((await services.db.selectFrom('team').select(['id', 'key']).execute()).map((t) => [t.key, t.id]));
  const actors = new Map<string, StaffActor>();
  const teamKeys = demoTeams(DEMO_USERS, services.org, defs);
  for (const [i, u] of DEMO_USERS.entries()) {
    const roles = [...u.roles] as Role[];
    const row = await services.db
      .insertInto('staff_user')
      .values({
        email: u.email,
        name: u.name,
        roles,
        job_title: DEMO_STAFF_CONTACT[u.key]?.jobTitle ?? null,
        phone: DEMO_STAFF_CONTACT[u.key]?.phone ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const teamIds = teamKeys[i]!.map((k) => teams.get(k)!);
    if (teamIds.length)
      await services.db
        .insertInto('team_member')
        .values(teamIds.map((team_id) => ({ team_id, user_id: row.id })))
        .execute();
    actors.set(u.key, { kind: 'staff', id: row.id, name: u.name, email: u.email, roles, teamIds, permissions: permissionsFor(roles) });
  }
  const actor = (key: string) => actors.get(key)!;
  const staff = [...actors.values()];
  const demoRoles = new Set(staff.flatMap((a) => a.roles));

  // Per process: where its cases go, and who registers them (who can take its first steps).
  const plans = new Map(
    defs.map((def) => {
      const creators = staff.filter((a) => a.permissions.has('activity:create') && a.permissions.has('case:create'));
      const starters = creators.filter((a) =>
        transitionsFrom(def, def.initialStatus).some((t) => demoCanTake(t, new Set(a.roles), approverRoles)),
      );
      const walks: (DemoWalk | null)[] = [null, ...demoWalks(def, demoRoles, approverRoles)]; // null: an activity only
      return [def.key, { walks, registrars: (starters.length ? starters : creators).slice(0, 2) }];
    }),
  );

  // Spread the cases over the last eight weeks so ages, deadlines and queues look like a real week.
  const seedNow = services.clock.now().getTime();
  let cases = 0;
  for (const [i, spec] of DEMO_CASES.entries()) {
    const def = defs[i % defs.length]!;
    const scripted = def.key === SCRIPTED_PROCESS;
    const plan = plans.get(def.key)!;
    const walk = scripted ? undefined : plan.walks[i % plan.walks.length];
    const activityOnly = scripted ? spec.path === 'activityOnly' : walk === null;
    const start = seedNow - (56 - i) * 86_400_000 - (i % 7) * 3_600_000;
    let tick = 0;
    const at = () => new Date(Math.min(start + tick++ * 3 * 3_600_000, seedNow - 60_000));
    const run = <T>(who: Actor, fn: (ctx: CommandContext) => Promise<T>) =>
      services.db.transaction().execute((tx) => fn({ actor: who, tx, now: at(), services }));

    const agent = scripted ? actor(i % 2 ? 'agent1' : 'agent2') : plan.registrars[i % plan.registrars.length]!;
    const person = DEMO_PEOPLE[i % DEMO_PEOPLE.length]!;
    const activityId = await run(agent, (ctx) =>
      registerActivity(ctx, {
        channel: spec.channel as Channel,
        subject: spec.subject,
        body: spec.body,
        contact: { name: person.name, email: person.email, phone: person.phone },
        assignTo: activityOnly ? 'queue' : 'self',
      }),
    );
    if (activityOnly) continue;
    const created = await run(agent, (ctx) =>
      registerCase(ctx, {
        activityId,
        processKey: def.key,
        subject: spec.subject,
        description: spec.body,
        channel: spec.channel,
        complainant: { kind: 'person', ...person },
        data: caseData(def.caseType.fields, spec.product, new Date(start)),
      }),
    );
    cases++;
    if (!scripted) {
      await walkCase(services, created.id, walk!.steps, staff, run, at);
      continue;
    }
    let letter: { id: string; version: number } | undefined;
    for (const step of PATHS[spec.path] ?? []) {
      // Letter steps need a real letter: written, offered, approved and sent like a user would.
      if (step.transition === 'submitLetter') {
        letter = await draftAndSubmitLetter(services, {
          caseId: created.id,
          kind: 'decision',
          drafter: actor(step.by),
        });
        continue;
      }
      if (step.transition === 'sendLetter') {
        letter ??= await draftAndSubmitLetter(services, { caseId: created.id, kind: 'standard', drafter: actor(step.by) });
        await approveAndSendLetter(services, {
          letterId: letter.id,
          version: letter.version,
          approver: actor(step.by),
        });
        continue;
      }
      if (step.transition === 'recordHearing') {
        const report = `Verslag hoorgesprek ${created.reference}\n\nDe klant heeft haar verhaal gedaan. Wij hebben excuses aangeboden.\n`;
        await addDocument(services, actor(step.by), created.id, {
          filename: 'hoorverslag.txt',
          mediaType: 'text/plain',
          docType: 'hearingReport',
          content: Readable.from(Buffer.from(report)),
        });
      }
      await run(actor(step.by), (ctx) =>
        transitionCase(ctx, { caseId: created.id, transition: step.transition, inputs: step.inputs ?? {} }),
      );
    }
  }
  // Two team tasks picked up, so "my tasks" is not empty: the coordinator's where it is in the team,
  // else by a member of the task's team; the oldest first.
  const coordinator = actor('coordinator');
  const pickers = [coordinator, ...staff.filter((a) => a !== coordinator)].filter((a) => a.permissions.has('activity:work'));
  const open = await services.db
    .selectFrom('activity')
    .select(['id', 'assignee_team_id'])
    .where('kind', '=', 'task')
    .where('assignee_user_id', 'is', null)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const picks = open
    .map((a) => ({ id: a.id, who: pickers.find((p) => !a.assignee_team_id || p.teamIds.includes(a.assignee_team_id)) }))
    .filter((p): p is { id: string; who: StaffActor } => !!p.who)
    .sort((x, y) => Number(y.who === coordinator) - Number(x.who === coordinator))
    .slice(0, 2);
  for (const p of picks) {
    await services.db
      .transaction()
      .execute((tx) => pickUpActivity({ actor: p.who, tx, now: new Date(seedNow - 3_600_000), services }, p.id));
  }
  await seedDemoMeasures(services, actor('qualityOfficer'), [actor('teamLead'), actor('backOffice')]);
  await seedDemoSurveys(services);
  // The old register (issue 12 point 6), imported, so the dashboard has two years of history.
  const imported = await seedDemoRegister(services, actor('qualityOfficer'));
  return { created: true, users: DEMO_USERS.length, cases: cases + imported };
}

/**
 * The case type's data: the complaint's product where the type has that field, every required field,
 * and a sensitive text field (health details) filled, so the demo shows who may see it.
 */
function caseData(fields: ProcessDefinition['caseType']['fields'], product: string, now: Date): Record<string, unknown> {
  const data = sampleRequired(fields, now);
  if (fields.some((f) => f.key === 'product')) data.product = product;
  for (const f of fields)
    if (f.sensitive && (f.type === 'text' || f.type === 'textarea')) data[f.key] = 'Gebruikt bloedverdunners; valt sinds kort vaker.';
  return data;
}

type Run = <T>(who: Actor, fn: (ctx: CommandContext) => Promise<T>) => Promise<T>;

/**
 * Takes a walk's steps on one case the way staff would: each by a demo user who may take it and can
 * see the case (its handler first), with its required inputs filled, the document it needs added
 * first, open tasks finished where the step needs them done, and the letter it needs written,
 * offered, approved and sent, the letter's own action taking the step. When nobody in this
 * configuration's teams can, the case simply waits in the status it reached.
 */
async function walkCase(services: Services, caseId: string, steps: Transition[], staff: StaffActor[], run: Run, at: () => Date) {
  const approverRoles: readonly string[] = services.org.letters.approverRoles;
  let letter: { id: string; version: number; kind: LetterKind } | undefined;
  for (const t of steps) {
    const need = letterGuardOf(t);
    const docType = t.guards.find((g) => g.type === 'document')?.docType;
    const needsApprover = need?.atLeast === 'approved' || need?.atLeast === 'sent';
    const who = await takerFor(
      services,
      caseId,
      staff.filter((a) => mayTakeTransition(a, t) && (!needsApprover || a.roles.some((r) => approverRoles.includes(r)))),
    );
    if (!who) return;
    const inputs = sampleRequired(t.inputs, at());
    if (docType) {
      const text = `${t.label.nl}\n\nOpgesteld voor de demo: wat besproken is en wat is afgesproken.\n`;
      await addDocument(services, who, caseId, {
        filename: `${docType}.txt`,
        mediaType: 'text/plain',
        docType,
        content: Readable.from(Buffer.from(text)),
      });
    }
    if (t.guards.some((g) => g.type === 'tasksDone')) {
      const tasks = await services.db
        .selectFrom('activity')
        .select('id')
        .where('case_id', '=', caseId)
        .where('kind', '=', 'task')
        .where('status', 'in', ['open', 'inProgress'])
        .execute();
      for (const task of tasks) await run(who, (ctx) => closeActivity(ctx, task.id, { status: 'done' }));
    }
    // A step the letter's own action takes (its trigger) is taken by submitting or sending; any other after it.
    const takeUnlessTaken = async () => {
      const c = await services.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
      if (t.from === '*' || t.from.includes(c.status)) await run(who, (ctx) => transitionCase(ctx, { caseId, transition: t.key, inputs }));
    };
    if (!need) {
      await run(who, (ctx) => transitionCase(ctx, { caseId, transition: t.key, inputs }));
      continue;
    }
    const kind: LetterKind = !need.kinds?.length || need.kinds.includes('decision') ? 'decision' : need.kinds[0]!;
    if (need.atLeast === 'draft' || need.atLeast === 'inReview') {
      letter = { ...(await draftAndSubmitLetter(services, { caseId, kind, drafter: who })), kind };
      await takeUnlessTaken();
      continue;
    }
    const ready =
      letter && (!need.kinds?.length || need.kinds.includes(letter.kind))
        ? letter
        : await draftAndSubmitLetter(services, { caseId, kind, drafter: who });
    letter = undefined;
    if (need.atLeast === 'sent') {
      await approveAndSendLetter(services, { letterId: ready.id, version: ready.version, approver: who });
    } else {
      await asStaff(services, who, (ctx) => approveLetter(ctx, { letterId: ready.id, expectedVersion: ready.version }));
    }
    await takeUnlessTaken();
  }
}

/** The first of these who can see the case, its handler before the others. */
async function takerFor(services: Services, caseId: string, candidates: StaffActor[]) {
  const c = await services.db.selectFrom('cases').select('assignee_user_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  const ordered = [...candidates.filter((a) => a.id === c.assignee_user_id), ...candidates.filter((a) => a.id !== c.assignee_user_id)];
  for (const a of ordered) {
    const seen = await services.db.selectFrom('cases').select('id').where('id', '=', caseId).where(caseScope(a)).executeTakeFirst();
    if (seen) return a;
  }
  return undefined;
}
