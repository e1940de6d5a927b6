import type { Organisation } from '../../../config/organisation.ts';
import {
  checkboxField,
  errorSummary,
  fileField,
  radioGroup,
  submitButton,
  textArea,
  textField,
  type Errors,
  type Values,
} from './fields.ts';
import { html } from './html.ts';
import { buttonLink, contactLines, heading1, heading2, link, page, para } from './layout.ts';

/**
 * The complaint form in two steps. Step 1 asks only what the visitor wants to do, because citizens
 * find it hard to tell a complaint from a report ("melding") or a question (anchors-nl-public
 * §c), and someone with a broken street light should not fill in a long form first.
 */
export const KIND_OPTIONS = [
  {
    value: 'complaint',
    label: 'Een klacht indienen',
    description: 'U bent niet tevreden over hoe wij u hebben geholpen. Of over hoe een medewerker met u omging.',
  },
  {
    value: 'report',
    label: 'Iets melden',
    description: 'Er is iets kapot of er is een storing. Bijvoorbeeld een lamp op straat die niet brandt.',
  },
  { value: 'request', label: 'Een vraag stellen of iets aanvragen', description: 'U wilt iets weten. Of u wilt iets van ons krijgen.' },
] as const;

export function kindQuestionPage(org: Organisation, error?: string) {
  const errors: Errors = error ? { kind: error } : {};
  return page({
    org,
    title: 'Een klacht indienen',
    hasErrors: !!error,
    main: html`${errorSummary(errors, ['kind'], () => 'kind-complaint')}
${heading1('Een klacht indienen')}
${para('Bent u niet tevreden over ons? Dan kunt u dat hier laten weten. Dit duurt ongeveer 10 minuten.')}
${org.contact.phone ? para(html`Liever bellen? Dat kan ook. Bel ons op ${org.contact.phone}. Wij helpen u graag.`) : ''}
<form method="get" action="/klacht" novalidate>
  <input type="hidden" name="stap" value="1">
  ${radioGroup({ name: 'kind', label: 'Wat wilt u doen?', errors, values: {}, options: KIND_OPTIONS.map((o) => ({ ...o })) })}
  ${submitButton('Volgende')}
</form>`,
  });
}

