import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addComplainedPerson } from '../../commands/complainedPersons.ts';
import { runCommand, type Services } from '../../commands/context.ts';
import { bookHearingSlot, inviteForHearing } from '../../commands/hearing.ts';
import { extendHandlingPeriod, recordConsentDelay } from '../../commands/caseExtension.ts';
import { CONTACT_METHODS, recordComplainantContact } from '../../commands/complainantContact.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { instant, civilDate } from '../dateRange.ts';

const tags = ['Behandeling'];
const ok = z.object({ ok: z.literal(true) });
const when = instant();

/** Steps of the handling path that need more than a status change: people, hearing slots. */
export function registerCaseHandlingRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/cases/:id/complained-persons',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Beklaagde vastleggen (Awb 9:7: mag de melding niet behandelen)',
        params: idParams,
        body: z
          .object({
            userId: z.uuid().optional(),
            name: z.string().trim().max(200).optional(),
            jobTitle: z.string().trim().max(200).optional(),
          })
          .refine((b) => b.userId || b.name, { message: 'Kies een medewerker of vul een naam in.', path: ['name'] }),
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (req, reply) => {
      const id = await runCommand(services, staffActor(req), (ctx) => addComplainedPerson(ctx, req.params.id, req.body));
      return reply.code(201).send({ id });
    },
  );

  r.post(
    '/cases/:id/contacts',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Contact met de klager vastleggen (het eerste contact stopt de norm voor eerste contact)',
        params: idParams,
        body: z.object({
          method: z.enum(CONTACT_METHODS),
          summary: z.string().trim().min(1).max(5000),
          at: when.optional().meta({ 'x-kf-rule': 'Niet in de toekomst en niet vóór de ontvangst van de klacht; anders 400.' }),
        }),
        response: { 201: ok },
      },
    },
    async (req, reply) => {
      const b = req.body;
      await runCommand(services, staffActor(req), (ctx) =>
        recordComplainantContact(ctx, req.params.id, { ...b, at: b.at ? new Date(b.at) : undefined }),
      );
      return reply.code(201).send({ ok: true as const });
    },
  );

  r.post(
    '/cases/:id/extension',
    {
      config: { permission: 'case:transition' },
      schema: {
        tags,
        summary: 'Afhandeltermijn verdagen (Awb 9:11 lid 2: eenmaal, max. 4 weken, met schriftelijke mededeling vooraf)',
        params: idParams,
        body: z.object({
          weeks: z
            .number()
            .int()
            .min(1)
            .max(52)
            .meta({ 'x-kf-rule': 'Hoogstens zoveel weken als de klachtregeling van de melding toestaat (Awb 9:11: vier); anders 400.' }),
          reason: z.string().trim().min(1).max(2000),
          noticeSentAt: when.optional().meta({
            'x-kf-rule':
              'Niet vóór de ontvangst en niet na het einde van de termijn (Awb 9:11: verdagen vóór het verstrijken); anders 400.',
          }),
        }),
        response: { 200: z.object({ deadline: z.iso.date().nullable() }) },
      },
    },
    async (req) => {
      const b = req.body;
      const deadline = await runCommand(services, staffActor(req), (ctx) =>
        extendHandlingPeriod(ctx, req.params.id, { ...b, noticeSentAt: b.noticeSentAt ? new Date(b.noticeSentAt) : undefined }),
      );
      return { deadline };
    },
  );

  r.post(
    '/cases/:id/consent-delay',
    {
      config: { permission: 'case:transition' },
      schema: {
        tags,
        summary: 'Verder uitstel met schriftelijke instemming van de klager (Awb 9:11 lid 3)',
        params: idParams,
        body: z.object({
          consentAt: when.meta({ 'x-kf-rule': 'Niet vóór de ontvangst en niet na het einde van de lopende termijn; anders 400.' }),
          newEnd: civilDate().meta({ 'x-kf-rule': 'Na het einde van de lopende termijn; anders 400.' }),
          note: z.string().trim().min(1).max(2000),
        }),
        response: { 200: z.object({ deadline: z.iso.date().nullable() }) },
      },
    },
    async (req) => {
      const deadline = await runCommand(services, staffActor(req), (ctx) =>
        recordConsentDelay(ctx, req.params.id, { ...req.body, consentAt: new Date(req.body.consentAt) }),
      );
      return { deadline };
    },
  );

  r.post(
    '/cases/:id/hearing-invitation',
    {
      config: { permission: 'case:transition' },
      schema: {
        tags,
        summary: 'Uitnodigen voor hoorgesprek met tijden om uit te kiezen',
        params: idParams,
        body: z.object({
          slots: z
            .array(
              z.object({
                startsAt: when.meta({ 'x-kf-rule': 'In de toekomst; anders 400.' }),
                endsAt: when.meta({ 'x-kf-rule': 'Na startsAt; anders 400.' }),
                location: z.string().trim().min(1).max(200),
              }),
            )
            .min(1)
            .max(10),
          note: z
            .string()
            .trim()
            .max(20000)
            .optional()
            .meta({ 'x-kf-rule': 'Alleen als de uitnodigingsstap van het proces een notitie kent; anders 400.' }),
          expectedVersion: z.number().int().positive().optional(),
        }),
        response: { 200: ok },
      },
    },
    async (req) => {
      const b = req.body;
      await runCommand(services, staffActor(req), (ctx) =>
        inviteForHearing(ctx, req.params.id, {
          ...b,
          slots: b.slots.map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), location: s.location })),
        }),
      );
      return { ok: true as const };
    },
  );

  r.post(
    '/cases/:id/hearing-slots/:slotId/booking',
    {
      config: { permission: 'case:transition' },
      schema: {
        tags,
        summary: 'Tijdstip boeken namens de klager',
        params: z.object({ id: z.uuid(), slotId: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => bookHearingSlot(ctx, req.params.id, req.params.slotId));
      return { ok: true as const };
    },
  );
}
