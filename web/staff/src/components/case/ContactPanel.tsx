import { Button, Paragraph, Select, SelectOption, Textarea } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { FormToggle } from './FormToggle.tsx';
import { timelineChanged } from './Timeline.tsx';
import { CollapsibleSection } from './CollapsibleSection.tsx';

const METHODS = ['phone', 'inPerson', 'email', 'letter'] as const;

/**
 * "I called the complainant": the first contact stops the first-contact norm (seed 001: call first),
 * later ones are on the timeline; after closing too (a call that explains the closing letter).
 */
export function ContactPanel({ c, onAdded }: { c: CaseDetail; onAdded: () => void }) {
  const { t, date } = useI18n();
  const [method, setMethod] = useState<(typeof METHODS)[number]>('phone');
  const [summary, setSummary] = useState('');
  const { busy, error, run } = useSubmit();
  if (!c.abilities.recordContact) return null;
  const errors = fieldErrorsOf(error);
  const first = c.clocks.find((k) => k.key === 'firstContact');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await api.post(`/cases/${c.id}/contacts`, { method, summary });
      setSummary('');
      announce(t('contact.added'));
      timelineChanged();
      onAdded();
    });
  };
  return (
    <CollapsibleSection id="contact-title" title={t('contact.title')}>
      <Paragraph>
        {first && first.state !== 'stopped' ? t('contact.firstDue', { date: date(first.adjustedEnd) }) : t('contact.intro')}
      </Paragraph>
      <FormToggle label={t('contact.add')}>
        <form onSubmit={submit} noValidate>
          {error && !errors.method && !errors.summary ? <ErrorNotice error={error} /> : null}
          <Field id="contact-method" label={t('contact.method')} error={errors.method}>
            {(ctl) => (
              <Select {...ctl} value={method} onChange={(e) => setMethod(e.currentTarget.value as (typeof METHODS)[number])}>
                {METHODS.map((m) => (
                  <SelectOption key={m} value={m}>
                    {t(`contact.method.${m}`)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field id="contact-summary" label={t('contact.summary')} description={t('contact.summaryHint')} error={errors.summary}>
            {(ctl) => <Textarea {...ctl} rows={3} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />}
          </Field>
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            {t('contact.add')}
          </Button>
        </form>
      </FormToggle>
    </CollapsibleSection>
  );
}