/** Reports and questions are sent on: a clear message and where to go instead. */
export function sendOnPage(org: Organisation, kind: 'report' | 'request') {
  const title = kind === 'report' ? 'Een melding doet u ergens anders' : 'Een vraag stelt u ergens anders';
  const url = org.portal.otherRequestsUrl;
  return page({
    org,
    title,
    main: html`${heading1(title)}
${para(kind === 'report' ? 'Wilt u iets melden? Dat kan niet met dit formulier. Dit formulier is alleen voor klachten.' : 'Heeft u een vraag? Of wilt u iets aanvragen? Dat kan niet met dit formulier. Dit formulier is alleen voor klachten.')}
${para('Zo komt uw bericht meteen bij de goede persoon. Dan helpen we u sneller.')}
${url ? html`<p class="utrecht-paragraph">${buttonLink(url, kind === 'report' ? 'Naar het formulier voor meldingen' : 'Naar het formulier voor vragen')}</p>` : ''}
${para(url ? 'Lukt het niet? Neem dan contact met ons op.' : 'Neem contact met ons op. Dan zeggen we waar u terecht kunt.')}
${contactLines(org)}
${heading2('Is het toch een klacht?')}
${para(html`Bent u niet tevreden over hoe wij u hebben geholpen? Dan is het wel een klacht. ${link('/klacht?stap=1&kind=complaint', 'Dien dan hier uw klacht in')}.`)}`,
  });
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'text/plain': 'tekst',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'message/rfc822': 'e-mail',
};
export const typeNames = (types: readonly string[]) => {
  const names = [...new Set(types.map((t) => TYPE_NAMES[t] ?? t.split('/')[1] ?? t))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} of ${names.at(-1)}` : (names[0] ?? '');
};
export const megabytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024 / 1024))} MB`;
export const MAX_FILES = 3;

export function attachmentHelp(org: Organisation) {
  return `Bijvoorbeeld een brief of een foto. U mag ${MAX_FILES} bestanden meesturen. Elk bestand mag ${megabytes(org.documents.maxBytes)} groot zijn. Dit kan: ${typeNames(org.documents.allowedTypes)}.`;
}

/** The order of the questions, so the error summary lists problems in reading order. */
export const FIELD_ORDER = [
  'kind',
  'subject',
  'description',
  'incidentDate',
  'attachments',
  'name',
  'onBehalfOf',
  'behalfName',
  'behalfRelation',
  'contactPreference',
  'email',
  'phone',
  'street',
  'postcode',
  'city',
  'privacyAccepted',
] as const;
const ANCHORS: Record<string, string> = {
  kind: 'kind-complaint',
  onBehalfOf: 'onBehalfOf-false',
  contactPreference: 'contactPreference-email',
};

export function complaintFormPage(org: Organisation, values: Values = {}, errors: Errors = {}) {
  const v = values;
  const hasErrors = Object.keys(errors).length > 0;
  const contact = { errors, values: v };
  return page({
    org,
    title: 'Uw klacht',
    hasErrors,
    main: html`${errorSummary(errors, FIELD_ORDER, (n) => ANCHORS[n] ?? n)}
${heading1('Uw klacht')}
${para('Beantwoord de vragen hieronder. Staat er "niet verplicht" bij een vraag? Dan mag u die vraag overslaan.')}
<form method="post" action="/klacht" enctype="multipart/form-data" novalidate class="kf-form">
  <input type="hidden" name="kind" value="complaint">
  ${heading2('Wat is er gebeurd?')}
  ${textField({ name: 'subject', label: 'Waar gaat uw klacht over?', description: 'Schrijf dit in een paar woorden. Bijvoorbeeld: niemand belt mij terug.', ...contact, maxLength: 200 })}
  ${textArea({ name: 'description', label: 'Wat is er gebeurd?', description: 'Vertel wat er mis ging. Schrijf ook wat u van ons wilt.', ...contact, rows: 8, maxLength: 10000 })}
  ${textField({ name: 'incidentDate', label: 'Op welke dag was dit?', description: 'Bijvoorbeeld: 15-03-2026', optional: true, ...contact, width: 'medium', autocomplete: 'off', maxLength: 10 })}
  ${fileField({ name: 'attachments', label: 'Bestanden meesturen', optional: true, description: v._filesDropped ? `${attachmentHelp(org)} Let op: kies uw bestanden opnieuw.` : attachmentHelp(org), errors, accept: org.documents.allowedTypes })}

  ${heading2('Over u')}
  ${textField({ name: 'name', label: 'Uw naam', ...contact, autocomplete: 'name', maxLength: 200 })}
  ${radioGroup({
    name: 'onBehalfOf',
    label: 'Gaat de klacht over iemand anders?',
    ...contact,
    description: 'Helpt u iemand? Bijvoorbeeld als mantelzorger of familielid? Dan mag u de klacht voor die persoon indienen.',
    options: [
      { value: 'false', label: 'Nee, de klacht gaat over mij' },
      {
        value: 'true',
        label: 'Ja, ik help iemand anders',
        reveal: html`${textField({ name: 'behalfName', label: 'Naam van deze persoon', ...contact, autocomplete: 'off', maxLength: 200 })}
          ${textField({ name: 'behalfRelation', label: 'Wat bent u van deze persoon?', description: 'Bijvoorbeeld: zoon, buurvrouw of mantelzorger.', ...contact, maxLength: 100 })}`,
      },
    ],
  })}

  ${radioGroup({
    name: 'contactPreference',
    label: 'Hoe wilt u dat we contact met u opnemen?',
    ...contact,
    options: [
      {
        value: 'email',
        label: 'Per e-mail',
        reveal: textField({ name: 'email', label: 'Uw e-mailadres', type: 'email', autocomplete: 'email', ...contact, maxLength: 254 }),
      },
      {
        value: 'phone',
        label: 'Per telefoon',
        reveal: textField({
          name: 'phone',
          label: 'Uw telefoonnummer',
          type: 'tel',
          autocomplete: 'tel',
          ...contact,
          width: 'medium',
          maxLength: 20,
        }),
      },
      {
        value: 'letter',
        label: 'Per brief',
        reveal: html`${textField({ name: 'street', label: 'Straat en huisnummer', autocomplete: 'address-line1', ...contact, maxLength: 200 })}
          ${textField({ name: 'postcode', label: 'Postcode', autocomplete: 'postal-code', ...contact, width: 'short', maxLength: 7 })}
          ${textField({ name: 'city', label: 'Plaats', autocomplete: 'address-level2', ...contact, maxLength: 100 })}`,
      },
    ],
  })}

  ${radioGroup({
    name: 'language',
    label: 'In welke taal wilt u onze berichten?',
    description: 'Onze e-mails en brieven over uw klacht.',
    ...contact,
    values: { ...v, language: v.language || 'nl' },
    options: [
      { value: 'nl', label: 'Nederlands' },
      { value: 'en', label: 'English' },
    ],
  })}

  ${heading2('Uw gegevens')}
  ${para(org.portal.privacyStatement)}
  ${checkboxField({ name: 'privacyAccepted', label: 'Ik heb gelezen wat u met mijn gegevens doet', errors, checked: v.privacyAccepted === 'on' })}

  <div class="kf-honeypot" aria-hidden="true">
    <label for="website">Vul dit veld niet in</label>
    <input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">
  </div>
  ${submitButton('Klacht versturen')}
</form>`,
  });
}
