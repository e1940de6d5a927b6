import type { Organisation } from '../../../config/organisation.ts';
import { longDate } from './format.ts';
import { html } from './html.ts';
import { alert, buttonLink, heading1, heading2, page, para } from './layout.ts';

/**
 * After sending: the reference, what happens next and by when (seed 003: "directe bevestiging",
 * "managen van verwachtingen"), and the secret link with a warning not to share it.
 */
export type Confirmation = { reference: string; trackingUrl: string; trackingPath: string; expectedBy: string | null; mailedTo: boolean };

export function confirmationPage(org: Organisation, c: Confirmation) {
  return page({
    org,
    title: 'Uw klacht is verstuurd',
    main: html`${heading1('Uw klacht is verstuurd')}
${alert(
  'ok',
  html`<p class="utrecht-paragraph">Dank u wel. We hebben uw klacht goed ontvangen.</p>
  <p class="utrecht-paragraph">Uw nummer is <strong class="kf-reference">${c.reference}</strong>. Schrijf dit nummer op. Noem het als u ons belt.</p>`,
)}
${heading2('Wat gebeurt er nu?')}
<ol class="utrecht-ordered-list kf-next">
  <li class="utrecht-ordered-list__item">Een medewerker leest uw klacht.</li>
  <li class="utrecht-ordered-list__item">Hebben we nog een vraag? Dan nemen we contact met u op.</li>
  <li class="utrecht-ordered-list__item">${c.expectedBy ? html`U krijgt uiterlijk <strong>${longDate(c.expectedBy)}</strong> een antwoord.` : 'U krijgt zo snel mogelijk een antwoord.'}</li>
</ol>
${heading2('Kijk hoe het met uw klacht gaat')}
${para('Met deze link ziet u wat we met uw klacht doen. U ziet ook wie uw klacht behandelt.')}
<p class="utrecht-paragraph kf-secret-link"><a class="utrecht-link utrecht-link--html-a" href="${c.trackingPath}">${c.trackingUrl}</a></p>
${alert('warning', html`<p class="utrecht-paragraph"><strong>Bewaar deze link. Deel hem niet met anderen.</strong> Iedereen met deze link kan uw klacht zien.</p>`)}
${c.mailedTo ? para('We hebben u ook een e-mail gestuurd. Daarin staan uw nummer en deze link.') : para('Zet de link bij uw favorieten. Of schrijf hem op.')}
<p class="utrecht-paragraph">${buttonLink(c.trackingPath, 'Bekijk hoe het met uw klacht gaat')}</p>`,
  });
}
