import { z } from 'zod';
import { REGIMES } from '../calendar/clockConfig.ts';
import { ROLES, SYSTEM_ROLE } from '../roles.ts';
import { EFFECTS, FACT_KEYS, type FactKey, GUARDS, LETTER_KINDS, LETTER_STAGES, STATUS_ROLES, TRIGGERS } from './vocabulary.ts';

/**
 * A process definition is data: statuses, transitions and the case type's data fields. The shipped
 * presets are JSON files in config/processes/ (checked against the JSON Schema generated from this
 * one); every name a definition may use beyond its own keys comes from vocabulary.ts, and
 * validateProcess.ts checks the definition as a whole at start-up.
 */
const key = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'een sleutel is lowerCamelCase');
const label = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
const names = <T extends Record<string, unknown>>(o: T) => z.enum(Object.keys(o) as [keyof T & string, ...(keyof T & string)[]]);

const fieldType = z.enum(['text', 'textarea', 'number', 'date', 'datetime', 'boolean', 'select', 'multiselect', 'email']);
const option = z.strictObject({ value: z.string().min(1), label });
const factKey = z.enum(FACT_KEYS as [FactKey, ...FactKey[]]);

export const dataFieldSchema = z.strictObject({
  key,
  label,
  type: fieldType,
  required: z.boolean().default(false),
  options: z.array(option).optional(),
  maxLength: z.number().int().positive().optional(),
});

/**
 * A field of the case type. `sensitive` (health details in a care complaint): shown, in the case,
 * its timeline and anything read from it, only to those who handle the case (queries/scope.ts
 * handlesCase); others who may read the case see that the field is there, not its value.
 */
export const caseFieldSchema = dataFieldSchema.extend({ sensitive: z.boolean().optional() });

/** Where an input of a transition ends up: a case data field, an internal note, or only the timeline. */
export const transitionInputSchema = dataFieldSchema.extend({
  target: z.enum(['data', 'note', 'event']).default('data'),
  /** The standard fact this input records (vocabulary.ts): the engine reads the fact, never the input's key. */
  fact: factKey.optional(),
});

const teamRef = z.string().min(1);

/** A period: calendar days, working days (Dutch calendar), weeks or hours. Exactly one unit. */
export const durationSchema = z.union([
  z.strictObject({ days: z.int().min(1).max(730) }),
  z.strictObject({ workingDays: z.int().min(1).max(500) }),
  z.strictObject({ weeks: z.int().min(1).max(104) }),
  z.strictObject({
    hours: z
      .int()
      .min(1)
      .max(24 * 60),
  }),
]);
export type Duration = z.output<typeof durationSchema>;

const factValue = z.union([z.string(), z.boolean()]);
/**
 * A condition on the case's facts. A fact that has no value yet counts as "not equal" and "not in":
 * before classification a case is treated as a complaint.
 */
export const factConditionSchema = z.strictObject({
  fact: factKey,
  equals: factValue.optional(),
  in: z.array(factValue).min(1).optional(),
  notIn: z.array(factValue).min(1).optional(),
  present: z.boolean().optional(),
});
export type FactCondition = z.output<typeof factConditionSchema>;

/** What a timer does when it fires: a system step of the process, or a task for the next step. */
const timerFire = z.union([
  z.strictObject({ transition: key }),
  z.strictObject({ task: z.strictObject({ taskKey: key, subject: label, team: teamRef.optional() }) }),
]);

/**
 * Who a message goes to: the complainant (or their representative), a fixed address, the manager of
 * the chosen department, or an address a step records as a fact (Awb 2:3: the body a complaint is
 * forwarded to); without that address nothing is sent and the timeline says so.
 */
const messageRecipient = z.union([
  z.literal('complainant'),
  z.strictObject({ address: z.email() }),
  z.strictObject({ departmentManager: z.literal(true) }),
  z.strictObject({ addressFromFact: factKey }),
]);

/**
 * What a transition does besides changing the status, all inside the same transaction. Every type is
 * named in vocabulary.ts (EFFECTS) and handled by the feature that registers it (server/engine/).
 */
export const effectSchema = z.discriminatedUnion('type', [
  /** `team` is fixed; `teamFromInput` names a select input of this step whose options are team keys. */
  z.strictObject({ type: z.literal('assignTeam'), team: teamRef.optional(), teamFromInput: key.optional() }),
  z.strictObject({ type: z.literal('assignActor') }),
  z.strictObject({ type: z.literal('unassign') }),
  z.strictObject({
    type: z.literal('createTask'),
    taskKey: key,
    subject: label,
    team: teamRef.optional(),
    teamFromInput: key.optional(),
    dueInDays: z.number().int().positive().optional(),
  }),
  z.strictObject({ type: z.literal('completeTasks') }),
  /** Starts a timer bound to the status the transition enters: leaving that status cancels it. */
  z.strictObject({ type: z.literal('startTimer'), timer: key, period: key, fire: timerFire }),
  /**
   * `vars` fills a template's merge fields from this step's inputs (merge field → input key); `when`
   * sends it only if the case's facts (with this step's) meet the conditions, e.g. a department's
   * manager only when the complaint concerns a department (seed 001).
   */
  z.strictObject({
    type: z.literal('sendMessage'),
    template: key,
    to: messageRecipient.default('complainant'),
    vars: z.record(z.string(), key).optional(),
    when: z.array(factConditionSchema).default([]),
  }),
  /** Action lines from a named step template (seed 004), each a task with a proposed date. */
  z.strictObject({ type: z.literal('addActionLines'), template: key }),
  /**
   * Awb 9:8 lid 3: deciding not to handle owes the complainant a written notice within 4 weeks of
   * receipt. Drafts that letter and gives its sending as a task (to the team, else the case's
   * handler), due when the period ends; on Awb cases the decision date starts that clock.
   */
  z.strictObject({ type: z.literal('noticeOfNotHandling'), team: teamRef.optional() }),
  /** Business rule 5: a survey, unless this complainant had one within the process's survey period. */
  z.strictObject({ type: z.literal('sendSurvey') }),
  /** Records a standard fact with a fixed value, e.g. the outcome "notHandled". */
  z.strictObject({ type: z.literal('setFact'), fact: factKey, value: factValue, when: z.array(factConditionSchema).default([]) }),
]);

