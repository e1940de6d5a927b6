import { Button, Heading3, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useAnalysisI18n } from './analysisWords.ts';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';

/**
 * The complaint rate's denominator: a month's number of contacts (or customers), entered by someone
 * with report:manage (PUT /api/v1/analysis/volumes). Saving again for the same month replaces it.
 */
export function VolumeForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useAnalysisI18n();
  const [month, setMonth] = useState('');
  const [kind, setKind] = useState<'contacts' | 'customers'>('contacts');
  const [volume, setVolume] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const server = fieldErrorsOf(submit.error);
  const err = (k: string) => local[k] ?? server[`items.0.${k}`];
  const known = Object.keys(server).every((k) => /^items\.0\.(month|volume|kind)$/.test(k));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!/^\d{4}-\d{2}$/.test(month)) problems.month = t('analysis.volume.monthMissing');
    if (!/^\d+$/.test(volume.trim())) problems.volume = t('analysis.volume.numberMissing');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const ok = await submit.run(() => api.put('/analysis/volumes', { items: [{ month, kind, volume: Number(volume.trim()) }] }));
    if (ok) {
      announce(t('analysis.volume.saved'));
      setVolume('');
      onSaved();
    }
  };

  return (
    <form className="kf-figure" onSubmit={save} noValidate aria-labelledby="analysis-volume-title">
      <Heading3 id="analysis-volume-title">{t('analysis.volume.title')}</Heading3>
      <Paragraph>{t('analysis.volume.intro')}</Paragraph>
      {submit.error && !known ? <ErrorNotice error={submit.error} /> : null}
      <div className="kf-filters">
        <Field
          id="analysis-volume-month"
          label={t('analysis.volume.month')}
          description={t('analysis.volume.monthHint')}
          error={err('month')}
        >
          {(c) => <Textbox {...c} type="month" value={month} onChange={(e) => setMonth(e.currentTarget.value)} />}
        </Field>
        <Field id="analysis-volume-kind" label={t('analysis.volume.kind')} error={err('kind')}>
          {(c) => (
            <Select {...c} value={kind} onChange={(e) => setKind(e.currentTarget.value as 'contacts' | 'customers')}>
              <SelectOption value="contacts">{t('analysis.volume.contacts')}</SelectOption>
              <SelectOption value="customers">{t('analysis.volume.customers')}</SelectOption>
            </Select>
          )}
        </Field>
        <Field id="analysis-volume-number" label={t('analysis.volume.number')} error={err('volume')}>
          {(c) => <Textbox {...c} inputMode="numeric" value={volume} onChange={(e) => setVolume(e.currentTarget.value)} />}
        </Field>
        <div className="kf-actions">
          <Button type="submit" appearance="secondary-action-button" busy={submit.busy} disabled={submit.busy}>
            {t('analysis.volume.save')}
          </Button>
        </div>
      </div>
    </form>
  );
}
