import { asReader } from '../../policies/casePolicy.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCommand, type Services } from '../../commands/context.ts';
import {
  addActionLine,
  assignDossierWork,
  commentOnActionLine,
  createDossierTask,
  rescheduleActionLine,
  setCaseHandler,
} from '../../commands/dossierWork.ts';
import { dossierOut, presentDossier } from '../../presenters/staff/dossierPresenter.ts';
import { dossierWork } from '../../queries/dossier.ts';
import { staffActor } from '../plugins/auth.ts';
import { assignBody, idParams } from './activity.schema.ts';
import { civilDate } from '../dateRange.ts';

const tags = ['Dossier: actieregels en taken'];
const created = z.object({ id: z.uuid() });
const day = civilDate();
const lineParams = z.object({ id: z.uuid(), lineId: z.uuid() });
const text = (max: number) => z.string().trim().max(max);

export const actionLineBody = z
  .object({
    fromTemplate: z.object({ template: z.string().min(1).max(100), line: z.number().int().min(0).max(100) }).optional(),
    subject: text(200).min(1).optional(),
    dueDate: day.optional(),
  })
  .refine((b) => b.fromTemplate || b.subject, { message: 'Beschrijf de actie, of kies een regel uit het sjabloon.', path: ['subject'] });

export const dossierTaskBody = z
  .object({
    subject: text(200).min(1),
    body: text(5000).optional(),
    lineId: z.uuid().optional(),
    userId: z.uuid().optional(),
    teamId: z.uuid().optional(),
    dueDate: day.optional(),
  })
  .refine((b) => b.userId || b.teamId, { message: 'Kies een medewerker of een team.', path: ['userId'] });

/** Seed 004: the dossier's follow-up work, directed by its handling employee. Thin: schema → permission → command. */
export function registerDossierRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const view = async (actor: ReturnType<typeof staffActor>, id: string) => {
    const d = await dossierWork(services, actor, id);
    return presentDossier(services, d.case.may_work ? actor : asReader(actor), d);
  };

  r.get(
    '/cases/:id/dossier',
    {
      config: { permission: 'case:read', audit: 'case.dossier.read' },
      schema: {
        tags,
        summary: 'Actieregels, hun taken en opmerkingen, en taken op het hele dossier',
        params: idParams,
        response: { 200: dossierOut },
      },
    },
    async (req) => view(staffActor(req), req.params.id),
  );

  r.post(
    '/cases/:id/action-lines',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Eén actieregel toevoegen (een regel uit het sjabloon, of zelf omschreven)',
        params: idParams,
        body: actionLineBody,
        response: { 201: created },
      },
    },
    async (req, reply) => {
      const id = await runCommand(services, staffActor(req), (ctx) => addActionLine(ctx, req.params.id, req.body));
      return reply.code(201).send({ id });
    },
  );

  r.patch(
    '/cases/:id/action-lines/:lineId',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Voorgestelde datum van een actieregel aanpassen',
        params: lineParams,
        body: z.object({ dueDate: day.meta({ 'x-kf-rule': 'Een datum die voor deze actieregel kan; anders 400.' }) }),
        response: { 200: dossierOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => rescheduleActionLine(ctx, req.params.id, req.params.lineId, req.body.dueDate));
      return view(actor, req.params.id);
    },
  );

  r.post(
    '/cases/:id/action-lines/:lineId/comments',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Opmerking bij een actieregel',
        params: lineParams,
        body: z.object({ body: text(5000).min(1) }),
        response: { 201: created },
      },
    },
    async (req, reply) => {
      const id = await runCommand(services, staffActor(req), (ctx) =>
        commentOnActionLine(ctx, req.params.id, req.params.lineId, req.body.body),
      );
      return reply.code(201).send({ id });
    },
  );

  r.post(
    '/cases/:id/tasks',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Taak voor een medewerker of team, bij een actieregel of op het hele dossier',
        params: idParams,
        body: dossierTaskBody,
        response: { 201: created },
      },
    },
    async (req, reply) => {
      const id = await runCommand(services, staffActor(req), (ctx) => createDossierTask(ctx, req.params.id, req.body));
      return reply.code(201).send({ id });
    },
  );

  r.post(
    '/cases/:id/tasks/:taskId/assignment',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Actieregel of taak van het dossier toewijzen (door de behandelend medewerker)',
        params: z.object({ id: z.uuid(), taskId: z.uuid() }),
        body: assignBody,
        response: { 200: dossierOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => assignDossierWork(ctx, req.params.id, req.params.taskId, req.body));
      return view(actor, req.params.id);
    },
  );

  r.put(
    '/cases/:id/handler',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Behandelend medewerker van het dossier kiezen',
        params: idParams,
        body: z.object({ userId: z.uuid() }),
        response: { 200: dossierOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => setCaseHandler(ctx, req.params.id, req.body.userId));
      return view(actor, req.params.id);
    },
  );
}
