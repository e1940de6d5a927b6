import type { Organisation } from '../../../config/organisation.ts';
import { errorSummary, textArea, type Errors, type Values } from './fields.ts';
import { html } from './html.ts';
import { alert, heading1, page, para } from './layout.ts';

/**
 * The satisfaction survey after closing (seed 000 business rule 5): one click on a score sends it.
 * The optional comment comes first, so whoever wants to write something does that before clicking.
 */
export const SCORES = [
  { value: 1, label: 'Heel ontevreden' },
  { value: 2, label: 'Ontevreden' },
  { value: 3, label: 'Niet goed, niet slecht' },
  { value: 4, label: 'Tevreden' },
  { value: 5, label: 'Heel tevreden' },
] as const;

export function surveyPage(org: Organisation, token: string, values: Values = {}, errors: Errors = {}) {
  const hasErrors = Object.keys(errors).length > 0;
  return page({
    org,
    title: 'Hoe vond u het?',
    hasErrors,
    main: html`${errorSummary(errors, ['comment', 'score'], (n) => (n === 'score' ? 'score-1' : n))}
${heading1('Hoe vond u het?')}
${para('Uw klacht is klaar. We willen graag weten hoe het voor u was. Zo kunnen we beter worden. Dit duurt maar 1 minuut.')}
<form method="post" action="/enquete/${token}" novalidate>
  ${textArea({ name: 'comment', label: 'Wilt u iets tegen ons zeggen?', optional: true, description: 'Bijvoorbeeld wat goed ging. Of wat beter kan.', errors, values, rows: 4, maxLength: 2000 })}
  <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced kf-fieldset" aria-describedby="score-hint${errors.score ? ' score-error' : ''}">
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Hoe tevreden bent u over hoe we uw klacht hebben behandeld?</legend>
    <div class="utrecht-form-field-description" id="score-hint">Klik op een knop. Dan is uw antwoord meteen verstuurd.</div>
    ${errors.score ? html`<div class="utrecht-form-field-error-message" id="score-error"><span class="kf-visually-hidden">Fout: </span>${errors.score}</div>` : ''}
    <div class="utrecht-button-group utrecht-button-group--column kf-scores">
      ${SCORES.map((s) => html`<button class="utrecht-button utrecht-button--secondary-action kf-score" type="submit" name="score" value="${String(s.value)}" id="score-${String(s.value)}"><span class="kf-score__number">${String(s.value)}</span> ${s.label}</button>`)}
    </div>
  </fieldset>
</form>`,
  });
}

export function surveyThanksPage(org: Organisation) {
  return page({
    org,
    title: 'Dank u wel',
    main: html`${heading1('Dank u wel')}
${alert('ok', para('We hebben uw antwoord ontvangen.'), { role: 'status' })}
${para('We lezen alle antwoorden. Zo leren we wat beter kan.')}`,
  });
}

export function surveyAlreadyAnsweredPage(org: Organisation) {
  return page({
    org,
    title: 'U heeft al geantwoord',
    main: html`${heading1('U heeft al geantwoord')}
${para('U heeft deze vragen al beantwoord. Dank u wel daarvoor!')}
${para('U hoeft niets meer te doen.')}`,
  });
}
