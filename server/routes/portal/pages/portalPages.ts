import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { caseLinkForToken } from '../../../commands/caseAccess.ts';
import { pathForShortCode } from '../../../commands/shortLinks.ts';
import { runCommand, SYSTEM_ACTOR, type Services } from '../../../commands/context.ts';
import { bookHearingSlot } from '../../../commands/hearing.ts';
import { addComplainantMessage } from '../../../commands/portalAnswer.ts';
import { attachUploadedFiles } from '../../../commands/portalAttachments.ts';
import { submitPortalComplaint } from '../../../commands/portalSubmission.ts';
import { answerSurvey } from '../../../commands/surveyAnswer.ts';
import { AppError } from '../../../domain/errors.ts';
import { presentTracking } from '../../../presenters/portal/trackingPresenter.ts';
import { mailToComplainant, submittedComplaint, surveyState } from '../../../queries/portal.ts';
import { portalCaseView } from '../../../queries/portalCase.ts';
import { bookingBody, portalSchemas } from '../portal.schema.ts';
import { registerAssets } from './assets.ts';
import { isIndexablePath } from './layout.ts';
import { complaintFormPage, kindQuestionPage, MAX_FILES, sendOnPage } from './complaintPages.ts';
import { fieldErrorsOf, isHoneypotFilled, portalComplaintOf, validateComplaint } from '../complaintInput.ts';
import { confirmationPage } from './confirmationPage.ts';
import { todayIso } from './format.ts';
import type { Errors, Values } from './fields.ts';
import { discardFiles, readForm } from './formInput.ts';
import type { Html } from './html.ts';
import { chosenLanguage, pageAddress, rememberLanguage } from './language.ts';
import { badLinkPage, errorPage, notFoundPage, notProcessedPage, tooLargePage, tooManyPage } from './messagePages.ts';
import { surveyAlreadyAnsweredPage, surveyPage, surveyThanksPage } from './surveyPages.ts';
import { portalFor, portalTexts, withLanguage, type Language } from './texts.ts';
import { trackingPage } from './trackingPage.ts';

/**
 * The citizen portal as server-rendered pages that work without JavaScript: plain forms, POST →
 * 303 → GET. They call the same commands as the portal API (never HTTP), with the same checks and
 * limits. Registered in its own scope, so the urlencoded parser and the HTML error pages apply
 * here only and the JSON API keeps answering problem+json. Every page is in the visitor's language
 * (language.ts): the one they chose, else the case's, else Dutch.
 */
const send = (reply: FastifyReply, status: number, body: Html) => reply.code(status).type('text/html; charset=utf-8').send(body.value);
const SMALL_FORM = 32 * 1024;
const LARGE_FORM = 256 * 1024;
const limit = (max: number) => ({ permission: 'public' as const, rateLimit: { max, timeWindow: '1 hour' } });

/** The 404 page for a browser (app.ts's not-found handler, outside the API): in the visitor's language, never cached. */
export function sendNotFoundPage(org: Services['org'], req: FastifyRequest, reply: FastifyReply) {
  const p = portalFor(org, chosenLanguage(req) ?? 'nl', pageAddress(req));
  return send(reply.header('Cache-Control', 'no-store').header('X-Robots-Tag', 'noindex'), 404, notFoundPage(p));
}

