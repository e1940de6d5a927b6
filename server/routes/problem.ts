import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type InvalidParam } from '../domain/errors.ts';
import { plainIssue } from './plainIssues.ts';

/**
 * The one map from application errors to RFC 9457 `application/problem+json` (NL API Design Rules
 * 2.2): status, title, detail, and for 400 every invalid field. Nothing technical leaks out.
 */
const STATUS: Record<ErrorCode, { status: number; title: string }> = {
  invalid: { status: 400, title: 'Ongeldige invoer' },
  unauthenticated: { status: 401, title: 'Niet ingelogd' },
  forbidden: { status: 403, title: 'Geen toegang' },
  not_found: { status: 404, title: 'Niet gevonden' },
  conflict: { status: 409, title: 'Conflict' },
  too_large: { status: 413, title: 'Te groot' },
  unsupported_media: { status: 415, title: 'Bestandstype niet toegestaan' },
  rate_limited: { status: 429, title: 'Te veel verzoeken' },
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  title: string,
  detail: string,
  invalidParams?: InvalidParam[],
  extensions: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      status,
      title,
      detail,
      instance: reply.request.url.split('?')[0],
      ...(invalidParams?.length ? { invalidParams } : {}),
      ...extensions,
    });
}

/**
 * The multipart parser (busboy, under @fastify/multipart) reports a truncated or malformed body as a
 * plain Error without a status, from the parts iterator or from the file stream: a client error.
 */
const MALFORMED_MULTIPART = /unexpected end of multipart data|^Multipart: Boundary not found$|^Boundary required$/i;

export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const s = STATUS[error.code];
    return sendProblem(reply, s.status, s.title, error.detail, error.invalidParams, error.extensions);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    // In the users' words (plainIssues.ts), never the schema's.
    const sent = (request as unknown as Record<string, unknown>)[where === 'querystring' ? 'query' : where];
    const at = (path: string[]) =>
      path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), sent);
    const invalidParams = error.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      const value = at(path);
      return { name: [where, ...path].join('.'), ...plainIssue(v, value === undefined || value === null || value === '') };
    });
    return sendProblem(reply, 400, STATUS.invalid.title, 'Een of meer velden zijn niet geldig.', invalidParams);
  }
  if (error.statusCode === undefined && MALFORMED_MULTIPART.test(error.message)) {
    return sendProblem(reply, 400, 'Ongeldig verzoek', 'Het formulier is niet volledig of niet goed aangekomen.', [
      { name: 'body', code: 'malformedMultipart', reason: 'Het formulier (multipart/form-data) is afgebroken of onleesbaar.' },
    ]);
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large, …
    const known: Record<number, string> = { 413: 'Te groot', 415: 'Mediatype niet ondersteund', 429: 'Te veel verzoeken' };
    const invalidParams =
      status === 400 ? [{ name: 'body', code: error.code ?? 'invalid', reason: 'Het verzoek kon niet worden gelezen.' }] : undefined;
    return sendProblem(reply, status, known[status] ?? 'Ongeldig verzoek', 'Het verzoek kon niet worden verwerkt.', invalidParams);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 500, 'Interne fout', 'Er ging iets mis. Probeer het later opnieuw.');
}
