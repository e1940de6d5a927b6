import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { definitionProblems, publishProcessVersion, saveProcessDraft } from '../../commands/processVersions.ts';
import { runCommand, type Services } from '../../commands/context.ts';
import { notFound } from '../../domain/errors.ts';
import {
  presentProcessOverview,
  presentProcessVersionDetail,
  processCheckOut,
  processOverviewOut,
  processVersionDetailOut,
} from '../../presenters/staff/processPresenter.ts';
import { processVersionHistory, processVersionRow } from '../../queries/processVersions.ts';
import { staffActor } from '../plugins/auth.ts';
import { definitionBody, processKeyParams, processVersionParams } from './process.schema.ts';

const tags = ['Processen'];

/**
 * The process owner's routes: a process with its versions, checking a changed definition with the
 * validation start-up uses, saving it as a draft and publishing it. (GET /processes, the published
 * definitions every screen names things with, is in directoryRoutes.ts.)
 */
export function registerProcessRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const configured = (key: string) => {
    const def = services.processes.get(key);
    if (!def) throw notFound('Dit proces');
    return def;
  };

  r.get(
    '/processes/:key',
    {
      config: { permission: 'process:read' },
      schema: {
        tags,
        summary: 'Eén proces: de gepubliceerde versie, het concept en alle versies (wie, wanneer)',
        params: processKeyParams,
        response: { 200: processOverviewOut },
      },
    },
    async (req) => {
      const def = configured(req.params.key);
      return presentProcessOverview(def.label, await processVersionHistory(services.db, def.key));
    },
  );

  r.get(
    '/processes/:key/versions/:version',
    {
      config: { permission: 'process:read' },
      schema: {
        tags,
        summary: 'Eén versie van een proces, met de definitie',
        params: processVersionParams,
        response: { 200: processVersionDetailOut },
      },
    },
    async (req) => {
      configured(req.params.key);
      const row = await processVersionRow(services.db, req.params.key, req.params.version);
      if (!row) throw notFound(`Versie ${req.params.version} van dit proces`);
      return presentProcessVersionDetail(row);
    },
  );

  r.post(
    '/processes/:key/checks',
    {
      config: { permission: 'process:manage', audit: false },
      schema: {
        tags,
        summary: 'Een gewijzigde definitie controleren: elk probleem, zoals bij het starten van de server (niets wordt opgeslagen)',
        params: processKeyParams,
        body: definitionBody,
        response: { 200: processCheckOut },
      },
    },
    async (req) => {
      configured(req.params.key);
      const problems = definitionProblems(services, req.params.key, req.body.definition);
      return { valid: problems.length === 0, problems };
    },
  );

  r.post(
    '/processes/:key/drafts',
    {
      config: { permission: 'process:manage' },
      schema: {
        tags,
        summary: 'Een gecontroleerde definitie als concept opslaan (vervangt het vorige concept)',
        params: processKeyParams,
        body: definitionBody,
        response: { 201: processVersionDetailOut },
      },
    },
    async (req, reply) => {
      const row = await runCommand(services, staffActor(req), (ctx) => saveProcessDraft(ctx, req.params.key, req.body.definition));
      return reply.code(201).send(presentProcessVersionDetail(row));
    },
  );

  r.post(
    '/processes/:key/versions/:version/publication',
    {
      config: { permission: 'process:manage' },
      schema: {
        tags,
        summary: 'Een concept publiceren: nieuwe meldingen volgen deze versie, lopende houden hun versie',
        params: processVersionParams,
        response: { 200: processVersionDetailOut },
      },
    },
    async (req) => {
      const row = await runCommand(services, staffActor(req), (ctx) => publishProcessVersion(ctx, req.params.key, req.params.version));
      // This instance at once; the others within seconds (and this one then too, should this fail).
      await services.processes.refresh().catch((err) => req.log.warn({ err }, 'process versions not refreshed after publication'));
      return presentProcessVersionDetail(row);
    },
  );
}
