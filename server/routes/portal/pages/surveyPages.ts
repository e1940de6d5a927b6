import { errorSummary, textArea, type Errors, type Values } from './fields.ts';
import { html } from './html.ts';
import { alert, heading1, languageInput, page, para } from './layout.ts';
import type { Portal } from './texts.ts';

/**
 * The satisfaction survey after closing (seed 000 business rule 5): one click on a score sends it.
 * The optional comment comes first, so whoever wants to write something does that before clicking.
 */
export const SCORES = [1, 2, 3, 4, 5] as const;

export function surveyPage(p: Portal, token: string, values: Values = {}, errors: Errors = {}) {
  const { t } = p;
  const hasErrors = Object.keys(errors).length > 0;
  return page(p, {
    title: t.surveyTitle,
    hasErrors,
    main: html`${errorSummary(t, errors, ['comment', 'score'], (n) => (n === 'score' ? 'score-1' : n))}
${heading1(t.surveyTitle)}
${para(t.surveyIntro)}
<form method="post" action="/enquete/${token}" novalidate>
  ${languageInput(p)}
  ${textArea({ name: 'comment', label: t.surveyCommentLabel, optional: true, description: t.surveyCommentHint, errors, values, rows: 4, maxLength: 2000, t })}
  <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced kf-fieldset" aria-describedby="score-hint${errors.score ? ' score-error' : ''}">
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${t.surveyScoreQuestion}</legend>
    <div class="utrecht-form-field-description" id="score-hint">${t.surveyScoreHint}</div>
    ${errors.score ? html`<div class="utrecht-form-field-error-message" id="score-error"><span class="kf-visually-hidden">${t.errorPrefix}</span>${errors.score}</div>` : ''}
    <div class="utrecht-button-group utrecht-button-group--column kf-scores">
      ${SCORES.map((s) => html`<button class="utrecht-button utrecht-button--secondary-action kf-score" type="submit" name="score" value="${String(s)}" id="score-${String(s)}"><span class="kf-score__number">${String(s)}</span> ${t.scores[s - 1]}</button>`)}
    </div>
  </fieldset>
</form>`,
  });
}

export function surveyThanksPage(p: Portal) {
  const { t } = p;
  return page(p, {
    title: t.surveyThanksTitle,
    main: html`${heading1(t.surveyThanksTitle)}
${alert('ok', para(t.surveyReceived), { role: 'status' })}
${para(t.surveyWeRead)}`,
  });
}

export function surveyAlreadyAnsweredPage(p: Portal) {
  const { t } = p;
  return page(p, {
    title: t.surveyAnsweredTitle,
    main: html`${heading1(t.surveyAnsweredTitle)}
${para(t.surveyAnswered)}
${para(t.surveyNothingMoreAsked)}`,
  });
}
