import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseLinkForToken } from '../../commands/caseAccess.ts';
import { runCommand, SYSTEM_ACTOR, type Services } from '../../commands/context.ts';
import { bookHearingSlot } from '../../commands/hearing.ts';
import { addComplainantMessage } from '../../commands/portalAnswer.ts';
import { submitPortalComplaint } from '../../commands/portalSubmission.ts';
import { answerSurvey } from '../../commands/surveyAnswer.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { presentTracking } from '../../presenters/portal/trackingPresenter.ts';
import { logoInfo } from '../brandingRoutes.ts';
import { submittedComplaint } from '../../queries/portal.ts';
import { portalCaseView } from '../../queries/portalCase.ts';
import { behalfErrors, isHoneypotFilled, portalComplaintOf } from './complaintInput.ts';
import { portalTexts } from './pages/texts.ts';
import { answerBody, bookingBody, complaintBody, portalSettingsOut, surveyBody, tokenParams, trackingOut } from './portal.schema.ts';

const tags = ['Portaal (klager)'];
const ok = z.object({ ok: z.literal(true) });

/**
 * The citizen portal's API: no account, a secret link per case. Every route is public by
 * declaration; the token is the only key, and an unknown, expired or revoked one answers 404.
 */
export function registerPortalRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  /** The case the link opens; the request then counts as that citizen's, for the audit log. */
  const caseFor = async (req: FastifyRequest, token: string) => {
    const link = await caseLinkForToken(services.db, token, services.clock.now());
    if (!link) throw new AppError('not_found', 'Deze link werkt niet (meer). Bel of mail ons, dan helpen we u verder.');
    req.citizen = link;
    return link.caseId;
  };

  r.get(
    '/portal/settings',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Naam, contact en privacytekst voor het formulier', response: { 200: portalSettingsOut } },
    },
    async () => ({
      organisation: services.org.name,
      contact: services.org.contact,
      privacyStatement: portalTexts(services.org, 'nl').privacyStatement,
      otherRequestsUrl: services.org.portal.otherRequestsUrl ?? null,
      steps: services.processes.defaultProcess.citizenSteps,
      attachments: { maxBytes: services.org.documents.maxBytes, allowedTypes: services.org.documents.allowedTypes },
      /** The configured logo (theme.logoPath) and its text alternative, or null: the staff app's header shows it. */
      logo: logoInfo(services.org),
    }),
  );

  r.post(
    '/portal/complaints',
    {
      config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'Klacht indienen (zonder account)',
        body: complaintBody,
        response: { 201: z.object({ reference: z.string(), trackingUrl: z.string(), expectedBy: z.iso.date().nullable() }) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      if (isHoneypotFilled(b.website)) throw invalid('website', 'Dit formulier kon niet worden verwerkt.', 'honeypot');
      if (b.kind !== 'complaint') {
        throw invalid(
          'kind',
          b.kind === 'report'
            ? 'Een melding over de openbare ruimte of een storing kunt u niet hier doen. Gebruik het meldformulier of bel ons.'
            : 'Een vraag of aanvraag kunt u niet hier doen. Gebruik het contactformulier of bel ons.',
          'notAComplaint',
        );
      }
      const behalf = Object.entries(behalfErrors(b));
      if (behalf.length) {
        throw new AppError(
          'invalid',
          'De invoer is niet geldig.',
          behalf.map(([name, reason]) => ({ name, code: 'invalid', reason })),
        );
      }
      const result = await runCommand(services, SYSTEM_ACTOR, (ctx) => submitPortalComplaint(ctx, portalComplaintOf(b)));
      req.citizen = { caseId: result.caseId, accessId: null };
      const submitted = await submittedComplaint(services, result.caseId);
      return reply.code(201).send({ reference: result.reference, trackingUrl: result.trackingUrl, expectedBy: submitted.expectedBy });
    },
  );

  r.get(
    '/portal/cases/:token',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Volgen: stappen, data, behandelaar, berichten', params: tokenParams, response: { 200: trackingOut } },
    },
    async (req) => {
      const id = await caseFor(req, req.params.token);
      const view = await portalCaseView(services, id);
      return presentTracking(services.processes.forCase(view.case), services.org, view, services.clock.now());
    },
  );

  r.post(
    '/portal/cases/:token/answers',
    {
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'Antwoord geven of iets toevoegen',
        params: tokenParams,
        body: answerBody,
        response: { 201: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      const id = await caseFor(req, req.params.token);
      await runCommand(services, SYSTEM_ACTOR, (ctx) => addComplainantMessage(ctx, id, { text: req.body.text, channel: 'web' }));
      return reply.code(201).send({ ok: true as const });
    },
  );

  r.post(
    '/portal/cases/:token/hearing-booking',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Een tijdstip voor het gesprek kiezen', params: tokenParams, body: bookingBody, response: { 200: ok } },
    },
    async (req) => {
      const id = await caseFor(req, req.params.token);
      await runCommand(services, SYSTEM_ACTOR, (ctx) => bookHearingSlot(ctx, id, req.body.slotId));
      return { ok: true as const };
    },
  );

  r.post(
    '/portal/surveys/:token',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Zeggen hoe het ging (enquête)', params: tokenParams, body: surveyBody, response: { 200: ok } },
    },
    async (req) => {
      await runCommand(services, SYSTEM_ACTOR, (ctx) => answerSurvey(ctx, req.params.token, req.body));
      return { ok: true as const };
    },
  );
}
