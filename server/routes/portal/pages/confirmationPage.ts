import { longDate } from './format.ts';
import { html } from './html.ts';
import { alert, buttonLink, heading1, heading2, page, para } from './layout.ts';
import { hrefIn, type Portal } from './texts.ts';

/**
 * After sending: the reference, what happens next and by when (seed 003: "directe bevestiging",
 * "managen van verwachtingen"), and the secret link with a warning not to share it.
 */
export type Confirmation = { reference: string; trackingUrl: string; trackingPath: string; expectedBy: string | null; mailedTo: boolean };

export function confirmationPage(p: Portal, c: Confirmation) {
  const { t } = p;
  const tracking = hrefIn(p, c.trackingPath);
  return page(p, {
    title: t.sentTitle,
    main: html`${heading1(t.sentTitle)}
${alert(
  'ok',
  html`<p class="utrecht-paragraph">${t.sentThanks}</p>
  <p class="utrecht-paragraph">${t.yourNumber(c.reference)}</p>`,
)}
${heading2(t.whatNowTitle)}
<ol class="utrecht-ordered-list kf-next">
  <li class="utrecht-ordered-list__item">${t.whatNowRead}</li>
  <li class="utrecht-ordered-list__item">${t.whatNowQuestion}</li>
  <li class="utrecht-ordered-list__item">${c.expectedBy ? t.answerBy(longDate(c.expectedBy, p.lang)) : t.answerSoon}</li>
</ol>
${heading2(t.followTitle)}
${para(t.followText)}
<p class="utrecht-paragraph kf-secret-link"><a class="utrecht-link utrecht-link--html-a" href="${tracking}">${c.trackingUrl}</a></p>
${alert('warning', html`<p class="utrecht-paragraph"><strong>${t.keepLink}</strong> ${t.keepLinkWhy}</p>`)}
${c.mailedTo ? para(t.linkMailed) : para(t.linkBookmark)}
<p class="utrecht-paragraph">${buttonLink(tracking, t.followButton)}</p>`,
  });
}
