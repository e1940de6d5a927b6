import type { Organisation } from '../../../config/organisation.ts';
import { html } from './html.ts';
import { contactLines, heading1, link, page, para } from './layout.ts';

/**
 * Pages for when something is not possible. Each says what happened in plain words and how to
 * reach a person. The bad-link page is the same for every unknown, expired or revoked link, so a
 * page never tells whether a link once existed.
 */
export function badLinkPage(org: Organisation) {
  return page({
    org,
    title: 'Deze link werkt niet',
    main: html`${heading1('Deze link werkt niet')}
${para('Misschien is de link niet goed overgenomen. Of de link is te oud. Dat is niet erg. Wij helpen u graag verder.')}
${para('Neem contact met ons op. Noem dan het nummer van uw klacht. Dat staat in onze e-mail of brief.')}
${contactLines(org)}
${para(html`Wilt u een nieuwe klacht indienen? ${link('/klacht', 'Dien een nieuwe klacht in')}.`)}`,
  });
}

export function tooManyPage(org: Organisation, detail?: string) {
  return page({
    org,
    title: 'Probeer het later opnieuw',
    main: html`${heading1('Probeer het later opnieuw')}
${para(detail ?? 'U heeft in korte tijd veel formulieren verstuurd. Daarom kunt u nu even niets versturen. Probeer het over een uur opnieuw.')}
${para('Is het dringend? Neem dan contact met ons op.')}
${contactLines(org)}`,
  });
}

/** The honeypot answer: people never fill that field, so this page is for robots; it still helps a person. */
export function notProcessedPage(org: Organisation) {
  return page({
    org,
    title: 'Het formulier is niet verstuurd',
    main: html`${heading1('Het formulier is niet verstuurd')}
${para('Er ging iets mis met het formulier. Uw klacht is niet bij ons aangekomen.')}
${para('Neem contact met ons op. Dan helpen we u verder.')}
${contactLines(org)}`,
  });
}

export function tooLargePage(org: Organisation) {
  return page({
    org,
    title: 'Uw bericht is te groot',
    main: html`${heading1('Uw bericht is te groot')}
${para('Wat u stuurde is te groot. Daarom is het niet aangekomen. Stuur minder bestanden mee. Of maak uw tekst korter.')}
${para(html`${link('/klacht', 'Terug naar het formulier')}`)}
${contactLines(org)}`,
  });
}

export function errorPage(org: Organisation) {
  return page({
    org,
    title: 'Er ging iets mis',
    main: html`${heading1('Er ging iets mis')}
${para('Dat is onze fout. Probeer het later opnieuw.')}
${para('Lukt het dan nog niet? Neem dan contact met ons op.')}
${contactLines(org)}`,
  });
}
