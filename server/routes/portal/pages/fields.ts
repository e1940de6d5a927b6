import { html, ids, type Child, type Html } from './html.ts';
import type { PortalTexts } from './texts.ts';

/**
 * Form fields as NL Design System (Utrecht) markup. Each field ties its help text and its error
 * to the input with aria-describedby and marks itself aria-invalid, so a screen reader announces
 * what is wrong on arrival; the error also sits visibly above the input (WCAG 3.3.1, 3.3.3).
 */
export type Errors = Record<string, string>;
export type Values = Record<string, string | undefined>;

/** `t`: the page's words for "(niet verplicht)" and the hidden "Fout: " before an error. */
type FieldTexts = Pick<PortalTexts, 'optional' | 'errorPrefix'>;
type Base = { name: string; label: Child; description?: Child; errors: Errors; optional?: boolean; t: FieldTexts };

const optionalMark = (t: FieldTexts, optional?: boolean) => (optional ? html` <span class="kf-optional">${t.optional}</span>` : '');
const errorLine = (t: FieldTexts, id: string, message: string) =>
  html`<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="${id}"><span class="kf-visually-hidden">${t.errorPrefix}</span>${message}</div>`;
const hint = (id: string, description?: Child) =>
  description ? html`<div class="utrecht-form-field__description utrecht-form-field-description" id="${id}">${description}</div>` : '';

function frame(o: Base, type: 'text' | 'checkbox', input: (describedBy: string, invalid: boolean) => Html, labelFor = o.name): Html {
  const error = o.errors[o.name];
  const describedBy = ids(o.description && `${o.name}-hint`, error && `${o.name}-error`);
  return html`<div class="utrecht-form-field utrecht-form-field--${type} utrecht-form-field--distanced${error ? ' utrecht-form-field--invalid' : ''}">
  <div class="utrecht-form-field__label"><label class="utrecht-form-label${type === 'checkbox' ? ' utrecht-form-label--checkbox' : ''}" for="${labelFor}">${o.label}${optionalMark(o.t, o.optional)}</label></div>
  ${hint(`${o.name}-hint`, o.description)}
  ${error ? errorLine(o.t, `${o.name}-error`, error) : ''}
  <div class="utrecht-form-field__input">${input(describedBy, !!error)}</div>
</div>`;
}

const aria = (describedBy: string, invalid: boolean) =>
  html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${invalid ? html` aria-invalid="true"` : ''}`;

export function textField(
  o: Base & {
    values: Values;
    type?: 'text' | 'email' | 'tel' | 'date';
    autocomplete?: string;
    width?: 'short' | 'medium';
    maxLength?: number;
  },
): Html {
  return frame(
    o,
    'text',
    (d, invalid) =>
      html`<input class="utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}${o.width ? ` kf-width-${o.width}` : ''}" type="${o.type ?? 'text'}" id="${o.name}" name="${o.name}" value="${o.values[o.name] ?? ''}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.maxLength ? html` maxlength="${o.maxLength}"` : ''}${o.optional ? '' : html` aria-required="true"`}${aria(d, invalid)}>`,
  );
}

export function textArea(o: Base & { values: Values; rows?: number; maxLength?: number }): Html {
  return frame(
    o,
    'text',
    (d, invalid) =>
      html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}" id="${o.name}" name="${o.name}" rows="${o.rows ?? 6}"${o.maxLength ? html` maxlength="${o.maxLength}"` : ''}${o.optional ? '' : html` aria-required="true"`}${aria(d, invalid)}>${o.values[o.name] ?? ''}</textarea>`,
  );
}

export function fileField(o: Base & { accept: string[] }): Html {
  return frame(
    o,
    'text',
    (d, invalid) =>
      html`<input class="utrecht-textbox utrecht-textbox--html-input kf-file${invalid ? ' utrecht-textbox--invalid' : ''}" type="file" id="${o.name}" name="${o.name}" multiple accept="${o.accept.join(',')}"${aria(d, invalid)}>`,
  );
}

