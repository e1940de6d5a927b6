import type { presentTracking } from '../../../presenters/portal/trackingPresenter.ts';
import { attachmentHelp } from './complaintPages.ts';
import { errorSummary, fileField, radioGroup, submitButton, textArea, type Errors, type Values } from './fields.ts';
import { clockTime, longDate, shortDate } from './format.ts';
import { html, type Html } from './html.ts';
import { alert, contactLines, heading1, heading2, languageInput, page, para } from './layout.ts';
import type { Portal, PortalTexts } from './texts.ts';

/**
 * Track-and-trace (seed 003): the step plan as an ordered list with the current step marked for
 * screen readers (aria-current) and in words, not only by colour; the one handler; the open
 * question with an answer form; hearing times to choose; the messages. Built from the tracking
 * presenter, which never carries internal notes. Status and step names are the process
 * definition's, in the page's language.
 */
export type TrackingView = ReturnType<typeof presentTracking>;
/** What we sent; a letter on paper has no subject (`null`). */
export type Outgoing = { subject: string | null; at: Date };
export type TrackingExtras = { token: string; outgoing: Outgoing[]; flash?: 'antwoord' | 'gesprek'; errors?: Errors; values?: Values };

const stateText = (t: PortalTexts) => ({
  done: t.stateDone,
  current: t.stateCurrent,
  upcoming: t.stateUpcoming,
  skipped: t.stateSkipped,
  notHeld: t.stateNotHeld,
});

export function trackingPage(p: Portal, v: TrackingView, x: TrackingExtras) {
  const { org, t, lang } = p;
  const errors = x.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const fact = (key: string, value: string) =>
    html`<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">${key}</dt><dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${value}</dd></div>`;
  return page(p, {
    title: t.trackingTitle(v.reference),
    hasErrors,
    main: html`${errorSummary(t, errors, ['slotId', 'text', 'attachments'], (n) => (n === 'slotId' ? `slotId-${firstSlot(v)}` : n))}
${x.flash === 'antwoord' ? alert('ok', para(t.messageReceived), { role: 'status' }) : ''}
${x.flash === 'gesprek' ? alert('ok', para(t.hearingBooked), { role: 'status' }) : ''}
${errors._form ? alert('error', para(errors._form), { role: 'alert' }) : ''}
${heading1(t.trackingHeading)}
<dl class="utrecht-data-list kf-facts">
  ${fact(t.factNumber, v.reference)}
  ${v.onBehalfOf ? fact(t.factFiled, t.onBehalfOf(v.onBehalfOf)) : ''}
  ${fact(t.factSubject, v.subject)}
  ${fact(t.factReceived, shortDate(v.receivedAt, lang))}
</dl>
${heading2(t.howItStandsTitle)}
<p class="utrecht-paragraph kf-status"><strong>${v.status.label[lang]}.</strong></p>
${v.expectedBy ? para(t.answerBy(longDate(v.expectedBy, lang))) : ''}
${steps(p, v)}
${informationRequest(p, v, x)}
${hearing(p, v, x)}
${handler(t, v)}
${directPhone(p, v)}
${para(t.questionMentionNumber(v.reference))}
${contactLines(org, t)}
${messages(p, v, x.outgoing)}
${!v.status.closed && !v.informationRequest ? addSomething(p, x) : ''}`,
  });
}

/** Who handles the complaint; on a closed case in the past tense ("heeft … behandeld"). */
function handler(t: PortalTexts, v: TrackingView): Html {
  const name = v.handler.name;
  if (v.status.closed) return name ? html`${heading2(t.handledByTitle)}${para(t.handledBy(named(v)))}` : heading2(t.contactTitle);
  return html`${heading2(t.whoHelpsTitle)}${para(name ? t.handles(named(v)) : t.noHandlerYet)}`;
}

/** The handler's name with their job title (seed 003: "Onduidelijk wie belt en welke functie hij heeft"). */
const named = (v: TrackingView): Html =>
  html`<strong>${v.handler.name ?? ''}</strong>${v.handler.jobTitle ? ` (${v.handler.jobTitle})` : ''}`;

/** The handler's own number, so the complainant can call back the person they spoke to. */
function directPhone(p: Portal, v: TrackingView): Html | '' {
  const phone = v.handler.phone;
  if (!v.handler.name || !phone || phone === p.org.contact.phone) return '';
  return para(
    p.t.handlerPhone(
      html`<a class="utrecht-link utrecht-link--html-a utrecht-link--telephone" href="tel:${phone.replace(/[^+\d]/g, '')}">${phone}</a>`,
    ),
  );
}

const firstSlot = (v: TrackingView) => v.hearing?.slots.find((s) => !s.booked)?.id ?? '';

function steps(p: Portal, v: TrackingView): Html {
  const { t, lang } = p;
  const states = stateText(t);
  return html`<ol class="kf-steps" aria-label="${t.stepsLabel}">
  ${v.steps.map(
    (s) => html`<li class="kf-step kf-step--${s.state}"${s.state === 'current' ? html` aria-current="step"` : ''}>
    <span class="kf-step__marker" aria-hidden="true"></span>
    <span class="kf-step__body"><span class="kf-step__label">${s.label[lang]}</span>
    <span class="kf-step__state">${states[s.state]}${s.reachedAt ? ` · ${s.state === 'current' ? t.since(shortDate(s.reachedAt, lang)) : shortDate(s.reachedAt, lang)}` : ''}</span></span>
  </li>`,
  )}
</ol>`;
}

