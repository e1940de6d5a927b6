import { z } from 'zod';
import { CHANNELS } from '../../commands/activityRegistrar.ts';
import { instant } from '../dateRange.ts';
import { phoneNumber } from '../phoneField.ts';

/** Request schemas of the activity routes; the staff app's forms use the same ones. */
const text = (max: number) => z.string().trim().max(max);
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));

export const contactSchema = z.object({
  name: text(200).optional(),
  email: z.email().max(254).optional(),
  phone: phoneNumber().optional(),
});

export const registerActivityBody = z.object({
  channel: z.enum(CHANNELS),
  subject: text(200).min(1),
  body: text(20000).default(''),
  contact: contactSchema.default({}),
  assignTo: z.union([z.literal('self'), z.literal('queue'), z.object({ team: z.string().min(1).max(100) })]).default('self'),
});

export const queueQuery = z.object({
  queue: z.enum(['mine', 'team', 'unassigned', 'all']).default('all'),
  channel: csv(z.enum([...CHANNELS, 'internal'])).optional(),
  status: csv(z.enum(['open', 'inProgress', 'done', 'cancelled'])).optional(),
  kind: z.enum(['intake', 'task']).optional(),
  assigneeId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  caseType: z.string().max(100).optional(),
  createdBefore: instant().optional(),
  createdAfter: instant().optional(),
  /** `deadline`: the case's earliest open deadline (statutory or service norm) first. */
  sort: z.enum(['createdAt', '-createdAt', 'deadline']).default('createdAt'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const idParams = z.object({ id: z.uuid() });

/** Who it goes to: a user, a team or both (an empty body, or only nulls, is refused at userId). */
const oneOf = { anyOf: ['userId', 'teamId'].map((k) => ({ required: [k], properties: { [k]: { type: 'string' } } })) };
export const assignBody = z
  .object({ userId: z.uuid().nullable().optional(), teamId: z.uuid().nullable().optional(), reason: text(1000).optional() })
  .refine((b) => b.userId || b.teamId, { message: 'Kies een medewerker of een team.', path: ['userId'] })
  .meta(oneOf);

export const bulkAssignBody = z
  .object({ activityIds: z.array(z.uuid()).min(1).max(500), userId: z.uuid().optional(), teamId: z.uuid().optional() })
  .refine((b) => b.userId || b.teamId, { message: 'Kies een medewerker of een team.', path: ['userId'] })
  .meta(oneOf);

export const closeBody = z.object({
  status: z.enum(['done', 'cancelled']),
  reason: text(1000).optional(),
  /** An action line's completion reason: a value of its process's completionReasons. */
  completionReason: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ 'x-kf-rule': 'Een van de afrondingsredenen die het proces van deze actieregel noemt; anders 400.' }),
});
export const linkBody = z.object({ caseId: z.uuid() });
