import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage, isConflict } from '../../api/errors.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { FormToggle } from './FormToggle.tsx';

type Regime = CaseDetail['regime'];
type Props = { c: CaseDetail; onChanged: () => void };

/**
 * The case's legal regime in words, where its clocks are shown (the regime decides them). When the
 * process allows more than one and the server says this user may change it now (open case, no
 * approved decision letter), a choice between them; the server recomputes the clocks and names
 * the field when it refuses.
 */
export function RegimePanel({ c, onChanged }: Props) {
  const { t } = useI18n();
  const name = (r: Regime) => t(`regime.${r}`);
  const [choice, setChoice] = useState<Regime>(c.regime);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const { busy, error, run } = useSubmit();
  useEffect(() => setChoice(c.regime), [c.regime]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const fieldError = fieldErrorsOf(error).regime;
  // A refusal at the field: focus the choice it is about, which its message describes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves only when a new answer arrives, not when the choice changes.
  useEffect(() => {
    if (fieldError) document.getElementById(`regime-${choice}`)?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    await run(async () => {
      const updated = await api.put<CaseDetail>(`/cases/${c.id}/regime`, { regime: choice, expectedVersion: c.version });
      setDone(t('regime.done', { regime: name(updated.regime) }));
      onChanged();
    });
  };

  const errId = fieldError ? 'regime-choice-error' : undefined;
  return (
    <div className="kf-regime">
      <Paragraph>
        {t('regime.current')} <strong>{name(c.regime)}</strong>
      </Paragraph>
      {done ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {c.abilities.changeRegime && c.regimes.length > 1 ? (
        <FormToggle label={t('regime.submit')}>
          <form onSubmit={submit} noValidate className="kf-panel">
            {error && !fieldError ? (
              isConflict(error) ? (
                <ErrorNotice error={error} onRetry={onChanged} />
              ) : (
                <Alert type="error">
                  <Paragraph>{generalMessage(error, t)}</Paragraph>
                </Alert>
              )
            ) : null}
            <Fieldset
              id="regime-choice"
              invalid={!!fieldError}
              aria-describedby={['regime-choice-description', errId].filter(Boolean).join(' ')}
            >
              <FieldsetLegend>{t('regime.choose')}</FieldsetLegend>
              <FormFieldDescription id="regime-choice-description">{t('regime.hint')}</FormFieldDescription>
              {fieldError ? <FormFieldErrorMessage id={errId}>{fieldError}</FormFieldErrorMessage> : null}
              {c.regimes.map((r) => (
                <FormField
                  key={r}
                  type="radio"
                  input={
                    <RadioButton
                      id={`regime-${r}`}
                      name="regime"
                      value={r}
                      checked={choice === r}
                      invalid={!!fieldError}
                      aria-describedby={errId}
                      onChange={() => setChoice(r)}
                    />
                  }
                  label={
                    <FormLabel htmlFor={`regime-${r}`} type="radio">
                      {name(r)}
                    </FormLabel>
                  }
                />
              ))}
            </Fieldset>
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
              {t('regime.submit')}
            </Button>
          </form>
        </FormToggle>
      ) : null}
    </div>
  );
}
