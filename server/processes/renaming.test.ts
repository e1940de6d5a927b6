import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { closeActivity } from '../commands/activityAssigner.ts';
import { addDocument } from '../commands/caseEditor.ts';
import { registerCase } from '../commands/caseRegistrar.ts';
import { transitionCase } from '../commands/caseTransitioner.ts';
import { runCommand, type Services, SYSTEM_ACTOR, type StaffActor } from '../commands/context.ts';
import { bookHearingSlot, inviteForHearing } from '../commands/hearing.ts';
import { addComplainantMessage } from '../commands/portalAnswer.ts';
import { readEnv } from '../config/env.ts';
import { loadOrganisation, type Organisation } from '../config/organisation.ts';
import { syncOrganisation } from '../config/syncOrganisation.ts';
import { approveAndSendLetter, draftAndSubmitLetter } from '../demo/demoLetters.ts';
import { demoCanTake, sampleValue } from '../demo/demoWalk.ts';
import { createBusinessCalendar } from '../domain/calendar/workingDays.ts';
import type { ProcessDefinition, Transition } from '../domain/process/definition.ts';
import {
  type Facts,
  factsOfInputs,
  fitsFacts,
  letterGuardOf,
  letterKindsFor,
  meetsConditions,
  statusHasRole,
} from '../domain/process/roles.ts';
import { AppError } from '../domain/errors.ts';
import { ProcessDefinitionError, transitionsFrom } from '../domain/process/validateProcess.ts';
import type { LetterKind } from '../domain/process/vocabulary.ts';
import { ROLES } from '../domain/roles.ts';
import { fireTimer } from '../jobs/timerSweeper.ts';
import { approveLetter } from '../letters/approveLetter.ts';
import { startServer } from '../server.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { loadProcesses, PRESET_DIR, presetKeys } from './index.ts';
import { openProcessRegistry } from './versionedRegistry.ts';

/**
 * The process is the contract (issue part 6): renaming a status, step or input in a copy of a
 * preset either keeps the server working, or stops it at start-up naming the file, the path and
 * what is wrong; it never starts broken. For every preset:
 * - each status, step and input renamed on its own, every reference with it: the copy loads; only
 *   its declaration renamed: start-up refuses, naming each reference left dangling;
 * - everything renamed at once: cases walked through the engine (registration, steps, letters,
 *   documents, timers, the complainant's answer, the hearing) reach the same statuses, with the same
 *   outcome, timeline, mail and tasks as the original.
 */
const root = path.resolve(import.meta.dirname, '../..');
type Json = Record<string, unknown>;
type Raw = {
  key: string;
  initialStatus: string;
  statuses: Json[];
  transitions: (Json & { from: string[] | '*'; effects?: Json[]; inputs?: Json[] })[];
};
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

// --- Renaming ---------------------------------------------------------------------------------

type Kind = 'status' | 'step' | 'input';
/** A key declared or referred to at a path of the definition; an input's key is scoped to its step. */
type Ref = { kind: Kind; key: string; step?: number; path: (string | number)[]; declaration: boolean };

/**
 * Every place a definition declares or names a status, step or input key. A new kind of reference in
 * definition.ts belongs here too: until it is, the consistent rename leaves it behind and fails to load.
 */
function refsOf(def: Raw): Ref[] {
  const refs: Ref[] = [];
  const status = (key: string, p: (string | number)[], declaration = false) => {
    refs.push({ kind: 'status', key, path: p, declaration });
  };
  for (const [i, s] of def.statuses.entries()) status(s.key as string, ['statuses', i, 'key'], true);
  status(def.initialStatus, ['initialStatus']);
  def.transitions.forEach((t, ti) => {
    const at = ['transitions', ti];
    refs.push({ kind: 'step', key: t.key as string, path: [...at, 'key'], declaration: true });
    if (t.from !== '*') for (const [fi, f] of t.from.entries()) status(f, [...at, 'from', fi]);
    status(t.to as string, [...at, 'to']);
    (t.inputs ?? []).forEach((input, ii) => {
      refs.push({ kind: 'input', key: input.key as string, step: ti, path: [...at, 'inputs', ii, 'key'], declaration: true });
    });
    (t.effects ?? []).forEach((e, ei) => {
      const ep = [...at, 'effects', ei];
      const fire = e.fire as { transition?: string } | undefined;
      if (fire?.transition) refs.push({ kind: 'step', key: fire.transition, path: [...ep, 'fire', 'transition'], declaration: false });
      if (typeof e.teamFromInput === 'string')
        refs.push({ kind: 'input', key: e.teamFromInput, step: ti, path: [...ep, 'teamFromInput'], declaration: false });
      for (const [field, input] of Object.entries((e.vars as Record<string, string> | undefined) ?? {}))
        refs.push({ kind: 'input', key: input, step: ti, path: [...ep, 'vars', field], declaration: false });
    });
  });
  return refs;
}

