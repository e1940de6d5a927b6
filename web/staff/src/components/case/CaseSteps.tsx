import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TransitionForm, type StepFormProps } from './TransitionForm.tsx';

/**
 * The steps the server says this person may take now (abilities.transitions), each a button that
 * opens its generated form (or the form in `forms`, by the step's purpose, for a step that needs more,
 * like hearing times).
 * A step the server did not list is never shown.
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
  return (
    <section aria-labelledby="steps-title">
      <Heading2 id="steps-title">{t('case.steps')}</Heading2>
      {done ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert type="ok">{done}</Alert>
        </div>
      ) : null}
      {steps.length ? <Paragraph>{t('case.stepsIntro')}</Paragraph> : !viaLetter.length ? <Paragraph>{t('case.noSteps')}</Paragraph> : null}
      {viaLetter.map((s) => (
        <Paragraph key={s.key}>
          {t('case.stepViaLetter', { step: l(s.label), stage: t(`case.letterStage.${s.waitsForLetter!}`) })}{' '}
          <a className="utrecht-link" href="#letters-title">
            {t('case.toLetters')}
          </a>
        </Paragraph>
      ))}
      <div className="kf-actions">
        {steps.map((s) => (
          <Button
            key={s.key}
            ref={(el) => {
              if (el) buttons.current.set(s.key, el);
            }}
            appearance={s.purpose === 'exit' ? 'secondary-action-button' : 'primary-action-button'}
            aria-expanded={open === s.key}
            aria-controls={open === s.key ? `step-form-${s.key}` : undefined}
            onClick={() => {
              setDone(null);
              setOpen(open === s.key ? null : s.key);
            }}
          >
            {l(s.label)}
          </Button>
        ))}
      </div>
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
