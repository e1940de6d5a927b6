import { Button, Heading3 } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage, isConflict } from '../../api/errors.ts';
import type { CaseDetail, Transition } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { InputControl, toApiValue, type InputValue } from './InputControl.tsx';

type Props = {
  caseId: string;
  version: number;
  transition: Transition;
  onDone: (c: CaseDetail) => void;
  onCancel: () => void;
  onReload: () => void;
};
/** What any step form gets; a step with inputs of its own (the hearing's time slots) brings its own form. */
export type StepFormProps = Props;

/**
 * The form of one process step, generated from the inputs the server listed for it. Field errors
 * come back as `inputs.<key>` and are shown at their field; a 409 (someone moved first) offers a reload.
 */
export function TransitionForm({ caseId, version, transition, onDone, onCancel, onReload }: Props) {
  const { t, l } = useI18n();
  const [values, setValues] = useState<Record<string, InputValue>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const fieldId = (key: string) => `step-${transition.key}-${key}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral([]);
    setFailure(null);
    const inputs: Record<string, unknown> = {};
    for (const i of transition.inputs) {
      const v = toApiValue(i, values[i.key]);
      if (v !== undefined) inputs[i.key] = v;
    }
    try {
      onDone(await api.post<CaseDetail>(`/cases/${caseId}/transitions`, { transition: transition.key, expectedVersion: version, inputs }));
    } catch (err) {
      if (isConflict(err)) setFailure(err);
      const fe = fieldErrorsOf(err);
      const mine: Record<string, string> = {};
      const rest: string[] = [];
      for (const [k, reason] of Object.entries(fe)) {
        const key = k.replace(/^inputs\./, '');
        if (transition.inputs.some((i) => i.key === key)) mine[key] = reason;
        else rest.push(reason);
      }
      setErrors(mine);
      if (!isConflict(err)) setGeneral(Object.keys(fe).length ? rest : [generalMessage(err, t)]);
    } finally {
      setBusy(false);
    }
  };

  const summary = [
    ...transition.inputs
      .filter((i) => errors[i.key])
      .map((i) => ({ fieldId: i.type === 'boolean' ? fieldId(i.key) : fieldId(i.key), message: errors[i.key]! })),
    ...general.map((message) => ({ message })),
  ];
  return (
    <form onSubmit={submit} noValidate className="kf-panel" aria-labelledby={`${fieldId('title')}`}>
      <Heading3 id={fieldId('title')} ref={heading} tabIndex={-1}>
        {t('case.stepFormTitle', { step: l(transition.label) })}
      </Heading3>
      {failure ? <ErrorNotice error={failure} onRetry={onReload} /> : null}
      <ErrorSummary title={t('app.formErrors')} errors={summary} headingLevel={4} />
      {transition.inputs.map((i) => (
        <InputControl
          key={i.key}
          id={fieldId(i.key)}
          def={i}
          value={values[i.key]}
          error={errors[i.key]}
          onChange={(v) => setValues((s) => ({ ...s, [i.key]: v }))}
        />
      ))}
      <div className="kf-actions">
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('case.stepSubmit', { step: l(transition.label) })}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {t('case.stepCancel')}
        </Button>
      </div>
    </form>
  );
}
