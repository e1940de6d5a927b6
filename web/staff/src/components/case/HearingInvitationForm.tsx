import { Button, Fieldset, FieldsetLegend, Heading3, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage, isConflict } from '../../api/errors.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import type { StepFormProps } from './TransitionForm.tsx';

type Slot = { uid: number; startsAt: string; endsAt: string; location: string };
const FIELDS = ['startsAt', 'endsAt', 'location'] as const;
let uids = 0;
const emptySlot = (location = ''): Slot => ({ uid: ++uids, startsAt: '', endsAt: '', location });
// A datetime-local value is the browser's local time; the API wants an instant with its offset.
const instant = (v: string) => {
  const d = new Date(v);
  return v && !Number.isNaN(d.getTime()) ? d.toISOString() : v;
};

/**
 * The hearing invitation (Awb 9:10) as the step's form: the times offered to the complainant, each
 * with start, end and place, added and removed as needed; the invitation mail lists them. Server
 * messages come back per slot (`slots.1.endsAt`) and are shown at that field.
 */
export function HearingInvitationForm({ caseId, version, transition, onDone, onCancel, onReload }: StepFormProps) {
  const { t, l } = useI18n();
  const [slots, setSlots] = useState<Slot[]>(() => [emptySlot()]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [focusSlot, setFocusSlot] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (focusSlot !== null) document.getElementById(`hearing-slot-${focusSlot}-startsAt`)?.focus();
  }, [focusSlot]);
  const fieldId = (i: number, f: string) => `hearing-slot-${i}-${f}`;

  const fe = fieldErrorsOf(error);
  const known = new Set<string>();
  const summary = [
    ...slots.flatMap((_, i) =>
      FIELDS.filter((f) => fe[`slots.${i}.${f}`]).map((f) => {
        known.add(`slots.${i}.${f}`);
        return { fieldId: fieldId(i, f), message: `${t('hearing.slot', { n: i + 1 })}: ${fe[`slots.${i}.${f}`]}` };
      }),
    ),
    ...(fe.note ? (known.add('note'), [{ fieldId: 'hearing-note', message: fe.note }]) : []),
    ...Object.entries(fe)
      .filter(([k]) => !known.has(k))
      .map(([, message]) => ({ message })),
    ...(error && !isConflict(error) && !Object.keys(fe).length ? [{ message: generalMessage(error, t) }] : []),
  ];

  const update = (uid: number, patch: Partial<Slot>) => setSlots((s) => s.map((x) => (x.uid === uid ? { ...x, ...patch } : x)));
  const add = () => {
    setSlots((s) => [...s, emptySlot(s[s.length - 1]?.location ?? '')]);
    setFocusSlot(slots.length);
    announce(t('hearing.slotAdded', { n: slots.length + 1 }));
  };
  const remove = (index: number) => {
    setSlots((s) => s.filter((_, i) => i !== index));
    announce(t('hearing.slotRemoved', { n: index + 1 }));
    setFocusSlot(null);
    setTimeout(() => addButton.current?.focus(), 0);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        slots: slots.map((s) => ({ startsAt: instant(s.startsAt), endsAt: instant(s.endsAt), location: s.location })),
        expectedVersion: version,
        ...(note.trim() ? { note } : {}),
      };
      await api.post(`/cases/${caseId}/hearing-invitation`, body);
      onDone(await api.get<CaseDetail>(`/cases/${caseId}`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="kf-panel" aria-labelledby="hearing-form-title">
      <Heading3 id="hearing-form-title" ref={heading} tabIndex={-1}>
        {t('case.stepFormTitle', { step: l(transition.label) })}
      </Heading3>
      <Paragraph>{t('hearing.intro')}</Paragraph>
      {isConflict(error) ? <ErrorNotice error={error} onRetry={onReload} /> : null}
      <ErrorSummary title={t('app.formErrors')} errors={summary} headingLevel={4} />
      {slots.map((s, i) => (
        <Fieldset key={s.uid}>
          <FieldsetLegend>{t('hearing.slot', { n: i + 1 })}</FieldsetLegend>
          <div className="kf-row">
            <Field
              id={fieldId(i, 'startsAt')}
              label={t('hearing.startsAt')}
              error={fe[`slots.${i}.startsAt`]}
              required
              requiredMark={t('app.required')}
            >
              {(ctl) => (
                <Textbox
                  {...ctl}
                  type={'datetime-local' as 'text'}
                  value={s.startsAt}
                  onChange={(e) => update(s.uid, { startsAt: e.currentTarget.value })}
                />
              )}
            </Field>
            <Field
              id={fieldId(i, 'endsAt')}
              label={t('hearing.endsAt')}
              error={fe[`slots.${i}.endsAt`]}
              required
              requiredMark={t('app.required')}
            >
              {(ctl) => (
                <Textbox
                  {...ctl}
                  type={'datetime-local' as 'text'}
                  value={s.endsAt}
                  onChange={(e) => update(s.uid, { endsAt: e.currentTarget.value })}
                />
              )}
            </Field>
          </div>
          <Field
            id={fieldId(i, 'location')}
            label={t('hearing.location')}
            description={t('hearing.locationHint')}
            error={fe[`slots.${i}.location`]}
            required
            requiredMark={t('app.required')}
          >
            {(ctl) => <Textbox {...ctl} value={s.location} onChange={(e) => update(s.uid, { location: e.currentTarget.value })} />}
          </Field>
          {slots.length > 1 ? (
            <Button type="button" appearance="subtle-button" onClick={() => remove(i)}>
              {t('hearing.removeSlot', { n: i + 1 })}
            </Button>
          ) : null}
        </Fieldset>
      ))}
      {slots.length < 10 ? (
        <Button type="button" appearance="secondary-action-button" ref={addButton} onClick={add}>
          {t('hearing.addSlot')}
        </Button>
      ) : null}
      <Field id="hearing-note" label={t('hearing.note')} description={t('hearing.noteHint')} error={fe.note}>
        {(ctl) => <Textarea {...ctl} rows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <div className="kf-actions">
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('hearing.send')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {t('case.stepCancel')}
        </Button>
      </div>
    </form>
  );
}