export const portalPages = (services: Services) => async (scope: FastifyInstance) => {
  const org = services.org;
  await scope.register(formbody, { bodyLimit: LARGE_FORM });
  await registerAssets(scope, org);

  /** The page's language: the visitor's choice (`formField`: a multipart form's hidden field), else `fallback`. */
  const languageOf = (req: FastifyRequest, fallback: Language = 'nl', formField?: string) => chosenLanguage(req, formField) ?? fallback;
  const view = (req: FastifyRequest, lang: Language) => portalFor(org, lang, pageAddress(req));
  /** After a form: the next page in the language of the one the form was on, where the case would say otherwise. */
  const onward = (path: string, lang: Language, caseLanguage: Language) => (lang === caseLanguage ? path : withLanguage(path, lang));
  const secureCookie = services.publicUrl.startsWith('https:');
  scope.addHook('preHandler', async (req, reply) => rememberLanguage(req, reply, secureCookie));

  scope.addHook('onSend', async (req, reply, payload) => {
    // Pages hold personal data and secret links: never cached, never indexed (the complaint form may be found).
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('Cache-Control', 'no-store');
      if (!(req.method === 'GET' && reply.statusCode === 200 && isIndexablePath(req.url.split('?')[0]!)))
        reply.header('X-Robots-Tag', 'noindex');
    }
    return payload;
  });
  scope.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const code = err instanceof AppError ? err.code : undefined;
    const p = view(req, languageOf(req));
    if (code === 'rate_limited' || err.statusCode === 429) return send(reply, 429, tooManyPage(p));
    if (code === 'too_large' || err.statusCode === 413) return send(reply, 413, tooLargePage(p));
    // A request no browser form sends (a NUL character in a field: formInput.ts) is a 400, not our fault.
    if (code === 'invalid' || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) return send(reply, 400, errorPage(p));
    req.log.error({ err }, 'portal page failed');
    return send(reply, 500, errorPage(p));
  });

  /** The case the link opens, or null; the request then counts as that citizen's, for the audit log. */
  const caseFor = async (req: FastifyRequest, token: string) => {
    const link = await caseLinkForToken(services.db, token, services.clock.now());
    if (link) req.citizen = link;
    return link?.caseId ?? null;
  };
  const tokenOf = (params: unknown) => String((params as { token?: string }).token ?? '');

  // 1. The form: first what the visitor wants, then the complaint itself.
  scope.get('/klacht', { config: { permission: 'public' } }, async (req, reply) => {
    const q = req.query as { stap?: string; kind?: string };
    const p = view(req, languageOf(req));
    if (q.kind === 'complaint') return send(reply, 200, complaintFormPage(p));
    if (q.kind === 'report' || q.kind === 'request') return send(reply, 200, sendOnPage(p, q.kind));
    return send(reply, q.stap ? 400 : 200, kindQuestionPage(p, q.stap ? p.t.kindMissing : undefined));
  });

  scope.post(
    '/klacht',
    { config: limit(10), bodyLimit: LARGE_FORM, schema: { hide: true, summary: 'Klacht ingediend via het formulier' } },
    async (req, reply) => {
      const textsFor = (fields: Record<string, string>) => portalTexts(org, languageOf(req, 'nl', fields.taal));
      const input = await readForm(req, services, { maxFiles: MAX_FILES, textsFor });
      const { fields, files } = input;
      const p = view(req, languageOf(req, 'nl', fields.taal));
      const fail = async (status: number, body: Html) => (await discardFiles(services, files), send(reply, status, body));
      if (isHoneypotFilled(fields.website)) return fail(400, notProcessedPage(p));
      if (fields.kind === 'report' || fields.kind === 'request') return fail(200, sendOnPage(p, fields.kind));
      const { website: _bot, taal: _page, ...values } = fields;
      const again = (errors: Errors) => {
        if (input.fileError) errors.attachments = input.fileError;
        // A browser cannot fill a file input again; say so rather than lose the files silently.
        const dropped: Values = files.length || input.fileError ? { _filesDropped: '1' } : {};
        return fail(400, complaintFormPage(p, { ...values, ...dropped }, errors));
      };
      // Our messages come in the page's language unless the form said otherwise.
      const checked = validateComplaint({ ...fields, language: fields.language || p.lang }, todayIso(services.clock.now()), p.t);
      if (!checked.ok || input.fileError) return again(checked.ok ? {} : checked.errors);
      const complaint = portalComplaintOf(checked.data);
      let result: Awaited<ReturnType<typeof submitPortalComplaint>>;
      try {
        result = await runCommand(services, SYSTEM_ACTOR, async (ctx) => {
          const submitted = await submitPortalComplaint(ctx, complaint);
          await attachUploadedFiles(ctx, submitted.caseId, files);
          return submitted;
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'rate_limited') {
          // The per-address limit (the command's): said the form's way.
          return fail(429, tooManyPage(p, p.t.tooManyComplaints));
        }
        const errors = fieldErrorsOf(err, p.lang === 'nl' ? undefined : p.t.errContactNeeded);
        if (errors) return again(errors);
        await discardFiles(services, files);
        throw err;
      }
      req.citizen = { caseId: result.caseId, accessId: null };
      const confirmation = `/volgen/${result.trackingUrl.split('/volgen/')[1]}/ontvangen`;
      return reply.redirect(onward(confirmation, p.lang, complaint.language ?? 'nl'), 303);
    },
  );

  // The short link on paper (letter, QR code): unseals the secret link (tracking page or survey) and
  // goes there. Rate limited like a form, so the code (100 bits) cannot be guessed by trying.
  scope.get('/v/:code', { config: limit(60) }, async (req, reply) => {
    const path = await pathForShortCode(services.db, String((req.params as { code?: string }).code ?? ''), services.clock.now());
    if (!path) return send(reply, 404, badLinkPage(view(req, languageOf(req))));
    return reply.header('Referrer-Policy', 'no-referrer').redirect(path, 303);
  });

  // 2. The confirmation: reached through the new secret link, so a reload shows it again.
  scope.get('/volgen/:token/ontvangen', { config: { permission: 'public' } }, async (req, reply) => {
    const token = tokenOf(req.params);
    const id = await caseFor(req, token);
    if (!id) return send(reply, 404, badLinkPage(view(req, languageOf(req))));
    const submitted = await submittedComplaint(services, id);
    return send(
      reply,
      200,
      confirmationPage(view(req, languageOf(req, submitted.language)), {
        ...submitted,
        trackingUrl: `${services.publicUrl}/volgen/${token}`,
        trackingPath: `/volgen/${token}`,
      }),
    );
  });

  // 3. Track-and-trace, with the answer form and the hearing times.
  /** The tracking page; `lang`: the page's language where it is already known (a form's answer), else the visitor's or the case's. */
  const tracking = async (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    token: string,
    caseId: string,
    extra: { flash?: 'antwoord' | 'gesprek'; errors?: Errors; values?: Values; lang?: Language } = {},
  ) => {
    const { lang, ...extras } = extra;
    const found = await portalCaseView(services, caseId);
    const presented = presentTracking(services.processes.forCase(found.case), org, found, services.clock.now());
    const outgoing = await mailToComplainant(services, caseId);
    const p = view(req, lang ?? languageOf(req, found.case.language));
    return send(reply, status, trackingPage(p, presented, { token, outgoing, ...extras }));
  };
  const caseLanguage = async (caseId: string) => (await submittedComplaint(services, caseId)).language;

  scope.get('/volgen/:token', { config: { permission: 'public' } }, async (req, reply) => {
    const token = tokenOf(req.params);
    const id = await caseFor(req, token);
    if (!id) return send(reply, 404, badLinkPage(view(req, languageOf(req))));
    const flash = (req.query as { verstuurd?: string }).verstuurd;
    return tracking(req, reply, 200, token, id, { flash: flash === 'antwoord' || flash === 'gesprek' ? flash : undefined });
  });

  scope.post(
    '/volgen/:token/antwoord',
    { config: limit(20), bodyLimit: LARGE_FORM, schema: { hide: true, summary: 'Antwoord of aanvulling gestuurd' } },
    async (req, reply) => {
      const token = tokenOf(req.params);
      const input = await readForm(req, services, {
        maxFiles: MAX_FILES,
        textsFor: (fields) => portalTexts(org, languageOf(req, 'nl', fields.taal)),
      });
      const id = await caseFor(req, token);
      if (!id)
        return (
          await discardFiles(services, input.files), send(reply, 404, badLinkPage(view(req, languageOf(req, 'nl', input.fields.taal))))
        );
      const caseLang = await caseLanguage(id);
      const lang = languageOf(req, caseLang, input.fields.taal);
      const t = portalTexts(org, lang);
      const parsed = portalSchemas(t).answer.safeParse({ text: input.fields.text ?? '' });
      const errors: Errors = {};
      if (!parsed.success) errors.text = parsed.error.issues[0]!.message;
      if (input.fileError) errors.attachments = input.fileError;
      if (!parsed.success || input.fileError) {
        await discardFiles(services, input.files);
        return tracking(req, reply, 400, token, id, { errors, values: { text: input.fields.text }, lang });
      }
      try {
        await runCommand(services, SYSTEM_ACTOR, async (ctx) => {
          const activityId = await addComplainantMessage(ctx, id, { text: parsed.data.text, channel: 'web' });
          await attachUploadedFiles(ctx, id, input.files, activityId);
        });
      } catch (err) {
        await discardFiles(services, input.files);
        // The command speaks Dutch: its own words on a Dutch page, the page's otherwise.
        if (err instanceof AppError && err.code === 'conflict')
          return tracking(req, reply, 409, token, id, { errors: { _form: lang === 'nl' ? err.detail : t.errClosed }, lang });
        throw err;
      }
      return reply.redirect(onward(`/volgen/${token}?verstuurd=antwoord`, lang, caseLang), 303);
    },
  );

  scope.post(
    '/volgen/:token/gesprek',
    { config: limit(20), bodyLimit: SMALL_FORM, schema: { hide: true, summary: 'Tijdstip voor het gesprek gekozen' } },
    async (req, reply) => {
      const token = tokenOf(req.params);
      const id = await caseFor(req, token);
      if (!id) return send(reply, 404, badLinkPage(view(req, languageOf(req))));
      const caseLang = await caseLanguage(id);
      const lang = languageOf(req, caseLang);
      const t = portalTexts(org, lang);
      const parsed = bookingBody.safeParse({ slotId: (req.body as Record<string, unknown> | undefined)?.slotId });
      if (!parsed.success) return tracking(req, reply, 400, token, id, { errors: { slotId: t.errSlot }, lang });
      try {
        await runCommand(services, SYSTEM_ACTOR, (ctx) => bookHearingSlot(ctx, id, parsed.data.slotId));
      } catch (err) {
        if (err instanceof AppError && (err.code === 'conflict' || err.code === 'not_found' || err.code === 'invalid')) {
          return tracking(req, reply, 409, token, id, {
            errors: { _form: err.code === 'conflict' && lang === 'nl' ? err.detail : t.errSlotGone },
            lang,
          });
        }
        throw err;
      }
      return reply.redirect(onward(`/volgen/${token}?verstuurd=gesprek`, lang, caseLang), 303);
    },
  );

  // 4. The survey after closing.
  scope.get('/enquete/:token', { config: { permission: 'public' } }, async (req, reply) => {
    const token = tokenOf(req.params);
    const { state, language } = await surveyState(services, token);
    const p = view(req, languageOf(req, language ?? 'nl'));
    if (state === 'unknown') return send(reply, 404, badLinkPage(p));
    return send(reply, 200, state === 'answered' ? surveyAlreadyAnsweredPage(p) : surveyPage(p, token));
  });

  scope.post('/enquete/:token', { config: limit(20), bodyLimit: SMALL_FORM }, async (req, reply) => {
    const token = tokenOf(req.params);
    const { state, language } = await surveyState(services, token);
    const p = view(req, languageOf(req, language ?? 'nl'));
    if (state === 'unknown') return send(reply, 404, badLinkPage(p));
    if (state === 'answered') return send(reply, 200, surveyAlreadyAnsweredPage(p));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = portalSchemas(p.t).survey.safeParse({ score: body.score, comment: body.comment });
    if (!parsed.success) {
      const errors: Errors = {};
      for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
      return send(reply, 400, surveyPage(p, token, { comment: typeof body.comment === 'string' ? body.comment : '' }, errors));
    }
    try {
      await runCommand(services, SYSTEM_ACTOR, (ctx) => answerSurvey(ctx, token, parsed.data));
    } catch (err) {
      // Answered a moment ago (another tab): said like a second visit; gone meanwhile: a bad link.
      if (err instanceof AppError && err.code === 'conflict') return send(reply, 200, surveyAlreadyAnsweredPage(p));
      if (err instanceof AppError && err.code === 'not_found') return send(reply, 404, badLinkPage(p));
      throw err;
    }
    return reply.redirect(onward(`/enquete/${token}/bedankt`, p.lang, language ?? 'nl'), 303);
  });

  scope.get('/enquete/:token/bedankt', { config: { permission: 'public' } }, async (req, reply) => {
    const { state, language } = await surveyState(services, tokenOf(req.params));
    const p = view(req, languageOf(req, language ?? 'nl'));
    return state === 'unknown' ? send(reply, 404, badLinkPage(p)) : send(reply, 200, surveyThanksPage(p));
  });
};
