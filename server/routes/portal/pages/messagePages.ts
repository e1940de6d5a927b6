import { html } from './html.ts';
import { contactLines, heading1, link, page, para } from './layout.ts';
import { hrefIn, type Portal } from './texts.ts';

/**
 * Pages for when something is not possible. Each says what happened in plain words and how to
 * reach a person. The bad-link page is the same for every unknown, expired or revoked link, so a
 * page never tells whether a link once existed.
 */
export function badLinkPage(p: Portal) {
  const { org, t } = p;
  return page(p, {
    title: t.badLinkTitle,
    main: html`${heading1(t.badLinkTitle)}
${para(t.badLinkWhy)}
${para(t.badLinkContact)}
${contactLines(org, t)}
${para(t.newComplaint(link(hrefIn(p, '/klacht'), t.newComplaintLink)))}`,
  });
}

/** Any unknown address outside the API and the staff app (app.ts's not-found handler): where to go instead. */
export function notFoundPage(p: Portal) {
  const { org, t } = p;
  const website = org.contact.website;
  return page(p, {
    title: t.notFoundTitle,
    main: html`${heading1(t.notFoundTitle)}
${para(t.notFoundText)}
<ul class="utrecht-unordered-list">
<li class="utrecht-unordered-list__item">${link(hrefIn(p, '/klacht'), t.notFoundComplaint)}</li>
${website ? html`<li class="utrecht-unordered-list__item">${link(website, t.notFoundHome(org.name))}</li>` : ''}
</ul>
${contactLines(org, t)}`,
  });
}

export function tooManyPage(p: Portal, detail?: string) {
  const { org, t } = p;
  return page(p, {
    title: t.tooManyTitle,
    main: html`${heading1(t.tooManyTitle)}
${para(detail ?? t.tooManyText)}
${para(t.urgent)}
${contactLines(org, t)}`,
  });
}

/** The honeypot answer: people never fill that field, so this page is for robots; it still helps a person. */
export function notProcessedPage(p: Portal) {
  const { org, t } = p;
  return page(p, {
    title: t.notSentTitle,
    main: html`${heading1(t.notSentTitle)}
${para(t.notSentText)}
${para(t.notSentHelp)}
${contactLines(org, t)}`,
  });
}

export function tooLargePage(p: Portal) {
  const { org, t } = p;
  return page(p, {
    title: t.tooLargeTitle,
    main: html`${heading1(t.tooLargeTitle)}
${para(t.tooLargeText)}
${para(link(hrefIn(p, '/klacht'), t.backToForm))}
${contactLines(org, t)}`,
  });
}

export function errorPage(p: Portal) {
  const { org, t } = p;
  return page(p, {
    title: t.errorTitle,
    main: html`${heading1(t.errorTitle)}
${para(t.errorOurFault)}
${para(t.errorStill)}
${contactLines(org, t)}`,
  });
}
