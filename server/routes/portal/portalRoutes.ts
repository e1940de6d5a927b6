import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { caseIdForToken } from '../../commands/caseAccess.ts';
import { runCommand, SYSTEM_ACTOR, type Services } from '../../commands/context.ts';
import { bookHearingSlot } from '../../commands/hearing.ts';
import { addComplainantMessage } from '../../commands/portalAnswer.ts';
import { submitPortalComplaint } from '../../commands/portalSubmission.ts';
import { recordEvent } from '../../commands/timeline.ts';
import { AppError, conflict, invalid, notFound } from '../../domain/errors.ts';
import { presentTracking } from '../../presenters/portal/trackingPresenter.ts';
import { logoInfo } from '../brandingRoutes.ts';
import { portalCaseView } from '../../queries/portalCase.ts';
import { answerBody, bookingBody, complaintBody, surveyBody, tokenParams } from './portal.schema.ts';

const tags = ['Portaal (klager)'];
const ok = z.object({ ok: z.literal(true) });
const PER_EMAIL_PER_HOUR = 3;

/**
 * The citizen portal's API: no account, a secret link per case. Every route is public by
 * declaration; the token is the only key, and an unknown, expired or revoked one answers 404.
 */
export function registerPortalRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const caseFor = async (token: string) => {
    const id = await caseIdForToken(services.db, token, services.clock.now());
    if (!id) throw new AppError('not_found', 'Deze link werkt niet (meer). Bel of mail ons, dan helpen we u verder.');
    return id;
  };

  r.get(
    '/portal/settings',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Naam, contact en privacytekst voor het formulier' },
    },
    async () => ({
      organisation: services.org.name,
      contact: services.org.contact,
      privacyStatement: services.org.portal.privacyStatement,
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
      if (b.website) throw invalid('website', 'Dit formulier kon niet worden verwerkt.', 'honeypot');
      if (b.kind !== 'complaint') {
        throw invalid(
          'kind',
          b.kind === 'report'
            ? 'Een melding over de openbare ruimte of een storing kunt u niet hier doen. Gebruik het meldformulier of bel ons.'
            : 'Een vraag of aanvraag kunt u niet hier doen. Gebruik het contactformulier of bel ons.',
          'notAComplaint',
        );
      }
      if (b.onBehalfOf && !b.behalfName) throw invalid('behalfName', 'Vul de naam in van de persoon voor wie u de klacht indient.');
      if (b.onBehalfOf && !b.behalfRelation)
        throw invalid('behalfRelation', 'Vul in wat u van deze persoon bent, bijvoorbeeld mantelzorger.');
      if (b.email) {
        const hour = new Date(services.clock.now().getTime() - 3600_000);
        // The address may be the complainant's or the representative's (someone filing for a relative).
        const recent = await services.db
          .selectFrom('cases')
          .innerJoin('person', (join) =>
            join.on((eb) =>
              eb.or([eb('person.id', '=', eb.ref('cases.complainant_id')), eb('person.id', '=', eb.ref('cases.representative_id'))]),
            ),
          )
          .select(sql<number>`count(*)`.as('n'))
          .where(sql<boolean>`lower(person.email) = ${b.email.toLowerCase()}`)
          .where('cases.channel', '=', 'web')
          .where('cases.created_at', '>', hour)
          .executeTakeFirst();
        if (Number(recent?.n ?? 0) >= PER_EMAIL_PER_HOUR) {
          throw new AppError(
            'rate_limited',
            'U heeft het afgelopen uur al een paar klachten ingediend. Probeer het later opnieuw of bel ons.',
          );
        }
      }
      const result = await runCommand(services, SYSTEM_ACTOR, (ctx) =>
        submitPortalComplaint(ctx, {
          subject: b.subject,
          description: b.description,
          incidentDate: b.incidentDate,
          contactPreference: b.contactPreference,
          complainant: {
            kind: 'person',
            name: b.name,
            email: b.email,
            phone: b.phone,
            street: b.street,
            postcode: b.postcode,
            city: b.city,
          },
          onBehalfOf: b.onBehalfOf ? { name: b.behalfName!, relation: b.behalfRelation! } : undefined,
        }),
      );
      const kase = await services.db
        .selectFrom('cases')
        .select('handling_deadline')
        .where('id', '=', result.caseId)
        .executeTakeFirstOrThrow();
      return reply.code(201).send({ reference: result.reference, trackingUrl: result.trackingUrl, expectedBy: kase.handling_deadline });
    },
  );

  r.get(
    '/portal/cases/:token',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Volgen: stappen, data, behandelaar, berichten', params: tokenParams },
    },
    async (req) => {
      const id = await caseFor(req.params.token);
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
      const id = await caseFor(req.params.token);
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
      const id = await caseFor(req.params.token);
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
      const hash = createHash('sha256').update(req.params.token).digest('base64url');
      await runCommand(services, SYSTEM_ACTOR, async (ctx) => {
        const survey = await ctx.tx
          .selectFrom('survey')
          .select(['id', 'case_id', 'answered_at'])
          .where('token_hash', '=', hash)
          .forUpdate()
          .executeTakeFirst();
        if (!survey) throw notFound('Deze enquête');
        if (survey.answered_at) throw conflict('U heeft deze vragen al beantwoord. Dank u wel!');
        await ctx.tx
          .updateTable('survey')
          .set({ score: req.body.score, comment: req.body.comment ?? null, answered_at: ctx.now })
          .where('id', '=', survey.id)
          .execute();
        await recordEvent(ctx, { type: 'surveyAnswered', caseId: survey.case_id, data: { score: req.body.score } });
      });
      return { ok: true as const };
    },
  );
}
