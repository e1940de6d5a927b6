import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLanguage, LANGUAGE_PARAM, type Language } from './texts.ts';

/**
 * The visitor's language on the portal, without JavaScript. The switch in the header is a link with
 * `?taal=`; that choice is kept in a cookie for the next pages (a preference, nothing personal), and
 * each form carries the page's language in a hidden field, so its answer comes in the same language.
 * Without a choice, a page about a case speaks the case's language (`cases.language`), others Dutch.
 */
export const LANGUAGE_COOKIE = 'kf_taal';
const A_YEAR = 365 * 24 * 60 * 60;

/** The language the visitor chose: just now (the switch, a form's hidden field) or earlier (the cookie). */
export function chosenLanguage(req: FastifyRequest, formField?: string): Language | undefined {
  const query = (req.query as Record<string, unknown> | undefined)?.[LANGUAGE_PARAM];
  if (isLanguage(query)) return query;
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)[LANGUAGE_PARAM] : undefined;
  const field = formField ?? body;
  if (isLanguage(field)) return field;
  const cookie = req.cookies?.[LANGUAGE_COOKIE];
  return isLanguage(cookie) ? cookie : undefined;
}

/** A switch (`?taal=` on a page) is remembered, so the next pages keep the language. */
export function rememberLanguage(req: FastifyRequest, reply: FastifyReply, secure: boolean) {
  const query = (req.query as Record<string, unknown> | undefined)?.[LANGUAGE_PARAM];
  if (req.method !== 'GET' || !isLanguage(query) || req.cookies?.[LANGUAGE_COOKIE] === query) return;
  reply.setCookie(LANGUAGE_COOKIE, query, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: A_YEAR });
}

/**
 * Where this page can be fetched again (the switch links there in the other language): a GET's own
 * address without the choice or a one-time notice; after a form was sent, the page that form is on.
 */
export function pageAddress(req: FastifyRequest): string {
  const url = new URL(req.url, 'http://portal.invalid');
  url.searchParams.delete(LANGUAGE_PARAM);
  url.searchParams.delete('verstuurd');
  if (req.method === 'GET') return `${url.pathname}${url.search}`;
  if (url.pathname === '/klacht') return '/klacht?stap=1&kind=complaint';
  return url.pathname.replace(/\/(antwoord|gesprek)$/, '');
}
