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
import { buttonLink, contactLines, heading1, heading2, languageInput, link, page, para } from './layout.ts';
import { hrefIn, type Portal, type PortalTexts } from './texts.ts';

/**
 * The complaint form in two steps. Step 1 asks only what the visitor wants to do, because citizens
 * find it hard to tell a complaint from a report ("melding") or a question (anchors-nl-public
 * §c), and someone with a broken street light should not fill in a long form first.
 */
const kindOptions = (t: PortalTexts) => [
  { value: 'complaint', label: t.kindComplaint, description: t.kindComplaintHint },
  { value: 'report', label: t.kindReport, description: t.kindReportHint },
  { value: 'request', label: t.kindRequest, description: t.kindRequestHint },
];

export function kindQuestionPage(p: Portal, error?: string) {
  const { org, t } = p;
  const errors: Errors = error ? { kind: error } : {};
  return page(p, {
    title: t.kindTitle,
    hasErrors: !!error,
    main: html`${errorSummary(t, errors, ['kind'], () => 'kind-complaint')}
${heading1(t.kindTitle)}
${para(t.intro)}
${org.contact.phone ? para(t.preferCalling(org.contact.phone)) : ''}
<form method="get" action="/klacht" novalidate>
  <input type="hidden" name="stap" value="1">
  ${p.lang === 'nl' ? '' : languageInput(p)}
  ${radioGroup({ name: 'kind', label: t.kindQuestion, errors, values: {}, options: kindOptions(t), t })}
  ${submitButton(t.next)}
</form>`,
  });
}

/** Reports and questions are sent on: a clear message and where to go instead. */
export function sendOnPage(p: Portal, kind: 'report' | 'request') {
  const { org, t } = p;
  const title = kind === 'report' ? t.reportElsewhereTitle : t.requestElsewhereTitle;
  const url = org.portal.otherRequestsUrl;
  return page(p, {
    title,
    main: html`${heading1(title)}
${para(kind === 'report' ? t.reportElsewhere : t.requestElsewhere)}
${para(t.elsewhereWhy)}
${url ? html`<p class="utrecht-paragraph">${buttonLink(url, kind === 'report' ? t.reportFormLink : t.requestFormLink)}</p>` : ''}
${para(url ? t.elsewhereNoLuck : t.elsewhereAskUs)}
${contactLines(org, t)}
${heading2(t.stillComplaintTitle)}
${para(t.stillComplaint(link(hrefIn(p, '/klacht?stap=1&kind=complaint'), t.stillComplaintLink)))}`,
  });
}

const TYPE_NAMES: Record<string, string | ((t: PortalTexts) => string)> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'text/plain': (t) => t.typeText,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'message/rfc822': (t) => t.typeEmail,
};
export const typeNames = (types: readonly string[], t: PortalTexts) => {
  const name = (type: string) => {
    const known = TYPE_NAMES[type];
    return typeof known === 'function' ? known(t) : (known ?? type.split('/')[1] ?? type);
  };
  const names = [...new Set(types.map(name))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t.or} ${names.at(-1)}` : (names[0] ?? '');
};
export const megabytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024 / 1024))} MB`;
export const MAX_FILES = 3;

export function attachmentHelp(p: Portal) {
  return p.t.attachmentHelp(MAX_FILES, megabytes(p.org.documents.maxBytes), typeNames(p.org.documents.allowedTypes, p.t));
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

/**
 * The form itself. Which language our messages come in (`language`, stored on the case) follows the
 * page's language until the visitor picks another.
 */
export function complaintFormPage(p: Portal, values: Values = {}, errors: Errors = {}) {
  const { org, t } = p;
  const v = values;
  const hasErrors = Object.keys(errors).length > 0;
  const contact = { errors, values: v, t };
  return page(p, {
    title: t.formTitle,
    hasErrors,
    main: html`${errorSummary(t, errors, FIELD_ORDER, (n) => ANCHORS[n] ?? n)}
${heading1(t.formTitle)}
${para(t.formIntro)}
<form method="post" action="/klacht" enctype="multipart/form-data" novalidate class="kf-form">
  <input type="hidden" name="kind" value="complaint">
  ${languageInput(p)}
  ${heading2(t.whatHappenedTitle)}
  ${textField({ name: 'subject', label: t.subjectLabel, description: t.subjectHint, ...contact, maxLength: 200 })}
  ${textArea({ name: 'description', label: t.descriptionLabel, description: t.descriptionHint, ...contact, rows: 8, maxLength: 10000 })}
  ${textField({ name: 'incidentDate', label: t.incidentDateLabel, description: t.incidentDateHint, optional: true, ...contact, width: 'medium', autocomplete: 'off', maxLength: 10 })}
  ${fileField({ name: 'attachments', label: t.filesLabel, optional: true, description: v._filesDropped ? `${attachmentHelp(p)} ${t.chooseFilesAgain}` : attachmentHelp(p), errors, accept: org.documents.allowedTypes, t })}

  ${heading2(t.aboutYouTitle)}
  ${textField({ name: 'name', label: t.nameLabel, ...contact, autocomplete: 'name', maxLength: 200 })}
  ${radioGroup({
    name: 'onBehalfOf',
    label: t.behalfQuestion,
    ...contact,
    description: t.behalfHint,
    options: [
      { value: 'false', label: t.behalfNo },
      {
        value: 'true',
        label: t.behalfYes,
        reveal: html`${textField({ name: 'behalfName', label: t.behalfNameLabel, ...contact, autocomplete: 'off', maxLength: 200 })}
          ${textField({ name: 'behalfRelation', label: t.behalfRelationLabel, description: t.behalfRelationHint, ...contact, maxLength: 100 })}`,
      },
    ],
  })}

  ${radioGroup({
    name: 'contactPreference',
    label: t.contactQuestion,
    ...contact,
    options: [
      {
        value: 'email',
        label: t.byEmail,
        reveal: textField({ name: 'email', label: t.emailLabel, type: 'email', autocomplete: 'email', ...contact, maxLength: 254 }),
      },
      {
        value: 'phone',
        label: t.byPhone,
        reveal: textField({
          name: 'phone',
          label: t.phoneLabel,
          description: t.phoneHint,
          type: 'tel',
          autocomplete: 'tel',
          ...contact,
          width: 'medium',
          maxLength: 32,
        }),
      },
      {
        value: 'letter',
        label: t.byLetter,
        reveal: html`${textField({ name: 'street', label: t.streetLabel, autocomplete: 'address-line1', ...contact, maxLength: 200 })}
          ${textField({ name: 'postcode', label: t.postcodeLabel, autocomplete: 'postal-code', ...contact, width: 'short', maxLength: 7 })}
          ${textField({ name: 'city', label: t.cityLabel, autocomplete: 'address-level2', ...contact, maxLength: 100 })}`,
      },
    ],
  })}

  ${radioGroup({
    name: 'language',
    label: t.languageQuestion,
    description: t.languageHint,
    ...contact,
    values: { ...v, language: v.language || p.lang },
    options: [
      { value: 'nl', label: html`<span lang="nl">Nederlands</span>` },
      { value: 'en', label: html`<span lang="en">English</span>` },
    ],
  })}

  ${heading2(t.yourDataTitle)}
  ${para(t.privacyStatement)}
  ${checkboxField({ name: 'privacyAccepted', label: t.privacyAccepted, errors, checked: v.privacyAccepted === 'on', t })}

  <div class="kf-honeypot" aria-hidden="true">
    <label for="website">${t.honeypotLabel}</label>
    <input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">
  </div>
  ${submitButton(t.sendComplaint)}
</form>`,
  });
}
