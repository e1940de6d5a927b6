import { z } from 'zod';
import { ROLES, SYSTEM_ROLE } from '../roles.ts';

/**
 * A process definition is data: statuses, transitions and the case type's data fields. Presets in
 * server/processes/ are written in this shape and validated (validateProcess.ts) at start-up.
 */
const key = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'een sleutel is lowerCamelCase');
const label = z.object({ nl: z.string().min(1), en: z.string().min(1) });

const fieldType = z.enum(['text', 'textarea', 'number', 'date', 'datetime', 'boolean', 'select', 'email']);
const option = z.object({ value: z.string().min(1), label });

export const dataFieldSchema = z.object({
  key,
  label,
  type: fieldType,
  required: z.boolean().default(false),
  options: z.array(option).optional(),
  maxLength: z.number().int().positive().optional(),
});

/** Where an input of a transition ends up: a case data field, an internal note, or only the timeline. */
export const transitionInputSchema = dataFieldSchema.extend({
  target: z.enum(['data', 'note', 'event']).default('data'),
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

/** What a timer does when it fires: a system step of the process, or a task for the next step. */
const timerFire = z.union([
  z.strictObject({ transition: key }),
  z.strictObject({ task: z.object({ taskKey: key, subject: label, team: teamRef.optional() }) }),
]);

/**
 * What a transition does besides changing the status, all inside the same transaction.
 * Parts that need mail, timers or letters add their effect types here.
 */
export const effectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assignTeam'), team: teamRef }),
  z.object({ type: z.literal('assignActor') }),
  z.object({ type: z.literal('unassign') }),
  z.object({
    type: z.literal('createTask'),
    taskKey: key,
    subject: label,
    team: teamRef.optional(),
    dueInDays: z.number().int().positive().optional(),
  }),
  z.object({ type: z.literal('completeTasks') }),
  /** Starts a timer bound to the status the transition enters: leaving that status cancels it. */
  z.object({ type: z.literal('startTimer'), timer: key, period: key, fire: timerFire }),
  z.object({ type: z.literal('sendMessage'), template: key, to: z.enum(['complainant']).default('complainant') }),
  /** Action lines from a named step template (seed 004), each a task with a proposed date. */
  z.object({ type: z.literal('addActionLines'), template: key }),
  /**
   * Awb 9:8 lid 3: deciding not to handle owes the complainant a written notice within 4 weeks of
   * receipt. Drafts that letter and gives its sending as a task (to the team, else the case's
   * handler), due when the period ends; on Awb cases the decision date starts that clock.
   */
  z.object({ type: z.literal('noticeOfNotHandling'), team: teamRef.optional() }),
  /** Business rule 5: a survey, unless this complainant had one within the process's survey period. */
  z.object({ type: z.literal('sendSurvey') }),
]);

export const statusSchema = z.object({
  key,
  label,
  citizenLabel: label,
  citizenStep: key,
  terminal: z.boolean().default(false),
  /** Business rule 3: remind the handler when the case sits unchanged this long (a period key). */
  remindAfter: key.optional(),
});

export const transitionSchema = z.object({
  key,
  label,
  from: z.union([z.array(key).min(1), z.literal('*')]),
  to: key,
  roles: z.array(z.enum([...ROLES, SYSTEM_ROLE])).min(1),
  inputs: z.array(transitionInputSchema).default([]),
  effects: z.array(effectSchema).default([]),
  /** A document of this type must be on the case first (e.g. the hearing report). */
  requiresDocument: key.optional(),
  /** A letter must have reached this stage first (e.g. the decision letter sent before closing). */
  requiresLetter: z
    .object({
      atLeast: z.enum(['draft', 'inReview', 'approved', 'sent']),
      kinds: z.array(z.enum(['decision', 'notHandling', 'referral', 'extension', 'standard'])).optional(),
    })
    .optional(),
  /** Seed 004: a dossier closes only when all its action lines and tasks are done. */
  requiresTasksDone: z.boolean().default(false),
});

export const processDefinitionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().positive(),
  label,
  caseType: z.object({ key, label, fields: z.array(dataFieldSchema).default([]) }),
  /** Step templates: named lists of action lines added in one go (seed 004 "processtappensjabloon"). */
  stepTemplates: z
    .record(key, z.array(z.object({ subject: label, afterDays: z.int().min(0).max(365), team: teamRef.optional() })).min(1))
    .default({}),
  /** Named periods; organisations override them per process in their configuration. */
  periods: z.record(key, durationSchema).default({}),
  initialStatus: key,
  citizenSteps: z.array(z.object({ key, label })).min(1),
  statuses: z.array(statusSchema).min(1),
  transitions: z.array(transitionSchema).min(1),
});

export type ProcessDefinitionInput = z.input<typeof processDefinitionSchema>;
export type ProcessDefinition = z.output<typeof processDefinitionSchema>;
export type ProcessStatus = ProcessDefinition['statuses'][number];
export type Transition = ProcessDefinition['transitions'][number];
export type TransitionInput = Transition['inputs'][number];
export type DataField = z.output<typeof dataFieldSchema>;
export type Effect = z.output<typeof effectSchema>;
