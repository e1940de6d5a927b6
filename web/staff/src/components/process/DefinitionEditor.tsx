import { Alert, Button, ButtonGroup, Heading2, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useMemo, useState, type ChangeEvent } from 'react';
import { ErrorSummary, Field } from '../../../../ui/index.ts';
import { ApiError, api } from '../../api/client.ts';
import { resetDirectory } from '../../api/directory.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useProcessI18n as useI18n } from './useProcessI18n.ts';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import type { ProcessCheck, ProcessOverview, ProcessVersionDetail } from './processTypes.ts';

const FIELD_ID = 'process-definition';

/**
 * Changing a process: the definition as JSON in a text box (or from a chosen .json file), checked
 * by the server with the validation start-up uses, every problem listed; saved as a draft; the
 * draft published. The server refuses what does not pass, so this screen only reports.
 */
export function DefinitionEditor({ process, onChanged }: { process: ProcessOverview; onChanged: () => void }) {
  const { t, dateTime } = useI18n();
  const start = process.draft ?? process.published;
  const [text, setText] = useState(() => JSON.stringify(start.definition, null, 2));
  const [problems, setProblems] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = useSubmit();
  const base = `/processes/${encodeURIComponent(process.key)}`;

  /** A 400 from the server lists the problems (invalidParams); anything else is shown as an error. */
  const keepProblems = (err: unknown) => {
    if (err instanceof ApiError && err.status === 400 && err.invalidParams.length) {
      setProblems(err.invalidParams.map((p) => p.reason));
      return true;
    }
    return false;
  };
  const check = (definition: string) =>
    submit.run(async () => {
      setNotice(null);
      const r = await api.post<ProcessCheck>(`${base}/checks`, { definition });
      setProblems(r.problems);
      if (r.valid) {
        setNotice(t('process.checkOk'));
        announce(t('process.checkOk'));
      }
    });
  const saveDraft = () =>
    submit.run(async () => {
      setNotice(null);
      try {
        const saved = await api.post<ProcessVersionDetail>(`${base}/drafts`, { definition: text });
        setProblems(null);
        const msg = t('process.draftSaved', { version: saved.version });
        setNotice(msg);
        announce(msg);
        onChanged();
      } catch (err) {
        if (!keepProblems(err)) throw err;
      }
    });
  const publish = (version: number) =>
    submit.run(async () => {
      setNotice(null);
      try {
        await api.post<ProcessVersionDetail>(`${base}/versions/${version}/publication`);
        resetDirectory(); // status and field names of new cases come from the published version
        const msg = t('process.published', { version });
        setNotice(msg);
        announce(msg);
        onChanged();
      } catch (err) {
        if (!keepProblems(err)) throw err;
      }
    });
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    try {
      const content = await file.text();
      setText(content);
      await check(content);
    } catch {
      setProblems([t('process.fileUnreadable')]);
    }
  };

  // One array per answer: the summary takes focus when its list changes, not on every keystroke.
  const summary = useMemo(() => (problems ?? []).map((message) => ({ message, fieldId: FIELD_ID })), [problems]);
  const problemCount = problems?.length ?? 0;
  const problemsTitle = problemCount === 1 ? t('process.problems1') : t('process.problems', { count: problemCount });
  return (
    <section aria-labelledby="process-edit-title" className="kf-section kf-pd-editor">
      <Heading2 id="process-edit-title">{t('process.edit')}</Heading2>
      <Paragraph>{t('process.editIntro')}</Paragraph>
      {process.draft ? (
        <div className="kf-panel">
          <Paragraph>
            {t('process.draftLine', {
              version: process.draft.version,
              date: dateTime(process.draft.createdAt),
              name: process.draft.createdBy,
            })}
          </Paragraph>
          <Paragraph className="kf-muted">{t('process.publishHint')}</Paragraph>
          <Button appearance="primary-action-button" disabled={submit.busy} onClick={() => void publish(process.draft!.version)}>
            {t('process.publish', { version: process.draft.version })}
          </Button>
        </div>
      ) : null}
      <ErrorSummary title={problemsTitle} errors={summary} headingLevel={3} />
      {notice ? (
        <Alert type="ok">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      ) : null}
      {submit.error ? <ErrorNotice error={submit.error} /> : null}
      <Paragraph className="kf-muted">
        {process.draft ? t('process.editStart', { version: start.version }) : t('process.editStartPublished', { version: start.version })}
      </Paragraph>
      <Field id={FIELD_ID} label={t('process.definition')} error={problemCount ? problemsTitle : undefined}>
        {(control) => (
          <Textarea
            {...control}
            className="kf-pd-editor__json"
            rows={24}
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setNotice(null);
            }}
          />
        )}
      </Field>
      <Field id="process-file" label={t('process.file')} description={t('process.fileHint')}>
        {(control) => (
          <input
            id={control.id}
            aria-describedby={control['aria-describedby']}
            className="kf-file"
            type="file"
            accept=".json,application/json"
            onChange={(e) => void readFile(e)}
          />
        )}
      </Field>
      <ButtonGroup>
        <Button appearance="secondary-action-button" disabled={submit.busy} onClick={() => void check(text)}>
          {t('process.check')}
        </Button>
        <Button appearance="primary-action-button" disabled={submit.busy} onClick={() => void saveDraft()}>
          {t('process.saveDraft')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
