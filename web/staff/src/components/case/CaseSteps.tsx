import { Alert, Button, ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { CaseDetail, Transition } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TransitionForm, type StepFormProps } from './TransitionForm.tsx';
import './caseSteps.css';

/**
 * The steps the server says this person may take now (abilities.transitions), each a button that
 * opens its generated form (or the form in `forms`, by the step's purpose, for a step that needs more,
 * like hearing times).
 * A step the server did not list is never shown. The step the server marks as fitting the case
 * (`recommended`) is the one primary action; the others are secondary, and each says what it will do.
 */
export function CaseSteps({
  c,
  onChanged,
  onReload,
  forms = {},
}: {
  c: CaseDetail;
  onChanged: (c: CaseDetail) => void;
  onReload: () => void;
  forms?: Record<string, ComponentType<StepFormProps>>;
}) {
  const { t, l } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // Steps that wait for a letter (often taken by submitting or sending it) point to the letters.
  const steps = c.abilities.transitions.filter((s) => !s.waitsForLetter);
  const viaLetter = c.abilities.transitions.filter((s) => s.waitsForLetter);
  const current = steps.find((s) => s.key === open);
  const StepForm = (current?.purpose && forms[current.purpose]) || TransitionForm;
  const close = (key: string) => {
    setOpen(null);
    setTimeout(() => buttons.current.get(key)?.focus(), 0);
  };
  const recommended = c.abilities.transitions.find((s) => s.recommended);
  const does = (s: Transition) =>
    s.consequences.length ? (
      <ul id={`step-does-${s.key}`} className="kf-step-does" aria-label={t('case.stepDoes')}>
        {s.consequences.map((x) => (
          <li key={x.nl}>{l(x)}</li>
        ))}
      </ul>
    ) : null;
  const button = (s: Transition) => (
    <Button
      ref={(el) => {
        if (el) buttons.current.set(s.key, el);
      }}
      appearance={s.recommended ? 'primary-action-button' : s.purpose === 'exit' ? 'subtle-button' : 'secondary-action-button'}
      aria-expanded={open === s.key}
      aria-controls={open === s.key ? `step-form-${s.key}` : undefined}
      aria-describedby={s.consequences.length ? `step-does-${s.key}` : undefined}
      onClick={() => {
        setDone(null);
        setOpen(open === s.key ? null : s.key);
      }}
    >
      {l(s.label)}
    </Button>
  );
  const others = steps.filter((s) => !s.recommended);
  return (
    <section aria-labelledby="steps-title">
      <Heading2 id="steps-title">{t('case.steps')}</Heading2>
      {done ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert type="ok">{done}</Alert>
        </div>
      ) : null}
      {!steps.length && !viaLetter.length ? <Paragraph>{t('case.noSteps')}</Paragraph> : null}
      {recommended ? (
        <div className="kf-step kf-step--recommended" data-testid="recommended-step">
          <p className="kf-step-hint">{t('case.stepRecommended')}</p>
          {recommended.waitsForLetter ? (
            <>
              <Paragraph>
                {t('case.stepViaLetter', { step: l(recommended.label), stage: t(`case.letterStage.${recommended.waitsForLetter}`) })}
              </Paragraph>
              <ButtonLink appearance="primary-action-button" href="#letters-title" aria-describedby={`step-does-${recommended.key}`}>
                {t('case.toLetters')}
              </ButtonLink>
            </>
          ) : (
            button(recommended)
          )}
          {does(recommended)}
        </div>
      ) : null}
      {viaLetter
        .filter((s) => !s.recommended)
        .map((s) => (
          <Paragraph key={s.key}>
            {t('case.stepViaLetter', { step: l(s.label), stage: t(`case.letterStage.${s.waitsForLetter!}`) })}{' '}
            <a className="utrecht-link" href="#letters-title">
              {t('case.toLetters')}
            </a>
          </Paragraph>
        ))}
      {others.length ? (
        <>
          <p className="kf-step-hint">{recommended ? t('case.stepsOther') : t('case.stepsIntro')}</p>
          <ul className="kf-step-list">
            {others.map((s) => (
              <li key={s.key} className="kf-step">
                {button(s)}
                {does(s)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {current ? (
        <div id={`step-form-${current.key}`} className="kf-stack">
          <StepForm
            key={`${current.key}-${c.version}`}
            caseId={c.id}
            version={c.version}
            transition={current}
            onCancel={() => close(current.key)}
            onReload={() => {
              setOpen(null);
              onReload();
            }}
            onDone={(updated) => {
              setOpen(null);
              onChanged(updated);
              setDone(t('case.stepDone', { step: l(current.label), status: l(updated.statusLabel) }));
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
