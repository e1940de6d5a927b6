import type { Organisation } from '../../../config/organisation.ts';
import type { presentTracking } from '../../../presenters/portal/trackingPresenter.ts';
import { attachmentHelp } from './complaintPages.ts';
import { errorSummary, fileField, radioGroup, submitButton, textArea, type Errors, type Values } from './fields.ts';
import { longDate, shortDate, slotWhen } from './format.ts';
import { html, type Html } from './html.ts';
import { alert, contactLines, heading1, heading2, page, para } from './layout.ts';

/**
 * Track-and-trace (seed 003): the step plan as an ordered list with the current step marked for
 * screen readers (aria-current) and in words, not only by colour; the one handler; the open
 * question with an answer form; hearing times to choose; the messages. Built from the tracking
 * presenter, which never carries internal notes.
 */
export type TrackingView = ReturnType<typeof presentTracking>;
export type Outgoing = { subject: string; at: Date };
export type TrackingExtras = { token: string; outgoing: Outgoing[]; flash?: 'antwoord' | 'gesprek'; errors?: Errors; values?: Values };

const STATE_TEXT = {
  done: 'Klaar',
  current: 'Hier zijn we nu',
  upcoming: 'Komt nog',
  skipped: 'Overgeslagen',
  notHeld: 'Niet doorgegaan',
} as const;
const CHANNEL = {
  web: 'via de website',
  email: 'per e-mail',
  phone: 'per telefoon',
  letter: 'per brief',
  counter: 'aan de balie',
} as Record<string, string>;

export function trackingPage(org: Organisation, v: TrackingView, x: TrackingExtras) {
  const errors = x.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  return page({
    org,
    title: `Uw klacht ${v.reference}`,
    hasErrors,
    main: html`${errorSummary(errors, ['slotId', 'text', 'attachments'], (n) => (n === 'slotId' ? `slotId-${firstSlot(v)}` : n))}
${x.flash === 'antwoord' ? alert('ok', para('Dank u wel. We hebben uw bericht ontvangen.'), { role: 'status' }) : ''}
${x.flash === 'gesprek' ? alert('ok', para('Dank u wel. Uw gesprek staat in onze agenda.'), { role: 'status' }) : ''}
${errors._form ? alert('error', para(errors._form), { role: 'alert' }) : ''}
${heading1('Uw klacht')}
<dl class="utrecht-data-list kf-facts">
  <div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">Nummer</dt><dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${v.reference}</dd></div>
  ${v.onBehalfOf ? html`<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">Ingediend</dt><dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">namens ${v.onBehalfOf}</dd></div>` : ''}
  <div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">Onderwerp</dt><dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${v.subject}</dd></div>
  <div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">Ontvangen op</dt><dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${shortDate(v.receivedAt)}</dd></div>
</dl>
${heading2('Hoe staat het ervoor?')}
<p class="utrecht-paragraph kf-status"><strong>${v.status.label.nl}.</strong></p>
${v.expectedBy ? para(html`U krijgt uiterlijk <strong>${longDate(v.expectedBy)}</strong> een antwoord.`) : ''}
${steps(v)}
${informationRequest(org, v, x)}
${hearing(org, v, x)}
${handler(v)}
${directPhone(org, v)}
${para(`Heeft u een vraag? Neem dan contact met ons op. Noem uw nummer: ${v.reference}.`)}
${contactLines(org)}
${messages(v, x.outgoing)}
${!v.status.closed && !v.informationRequest ? addSomething(org, x) : ''}`,
  });
}

/** Who handles the complaint; on a closed case in the past tense ("heeft … behandeld"). */
function handler(v: TrackingView): Html {
  const name = v.handler.name;
  if (v.status.closed)
    return name
      ? html`${heading2('Wie heeft uw klacht behandeld?')}${para(html`${named(v)} heeft uw klacht behandeld.`)}`
      : heading2('Contact');
  return html`${heading2('Wie helpt u?')}${para(name ? html`${named(v)} behandelt uw klacht.` : 'We kiezen snel een medewerker voor uw klacht. Dan ziet u hier zijn of haar naam.')}`;
}

/** The handler's name with their job title (seed 003: "Onduidelijk wie belt en welke functie hij heeft"). */
const named = (v: TrackingView): Html =>
  html`<strong>${v.handler.name ?? ''}</strong>${v.handler.jobTitle ? ` (${v.handler.jobTitle})` : ''}`;

/** The handler's own number, so the complainant can call back the person they spoke to. */
function directPhone(org: Organisation, v: TrackingView): Html | '' {
  const phone = v.handler.phone;
  if (!v.handler.name || !phone || phone === org.contact.phone) return '';
  return para(
    html`Wilt u uw behandelaar spreken? Bel dan <a class="utrecht-link utrecht-link--html-a utrecht-link--telephone" href="tel:${phone.replace(/[^+\d]/g, '')}">${phone}</a>.`,
  );
}

const firstSlot = (v: TrackingView) => v.hearing?.slots.find((s) => !s.booked)?.id ?? '';

function steps(v: TrackingView): Html {
  return html`<ol class="kf-steps" aria-label="Stappen van uw klacht">
  ${v.steps.map(
    (s) => html`<li class="kf-step kf-step--${s.state}"${s.state === 'current' ? html` aria-current="step"` : ''}>
    <span class="kf-step__marker" aria-hidden="true"></span>
    <span class="kf-step__body"><span class="kf-step__label">${s.label.nl}</span>
    <span class="kf-step__state">${STATE_TEXT[s.state as keyof typeof STATE_TEXT]}${s.reachedAt ? ` · ${s.state === 'current' ? 'sinds ' : ''}${shortDate(s.reachedAt)}` : ''}</span></span>
  </li>`,
  )}
</ol>`;
}

