import type { Organisation } from '../../config/organisation.ts';
import { html } from '../portal/pages/html.ts';
import { stylesheetLinks } from '../portal/pages/layout.ts';

/**
 * What a staff member sees when the provider vouched for them but Klachtflow lets them not in: no
 * account, no role from their groups, or a deactivated account. One text for all three, so the page
 * tells nobody which it was; it says what to do. Plain HTML in the portal's NL Design System styles
 * (the staff app is not loaded: the browser came straight back from the provider): its own sheet and the theme.
 */
export const LOGIN_REFUSED_TITLE = 'U heeft geen toegang tot Klachtflow';

export function loginRefusedPage(org: Organisation): string {
  const body = html`<body class="utrecht-document utrecht-document--surface">
<div class="utrecht-page-layout kf-page">
<main id="inhoud" class="utrecht-page-content kf-main">
<h1 class="utrecht-heading-1">${LOGIN_REFUSED_TITLE}</h1>
<p class="utrecht-paragraph">U bent ingelogd bij ${org.name}, maar u mag Klachtflow (nog) niet gebruiken.</p>
<p class="utrecht-paragraph"><strong>Wat kunt u doen?</strong> Vraag de beheerder van Klachtflow om u toegang te geven.
Vertel met welk e-mailadres u inlogt. Als u toegang heeft gekregen, kunt u opnieuw inloggen.</p>
<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/">Opnieuw inloggen</a></p>
</main>
</div>
</body>`;
  return html`<!doctype html>
<html lang="nl" class="utrecht-root voorbeeld-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${LOGIN_REFUSED_TITLE} – ${org.name}</title>
${stylesheetLinks(org, body.value)}
</head>
${body}
</html>`.value;
}
