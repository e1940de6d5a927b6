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
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../api/errors.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import { FormToggle } from '../case/FormToggle.tsx';
import type { MeasureDetail } from './measureTypes.ts';

type Done = (next: MeasureDetail, text: string) => void;

function GeneralError({ error, fields }: { error: unknown; fields: Record<string, string> }) {
  const { t } = useI18n();
  if (!error || Object.keys(fields).length) return null;
  return (
    <Alert type="error">
      <Paragraph>{generalMessage(error, t)}</Paragraph>
    </Alert>
  );
}

/** The owner records that the measure is in place (seed 002 step 4); the team is informed. */
export function MeasureCarriedOutForm({ id, onDone }: { id: string; onDone: Done }) {
  const { t } = useI18n();
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  const fe = fieldErrorsOf(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const next = await api.post<MeasureDetail>(`/measures/${id}/carried-out`, { carriedOutOn: on, ...(note ? { note } : {}) });
      announce(t('measures.carriedOut.done'));
      onDone(next, t('measures.carriedOut.done'));
    });
  };
  return (
    <section aria-labelledby="measure-carried-out-title" className="kf-section">
      <Heading2 id="measure-carried-out-title">{t('measures.carriedOut.title')}</Heading2>
      <Paragraph>{t('measures.carriedOut.intro')}</Paragraph>
      <GeneralError error={error} fields={fe} />
      <form onSubmit={submit} noValidate>
        <Field id="measure-carriedOutOn" label={t('measures.carriedOut.date')} error={fe.carriedOutOn}>
          {(p) => <Textbox {...p} type="date" value={on} onChange={(e) => setOn(e.currentTarget.value)} />}
        </Field>
        <Field id="measure-note" label={t('measures.carriedOut.note')} error={fe.note}>
          {(p) => <Textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('measures.carriedOut.submit')}
        </Button>
      </form>
    </section>
  );
}

/**
 * The quality officer's check (seed 002 step 5): how it was checked and the conclusion; not
 * effective asks for the owner's new due date (back to step 4).
 */
export function MeasureCheckForm({ id, onDone }: { id: string; status: string; onDone: Done }) {
  const { t } = useI18n();
  const [method, setMethod] = useState('');
  const [conclusion, setConclusion] = useState('');
  const [effective, setEffective] = useState<boolean | null>(null);
  const [newDueDate, setNewDueDate] = useState('');
  const { busy, error, run } = useSubmit();
  const fe = fieldErrorsOf(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const next = await api.post<MeasureDetail>(`/measures/${id}/check`, {
        method,
        conclusion,
        effective,
        ...(effective === false && newDueDate ? { newDueDate } : {}),
      });
      const text = effective ? t('measures.check.doneEffective') : t('measures.check.doneBack');
      announce(text);
      setMethod('');
      setConclusion('');
      setEffective(null);
      setNewDueDate('');
      onDone(next, text);
    });
  };
  return (
    <section aria-labelledby="measure-check-title" className="kf-section">
      <Heading2 id="measure-check-title">{t('measures.check.title')}</Heading2>
      <Paragraph>{t('measures.check.intro')}</Paragraph>
      <GeneralError error={error} fields={fe} />
      <form onSubmit={submit} noValidate>
        <Field id="measure-method" label={t('measures.check.method')} error={fe.method}>
          {(p) => <Textarea {...p} rows={3} value={method} onChange={(e) => setMethod(e.currentTarget.value)} />}
        </Field>
        <Field id="measure-conclusion" label={t('measures.check.conclusion')} error={fe.conclusion}>
          {(p) => <Textarea {...p} rows={3} value={conclusion} onChange={(e) => setConclusion(e.currentTarget.value)} />}
        </Field>
        <Fieldset invalid={!!fe.effective} aria-describedby={fe.effective ? 'measure-effective-error' : undefined}>
          <FieldsetLegend>{t('measures.check.effective')}</FieldsetLegend>
          {fe.effective ? <FormFieldErrorMessage id="measure-effective-error">{fe.effective}</FormFieldErrorMessage> : null}
          {[true, false].map((v) => (
            <FormField
              key={String(v)}
              type="radio"
              input={
                <RadioButton
                  id={`measure-effective-${v}`}
                  name="measure-effective"
                  checked={effective === v}
                  invalid={!!fe.effective}
                  onChange={() => setEffective(v)}
                />
              }
              label={
                <FormLabel htmlFor={`measure-effective-${v}`} type="radio">
                  {t(v ? 'measures.check.effectiveYes' : 'measures.check.effectiveNo')}
                </FormLabel>
              }
            />
          ))}
        </Fieldset>
        {effective === false ? (
          <Field id="measure-newDueDate" label={t('measures.check.newDueDate')} error={fe.newDueDate}>
            {(p) => <Textbox {...p} type="date" value={newDueDate} onChange={(e) => setNewDueDate(e.currentTarget.value)} />}
          </Field>
        ) : null}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('measures.check.submit')}
        </Button>
      </form>
    </section>
  );
}

/** The owner (or a quality officer) changes an open measure's description or due date; the reminder moves with it. */
export function MeasureEditForm({ m, onDone }: { m: MeasureDetail['measure']; onDone: Done }) {
  const { t } = useI18n();
  const [description, setDescription] = useState(m.description);
  const [dueDate, setDueDate] = useState(m.dueDate);
  const { busy, error, run } = useSubmit();
  const fe = fieldErrorsOf(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const next = await api.patch<MeasureDetail>(`/measures/${m.id}`, { description, dueDate });
      announce(t('measures.edit.done'));
      onDone(next, t('measures.edit.done'));
    });
  };
  return (
    <section aria-labelledby="measure-edit-title" className="kf-section">
      <Heading2 id="measure-edit-title">{t('measures.edit.title')}</Heading2>
      <FormToggle label={t('measures.edit.open')}>
        <GeneralError error={error} fields={fe} />
        <form onSubmit={submit} noValidate>
          <Field id="measure-edit-description" label={t('measures.form.description')} error={fe.description}>
            {(p) => <Textarea {...p} rows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />}
          </Field>
          <Field
            id="measure-edit-dueDate"
            label={t('measures.form.dueDate')}
            description={t('measures.form.dueDateHint')}
            error={fe.dueDate}
          >
            {(p) => <Textbox {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />}
          </Field>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('measures.edit.submit')}
          </Button>
        </form>
      </FormToggle>
    </section>
  );
}