function informationRequest(p: Portal, v: TrackingView, x: TrackingExtras): Html | '' {
  if (!v.informationRequest) return '';
  const { t } = p;
  return html`<section class="kf-section kf-section--action" aria-labelledby="vraag-titel">
  ${heading2(t.questionTitle, 'vraag-titel')}
  ${para(t.questionAsked(shortDate(v.informationRequest.requestedAt, p.lang)))}
  <blockquote class="kf-question"><p class="utrecht-paragraph">${v.informationRequest.question}</p></blockquote>
  ${answerForm(p, x, t.answerLabel, t.answerButton)}
</section>`;
}

function addSomething(p: Portal, x: TrackingExtras): Html {
  const { t } = p;
  return html`<section class="kf-section" aria-labelledby="toevoegen-titel">
  ${heading2(t.addTitle, 'toevoegen-titel')}
  ${para(t.addText)}
  ${answerForm(p, x, t.messageLabel, t.messageButton)}
</section>`;
}

function answerForm(p: Portal, x: TrackingExtras, label: string, button: string): Html {
  const { org, t } = p;
  const errors = x.errors ?? {};
  return html`<form method="post" action="/volgen/${x.token}/antwoord" enctype="multipart/form-data" novalidate>
    ${languageInput(p)}
    ${textArea({ name: 'text', label, errors, values: x.values ?? {}, rows: 6, maxLength: 10000, t })}
    ${fileField({ name: 'attachments', label: t.filesLabel, optional: true, description: attachmentHelp(p), errors, accept: org.documents.allowedTypes, t })}
    ${submitButton(button)}
  </form>`;
}

/** "dinsdag 14 april 2026 van 10:00 tot 11:00 uur" */
const slotWhen = (p: Portal, start: string, end: string) =>
  p.t.slotWhen(longDate(start, p.lang), clockTime(start, p.lang), clockTime(end, p.lang));

function hearing(p: Portal, v: TrackingView, x: TrackingExtras): Html | '' {
  const { org, t } = p;
  const h = v.hearing;
  if (!h) return '';
  const booked = h.slots.find((s) => s.booked);
  if (booked) {
    return html`<section class="kf-section" aria-labelledby="gesprek-titel">
  ${heading2(t.hearingTitle, 'gesprek-titel')}
  ${para(t.hearingAt(slotWhen(p, booked.startsAt, booked.endsAt)))}
  ${para(t.hearingPlace(booked.location))}
  ${para(t.bringSomeone)}
</section>`;
  }
  if (h.bookingEnded) {
    // The chance to choose a time has gone (the wait ran out): no times, and plainly what happens now.
    if (v.status.closed) return '';
    return html`<section class="kf-section" aria-labelledby="gesprek-titel">
  ${heading2(t.hearingTitle, 'gesprek-titel')}
  ${para(t.noTimeChosen)}
  ${para(t.goingOnWithout)}
  ${org.contact.phone ? para(t.stillWantHearingCall(org.contact.phone)) : para(t.stillWantHearing)}
</section>`;
  }
  if (!h.bookable) return '';
  const open = h.slots.filter((s) => !s.booked);
  const errors = x.errors ?? {};
  return html`<section class="kf-section kf-section--action" aria-labelledby="gesprek-titel">
  ${heading2(t.chooseTimeTitle, 'gesprek-titel')}
  ${para(t.chooseTimeText)}
  ${org.contact.phone ? para(t.noTimeFits(org.contact.phone)) : ''}
  ${
    open.length
      ? html`<form method="post" action="/volgen/${x.token}/gesprek" novalidate>
    ${languageInput(p)}
    ${radioGroup({ name: 'slotId', label: t.whichTime, errors, values: x.values ?? {}, t, options: open.map((s) => ({ value: s.id, label: slotWhen(p, s.startsAt, s.endsAt), description: t.slotPlace(s.location) })) })}
    ${submitButton(t.chooseTimeButton)}
  </form>`
      : para(t.timesPassed)
  }
</section>`;
}

function messages(p: Portal, v: TrackingView, outgoing: Outgoing[]): Html | '' {
  const { t } = p;
  const items = [
    ...v.messages.map((m, i) => ({
      at: new Date(m.at),
      text: i === 0 && m.channel === 'web' ? t.fromYouComplaint : t.fromYouMessage(t.channels[m.channel] ?? ''),
    })),
    ...outgoing.map((m) => ({ at: m.at, text: t.fromUs(m.subject ?? t.letterByPost) })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (!items.length) return '';
  return html`${heading2(t.messagesTitle)}
<ul class="utrecht-unordered-list kf-messages">
  ${items.map((m) => html`<li class="utrecht-unordered-list__item"><span class="kf-messages__date">${shortDate(m.at, p.lang)}</span> ${m.text}</li>`)}
</ul>`;
}
