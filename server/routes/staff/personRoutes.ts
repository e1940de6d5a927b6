import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCommand, type Services } from '../../commands/context.ts';
import { mergePersons, undoPersonMerge } from '../../commands/personMerge.ts';
import { notFound } from '../../domain/errors.ts';
import type { MovedByMerge } from '../../db/schema.ts';
import { findPersonsByKeys, personMergeOverview } from '../../queries/personSuggestions.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { phoneLookup } from '../phoneField.ts';
import { canonicalPhone } from '../../domain/phone.ts';

const tags = ['Personen'];

/** Keys only, in the body: personal data never goes into a URL. */
export const personSuggestionBody = z
  .object({
    email: z
      .string()
      .trim()
      .max(254)
      .optional()
      .meta({ 'x-kf-rule': 'Niet leeg als phone ontbreekt: een van beide is nodig; anders 400.' }),
    phone: phoneLookup().optional(),
  })
  .refine((b) => b.email || b.phone, { message: 'Vul een e-mailadres of telefoonnummer in.', path: ['email'] });
export const personMergeBody = z.object({ survivorId: z.uuid(), duplicateId: z.uuid() });

const personMatchOut = z.object({
  id: z.uuid(),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  organisationName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  caseCount: z.number().int(),
  latestReference: z.string().nullable(),
  createdAt: z.iso.datetime(),
  reasons: z.array(z.enum(['sameEmail', 'samePhone'])),
});
type Match = Awaited<ReturnType<typeof findPersonsByKeys>>[number];
const presentMatch = (p: Match) => ({
  id: p.id,
  kind: p.kind,
  name: p.name,
  organisationName: p.organisation_name,
  email: p.email,
  phone: p.phone && canonicalPhone(p.phone),
  address: [p.street, [p.postcode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null,
  caseCount: p.caseCount,
  latestReference: p.latestReference,
  createdAt: p.created_at.toISOString(),
  reasons: p.reasons,
});
const casesIn = (m: MovedByMerge) => new Set([...m.complainantCases, ...m.representativeCases]).size;

/** One person, one record: suggest a known complainant at intake; coordinators merge duplicates and undo. */
export function registerPersonRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/person-suggestions',
    {
      config: { permission: 'case:create', audit: 'person.suggestions.read' },
      schema: {
        tags,
        summary: 'Bekende klant? Personen met hetzelfde e-mailadres of telefoonnummer (nooit op naam alleen)',
        body: personSuggestionBody,
        response: { 200: z.object({ items: z.array(personMatchOut) }) },
      },
    },
    async (req) => ({ items: (await findPersonsByKeys(services, staffActor(req), req.body)).map(presentMatch) }),
  );

  r.get(
    '/persons/:id/merges',
    {
      config: { permission: 'person:merge', audit: 'person.merges.read' },
      schema: {
        tags,
        summary: 'Mogelijke dubbele personen om samen te voegen, en samenvoegingen die ongedaan kunnen worden',
        params: idParams,
        response: {
          200: z.object({
            person: z.object({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime(), mergedIntoId: z.uuid().nullable() }),
            candidates: z.array(personMatchOut),
            merges: z.array(
              z.object({
                id: z.uuid(),
                duplicateName: z.string(),
                mergedAt: z.iso.datetime(),
                mergedByName: z.string(),
                caseCount: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const o = await personMergeOverview(services, staffActor(req), req.params.id);
      if (!o) throw notFound('Deze persoon');
      return {
        person: {
          id: o.person.id,
          name: o.person.name,
          createdAt: o.person.created_at.toISOString(),
          mergedIntoId: o.person.merged_into_id,
        },
        candidates: o.candidates.map(presentMatch),
        merges: o.merges.map((m) => ({
          id: m.id,
          duplicateName: m.duplicate_name,
          mergedAt: m.merged_at.toISOString(),
          mergedByName: m.merged_by_name,
          caseCount: casesIn(m.moved as MovedByMerge),
        })),
      };
    },
  );

  r.post(
    '/person-merges',
    {
      config: { permission: 'person:merge' },
      schema: {
        tags,
        summary: 'Een dubbele persoon samenvoegen met de persoon die blijft (op de tijdlijn van de verplaatste meldingen)',
        body: personMergeBody,
        response: { 201: z.object({ id: z.uuid(), caseCount: z.number().int() }) },
      },
    },
    async (req, reply) => {
      const res = await runCommand(services, staffActor(req), (ctx) => mergePersons(ctx, req.body));
      return reply.code(201).send({ id: res.id, caseCount: casesIn(res.moved) });
    },
  );

  r.post(
    '/person-merges/:id/undo',
    {
      config: { permission: 'person:merge' },
      schema: { tags, summary: 'Een samenvoeging precies ongedaan maken', params: idParams, response: { 200: z.object({ id: z.uuid() }) } },
    },
    async (req) => runCommand(services, staffActor(req), (ctx) => undoPersonMerge(ctx, req.params.id)),
  );
}
