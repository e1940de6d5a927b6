import { Button, Heading2, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import type { ProcessDef } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { InputControl, toApiValue, type InputValue } from '../case/InputControl.tsx';

type Props = {
  processes: ProcessDef[];
  errors: Record<string, string>;
  busy: boolean;
  onSubmit: (processKey: string | undefined, data: Record<string, unknown>) => void;
};

export const dataFieldId = (key: string) => `case-data-${key}`;

/** "Nieuwe melding": the kind of case and its data fields, generated from the process definition. */
export function NewCaseForm({ processes, errors, busy, onSubmit }: Props) {
  const { t, l } = useI18n();
  const [processKey, setProcessKey] = useState(processes[0]?.key ?? '');
  const [values, setValues] = useState<Record<string, InputValue>>({});
  const process = processes.find((p) => p.key === processKey);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data: Record<string, unknown> = {};
    for (const f of process?.caseType.fields ?? []) {
      const v = toApiValue(f, values[f.key]);
      if (v !== undefined) data[f.key] = v;
    }
    onSubmit(processes.length > 1 ? processKey : undefined, data);
  };
  return (
    <section aria-labelledby="newcase-title" className="kf-section">
      <Heading2 id="newcase-title">{t('intake.newCase')}</Heading2>
      <Paragraph>{t('intake.newCaseIntro')}</Paragraph>
      <form onSubmit={submit} noValidate aria-labelledby="newcase-title">
        {processes.length > 1 ? (
          <Field id="case-process" label={t('intake.process')} error={errors.processKey}>
            {(c) => (
              <Select {...c} value={processKey} onChange={(e) => setProcessKey(e.currentTarget.value)}>
                {processes.map((p) => (
                  <SelectOption key={p.key} value={p.key}>
                    {l(p.label)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        {(process?.caseType.fields ?? []).map((f) => (
          <InputControl
            key={f.key}
            id={dataFieldId(f.key)}
            def={f}
            value={values[f.key]}
            error={errors[`data.${f.key}`]}
            onChange={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
          />
        ))}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('intake.createCase')}
        </Button>
      </form>
    </section>
  );
}