const sameName = (a: Ref, b: Ref) => a.kind === b.kind && a.key === b.key && (a.kind !== 'input' || a.step === b.step);
const newName = (key: string) => `renamed${key[0]!.toUpperCase()}${key.slice(1)}`;
/** A path as validateProcess.ts words it: transitions[3].effects[0].fire.transition */
const pathText = (p: (string | number)[]) => p.reduce<string>((s, x) => (typeof x === 'number' ? `${s}[${x}]` : s ? `${s}.${x}` : x), '');

function setAt(obj: unknown, p: (string | number)[], value: string) {
  let o = obj as Record<string | number, unknown>;
  for (const x of p.slice(0, -1)) o = o[x] as Record<string | number, unknown>;
  o[p.at(-1)!] = value;
}

/** A copy with these refs renamed (to `renamed<Key>`). */
function renamed(def: Raw, refs: Ref[]): Raw {
  const copy = structuredClone(def);
  for (const r of refs) setAt(copy, r.path, newName(r.key));
  return copy;
}

// --- Organisation copies -----------------------------------------------------------------------

/** The shipped organisation configuration that runs each preset. */
function orgConfigFor(preset: string): string {
  const examples = path.join(root, 'config/examples');
  const configs = [
    path.join(root, 'config/demo-organisation.json'),
    ...fs
      .readdirSync(examples)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(examples, f)),
  ];
  const found = configs.find((c) => (readJson(c).processes as string[]).includes(preset));
  assert.ok(found, `an organisation configuration runs preset ${preset}`);
  return found;
}

