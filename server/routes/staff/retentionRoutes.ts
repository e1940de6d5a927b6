import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runCommand, type Services, type StaffActor } from '../../commands/context.ts';
import {
  approveDestructionList,
  destructionCertificate,
  getDestructionList,
  holdCase,
  liftHold,
  listDestructionLists,
} from '../../retention/destructionLists.ts';
import { deleteQuarantinedMail, listQuarantinedMail, releaseQuarantinedMail } from '../../mail/inbound/quarantine.ts';
import {
  certificateOut,
  destructionListOut,
  destructionListsOut,
  presentCertificate,
  presentList,
  presentListSummary,
  presentQuarantinedMail,
  quarantinedMailOut,
} from '../../presenters/staff/retentionPresenter.ts';
import { AppError } from '../../domain/errors.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { holdBody, listCaseParams } from './retention.schema.ts';
import { noContent } from '../../openapi/document.ts';

const tags = ['Bewaren en vernietigen'];

/** Approving, holding and releasing are a staff member's own acts, recorded with their name: never an API key's. */
function member(req: FastifyRequest): StaffActor {
  const actor = staffActor(req);
  if (actor.kind !== 'staff') throw new AppError('forbidden', 'Dit kan alleen een medewerker, niet een koppeling met een API-sleutel.');
  return actor;
}

/**
 * Retention (issue 13 point 5): the monthly destruction lists for the records manager
 * (retention:manage), and quarantined incoming mail for those with mail:quarantine.
 */
export function registerRetentionRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'retention:manage' } as const;

  r.get(
    '/retention/lists',
    { config, schema: { tags, summary: 'Vernietigingslijsten', response: { 200: destructionListsOut } } },
    async () => ({ items: (await listDestructionLists(services)).map(presentListSummary) }),
  );
  r.get(
    '/retention/lists/:id',
    { config, schema: { tags, summary: 'Eén vernietigingslijst', params: idParams, response: { 200: destructionListOut } } },
    async (req) => presentList(await getDestructionList(services, req.params.id)),
  );
  r.post(
    '/retention/lists/:id/cases/:caseId/hold',
    {
      config,
      schema: {
        tags,
        summary: 'Een melding bewaren (uitzondering)',
        params: listCaseParams,
        body: holdBody,
        response: { 200: destructionListOut },
      },
    },
    async (req) => {
      const actor = member(req);
      await runCommand(services, actor, (ctx) => holdCase({ ...ctx, actor }, req.params.id, req.params.caseId, req.body.reason));
      return presentList(await getDestructionList(services, req.params.id));
    },
  );
  r.delete(
    '/retention/lists/:id/cases/:caseId/hold',
    { config, schema: { tags, summary: 'Het bewaren opheffen', params: listCaseParams, response: { 200: destructionListOut } } },
    async (req) => {
      const actor = member(req);
      await runCommand(services, actor, (ctx) => liftHold({ ...ctx, actor }, req.params.id, req.params.caseId));
      return presentList(await getDestructionList(services, req.params.id));
    },
  );
  r.post(
    '/retention/lists/:id/approve',
    { config, schema: { tags, summary: 'Vernietigingslijst goedkeuren', params: idParams, response: { 200: certificateOut } } },
    async (req) => presentCertificate(await approveDestructionList(services, member(req), req.params.id)),
  );
  r.get(
    '/retention/lists/:id/certificate',
    // A list that is not approved yet has no certificate: 409.
    {
      config: { ...config, openapi: { errors: [409] } },
      schema: { tags, summary: 'Verklaring van vernietiging (download)', params: idParams, response: { 200: certificateOut } },
    },
    async (req, reply) => {
      const cert = presentCertificate(await destructionCertificate(services, req.params.id));
      reply.header('content-disposition', `attachment; filename="verklaring-van-vernietiging-${cert.month.slice(0, 7)}.json"`);
      return cert;
    },
  );

  const mail = { permission: 'mail:quarantine' } as const;
  r.get(
    '/quarantined-mail',
    { config: mail, schema: { tags, summary: 'E-mail in quarantaine', response: { 200: quarantinedMailOut } } },
    async () => presentQuarantinedMail(await listQuarantinedMail(services), services.org.retention.quarantineDays),
  );
  r.post(
    '/quarantined-mail/:id/release',
    { config: mail, schema: { tags, summary: 'E-mail uit quarantaine vrijgeven', params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await releaseQuarantinedMail(services, member(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.delete(
    '/quarantined-mail/:id',
    { config: mail, schema: { tags, summary: 'E-mail in quarantaine verwijderen', params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await deleteQuarantinedMail(services, member(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
