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
]);

export const statusSchema = z.object({
  key,
  label,
  citizenLabel: label,
  citizenStep: key,
  terminal: z.boolean().default(false),
});

export const transitionSchema = z.object({
  key,
  label,
  from: z.union([z.array(key).min(1), z.literal('*')]),
  to: key,
  roles: z.array(z.enum([...ROLES, SYSTEM_ROLE])).min(1),
  inputs: z.array(transitionInputSchema).default([]),
  effects: z.array(effectSchema).default([]),
});

export const processDefinitionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().positive(),
  label,
  caseType: z.object({ key, label, fields: z.array(dataFieldSchema).default([]) }),
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
