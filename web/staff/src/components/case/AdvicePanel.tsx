import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
  Textarea,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage, isConflict } from '../../api/errors.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { FormToggle } from './FormToggle.tsx';

/**
 * With an advisory committee (Awb 9:13–9:16; the housing rules): whether its advice is on the case
 * as a document, and what the decision does with it (follows it, or departs from it with a reason,
 * Awb 9:16). The decision letter drafted afterwards states it; its approval checks both. The form
 * while the server allows it (open case, decision letter not yet approved).
 */
export function AdvicePanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const fact = (key: string) => c.facts.find((f) => f.key === key)?.value;
  const recorded = fact('followsAdvice');
  const recordedReason = typeof fact('adviceDepartureReason') === 'string' ? (fact('adviceDepartureReason') as string) : '';
  const [follows, setFollows] = useState<boolean | undefined>(typeof recorded === 'boolean' ? recorded : undefined);
  const [reason, setReason] = useState(recordedReason);
  const { busy, error, run } = useSubmit();
  const fe = fieldErrorsOf(error);
  const errors = { follows: fe.followsAdvice, reason: fe.departureReason };
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves only when a new answer (error) arrives.
  useEffect(() => {
    if (errors.follows) document.getElementById('advice-follows-true')?.focus();
    else if (errors.reason) document.getElementById('advice-reason')?.focus();
  }, [error]);
  if (!c.abilities.recordAdvice && typeof recorded !== 'boolean') return null;
  const hasDocument = c.documents.some((d) => d.docType === 'committeeAdvice');
  const general = error && !errors.follows && !errors.reason;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await api.put<CaseDetail>(`/cases/${c.id}/committee-advice`, {
        followsAdvice: follows,
        ...(follows === false ? { departureReason: reason } : {}),
        expectedVersion: c.version,
      });
      announce(t('advice.done'));
      onChanged();
    });
  };

  return (
    <section aria-labelledby="advice-title" className="kf-section">
      <Heading2 id="advice-title">{t('advice.title')}</Heading2>
      <Paragraph>{t('advice.intro')}</Paragraph>
      <ul>
        <li>{t(hasDocument ? 'advice.document' : 'advice.noDocument')}</li>
        <li>
          {recorded === true
            ? t('advice.recordedFollows')
            : recorded === false
              ? t('advice.recordedDeparts', { reason: recordedReason })
              : t('advice.notRecorded')}
        </li>
      </ul>
      {c.abilities.recordAdvice ? (
        <FormToggle label={t('advice.open')}>
          <form onSubmit={submit} noValidate className="kf-panel">
            {general ? (
              isConflict(error) ? (
                <ErrorNotice error={error} onRetry={onChanged} />
              ) : (
                <Alert type="error">
                  <Paragraph>{generalMessage(error, t)}</Paragraph>
                </Alert>
              )
            ) : null}
            <Fieldset id="advice-follows" invalid={!!errors.follows} aria-describedby={errors.follows ? 'advice-follows-error' : undefined}>
              <FieldsetLegend>{t('advice.follows')}</FieldsetLegend>
              {errors.follows ? <FormFieldErrorMessage id="advice-follows-error">{errors.follows}</FormFieldErrorMessage> : null}
              {[true, false].map((v) => (
                <FormField
                  key={String(v)}
                  type="radio"
                  input={
                    <RadioButton
                      id={`advice-follows-${v}`}
                      name="advice-follows"
                      checked={follows === v}
                      invalid={!!errors.follows}
                      onChange={() => setFollows(v)}
                    />
                  }
                  label={
                    <FormLabel htmlFor={`advice-follows-${v}`} type="radio">
                      {t(v ? 'app.yes' : 'app.no')}
                    </FormLabel>
                  }
                />
              ))}
            </Fieldset>
            {follows === false ? (
              <Field id="advice-reason" label={t('advice.reason')} description={t('advice.reasonHint')} error={errors.reason}>
                {(ctl) => <Textarea {...ctl} rows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
              </Field>
            ) : null}
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
              {t('advice.submit')}
            </Button>
          </form>
        </FormToggle>
      ) : null}
    </section>
  );
}
