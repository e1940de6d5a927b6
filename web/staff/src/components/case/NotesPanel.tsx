import { Button, Paragraph, Textarea } from '@utrecht/component-library-react';
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
import { CollapsibleSection } from './CollapsibleSection.tsx';
import { NoteOthersDataMark } from '../subjectRequests/NoteOthersDataMark.tsx';

/** Internal notes: read them, and add one (when the server says this person may). */
export function NotesPanel({ c, onAdded }: { c: CaseDetail; onAdded: () => void }) {
  const { t, dateTime } = useI18n();
  const [body, setBody] = useState('');
  const { busy, error, run } = useSubmit();
  const fieldError = fieldErrorsOf(error).body;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await api.post(`/cases/${c.id}/notes`, { body });
      setBody('');
      announce(t('case.noteAdded'));
      onAdded();
    });
  };
  return (
    <CollapsibleSection id="notes-title" title={t('case.notes')} count={c.notes.length}>
      {c.notes.length ? (
        <ul className="kf-timeline">
          {c.notes.map((n) => (
            <li key={n.id}>
              <div className="kf-muted">
                {n.author?.name ?? t('app.none')}, <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
              </div>
              <div className="kf-pre">{n.body}</div>
              <NoteOthersDataMark caseId={c.id} note={n} canMark={c.abilities.addNote} onChanged={onAdded} />
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('case.notesEmpty')}</Paragraph>
      )}
      {c.abilities.addNote ? (
        <FormToggle label={t('case.noteAdd')}>
          <form onSubmit={submit} noValidate>
            {error && !fieldError ? <ErrorNotice error={error} /> : null}
            <Field id="note-body" label={t('case.noteLabel')} description={t('case.noteHint')} error={fieldError}>
              {(ctl) => <Textarea {...ctl} rows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} />}
            </Field>
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
              {t('case.noteAdd')}
            </Button>
          </form>
        </FormToggle>
      ) : null}
    </CollapsibleSection>
  );
}
