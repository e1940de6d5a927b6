import type { Organisation } from '../../../config/organisation.ts';
import { logoInfo } from '../../brandingRoutes.ts';
import { html, type Child, type Html } from './html.ts';
import { UTRECHT_COMPONENTS } from './components.ts';
import { classesIn, stylesheetFor } from './styles.ts';
import { LANGUAGE_PARAM, LANGUAGES, withLanguage, type Language, type Portal, type PortalTexts } from './texts.ts';

/**
 * The page shell of every citizen page: its own stylesheet with only the NL Design System components
 * it uses (styles.ts; the whole Utrecht bundle is 400 kB), the organisation's theme, a skip link, and a
 * footer with how to reach a person, because people who get stuck online want to call (seed 003).
 * The header offers the other language on every page: a plain link (no JavaScript) to this page in
 * it, named in that language and marked with its `lang`, so a screen reader says it right.
 */
export { UTRECHT_COMPONENTS };

/**
 * The page's own stylesheet (styles.ts: the components its HTML uses, the theme's tokens, fonts and
 * portal.css, minified, named by its hash) and the organisation's design tokens from its
 * configuration (brandingRoutes.ts): last, so they win. Two requests, nothing else render-blocking.
 */
export function stylesheetLinks(org: Organisation, bodyHtml: string): Html {
  const tokens = Object.values(org.theme?.tokens ?? {}).join(' ');
  const sheet = stylesheetFor(classesIn(bodyHtml), tokens);
  return html`<link rel="stylesheet" href="${sheet.href}">
<link rel="stylesheet" href="/theme.css">`;
}

/** Only the complaint form may be found by search engines (robots.txt); every other page holds a case or a secret link. */
export const isIndexablePath = (urlPath: string) => urlPath === '/klacht';
const indexable = (p: Portal) => isIndexablePath(p.here.split('?')[0]!);

export type PageOptions = { title: string; main: Child; hasErrors?: boolean };

/** Each language by its own name: whoever looks for English finds "English". */
const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', en: 'English' };

export function page(p: Portal, { title, main, hasErrors }: PageOptions): Html {
  const { org, t } = p;
  const body = pageBody(p, main);
  return html`<!doctype html>
<html lang="${p.lang}" class="utrecht-root voorbeeld-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${indexable(p) ? '' : html`<meta name="robots" content="noindex">\n`}<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>${hasErrors ? t.errorPrefix : ''}${title} – ${org.name}</title>
${stylesheetLinks(org, body.value)}
</head>
${body}
</html>`;
}

function pageBody(p: Portal, main: Child): Html {
  const { org, t } = p;
  return html`<body class="utrecht-document utrecht-document--surface utrecht-page-body">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">${t.skipLink}</a>
<div class="utrecht-page-layout kf-page">
<header class="utrecht-page-header kf-header">
  <div class="utrecht-page-header__content kf-header__content">
    ${headerLogo(org)}<span class="kf-header__org">${org.name}</span>
    <span class="kf-header__service">${t.service}</span>
    ${languageSwitch(p)}
  </div>
</header>
<main id="inhoud" class="utrecht-page-content kf-main" tabindex="-1">
${main}
</main>
${footer(org, t)}
</div>
</body>`;
}

/** The configured logo before the name; a text alternative that only repeats the name printed next to it is left empty. */
function headerLogo(org: Organisation): Html | string {
  const logo = logoInfo(org);
  return logo ? html`<img class="kf-header__logo" src="${logo.url}" alt="${logo.alt === org.name ? '' : logo.alt}">` : '';
}

function languageSwitch(p: Portal): Html {
  return html`<nav class="kf-language" aria-label="${p.t.languageNav}">${LANGUAGES.filter((l) => l !== p.lang).map(
    (l) =>
      html`<a class="utrecht-link utrecht-link--html-a kf-language__link" href="${withLanguage(p.here, l)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a>`,
  )}</nav>`;
}

/** The page's language in a form, so the answer to it comes in the same language (POST forms: the body; GET: the query). */
export const languageInput = (p: Portal) => html`<input type="hidden" name="${LANGUAGE_PARAM}" value="${p.lang}">`;

function footer(org: Organisation, t: PortalTexts): Html {
  const { phone, email, website } = org.contact;
  return html`<footer class="utrecht-page-footer kf-footer">
  <div class="utrecht-page-footer__content">
    <h2 class="utrecht-heading-2 kf-footer__title">${t.helpTitle}</h2>
    ${contactLines(org, t)}
    ${website ? html`<p class="utrecht-paragraph"><a class="utrecht-link utrecht-link--html-a" href="${website}">${t.websiteOf(org.name)}</a></p>` : ''}
    ${!phone && !email && !website ? html`<p class="utrecht-paragraph">${org.name}</p>` : ''}
  </div>
</footer>`;
}

/** "Bel ons: … Of mail naar: …" — used in the footer, on the 404 page and next to the handler. */
export function contactLines(org: Organisation, t: Pick<PortalTexts, 'callUs' | 'orMailTo' | 'mailTo'>): Html {
  const { phone, email } = org.contact;
  return html`${phone ? html`<p class="utrecht-paragraph">${t.callUs}: <a class="utrecht-link utrecht-link--html-a utrecht-link--telephone" href="tel:${phone.replace(/[^+\d]/g, '')}">${phone}</a></p>` : ''}
    ${email ? html`<p class="utrecht-paragraph">${phone ? t.orMailTo : t.mailTo}: <a class="utrecht-link utrecht-link--html-a" href="mailto:${email}">${email}</a></p>` : ''}`;
}

export const heading1 = (text: Child) => html`<h1 class="utrecht-heading-1">${text}</h1>`;
export const heading2 = (text: Child, id?: string) => html`<h2 class="utrecht-heading-2"${id ? html` id="${id}"` : ''}>${text}</h2>`;
export const para = (text: Child, extra = '') => html`<p class="utrecht-paragraph${extra}">${text}</p>`;
export const link = (href: string, text: Child) => html`<a class="utrecht-link utrecht-link--html-a" href="${href}">${text}</a>`;
export const buttonLink = (href: string, text: Child) =>
  html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${href}">${text}</a>`;

/** An NL DS alert. `role="status"`/`"alert"` only where the message appears after an action. */
export function alert(
  type: 'info' | 'ok' | 'warning' | 'error',
  content: Child,
  opts: { role?: 'status' | 'alert'; id?: string; focus?: boolean } = {},
) {
  return html`<div class="utrecht-alert utrecht-alert--${type} kf-alert"${opts.role ? html` role="${opts.role}"` : ''}${opts.id ? html` id="${opts.id}"` : ''}${opts.focus ? html` tabindex="-1" autofocus` : ''}>
  <div class="utrecht-alert__content"><div class="utrecht-alert__message">${content}</div></div>
</div>`;
}
