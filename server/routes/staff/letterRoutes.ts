import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCommand, type Services } from '../../commands/context.ts';
import { approveLetter } from '../../letters/approveLetter.ts';
import { draftLetter } from '../../letters/draftLetter.ts';
import { editLetter } from '../../letters/editLetter.ts';
import { letterPdf } from '../../letters/letterDocument.ts';
import { checkLetterText } from '../../letters/readability.ts';
import { sendLetter } from '../../letters/sendLetter.ts';
import { listStandardResponses } from '../../letters/standardResponses.ts';
import { submitForReview } from '../../letters/submitForReview.ts';
import { letterTemplates } from '../../letters/templates/index.ts';
import {
  letterDetailOut,
  letterSummaryOut,
  presentLetterDetail,
  presentLetterSummary,
  presentReadability,
  presentTemplate,
  readabilityReportOut,
  templateOut,
} from '../../presenters/staff/letterPresenter.ts';
import { asReader } from '../../policies/casePolicy.ts';
import { draftableLetterKinds, letterAbilities } from '../../policies/letterPolicy.ts';
import { caseLetters, letterDetail } from '../../queries/letters.ts';
import { LETTER_KINDS } from '../../letters/templates/types.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import {
  approveLetterBody,
  draftLetterBody,
  editLetterBody,
  readabilityCheckBody,
  sendLetterBody,
  standardResponsesQuery,
  submitLetterBody,
} from './letter.schema.ts';

const tags = ['Brieven'];

/**
 * Letters: draft (back office or coordinator, case:edit), edit into new versions, offer for review,
 * approve and send (case:transition, and in the command a role from `letters.approverRoles`, by
 * default the coordinator), preview as PDF, standard responses and a live plain-language check.
 */
export function registerLetterRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const detail = async (actor: ReturnType<typeof staffActor>, id: string) => {
    const d = await letterDetail(services, actor, id);
    const c = { status: d.letter.case_status, closed_at: d.letter.case_closed_at, facts: d.letter.case_facts };
    return presentLetterDetail(
      d,
      letterAbilities(
        d.letter.may_work ? actor : asReader(actor),
        services.org.letters.approverRoles,
        services.processes.forCase(d.letter),
        c,
        d.letter,
      ),
    );
  };

  r.get(
    '/cases/:id/letters',
    {
      config: { permission: 'case:read', audit: 'case.letters.read' },
      schema: {
        tags,
        summary: 'Brieven bij een melding, en welke soorten brief u er nu bij kunt opstellen',
        params: idParams,
        response: {
          200: z.object({ items: z.array(letterSummaryOut), abilities: z.object({ draftKinds: z.array(z.enum(LETTER_KINDS)) }) }),
        },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      const list = await caseLetters(services, actor, req.params.id);
      return {
        items: list.items.map(presentLetterSummary),
        abilities: {
          draftKinds: draftableLetterKinds(
            list.case.may_work ? actor : asReader(actor),
            services.processes.forCase(list.case),
            list.case,
            list.items,
          ),
        },
      };
    },
  );

  r.post(
    '/cases/:id/letters',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Brief opstellen vanuit een sjabloon',
        params: idParams,
        body: draftLetterBody,
        response: { 201: letterDetailOut },
      },
    },
    async (req, reply) => {
      const actor = staffActor(req);
      const created = await runCommand(services, actor, (ctx) => draftLetter(ctx, { caseId: req.params.id, ...req.body }));
      return reply.code(201).send(await detail(actor, created.id));
    },
  );

  r.get(
    '/letters/:id',
    {
      config: { permission: 'case:read', audit: 'letter.read' },
      schema: { tags, summary: 'Eén brief met alle versies en hun leesbaarheid', params: idParams, response: { 200: letterDetailOut } },
    },
    async (req) => detail(staffActor(req), req.params.id),
  );

  r.post(
    '/letters/:id/versions',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Brief aanpassen (nieuwe versie)',
        params: idParams,
        body: editLetterBody,
        response: { 200: letterDetailOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => editLetter(ctx, { letterId: req.params.id, ...req.body }));
      return detail(actor, req.params.id);
    },
  );

  r.post(
    '/letters/:id/submit',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Brief ter controle aanbieden (de processtap die erbij hoort volgt vanzelf)',
        params: idParams,
        body: submitLetterBody,
        response: { 200: letterDetailOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => submitForReview(ctx, { letterId: req.params.id, ...req.body }));
      return detail(actor, req.params.id);
    },
  );

  r.post(
    '/letters/:id/approve',
    {
      config: { permission: 'case:transition' },
      schema: {
        tags,
        summary: 'Brief goedkeuren en ondertekenaar vastleggen (klachtencoördinator)',
        params: idParams,
        body: approveLetterBody,
        response: { 200: letterDetailOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => approveLetter(ctx, { letterId: req.params.id, ...req.body }));
      return detail(actor, req.params.id);
    },
  );

  r.post(
    '/letters/:id/send',
    {
      config: { permission: 'case:transition' },
      schema: {
        tags,
        summary: 'Goedgekeurde brief versturen: PDF bij de melding, e-mail met bijlage (optioneel met processtap)',
        params: idParams,
        body: sendLetterBody,
        response: {
          200: letterDetailOut.extend({
            delivery: z.object({ channel: z.enum(['email', 'post']), messageId: z.uuid().nullable(), reason: z.string().optional() }),
          }),
        },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      const sent = await sendLetter(services, actor, { letterId: req.params.id, ...req.body });
      return { ...(await detail(actor, req.params.id)), delivery: sent.delivery };
    },
  );

  r.get(
    '/letters/:id/pdf',
    {
      config: { permission: 'case:read', audit: 'letter.pdf.read', openapi: { produces: ['application/pdf'] } },
      schema: { tags, summary: 'Brief als PDF: de verstuurde brief, of een voorbeeld van de huidige versie', params: idParams },
    },
    async (req, reply) => {
      const out = await letterPdf(services, staffActor(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(out.filename)}`)
        .send(out.body);
    },
  );

  r.get(
    '/letter-templates',
    {
      config: { permission: 'case:read' },
      schema: {
        tags,
        summary: 'Briefsjablonen met hun verplichte onderdelen',
        response: { 200: z.object({ items: z.array(templateOut) }) },
      },
    },
    async () => ({ items: letterTemplates().map(presentTemplate) }),
  );

  r.get(
    '/standard-responses',
    {
      config: { permission: 'case:read' },
      schema: {
        tags,
        summary: 'Goedgekeurde standaardteksten',
        querystring: standardResponsesQuery,
        response: {
          200: z.object({ items: z.array(z.object({ key: z.string(), title: z.string(), text: z.string(), kinds: z.array(z.string()) })) }),
        },
      },
    },
    async (req) => ({ items: listStandardResponses(services.org, req.query.kind) }),
  );

  r.post(
    '/readability-checks',
    {
      config: { permission: 'case:edit', audit: false },
      schema: {
        tags,
        summary: 'Leesbaarheid (B1) van een tekst controleren tijdens het schrijven',
        body: readabilityCheckBody,
        response: { 200: readabilityReportOut },
      },
    },
    async (req) => presentReadability(checkLetterText(req.body.text, services.org)),
  );
}