export const guardSchema = z.discriminatedUnion('type', [
  /** A letter must have reached this stage first (e.g. the decision letter sent before closing). */
  z.strictObject({ type: z.literal('letter'), atLeast: z.enum(LETTER_STAGES), kinds: z.array(z.enum(LETTER_KINDS)).optional() }),
  /** A document of this type must be on the case first (e.g. the hearing report). */
  z.strictObject({ type: z.literal('document'), docType: key }),
  /** Seed 004: a dossier closes only when all its action lines and tasks are done. */
  z.strictObject({ type: z.literal('tasksDone') }),
  /** The step fits only cases whose facts meet the condition; it is not offered otherwise. */
  factConditionSchema.extend({ type: z.literal('fact') }),
]);
export type Guard = z.output<typeof guardSchema>;

export const triggerSchema = z.strictObject({
  type: names(TRIGGERS),
  /** For letter triggers: which kinds of letter (absent: any). */
  kinds: z.array(z.enum(LETTER_KINDS)).optional(),
});

export const statusSchema = z.strictObject({
  key,
  label,
  citizenLabel: label,
  citizenStep: key,
  terminal: z.boolean().default(false),
  /** What this status means to the engine and the portal (vocabulary.ts STATUS_ROLES). */
  roles: z.array(names(STATUS_ROLES)).default([]),
  /** Business rule 3: remind the handler when the case sits unchanged this long (a period key). */
  remindAfter: key.optional(),
});

export const transitionSchema = z.strictObject({
  key,
  label,
  from: z.union([z.array(key).min(1), z.literal('*')]),
  to: key,
  roles: z.array(z.enum([...ROLES, SYSTEM_ROLE])).min(1),
  inputs: z.array(transitionInputSchema).default([]),
  effects: z.array(effectSchema).default([]),
  guards: z.array(guardSchema).default([]),
  /** An event that takes this step by itself (the complainant answered, a letter was sent …). */
  trigger: triggerSchema.optional(),
});

export const processDefinitionSchema = z.strictObject({
  /** Editors put the JSON Schema's address here; it is not part of the definition. */
  $schema: z.string().optional(),
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().positive(),
  label,
  /** The legal regime of this process's cases (Awb 9, with advisory committee, Wkkgz, housing rules). */
  regime: z.enum(REGIMES).default('awb'),
  /** Other regimes a case of this process may be given (an organisation with several). */
  otherRegimes: z.array(z.enum(REGIMES)).default([]),
  /** The regime's clocks run only for cases whose facts meet these conditions (e.g. not for a signal). */
  statutoryClocksWhen: z.array(factConditionSchema).default([]),
  /** The kinds of letter this process uses, each offered only while the facts fit. */
  letters: z
    .array(z.strictObject({ kind: z.enum(LETTER_KINDS), when: z.array(factConditionSchema).default([]) }))
    .default(LETTER_KINDS.map((kind) => ({ kind, when: [] }))),
  caseType: z.strictObject({ key, label, fields: z.array(caseFieldSchema).default([]) }),
  /** Step templates: named lists of action lines added in one go (seed 004 "processtappensjabloon"). */
  stepTemplates: z
    .record(key, z.array(z.strictObject({ subject: label, afterDays: z.int().min(0).max(365), team: teamRef.optional() })).min(1))
    .default({}),
  /**
   * Why an action line may be completed (seed 004 "afhandelingsreden"): the choices offered when a
   * line is marked done. Empty: a line is completed without a reason.
   */
  completionReasons: z.array(option).default([]),
  /** Named periods; organisations override them per process in their configuration. */
  periods: z.record(key, durationSchema).default({}),
  initialStatus: key,
  citizenSteps: z.array(z.strictObject({ key, label })).min(1),
  statuses: z.array(statusSchema).min(1),
  transitions: z.array(transitionSchema).min(1),
});

/** The vocabulary names, re-exported for the schema generator and the process owner's page. */
export const VOCABULARY = { EFFECTS, GUARDS, TRIGGERS, STATUS_ROLES };

export type ProcessDefinitionInput = z.input<typeof processDefinitionSchema>;
export type ProcessDefinition = z.output<typeof processDefinitionSchema>;
export type ProcessStatus = ProcessDefinition['statuses'][number];
export type Transition = ProcessDefinition['transitions'][number];
export type TransitionInput = Transition['inputs'][number];
export type DataField = z.output<typeof dataFieldSchema>;
export type Effect = z.output<typeof effectSchema>;
export type Trigger = z.output<typeof triggerSchema>;
