import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCommand, type Services } from '../../commands/context.ts';
import { notFound } from '../../domain/errors.ts';
import {
  presentSubjectRequest,
  presentSubjectRequestDetail,
  subjectRequestDetailOut,
  subjectRequestOut,
} from '../../presenters/staff/subjectRequestPresenter.ts';
import { correctSubject } from '../../subjectRequests/correction.ts';
import { eraseForRequest } from '../../subjectRequests/erasure.ts';
import { exportForRequest } from '../../subjectRequests/exportForRequest.ts';
import { markNoteOthersData } from '../../subjectRequests/othersDataNote.ts';
import { caseRestriction, findSubjects, listSubjectRequests, subjectRequestDetail } from '../../subjectRequests/requestQueries.ts';
import { liftRestriction, placeRestriction } from '../../subjectRequests/restriction.ts';
import { decideSubjectRequest, extendSubjectRequest, registerSubjectRequest } from '../../subjectRequests/subjectRequests.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import {
  correctionBody,
  decisionBody,
  extensionBody,
  noteOthersDataBody,
  subjectLookupBody,
  subjectRequestBody,
} from './subjectRequest.schema.ts';

const tags = ['Verzoeken van betrokkenen'];
const permission = 'subjectRequest:manage' as const;

/** AVG art. 15-18: the privacy officer registers, answers and records requests of data subjects. */
export function registerSubjectRequestRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const detail = async (id: string) => {
    const d = await subjectRequestDetail(services, id);
    if (!d) throw notFound('Dit verzoek');
    return presentSubjectRequestDetail(d);
  };

  r.post(
    '/subject-lookups',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Een persoon of medewerker zoeken op naam of e-mailadres, om een verzoek voor te registreren',
        body: subjectLookupBody,
        response: {
          200: z.object({
            persons: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable(), caseCount: z.number().int() })),
            staff: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      const found = await findSubjects(services, req.body.query);
      return {
        persons: found.persons.map((p) => ({ id: p.id, name: p.name, email: p.email, caseCount: p.case_count })),
        staff: found.staff,
      };
    },
  );

  r.get(
    '/subject-requests',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Verzoeken van betrokkenen: open verzoeken eerst, op termijn',
        response: { 200: z.object({ items: z.array(subjectRequestOut) }) },
      },
    },
    async () => ({ items: (await listSubjectRequests(services)).map(presentSubjectRequest) }),
  );

  r.post(
    '/subject-requests',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Een verzoek registreren (inzage, correctie, wissen, beperking); de termijn is een maand na ontvangst',
        body: subjectRequestBody,
        response: { 201: subjectRequestDetailOut },
      },
    },
    async (req, reply) => {
      const { kind, personId, staffUserId, receivedOn } = req.body;
      const subject = personId ? { personId } : { staffUserId: staffUserId! };
      const id = await runCommand(services, staffActor(req), (ctx) => registerSubjectRequest(ctx, { kind, receivedOn, ...subject }));
      return reply.code(201).send(await detail(id));
    },
  );

  r.get(
    '/subject-requests/:id',
    {
      config: { permission },
      schema: { tags, summary: 'Een verzoek met zijn geschiedenis', params: idParams, response: { 200: subjectRequestDetailOut } },
    },
    async (req) => detail(req.params.id),
  );

  r.post(
    '/subject-requests/:id/extension',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'De termijn eenmaal met twee maanden verlengen; de verzoeker krijgt bericht met de reden',
        params: idParams,
        body: extensionBody,
        response: { 200: subjectRequestDetailOut.extend({ notice: z.enum(['email', 'post']) }) },
      },
    },
    async (req) => {
      const res = await runCommand(services, staffActor(req), (ctx) => extendSubjectRequest(ctx, req.params.id, req.body.reason));
      return { ...(await detail(req.params.id)), notice: res.notice };
    },
  );

  // A GET, so the page offers it as a plain download link; each download is still recorded on the request.
  r.get(
    '/subject-requests/:id/export',
    {
      config: { permission, openapi: { produces: ['application/zip'] } },
      schema: {
        tags,
        summary: 'Alle gegevens van de persoon als ZIP (JSON en een leesbaar overzicht); gegevens van anderen weggelakt',
        params: idParams,
      },
    },
    async (req, reply) => {
      const file = await exportForRequest(services, staffActor(req), req.params.id);
      return reply
        .type('application/zip')
        .header('Content-Disposition', `attachment; filename="${file.filename}"`)
        .header('Cache-Control', 'no-store')
        .send(Buffer.from(file.content));
    },
  );

  r.post(
    '/subject-requests/:id/correction',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Naam of contactgegevens corrigeren (AVG art. 16)',
        params: idParams,
        body: correctionBody,
        response: { 200: subjectRequestDetailOut },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => correctSubject(ctx, req.params.id, req.body));
      return detail(req.params.id);
    },
  );

  r.post(
    '/subject-requests/:id/restriction',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'De verwerking beperken (AVG art. 18): de meldingen van de persoon alleen nog inzien',
        params: idParams,
        response: { 200: subjectRequestDetailOut },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => placeRestriction(ctx, req.params.id));
      return detail(req.params.id);
    },
  );

  r.post(
    '/subject-requests/:id/restriction-lift',
    {
      config: { permission },
      schema: { tags, summary: 'De beperking van de verwerking opheffen', params: idParams, response: { 200: subjectRequestDetailOut } },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => liftRestriction(ctx, req.params.id));
      return detail(req.params.id);
    },
  );

  r.post(
    '/subject-requests/:id/erasure',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Wissen waar de wet dat toestaat; anders geweigerd met de reden en tot wanneer het dossier bewaard blijft',
        params: idParams,
        response: { 200: subjectRequestDetailOut.extend({ erased: z.boolean() }) },
      },
    },
    async (req) => {
      const res = await eraseForRequest(services, staffActor(req), req.params.id);
      return { ...(await detail(req.params.id)), erased: res.erased };
    },
  );

  r.post(
    '/subject-requests/:id/decision',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Het besluit op een verzoek vastleggen, met de uitkomst',
        params: idParams,
        body: decisionBody,
        response: { 200: subjectRequestDetailOut },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => decideSubjectRequest(ctx, req.params.id, req.body));
      return detail(req.params.id);
    },
  );

  r.post(
    '/cases/:id/notes/:noteId/others-data',
    {
      config: { permission: 'case:note' },
      schema: {
        tags,
        summary: 'Een notitie markeren als "bevat gegevens van anderen": zij gaat niet mee in een inzageverzoek',
        params: z.object({ id: z.uuid(), noteId: z.uuid() }),
        body: noteOthersDataBody,
        response: { 200: z.object({ othersData: z.boolean() }) },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => markNoteOthersData(ctx, req.params.id, req.params.noteId, req.body.othersData));
      return { othersData: req.body.othersData };
    },
  );

  r.get(
    '/cases/:id/processing-restriction',
    {
      config: { permission: 'case:read' },
      schema: {
        tags,
        summary: 'Of de verwerking van de melding beperkt is (AVG art. 18): dan alleen inzien',
        params: idParams,
        response: { 200: z.object({ restricted: z.boolean(), since: z.iso.datetime().nullable() }) },
      },
    },
    async (req) => {
      const res = await caseRestriction(services, staffActor(req), req.params.id);
      if (!res) throw notFound('Deze melding');
      return { restricted: !!res.restriction, since: res.restriction?.since.toISOString() ?? null };
    },
  );
}