/** A copy of the organisation's configuration that names its own definition file, as an organisation adapting a preset does. */
function organisationCopy(preset: string) {
  const source = orgConfigFor(preset);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kf-rename-${preset}-`));
  fs.writeFileSync(path.join(dir, 'organisation.json'), JSON.stringify({ ...readJson(source), processes: ['./renamed.json'] }, null, 2));
  // Files the configuration names relative to itself (its theme's logo) go along with the copy.
  const from = path.dirname(source);
  for (const f of fs.readdirSync(from)) if (/\.(svg|png|jpe?g)$/i.test(f)) fs.copyFileSync(path.join(from, f), path.join(dir, f));
  const definitionFile = path.join(dir, 'renamed.json');
  return {
    dir,
    orgFile: path.join(dir, 'organisation.json'),
    definitionFile,
    /** Writes the definition as the organisation's own file and starts up the way the server does. */
    load(def: Raw) {
      fs.writeFileSync(definitionFile, JSON.stringify(def, null, 2));
      const org = loadOrganisation(path.join(dir, 'organisation.json'));
      return { org, loaded: loadProcesses(org) };
    },
  };
}

function refusal(fn: () => unknown): ProcessDefinitionError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProcessDefinitionError) return err;
    throw err;
  }
  assert.fail('start-up accepted the definition');
}

// --- Walking a process through the engine ---------------------------------------------------------

const allRoles = new Set<string>(ROLES);
const timerFired = (def: ProcessDefinition, t: Transition) =>
  def.transitions.some((x) => x.effects.some((e) => e.type === 'startTimer' && 'transition' in e.fire && e.fire.transition === t.key));

/** Whether the walk can take a step: a person may (with every input fillable), or a timer does. */
const walkable = (def: ProcessDefinition, t: Transition, approverRoles: readonly string[]) =>
  demoCanTake(t, allRoles, approverRoles) || (t.roles.every((r) => r === 'system') && timerFired(def, t));

/** A step of a walk, with the values chosen for the inputs that record facts steps or letters depend on. */
type Planned = { t: Transition; chosen: Record<string, unknown> };

/** Each way to fill a step's inputs that record facts the process's steps or letters depend on. */
function choicesFor(t: Transition, relevant: ReadonlySet<string>): Record<string, unknown>[] {
  let choices: Record<string, unknown>[] = [{}];
  for (const input of t.inputs) {
    if (!input.fact || !relevant.has(input.fact) || (input.type !== 'boolean' && input.type !== 'select')) continue;
    const values = input.type === 'boolean' ? [true, false] : (input.options ?? []).map((o) => o.value);
    choices = choices.flatMap((c) => values.map((v) => ({ ...c, [input.key]: v })));
  }
  return choices;
}

/**
 * A walk to every status the engine can reach, and one through every step an event takes (a letter,
 * the complainant's answer, a booked hearing, a timer): breadth first over the status and the facts that
 * steer steps and letters, in the definition's order, so each walk is one people could take.
 */
function walksOf(def: ProcessDefinition, approverRoles: readonly string[]): Planned[][] {
  const relevant = new Set<string>([
    ...def.transitions.flatMap((t) => t.guards.flatMap((g) => (g.type === 'fact' ? [g.fact] : []))),
    ...def.letters.flatMap((l) => l.when.map((c) => c.fact)),
  ]);
  const steering = (facts: Facts) => JSON.stringify([...relevant].sort().map((f) => facts[f as keyof Facts] ?? null));
  const walks: Planned[][] = [[]];
  const reached = new Set([def.initialStatus]);
  const taken = new Set<string>();
  const seen = new Set([`${def.initialStatus} ${steering({})}`]);
  const queue: { status: string; facts: Facts; walk: Planned[] }[] = [{ status: def.initialStatus, facts: {}, walk: [] }];
  while (queue.length) {
    const at = queue.shift()!;
    for (const t of transitionsFrom(def, at.status)) {
      if (!walkable(def, t, approverRoles) || !fitsFacts(t, at.facts)) continue;
      const need = letterGuardOf(t);
      if (need && !letterKindsFor(def, at.facts).some((k) => !need.kinds?.length || need.kinds.includes(k))) continue;
      for (const chosen of choicesFor(t, relevant)) {
        const facts: Facts = { ...at.facts, ...factsOfInputs(t, chosen) };
        for (const e of t.effects) if (e.type === 'setFact' && meetsConditions(facts, e.when)) facts[e.fact] = e.value;
        const walk = [...at.walk, { t, chosen }];
        const byEvent = !!t.trigger || t.roles.every((r) => r === 'system');
        if (!reached.has(t.to) || (byEvent && !taken.has(t.key))) {
          reached.add(t.to);
          walks.push(walk);
          for (const p of walk) taken.add(p.t.key);
        }
        const state = `${t.to} ${steering(facts)}`;
        if (!seen.has(state)) {
          seen.add(state);
          queue.push({ status: t.to, facts, walk });
        }
      }
    }
  }
  return walks;
}

/** Values for a step's inputs: every input the walk can fill, with the values the walk chose for facts. */
function inputsFor(step: Planned, now: Date): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const input of step.t.inputs) {
    // (demoWalk's sampleValue fills what the demo needs: required inputs, never a multiselect.)
    const value = input.type === 'multiselect' ? input.options?.slice(0, 1).map((o) => o.value) : sampleValue(input, now);
    if (value !== undefined) values[input.key] = value;
  }
  return { ...values, ...step.chosen };
}

type Outcome = {
  statuses: string[];
  outcome: unknown;
  events: string[];
  mail: string[];
  tasks: number;
  notes: number;
};

type Walking = {
  services: Services;
  def: ProcessDefinition;
  caseId: string;
  staff: StaffActor;
  /** A letter offered for review, waiting for the step that sends it. */
  letter?: { id: string; version: number; kind: LetterKind };
};

const caseNow = (w: Walking) =>
  w.services.db.selectFrom('cases').select(['status', 'facts']).where('id', '=', w.caseId).executeTakeFirstOrThrow();

/** Takes one step of a walk the way people and events take it: the generic step, a letter, a timer, the portal, the hearing forms. */
async function takeStep(w: Walking, step: Planned) {
  const { services, def, caseId, staff } = w;
  const { t } = step;
  const inputs = inputsFor(step, services.clock.now());
  const take = () => asActor(services, staff, (ctx) => transitionCase(ctx, { caseId, transition: t.key, inputs }));
  const docType = t.guards.find((g) => g.type === 'document')?.docType;
  if (docType)
    await addDocument(services, staff, caseId, {
      filename: `${docType}.txt`,
      mediaType: 'text/plain',
      docType,
      content: Readable.from(Buffer.from('Verslag van het gesprek.\n')),
    });
  if (t.guards.some((g) => g.type === 'tasksDone')) {
    const open = await services.db
      .selectFrom('activity')
      .select('id')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'task')
      .where('status', 'in', ['open', 'inProgress'])
      .execute();
    for (const task of open) await asActor(services, staff, (ctx) => closeActivity(ctx, task.id, { status: 'done' }));
  }
  const need = letterGuardOf(t);
  if (t.roles.every((r) => r === 'system')) {
    // A waiting period ran out: the sweeper fires the case's timer, which takes the step.
    const timers = await services.db
      .selectFrom('timer')
      .select(['id', 'payload'])
      .where('case_id', '=', caseId)
      .where('status', '=', 'pending')
      .execute();
    const timer = timers.find((x) => (x.payload as { fire: { transition?: string } }).fire.transition === t.key);
    assert.ok(timer, 'a pending timer takes it');
    await fireTimer(services, timer.id);
  } else if (t.trigger?.type === 'complainantAnswered') {
    // The complainant answers in the portal; the engine takes the step the definition ties to that.
    await runCommand(services, SYSTEM_ACTOR, (ctx) =>
      addComplainantMessage(ctx, caseId, { text: 'Mijn klantnummer is 12345.', channel: 'web' }),
    );
  } else if (t.trigger?.type === 'hearingBooked') {
    const slot = await services.db
      .selectFrom('hearing_slot')
      .select('id')
      .where('case_id', '=', caseId)
      .where('booked_at', 'is', null)
      .executeTakeFirstOrThrow();
    await asActor(services, staff, (ctx) => bookHearingSlot(ctx, caseId, slot.id));
  } else if (statusHasRole(def, t.to, 'hearingBooking')) {
    // The invitation is its own form: the times offered, and a note.
    const at = (hours: number) => new Date(services.clock.now().getTime() + 7 * 86_400_000 + hours * 3_600_000);
    await asActor(services, staff, (ctx) =>
      inviteForHearing(ctx, caseId, { slots: [{ startsAt: at(1), endsAt: at(2), location: 'Kantoor' }], note: 'Een tijd aangeboden.' }),
    );
  } else if (need) {
    const facts = (await caseNow(w)).facts as Facts;
    const allowed = letterKindsFor(def, facts).filter((k) => !need.kinds?.length || need.kinds.includes(k));
    const kind = allowed.includes('decision') ? 'decision' : allowed[0];
    assert.ok(kind, 'a letter kind the case may get');
    if (need.atLeast === 'draft' || need.atLeast === 'inReview') {
      // Offering the letter for review takes the step when the definition ties it to that.
      w.letter = { ...(await draftAndSubmitLetter(services, { caseId, kind, drafter: staff })), kind };
    } else {
      const ready = w.letter?.kind === kind ? w.letter : await draftAndSubmitLetter(services, { caseId, kind, drafter: staff });
      w.letter = undefined;
      if (need.atLeast === 'sent') await approveAndSendLetter(services, { letterId: ready.id, version: ready.version, approver: staff });
      else await asActor(services, staff, (ctx) => approveLetter(ctx, { letterId: ready.id, expectedVersion: ready.version }));
    }
    // Sending the letter takes a step tied to it; any other is taken after it.
    if ((await caseNow(w)).status !== t.to) await take();
  } else await take();
}

/** Registers a case and takes the walk's steps; returns what happened to it. */
async function walkCase(services: Services, def: ProcessDefinition, walk: Planned[], staff: StaffActor): Promise<Outcome> {
  const now = services.clock.now();
  const c = await asActor(services, staff, (ctx) =>
    registerCase(ctx, {
      processKey: def.key,
      subject: 'Lange wachttijd aan de telefoon',
      description: 'Ik heb drie keer een uur gewacht en niemand nam op.',
      channel: 'phone',
      complainant: {
        kind: 'person',
        name: 'Evi Jansen',
        email: 'evi@voorbeeld.example',
        street: 'Dorpsstraat 1',
        postcode: '1234 AB',
        city: 'Dorp',
      },
      data: Object.fromEntries(def.caseType.fields.filter((f) => f.required).map((f) => [f.key, sampleValue(f, now)] as const)),
    }),
  );
  const w: Walking = { services, def, caseId: c.id, staff };
  const statuses = [def.initialStatus];
  for (const [index, step] of walk.entries()) {
    const { t } = step;
    const where = `${def.key}: step ${index + 1} "${t.key}" of the walk to "${walk.at(-1)?.t.to}"`;
    try {
      await takeStep(w, step);
    } catch (err) {
      const params = err instanceof AppError ? ` ${JSON.stringify(err.invalidParams)}` : '';
      throw new Error(`${where}: ${(err as Error).message}${params}`, { cause: err });
    }
    const after = await caseNow(w);
    assert.equal(after.status, t.to, `${where}: the case is in "${t.to}"`);
    statuses.push(after.status);
  }
  const events = await services.db.selectFrom('timeline_event').select('type').where('case_id', '=', c.id).execute();
  const mail = await services.db
    .selectFrom('outbox_message')
    .select(['template_key', 'recipient_role'])
    .where('case_id', '=', c.id)
    .execute();
  const tasks = await services.db.selectFrom('activity').select('id').where('case_id', '=', c.id).where('kind', '=', 'task').execute();
  const notes = await services.db.selectFrom('note').select('id').where('case_id', '=', c.id).execute();
  return {
    statuses,
    outcome: ((await caseNow(w)).facts as Facts).outcome ?? null,
    events: events.map((e) => e.type).sort(),
    mail: mail.map((m) => `${m.template_key} to ${m.recipient_role}`).sort(),
    tasks: tasks.length,
    notes: notes.length,
  };
}

// --- The tests ------------------------------------------------------------------------------------

let shared: TestEnv;
before(async () => {
  shared = await createTestServices();
});
after(async () => {
  await shared?.close();
});

/** The services of a server started with this organisation configuration, on the shared test database. */
async function servicesFor(org: Organisation, loaded: ReturnType<typeof loadProcesses>): Promise<Services> {
  await syncOrganisation(shared.services.db, org);
  return {
    ...shared.services,
    org,
    processes: await openProcessRegistry({
      db: shared.services.db,
      files: loaded.files,
      validate: loaded.validate,
      now: shared.clock.now(),
    }),
    calendar: createBusinessCalendar({ timeZone: 'Europe/Amsterdam', extraHolidays: org.clocks.extraHolidays }),
  };
}

for (const preset of presetKeys()) {
  describe(`renaming in a copy of preset ${preset}`, () => {
    const original = readJson(path.join(PRESET_DIR, `${preset}.json`)) as Raw;
    const refs = refsOf(original);
    const declarations = refs.filter((r) => r.declaration);

    test('each status, step and input renamed with its references: the copy loads', () => {
      const copy = organisationCopy(preset);
      const counts = { status: 0, step: 0, input: 0 };
      for (const d of declarations) {
        const { loaded } = copy.load(
          renamed(
            original,
            refs.filter((r) => sameName(r, d)),
          ),
        );
        const def = loaded.defaultProcess;
        const where = pathText(d.path.slice(0, -1));
        if (d.kind === 'status')
          assert.ok(
            def.statuses.some((s) => s.key === newName(d.key)),
            where,
          );
        if (d.kind === 'step')
          assert.ok(
            def.transitions.some((t) => t.key === newName(d.key)),
            where,
          );
        if (d.kind === 'input')
          assert.ok(
            def.transitions[d.step!]!.inputs.some((i) => i.key === newName(d.key)),
            where,
          );
        counts[d.kind]++;
      }
      assert.deepEqual(counts, {
        status: original.statuses.length,
        step: original.transitions.length,
        input: original.transitions.reduce((n, t) => n + (t.inputs?.length ?? 0), 0),
      });
    });

    test('only the declaration renamed: start-up refuses, naming the file and each reference left behind', () => {
      const copy = organisationCopy(preset);
      let refused = 0;
      for (const d of declarations) {
        const dangling = refs.filter((r) => !r.declaration && sameName(r, d));
        const def = renamed(original, [d]);
        if (!dangling.length) {
          // Nothing else names it: the rename is complete by itself.
          assert.doesNotThrow(() => copy.load(def), `${pathText(d.path)} is named nowhere else`);
          continue;
        }
        const err = refusal(() => copy.load(def));
        assert.equal(err.file, copy.definitionFile);
        assert.ok(err.message.includes(copy.definitionFile), err.message);
        for (const r of dangling) {
          const p = pathText(r.path);
          assert.ok(
            err.problems.some((problem) => problem.startsWith(`${p}: `) && problem.includes(`"${d.key}"`)),
            `renaming ${pathText(d.path)} alone: a problem at ${p} naming "${d.key}"; got\n${err.message}`,
          );
        }
        refused++;
      }
      assert.ok(refused > 0, 'some declaration is named elsewhere');
    });

    test('everything renamed at once: cases reach the same statuses with the same outcome, mail, tasks and timeline', {
      timeout: 120_000,
    }, async () => {
      const copy = organisationCopy(preset);
      const back = new Map(refs.filter((r) => r.kind === 'status').map((r) => [newName(r.key), r.key]));
      const run = async (def: Raw) => {
        const { org, loaded } = copy.load(def);
        const services = await servicesFor(org, loaded);
        const process = services.processes.get(original.key)!;
        const staff = await buildStaff(services, { roles: [...ROLES], teams: org.teams.map((t) => t.key) });
        const walks = walksOf(process, org.letters.approverRoles);
        const outcomes: Outcome[] = [];
        for (const walk of walks) outcomes.push(await walkCase(services, process, walk, staff));
        return { process, walks, outcomes };
      };
      const before = await run(original);
      const after = await run(renamed(original, refs));
      assert.notDeepEqual(
        after.process.statuses.map((s) => s.key),
        before.process.statuses.map((s) => s.key),
        'the renamed copy is in force',
      );
      const reached = (o: Outcome[]) => new Set(o.map((x) => x.statuses.at(-1)));
      assert.equal(reached(before.outcomes).size, before.process.statuses.length, `every status of ${preset} is reached`);
      assert.deepEqual(
        after.outcomes.map((o) => ({ ...o, statuses: o.statuses.map((s) => back.get(s) ?? s) })),
        before.outcomes,
        'the renamed process works as the original',
      );
    });
  });
}

describe('the server never starts broken', () => {
  test('startServer with an inconsistently renamed process refuses before it opens the database or listens', async () => {
    const preset = presetKeys()[0]!;
    const original = readJson(path.join(PRESET_DIR, `${preset}.json`)) as Raw;
    const copy = organisationCopy(preset);
    const toIndex = original.transitions.findIndex((t) => t.to !== original.initialStatus);
    const target = original.transitions[toIndex]!.to as string;
    const declaration = refsOf(original).find((r) => r.kind === 'status' && r.declaration && r.key === target)!;
    fs.writeFileSync(copy.definitionFile, JSON.stringify(renamed(original, [declaration]), null, 2));
    const dataDir = path.join(copy.dir, 'data');
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const env = readEnv({ ORG_CONFIG: copy.orgFile, DATA_DIR: dataDir, PORT: String(port), DEMO: '1', LOG_LEVEL: 'silent' });
    await assert.rejects(startServer(env, { logger: false }), (err: unknown) => {
      assert.ok(err instanceof ProcessDefinitionError, String(err));
      assert.ok(err.message.includes(copy.definitionFile), err.message);
      assert.ok(err.message.includes(`transitions[${toIndex}].to: unknown status "${target}"`), err.message);
      return true;
    });
    assert.ok(!fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0, 'no database was opened');
    const listening = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    assert.equal(listening, false, 'nothing listens on the port');
  });
});