export function checkboxField(o: Base & { checked: boolean }): Html {
  return frame(
    o,
    'checkbox',
    (d, invalid) =>
      html`<input class="utrecht-checkbox utrecht-checkbox--html-input${invalid ? ' utrecht-checkbox--invalid' : ''}" type="checkbox" id="${o.name}" name="${o.name}"${o.checked ? html` checked` : ''} aria-required="true"${aria(d, invalid)}>`,
  );
}

export type RadioOption = { value: string; label: Child; description?: Child; reveal?: Child };

/**
 * A question with one answer as a fieldset of radio buttons. An option's `reveal` (the fields that
 * belong to it) is shown by CSS only while that option is checked, so it works without JavaScript;
 * a browser without `:has()` simply shows every option's fields.
 */
export function radioGroup(o: Base & { values: Values; options: RadioOption[] }): Html {
  const error = o.errors[o.name];
  const describedBy = ids(o.description && `${o.name}-hint`, error && `${o.name}-error`);
  return html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced kf-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
  <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${o.label}${optionalMark(o.t, o.optional)}</legend>
  ${hint(`${o.name}-hint`, o.description)}
  ${error ? errorLine(o.t, `${o.name}-error`, error) : ''}
  ${o.options.map((opt) => radio(o, opt, !!error))}
</fieldset>`;
}

function radio(o: Base & { values: Values }, opt: RadioOption, invalid: boolean): Html {
  const id = `${o.name}-${opt.value}`;
  const checked = o.values[o.name] === opt.value;
  return html`<div class="kf-choice">
  <div class="utrecht-form-field utrecht-form-field--radio">
    <div class="utrecht-form-field__label"><label class="utrecht-form-label utrecht-form-label--radio" for="${id}">${opt.label}</label></div>
    ${opt.description ? html`<div class="utrecht-form-field__description utrecht-form-field-description" id="${id}-hint">${opt.description}</div>` : ''}
    <div class="utrecht-form-field__input"><input class="utrecht-radio-button utrecht-radio-button--html-input${invalid ? ' utrecht-radio-button--invalid' : ''}" type="radio" id="${id}" name="${o.name}" value="${opt.value}"${checked ? html` checked` : ''}${opt.description ? html` aria-describedby="${id}-hint"` : ''}${invalid ? html` aria-invalid="true"` : ''}></div>
  </div>
  ${opt.reveal ? html`<div class="kf-reveal">${opt.reveal}</div>` : ''}
</div>`;
}

/**
 * The error summary at the top (NL DS / GOV.UK pattern): it takes the focus on load, without
 * JavaScript, and each line links to its field. `anchor` maps a field name to the element id to
 * jump to (the first radio button of a group).
 */
export function errorSummary(
  t: Pick<PortalTexts, 'checkQuestions'>,
  errors: Errors,
  order: readonly string[],
  anchor: (name: string) => string = (n) => n,
): Html | '' {
  const names = [...order.filter((n) => errors[n]), ...Object.keys(errors).filter((n) => !order.includes(n))];
  if (!names.length) return '';
  return html`<div class="utrecht-alert utrecht-alert--error kf-error-summary" tabindex="-1" autofocus aria-labelledby="foutmeldingen">
  <div class="utrecht-alert__content"><div class="utrecht-alert__message">
    <h2 class="utrecht-heading-2" id="foutmeldingen">${t.checkQuestions(names.length)}</h2>
    <ul class="utrecht-unordered-list">
      ${names.map((n) => html`<li class="utrecht-unordered-list__item"><a class="utrecht-link utrecht-link--html-a" href="#${anchor(n)}">${errors[n]!}</a></li>`)}
    </ul>
  </div></div>
</div>`;
}

export const submitButton = (text: Child, attrs: { name?: string; value?: string } = {}) =>
  html`<button class="utrecht-button utrecht-button--primary-action utrecht-button--submit" type="submit"${attrs.name ? html` name="${attrs.name}" value="${attrs.value ?? ''}"` : ''}>${text}</button>`;
