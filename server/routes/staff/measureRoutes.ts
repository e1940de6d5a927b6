import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCommand, type Services, type StaffActor } from '../../commands/context.ts';
import { markMeasureCarriedOut } from '../../commands/measureCarriedOut.ts';
import { checkMeasure } from '../../commands/measureCheck.ts';
import { editMeasure } from '../../commands/measureEditor.ts';
import { linkMeasureToCase } from '../../commands/measureLink.ts';
import { recordMeasure } from '../../commands/measureRecorder.ts';
import {
  measureDetailOut,
  measureListItemOut,
  measureOut,
  presentMeasure,
  presentMeasureDetail,
  presentMeasureListItem,
} from '../../presenters/staff/measurePresenter.ts';
import { groundCountsAround, listMeasures, measureDetail, measuresOfCase } from '../../queries/measures.ts';

import { staffMember } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { carriedOutBody, checkMeasureBody, editMeasureBody, linkCaseBody, measureListQuery, recordMeasureBody } from './measure.schema.ts';

const tags = ['Verbetermaatregelen'];

const detail = async (services: Services, actor: StaffActor, id: string) => {
  const d = await measureDetail(services, actor, id);
  return presentMeasureDetail(d, await groundCountsAround(services, actor, d.measure));
};

/**
 * Seed 002 steps 3–7: improvement measures with an owner and a due date, the quality officer's
 * check (with the counts of the measure's ground before and after) and the loop back to the owner.
 */
export function registerMeasureRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/measures',
    {
      config: { permission: 'measure:read' },
      schema: {
        tags,
        summary: 'Verbetermaatregelen: open, te laat, uitgevoerd of gecontroleerd (op datum, per pagina)',
        querystring: measureListQuery,
        response: { 200: z.object({ items: z.array(measureListItemOut), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const page = await listMeasures(services, staffMember(req), { ...req.query, mine: req.query.mine === 'true' });
      return { items: page.rows.map(presentMeasureListItem), nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/measures',
    {
      config: { permission: 'measure:manage' },
      schema: {
        tags,
        summary: 'Een verbetermaatregel vastleggen (eigenaar, datum, gekoppelde klachten); het team krijgt bericht',
        body: recordMeasureBody,
        response: { 201: measureDetailOut },
      },
    },
    async (req, reply) => {
      const actor = staffMember(req);
      const m = await runCommand(services, actor, (ctx) => recordMeasure(ctx, req.body));
      return reply.code(201).send(await detail(services, actor, m.id));
    },
  );

  r.get(
    '/measures/:id',
    {
      config: { permission: 'measure:read' },
      schema: {
        tags,
        summary: 'Eén verbetermaatregel: klachten, geschiedenis en het aantal klachten per maand ervoor en erna',
        params: idParams,
        response: { 200: measureDetailOut },
      },
    },
    async (req) => detail(services, staffMember(req), req.params.id),
  );

  r.patch(
    '/measures/:id',
    {
      // The owner edits their own open measure; others need measure:manage (checked in the command).
      config: { permission: 'measure:read' },
      schema: {
        tags,
        summary: 'Een open verbetermaatregel wijzigen: beschrijving of datum (eigenaar of kwaliteitsmedewerker)',
        params: idParams,
        body: editMeasureBody,
        response: { 200: measureDetailOut },
      },
    },
    async (req) => {
      const actor = staffMember(req);
      await runCommand(services, actor, (ctx) => editMeasure(ctx, req.params.id, req.body));
      return detail(services, actor, req.params.id);
    },
  );

  r.post(
    '/measures/:id/carried-out',
    {
      // The owner marks their own measure; others need measure:manage (checked in the command).
      config: { permission: 'measure:read' },
      schema: {
        tags,
        summary: 'De maatregel is ingevoerd (door de eigenaar); het team krijgt bericht',
        params: idParams,
        body: carriedOutBody,
        response: { 200: measureDetailOut },
      },
    },
    async (req) => {
      const actor = staffMember(req);
      await runCommand(services, actor, (ctx) => markMeasureCarriedOut(ctx, req.params.id, req.body));
      return detail(services, actor, req.params.id);
    },
  );

  r.post(
    '/measures/:id/check',
    {
      config: { permission: 'measure:check' },
      schema: {
        tags,
        summary: 'Controle door de kwaliteitsmedewerker: effectief, of terug naar de eigenaar met een nieuwe datum',
        params: idParams,
        body: checkMeasureBody,
        response: { 200: measureDetailOut },
      },
    },
    async (req) => {
      const actor = staffMember(req);
      await runCommand(services, actor, (ctx) => checkMeasure(ctx, req.params.id, req.body));
      return detail(services, actor, req.params.id);
    },
  );

  r.post(
    '/measures/:id/cases',
    {
      config: { permission: 'measure:manage' },
      schema: {
        tags,
        summary: 'Nog een klacht aan deze verbetermaatregel koppelen (twee keer koppelen verandert niets)',
        params: idParams,
        body: linkCaseBody,
        response: { 200: measureDetailOut },
      },
    },
    async (req) => {
      const actor = staffMember(req);
      await runCommand(services, actor, (ctx) => linkMeasureToCase(ctx, req.params.id, req.body.caseId));
      return detail(services, actor, req.params.id);
    },
  );

  r.get(
    '/cases/:id/measures',
    {
      config: { permission: 'measure:read', audit: false },
      schema: {
        tags,
        summary: 'Wat er met deze klacht is gedaan: de verbetermaatregelen die eraan gekoppeld zijn',
        params: idParams,
        response: { 200: z.object({ items: z.array(measureOut) }) },
      },
    },
    async (req) => ({ items: (await measuresOfCase(services, staffMember(req), req.params.id)).map(presentMeasure) }),
  );
}
