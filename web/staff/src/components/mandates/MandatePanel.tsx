import { Alert, Button, Heading2, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../api/errors.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session.tsx';
import { announce } from '../announce.ts';
import { VERIFICATIONS } from './mandateTypes.ts';

/**
 * The representative's mandate (seed 003): who for whom, since when, how it was checked. Staff record
 * a missing one here once (a portal complaint for someone else is never trusted by itself); a
 * coordinator revokes it. Only on cases with a representative; each form closed until used.
 */
export function MandatePanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { t, date } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ verification: 'writtenAuthorisation', validFrom: '', validUntil: '' });
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  if (!c.representative) return null;
  const m = c.mandate;
  const fieldErrors = fieldErrorsOf(error);
  const finish = (text: string) => {
    setDone(text);
    announce(text);
    setOpen(false);
    onChanged();
  };
  const record = () =>
    run(async () => {
      await api.post(`/cases/${c.id}/mandate`, {
        verification: form.verification,
        validFrom: form.validFrom,
        ...(form.validUntil ? { validUntil: form.validUntil } : {}),
      });
      finish(t('mandate.saved'));
    });
  const revoke = () =>
    run(async () => {
      await api.post(`/mandates/${m!.id}/revoke`);
      finish(t('mandate.revokedDone'));
    });
  const mayRecord = !m && can('case:edit') && !c.handedOn;
  const mayRevoke = !!m && !m.revokedAt && can('mandate:revoke');

  return (
    <section aria-labelledby="mandate-title" className="kf-section">
      <Heading2 id="mandate-title">{t('mandate.title')}</Heading2>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {error && !Object.keys(fieldErrors).length ? (
        <Alert type="error">
          <Paragraph>{generalMessage(error, t)}</Paragraph>
        </Alert>
      ) : null}
      {m ? (
        <>
          <Paragraph>
            {t('mandate.summary', {
              representative: m.representative.name,
              represented: m.represented.name,
              date: date(m.validFrom),
              verification: t(`mandate.verification.${m.verification}`),
            })}
            {m.validUntil ? ` ${t('mandate.until', { date: date(m.validUntil) })}` : ''}
          </Paragraph>
          {m.revokedAt ? <Paragraph>{t('mandate.revoked', { date: date(m.revokedAt), by: m.revokedByName ?? '' })}</Paragraph> : null}
        </>
      ) : (
        <Paragraph>{c.mandateCheckPending ? t('mandate.pending') : t('mandate.missing')}</Paragraph>
      )}
      {mayRecord || mayRevoke ? (
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={open}
          aria-controls="mandate-body"
          onClick={() => setOpen((x) => !x)}
        >
          {mayRecord ? t('mandate.record') : t('mandate.revoke')}
        </Button>
      ) : null}
      <div id="mandate-body" hidden={!open}>
        {mayRecord ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void record();
            }}
          >
            <Field id="mandate-verification" label={t('mandate.verification')} error={fieldErrors.verification}>
              {(p) => (
                <Select {...p} value={form.verification} onChange={(e) => setForm({ ...form, verification: e.currentTarget.value })}>
                  {VERIFICATIONS.map((k) => (
                    <SelectOption key={k} value={k}>
                      {t(`mandate.verification.${k}`)}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
            <div className="kf-row">
              <Field id="mandate-from" label={t('mandate.validFrom')} error={fieldErrors.validFrom}>
                {(p) => (
                  <Textbox
                    {...p}
                    type="date"
                    value={form.validFrom}
                    onChange={(e) => setForm({ ...form, validFrom: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id="mandate-until" label={t('mandate.validUntil')} error={fieldErrors.validUntil}>
                {(p) => (
                  <Textbox
                    {...p}
                    type="date"
                    value={form.validUntil}
                    onChange={(e) => setForm({ ...form, validUntil: e.currentTarget.value })}
                  />
                )}
              </Field>
            </div>
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              {t('mandate.save')}
            </Button>
          </form>
        ) : null}
        {mayRevoke ? (
          <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => void revoke()}>
            {t('mandate.revoke')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