function informationRequest(org: Organisation, v: TrackingView, x: TrackingExtras): Html | '' {
  if (!v.informationRequest) return '';
  return html`<section class="kf-section kf-section--action" aria-labelledby="vraag-titel">
  ${heading2('We hebben een vraag voor u', 'vraag-titel')}
  ${para(`Dit hebben we van u nodig. We vroegen het op ${shortDate(v.informationRequest.requestedAt)}:`)}
  <blockquote class="kf-question"><p class="utrecht-paragraph">${v.informationRequest.question}</p></blockquote>
  ${answerForm(org, x, 'Uw antwoord', 'Antwoord versturen')}
</section>`;
}

function addSomething(org: Organisation, x: TrackingExtras): Html {
  return html`<section class="kf-section" aria-labelledby="toevoegen-titel">
  ${heading2('Wilt u ons nog iets laten weten?', 'toevoegen-titel')}
  ${para('Schrijf het hier. Uw bericht komt bij de medewerker die uw klacht behandelt.')}
  ${answerForm(org, x, 'Uw bericht', 'Bericht versturen')}
</section>`;
}

function answerForm(org: Organisation, x: TrackingExtras, label: string, button: string): Html {
  const errors = x.errors ?? {};
  return html`<form method="post" action="/volgen/${x.token}/antwoord" enctype="multipart/form-data" novalidate>
    ${textArea({ name: 'text', label, errors, values: x.values ?? {}, rows: 6, maxLength: 10000 })}
    ${fileField({ name: 'attachments', label: 'Bestanden meesturen', optional: true, description: attachmentHelp(org), errors, accept: org.documents.allowedTypes })}
    ${submitButton(button)}
  </form>`;
}

function hearing(org: Organisation, v: TrackingView, x: TrackingExtras): Html | '' {
  const h = v.hearing;
  if (!h) return '';
  const booked = h.slots.find((s) => s.booked);
  if (booked) {
    return html`<section class="kf-section" aria-labelledby="gesprek-titel">
  ${heading2('Uw gesprek', 'gesprek-titel')}
  ${para(html`Uw gesprek is op <strong>${slotWhen(booked.startsAt, booked.endsAt)}</strong>.`)}
  ${para(`Plaats: ${booked.location}.`)}
  ${para('U mag iemand meenemen. Bijvoorbeeld een familielid of een adviseur.')}
</section>`;
  }
  if (h.bookingEnded) {
    // The chance to choose a time has gone (the wait ran out): no times, and plainly what happens now.
    if (v.status.closed) return '';
    return html`<section class="kf-section" aria-labelledby="gesprek-titel">
  ${heading2('Uw gesprek', 'gesprek-titel')}
  ${para('U heeft geen tijd gekozen voor een gesprek. Kiezen kan nu niet meer: de tijd daarvoor is voorbij.')}
  ${para('We behandelen uw klacht verder zonder gesprek. U krijgt ons antwoord op uw klacht.')}
  ${org.contact.phone ? para(`Wilt u toch graag een gesprek? Bel ons dan op ${org.contact.phone}.`) : para('Wilt u toch graag een gesprek? Neem dan contact met ons op.')}
</section>`;
  }
  if (!h.bookable) return '';
  const open = h.slots.filter((s) => !s.booked);
  const errors = x.errors ?? {};
  return html`<section class="kf-section kf-section--action" aria-labelledby="gesprek-titel">
  ${heading2('Kies een tijd voor uw gesprek', 'gesprek-titel')}
  ${para('We willen graag met u praten over uw klacht. Dan kunt u uw verhaal vertellen. U mag iemand meenemen.')}
  ${org.contact.phone ? para(`Past geen van deze tijden? Of wilt u geen gesprek? Bel ons dan op ${org.contact.phone}.`) : ''}
  ${
    open.length
      ? html`<form method="post" action="/volgen/${x.token}/gesprek" novalidate>
    ${radioGroup({ name: 'slotId', label: 'Welke tijd past u?', errors, values: x.values ?? {}, options: open.map((s) => ({ value: s.id, label: slotWhen(s.startsAt, s.endsAt), description: `Plaats: ${s.location}` })) })}
    ${submitButton('Deze tijd kiezen')}
  </form>`
      : para('De tijden die we u gaven zijn voorbij. Neem contact met ons op. Dan maken we samen een nieuwe afspraak.')
  }
</section>`;
}

function messages(v: TrackingView, outgoing: Outgoing[]): Html | '' {
  const items = [
    ...v.messages.map((m, i) => ({
      at: new Date(m.at),
      text: i === 0 && m.channel === 'web' ? 'Van u: uw klacht via de website' : `Van u: een bericht ${CHANNEL[m.channel] ?? ''}`.trim(),
    })),
    ...outgoing.map((m) => ({ at: m.at, text: `Van ons: ${m.subject}` })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (!items.length) return '';
  return html`${heading2('Berichten')}
<ul class="utrecht-unordered-list kf-messages">
  ${items.map((m) => html`<li class="utrecht-unordered-list__item"><span class="kf-messages__date">${shortDate(m.at)}</span> ${m.text}</li>`)}
</ul>`;
}
