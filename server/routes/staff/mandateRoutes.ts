import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCommand, type Services } from '../../commands/context.ts';
import { recordCaseMandate, revokeMandate } from '../../commands/mandates.ts';
import { notFound } from '../../domain/errors.ts';
import { mandateOut, presentMandate } from '../../presenters/staff/mandatePresenter.ts';
import { mandateById, validMandateBetween } from '../../queries/mandates.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { mandateInput } from './case.schema.ts';

const tags = ['Machtigingen'];

/** Person ids in the body, not the URL: who represents whom is personal data. */
export const mandateLookupBody = z.object({ representedId: z.uuid(), representativeId: z.uuid() });

/** Seed 003: a representative's mandate is recorded once and reused; coordinators revoke it. */
export function registerMandateRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/mandate-lookups',
    {
      config: { permission: 'case:create', audit: 'mandate.lookup' },
      schema: {
        tags,
        summary: 'Bij de intake: is er een geldige machtiging tussen deze twee personen? Dan niet opnieuw vragen',
        body: mandateLookupBody,
        response: { 200: z.object({ mandate: mandateOut.nullable() }) },
      },
    },
    async (req) => {
      const m = await validMandateBetween(services.db, services.clock.now(), req.body.representedId, req.body.representativeId);
      return { mandate: m ? presentMandate(m) : null };
    },
  );

  r.post(
    '/cases/:id/mandate',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'De machtiging van de vertegenwoordiger vastleggen (eenmalig) en aan de melding koppelen',
        params: idParams,
        body: mandateInput,
        response: { 201: z.object({ mandate: mandateOut, reused: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const res = await runCommand(services, staffActor(req), (ctx) => recordCaseMandate(ctx, req.params.id, req.body));
      const view = await mandateById(services.db, res.mandate.id);
      return reply.code(201).send({ mandate: presentMandate(view!), reused: res.reused });
    },
  );

  r.post(
    '/mandates/:id/revoke',
    {
      config: { permission: 'mandate:revoke' },
      schema: { tags, summary: 'Een machtiging intrekken', params: idParams, response: { 200: z.object({ mandate: mandateOut }) } },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => revokeMandate(ctx, req.params.id));
      const view = await mandateById(services.db, req.params.id);
      if (!view) throw notFound('Deze machtiging');
      return { mandate: presentMandate(view) };
    },
  );
}
