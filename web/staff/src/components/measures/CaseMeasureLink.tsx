import { Button, Select, SelectOption } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../api/errors.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import type { Measure } from './measureTypes.ts';

/**
 * A complaint about what an open measure already answers is linked to it, not given a second
 * measure: choose it from the open ones not yet linked to this case.
 */
export function CaseMeasureLink({ caseId, linked, onLinked }: { caseId: string; linked: string[]; onLinked: () => void }) {
  const { t } = useI18n();
  const open = useResource<{ items: Measure[] }>('/measures?view=open&limit=100');
  const [chosen, setChosen] = useState('');
  const { busy, error, run } = useSubmit();
  const choices = (open.data?.items ?? []).filter((m) => !linked.includes(m.id));
  if (!choices.length) return null;
  const fe = fieldErrorsOf(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.post(`/measures/${chosen}/cases`, { caseId });
      announce(t('measures.link.done'));
      setChosen('');
      onLinked();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="kf-filters">
      <Field
        id="case-measure-link"
        label={t('measures.link.label')}
        error={fe.caseId ?? (error && !fe.caseId ? generalMessage(error, t) : undefined)}
      >
        {(c) => (
          <Select {...c} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            <SelectOption value="">{t('measures.link.choose')}</SelectOption>
            {choices.map((m) => (
              <SelectOption key={m.id} value={m.id}>
                {m.description.length > 70 ? `${m.description.slice(0, 67)}…` : m.description}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <div className="kf-actions">
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy || !chosen}>
          {t('measures.link.submit')}
        </Button>
      </div>
    </form>
  );
}
