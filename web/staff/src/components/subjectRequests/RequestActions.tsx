import { Alert, Button, Paragraph, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { FormToggle } from '../case/FormToggle.tsx';
import type { SubjectRequestDetail } from './subjectRequestTypes.ts';

type Props = { r: SubjectRequestDetail; onChanged: (r: SubjectRequestDetail) => void };

/** What can be done with an open request: its own action (correct, restrict, erase), extend, decide. */
export function RequestActions({ r, onChanged }: Props) {
  const { t } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const act = (path: string, body: object | undefined, message: (res: SubjectRequestDetail & { notice?: string }) => string) =>
    run(async () => {
      const res = await api.post<SubjectRequestDetail & { notice?: string }>(`/subject-requests/${r.id}/${path}`, body);
      const text = message(res);
      setDone(text);
      announce(text);
      onChanged(res);
    });
  const fieldErrors = fieldErrorsOf(error);
  return (
    <>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {error && !Object.keys(fieldErrors).length ? <ErrorNotice error={error} /> : null}
      {r.status === 'open' ? (
        <>
          {r.kind === 'correction' ? (
            <CorrectionForm r={r} busy={busy} errors={fieldErrors} onSave={(b) => act('correction', b, () => t('subjectRequests.done'))} />
          ) : null}
          {r.kind === 'restriction' ? (
            <>
              <Paragraph>{t('subjectRequests.restrictHint')}</Paragraph>
              <Button
                appearance="primary-action-button"
                busy={busy}
                disabled={busy}
                onClick={() => act('restriction', undefined, () => t('subjectRequests.restrictionInForce'))}
              >
                {t('subjectRequests.restrict')}
              </Button>
            </>
          ) : null}
          {r.kind === 'erasure' ? (
            <>
              <Paragraph>{t('subjectRequests.eraseHint')}</Paragraph>
              <Button
                appearance="primary-action-button"
                busy={busy}
                disabled={busy}
                onClick={() => act('erasure', undefined, (res) => res.outcome ?? t('subjectRequests.done'))}
              >
                {t('subjectRequests.erase')}
              </Button>
            </>
          ) : null}
          {!r.extended ? (
            <ExtendForm
              busy={busy}
              errors={fieldErrors}
              onSave={(reason) =>
                act('extension', { reason }, (res) =>
                  t(res.notice === 'email' ? 'subjectRequests.extendedEmail' : 'subjectRequests.extendedPost'),
                )
              }
            />
          ) : null}
          <DecideForm busy={busy} errors={fieldErrors} onSave={(b) => act('decision', b, () => t('subjectRequests.done'))} />
        </>
      ) : null}
      {r.restrictionInForce ? (
        <Button
          appearance="secondary-action-button"
          busy={busy}
          disabled={busy}
          onClick={() => act('restriction-lift', undefined, () => t('subjectRequests.done'))}
        >
          {t('subjectRequests.lift')}
        </Button>
      ) : null}
    </>
  );
}

type FormProps<T> = { busy: boolean; errors: Record<string, string>; onSave: (value: T) => void };

function CorrectionForm({ r, busy, errors, onSave }: FormProps<Record<string, string>> & { r: SubjectRequestDetail }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ name: r.subject.name, email: r.subject.email ?? '', phone: r.subject.phone ?? '' });
  const [address, setAddress] = useState({ street: '', postcode: '', city: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const changed = Object.fromEntries(
      Object.entries(form).filter(([k, v]) => v !== ((r.subject as Record<string, string | null>)[k] ?? '')),
    );
    const place = Object.fromEntries(Object.entries(address).filter(([, v]) => v.trim()));
    onSave({ ...changed, ...(r.subjectKind === 'person' ? place : {}) });
  };
  const text = (key: 'name' | 'email' | 'phone', label: string) => (
    <Field id={`correct-${key}`} label={label} error={errors[key]}>
      {(p) => <Textbox {...p} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />}
    </Field>
  );
  const place = (key: 'street' | 'postcode' | 'city', label: string) => (
    <Field id={`correct-${key}`} label={label} error={errors[key]}>
      {(p) => <Textbox {...p} value={address[key]} onChange={(e) => setAddress({ ...address, [key]: e.currentTarget.value })} />}
    </Field>
  );
  return (
    <FormToggle label={t('subjectRequests.correct')}>
      <form onSubmit={submit} noValidate>
        {text('name', t('subjectRequests.name'))}
        {text('email', t('subjectRequests.email'))}
        {text('phone', t('subjectRequests.phone'))}
        {r.subjectKind === 'person' ? (
          <>
            {place('street', t('subjectRequests.street'))}
            {place('postcode', t('subjectRequests.postcode'))}
            {place('city', t('subjectRequests.city'))}
          </>
        ) : null}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('subjectRequests.correctSave')}
        </Button>
      </form>
    </FormToggle>
  );
}

function ExtendForm({ busy, errors, onSave }: FormProps<string>) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <FormToggle label={t('subjectRequests.extend')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(reason);
        }}
        noValidate
      >
        <Field
          id="extend-reason"
          label={t('subjectRequests.extendReason')}
          description={t('subjectRequests.extendHint')}
          error={errors.reason}
        >
          {(p) => <Textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('subjectRequests.extend')}
        </Button>
      </form>
    </FormToggle>
  );
}

function DecideForm({ busy, errors, onSave }: FormProps<{ status: string; outcome: string }>) {
  const { t } = useI18n();
  const [status, setStatus] = useState('granted');
  const [outcome, setOutcome] = useState('');
  return (
    <FormToggle label={t('subjectRequests.decide')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ status, outcome });
        }}
        noValidate
      >
        <Field id="decide-status" label={t('subjectRequests.decision')} error={errors.status}>
          {(p) => (
            <Select {...p} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              {(['granted', 'partlyGranted', 'refused'] as const).map((s) => (
                <SelectOption key={s} value={s}>
                  {t(`subjectRequests.status.${s}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id="decide-outcome" label={t('subjectRequests.outcomeLabel')} error={errors.outcome}>
          {(p) => <Textarea {...p} rows={2} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('subjectRequests.decideSave')}
        </Button>
      </form>
    </FormToggle>
  );
}
