import { Alert, Button, Heading3, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { fieldErrorsOf, generalMessage, isConflict } from '../../api/errors.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { FormToggle } from './FormToggle.tsx';

type Props = { c: CaseDetail; onChanged: () => void };

/** The server writes dates inside its texts (rules, refusals) as 2026-04-13; show them as the page's other dates. */
export const readableDates = (text: string, date: (iso: string) => string) => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => date(iso));
type Answer = { deadline: string | null };

/** A civil date from a date input as an instant the API takes: noon local time, so no zone moves its day. */
const noonOf = (d: string) => {
  const x = new Date(`${d}T12:00:00`);
  return d && !Number.isNaN(x.getTime()) ? x.toISOString() : d;
};

/**
 * Awb 9:11 lid 2: extend the handling period once (weeks and a reason; the written notice to the
 * complainant and to colleagues complained about goes out by itself). After that only lid 3: a
 * further delay the complainant agreed to in writing. Shown to whoever may take process steps, while
 * the case is open. The server checks the law (at most 4 weeks, before the deadline) and names the field.
 */
export function ExtensionPanel({ c, onChanged }: Props) {
  const { t, date } = useI18n();
  const { can } = useSession();
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const handling = c.clocks.find((k) => k.key === 'handling');
  // Handed on (read only): the term is for whoever has the case now.
  if (!can('case:transition') || c.handedOn || c.closedAt || !handling || handling.state === 'stopped') return null;
  // An earlier term in the chain means the one extension has been used (or a delay was agreed).
  const extended = handling.previous.length > 0;
  const finish = (message: string) => {
    setDone(message);
    onChanged();
  };
  return (
    <div>
      {done ? (
        <div ref={doneRef} tabIndex={-1}>
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        </div>
      ) : null}
      <FormToggle label={t(extended ? 'consent.submit' : 'extension.submit')}>
        {extended ? (
          <ConsentForm c={c} onDone={(d) => finish(t('consent.done', { date: date(d) }))} onReload={onChanged} />
        ) : (
          <ExtensionForm
            c={c}
            end={handling.adjustedEnd}
            onDone={(d) => finish(t('extension.done', { date: date(d) }))}
            onReload={onChanged}
          />
        )}
      </FormToggle>
    </div>
  );
}

function readableErrors(error: unknown, date: (iso: string) => string) {
  return Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([k, v]) => [k, readableDates(v, date)])) as Record<
    string,
    string | undefined
  >;
}

/** A refusal not about one field (too late, already extended): a conflict offers a reload. */
function GeneralError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t, date } = useI18n();
  if (!error) return null;
  if (isConflict(error)) return <ErrorNotice error={error} onRetry={onReload} />;
  return (
    <Alert type="error">
      <Paragraph>{readableDates(generalMessage(error, t), date)}</Paragraph>
    </Alert>
  );
}

function useFocusFirstError(error: unknown, ids: [string, string | undefined][]) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves only when a new answer (error) arrives, not when ids change on every keystroke.
  useEffect(() => {
    const first = ids.find(([, message]) => message);
    if (first) document.getElementById(first[0])?.focus();
  }, [error]);
}

function ExtensionForm({
  c,
  end,
  onDone,
  onReload,
}: {
  c: CaseDetail;
  end: string;
  onDone: (deadline: string) => void;
  onReload: () => void;
}) {
  const { t, date } = useI18n();
  const [weeks, setWeeks] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  const fe = readableErrors(error, date);
  const errors = { weeks: fe['extension.weeks'] ?? fe.weeks, reason: fe.reason };
  useFocusFirstError(error, [
    ['extension-weeks', errors.weeks],
    ['extension-reason', errors.reason],
  ]);
  const general = error && !errors.weeks && !errors.reason;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const res = await api.post<Answer>(`/cases/${c.id}/extension`, { weeks: weeks.trim() ? Number(weeks) : undefined, reason });
      setWeeks('');
      setReason('');
      onDone(res.deadline ?? '');
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="extension-title" className="kf-panel">
      <Heading3 id="extension-title">{t('extension.title')}</Heading3>
      <Paragraph>
        {t('extension.intro', { date: date(end) })} {t('extension.notice')}
      </Paragraph>
      <GeneralError error={general ? error : null} onReload={onReload} />
      <Field id="extension-weeks" label={t('extension.weeks')} description={t('extension.weeksHint')} error={errors.weeks}>
        {(ctl) => (
          <Textbox
            {...ctl}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={weeks}
            onChange={(e) => setWeeks(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="extension-reason" label={t('extension.reason')} description={t('extension.reasonHint')} error={errors.reason}>
        {(ctl) => <Textarea {...ctl} rows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
        {t('extension.submit')}
      </Button>
    </form>
  );
}

function ConsentForm({ c, onDone, onReload }: { c: CaseDetail; onDone: (deadline: string) => void; onReload: () => void }) {
  const { t, date } = useI18n();
  const [consentAt, setConsentAt] = useState('');
  const [newEnd, setNewEnd] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  const fe = readableErrors(error, date);
  const errors = { consentAt: fe['consentDelay.consentAt'] ?? fe.consentAt, newEnd: fe['consentDelay.newEnd'] ?? fe.newEnd, note: fe.note };
  useFocusFirstError(error, [
    ['consent-at', errors.consentAt],
    ['consent-new-end', errors.newEnd],
    ['consent-note', errors.note],
  ]);
  const general = error && !errors.consentAt && !errors.newEnd && !errors.note;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const res = await api.post<Answer>(`/cases/${c.id}/consent-delay`, { consentAt: noonOf(consentAt), newEnd, note });
      setConsentAt('');
      setNewEnd('');
      setNote('');
      onDone(res.deadline ?? newEnd);
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="consent-title" className="kf-panel">
      <Heading3 id="consent-title">{t('consent.title')}</Heading3>
      <Paragraph>{t('consent.intro')}</Paragraph>
      <GeneralError error={general ? error : null} onReload={onReload} />
      <Field id="consent-at" label={t('consent.at')} description={t('consent.atHint')} error={errors.consentAt}>
        {(ctl) => <Textbox {...ctl} type="date" value={consentAt} onChange={(e) => setConsentAt(e.currentTarget.value)} />}
      </Field>
      <Field id="consent-new-end" label={t('consent.newEnd')} description={t('consent.newEndHint')} error={errors.newEnd}>
        {(ctl) => <Textbox {...ctl} type="date" value={newEnd} onChange={(e) => setNewEnd(e.currentTarget.value)} />}
      </Field>
      <Field id="consent-note" label={t('consent.note')} description={t('consent.noteHint')} error={errors.note}>
        {(ctl) => <Textarea {...ctl} rows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
        {t('consent.submit')}
      </Button>
    </form>
  );
}
