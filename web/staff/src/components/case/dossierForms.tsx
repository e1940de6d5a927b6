import { Button, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import type { Directory } from '../../api/directory.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import type { Dossier } from './DossierPanel.tsx';

/**
 * The dossier panel's small forms, each closed until used (a <details> whose summary names what it
 * does). A form sends one request; what the server refuses is shown at its field or above the form.
 */
type Done = (message: string) => void;

/** One small form: field errors at their field (by key), anything else above it. */
function MiniForm({
  id,
  fields,
  submit,
  label,
  onSubmit,
}: {
  id: string;
  fields: (errors: Record<string, string>) => ReactNode;
  submit: string;
  label?: string;
  onSubmit: () => Promise<unknown>;
}) {
  const { busy, error, run } = useSubmit();
  const errors = fieldErrorsOf(error);
  const handle = async (e: FormEvent) => {
    e.preventDefault();
    await run(onSubmit);
  };
  return (
    <form id={id} onSubmit={handle} noValidate className="kf-dossier-form" aria-label={label}>
      {error && !Object.keys(errors).length ? <ErrorNotice error={error} /> : null}
      {fields(errors)}
      <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
        {submit}
      </Button>
    </form>
  );
}

/** A form behind its summary: closed until used, so the panel stays short. */
export function Closed({ summary, label, children }: { summary: string; label?: string; children: ReactNode }) {
  return (
    <details className="kf-dossier-details">
      <summary aria-label={label}>{summary}</summary>
      {children}
    </details>
  );
}

/** Who work can go to: the organisation's teams and colleagues, as "team:<id>" or "user:<id>". */
function TargetSelect({
  id,
  dir,
  value,
  onChange,
  ctl,
}: {
  id: string;
  dir: Directory | null;
  value: string;
  onChange: (v: string) => void;
  ctl: object;
}) {
  const { t } = useI18n();
  return (
    <Select {...ctl} id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <SelectOption value="">{t('dossier.choose')}</SelectOption>
      <optgroup label={t('dossier.teams')}>
        {(dir?.teams ?? []).map((team) => (
          <SelectOption key={team.id} value={`team:${team.id}`}>
            {team.name}
          </SelectOption>
        ))}
      </optgroup>
      <optgroup label={t('dossier.people')}>
        {(dir?.users ?? []).map((u) => (
          <SelectOption key={u.id} value={`user:${u.id}`}>
            {u.name}
          </SelectOption>
        ))}
      </optgroup>
    </Select>
  );
}
const targetOf = (v: string) => (v.startsWith('team:') ? { teamId: v.slice(5) } : v.startsWith('user:') ? { userId: v.slice(5) } : {});

export function RescheduleForm({ caseId, line, onDone }: { caseId: string; line: Dossier['lines'][number]; onDone: Done }) {
  const { t } = useI18n();
  const [dueDate, setDueDate] = useState(line.dueDate ?? '');
  const id = `line-${line.id}-due`;
  return (
    <MiniForm
      id={`${id}-form`}
      submit={t('dossier.dueSubmit')}
      onSubmit={async () => {
        await api.patch(`/cases/${caseId}/action-lines/${line.id}`, { dueDate });
        onDone(t('dossier.dueChanged', { subject: line.subject }));
      }}
      fields={(errors) => (
        <Field id={id} label={t('dossier.dueField')} error={errors.dueDate}>
          {(ctl) => <Textbox {...ctl} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />}
        </Field>
      )}
    />
  );
}

export function CommentForm({ caseId, line, onDone }: { caseId: string; line: Dossier['lines'][number]; onDone: Done }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const id = `line-${line.id}-comment`;
  return (
    <MiniForm
      id={`${id}-form`}
      submit={t('dossier.commentSubmit')}
      onSubmit={async () => {
        await api.post(`/cases/${caseId}/action-lines/${line.id}/comments`, { body });
        setBody('');
        onDone(t('dossier.commented'));
      }}
      fields={(errors) => (
        <Field id={id} label={t('dossier.commentField')} error={errors.body}>
          {(ctl) => <Textarea {...ctl} rows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />}
        </Field>
      )}
    />
  );
}

export function AssignLineForm({
  caseId,
  line,
  dir,
  onDone,
}: {
  caseId: string;
  line: Dossier['lines'][number];
  dir: Directory | null;
  onDone: Done;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState('');
  const id = `line-${line.id}-assign`;
  return (
    <MiniForm
      id={`${id}-form`}
      submit={t('dossier.assignSubmit')}
      onSubmit={async () => {
        await api.post(`/cases/${caseId}/tasks/${line.id}/assignment`, targetOf(target));
        onDone(t('dossier.assigned', { subject: line.subject }));
      }}
      fields={(errors) => (
        <Field id={id} label={t('dossier.assignField')} error={errors.userId ?? errors.teamId ?? errors.reason}>
          {(ctl) => <TargetSelect id={id} dir={dir} value={target} onChange={setTarget} ctl={ctl} />}
        </Field>
      )}
    />
  );
}

export function CompleteLineForm({
  line,
  reasons,
  onDone,
}: {
  line: Dossier['lines'][number];
  reasons: Dossier['completionReasons'];
  onDone: Done;
}) {
  const { t, l } = useI18n();
  const [reason, setReason] = useState('');
  const id = `line-${line.id}-reason`;
  return (
    <MiniForm
      id={`${id}-form`}
      submit={t('dossier.completeSubmit')}
      onSubmit={async () => {
        await api.post(`/activities/${line.id}/closure`, { status: 'done', ...(reason ? { completionReason: reason } : {}) });
        onDone(t('dossier.completed', { subject: line.subject }));
      }}
      fields={(errors) =>
        reasons.length ? (
          <Field id={id} label={t('dossier.reasonField')} error={errors.completionReason}>
            {(ctl) => (
              <Select {...ctl} value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
                <SelectOption value="">{t('dossier.noReason')}</SelectOption>
                {reasons.map((r) => (
                  <SelectOption key={r.value} value={r.value}>
                    {l(r.label)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
        ) : null
      }
    />
  );
}

/** A task for a colleague or a team: for one line (lineId) or for the whole dossier. */
export function TaskForm({ caseId, lineId, dir, onDone }: { caseId: string; lineId?: string; dir: Directory | null; onDone: Done }) {
  const { t } = useI18n();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [target, setTarget] = useState('');
  const id = `task-${lineId ?? 'dossier'}`;
  return (
    <MiniForm
      id={`${id}-form`}
      submit={t('dossier.taskSubmit')}
      onSubmit={async () => {
        await api.post(`/cases/${caseId}/tasks`, {
          subject,
          ...(body ? { body } : {}),
          ...(lineId ? { lineId } : {}),
          ...targetOf(target),
        });
        onDone(t('dossier.taskCreated', { subject }));
        setSubject('');
        setBody('');
        setTarget('');
      }}
      fields={(errors) => (
        <>
          <Field id={`${id}-subject`} label={t('dossier.taskSubject')} error={errors.subject}>
            {(ctl) => <Textbox {...ctl} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />}
          </Field>
          <Field id={`${id}-notes`} label={t('dossier.taskNotes')} error={errors.body}>
            {(ctl) => <Textarea {...ctl} rows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />}
          </Field>
          <Field id={`${id}-for`} label={t('dossier.taskFor')} error={errors.userId ?? errors.teamId}>
            {(ctl) => <TargetSelect id={`${id}-for`} dir={dir} value={target} onChange={setTarget} ctl={ctl} />}
          </Field>
        </>
      )}
    />
  );
}

/** One more action line: a line of the step template (the complainant is not satisfied yet) or one described by hand. */
export function AddLineForm({ caseId, dossier, onDone }: { caseId: string; dossier: Dossier; onDone: Done }) {
  const { t, l } = useI18n();
  const [from, setFrom] = useState('own');
  const [subject, setSubject] = useState('');
  const [dueDate, setDueDate] = useState('');
  const own = from === 'own';
  return (
    <MiniForm
      id="add-line-form"
      submit={t('dossier.lineSubmit')}
      onSubmit={async () => {
        const [template, line] = from.split(':');
        await api.post(`/cases/${caseId}/action-lines`, {
          ...(own ? { subject } : { fromTemplate: { template, line: Number(line) } }),
          ...(dueDate ? { dueDate } : {}),
        });
        onDone(t('dossier.lineAdded'));
        setSubject('');
        setDueDate('');
      }}
      fields={(errors) => (
        <>
          <Field id="add-line-from" label={t('dossier.lineFrom')} error={errors['fromTemplate.template'] ?? errors['fromTemplate.line']}>
            {(ctl) => (
              <Select {...ctl} value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
                <SelectOption value="own">{t('dossier.ownLine')}</SelectOption>
                {dossier.templates.map((tpl, i) => (
                  <optgroup key={tpl.key} label={`${t('dossier.fromTemplate')}${dossier.templates.length > 1 ? ` ${i + 1}` : ''}`}>
                    {tpl.lines.map((line) => (
                      <SelectOption key={line.index} value={`${tpl.key}:${line.index}`}>
                        {t('dossier.templateLine', { subject: l(line.subject), days: line.afterDays })}
                      </SelectOption>
                    ))}
                  </optgroup>
                ))}
              </Select>
            )}
          </Field>
          {own ? (
            <Field id="add-line-subject" label={t('dossier.lineSubject')} error={errors.subject}>
              {(ctl) => <Textbox {...ctl} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />}
            </Field>
          ) : null}
          <Field
            id="add-line-due"
            label={t('dossier.dueField')}
            description={own ? undefined : t('dossier.lineDueHint')}
            error={errors.dueDate}
          >
            {(ctl) => <Textbox {...ctl} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />}
          </Field>
        </>
      )}
    />
  );
}

/** Hand the dossier to another handling employee. */
export function HandlerForm({
  caseId,
  dir,
  current,
  onDone,
}: {
  caseId: string;
  dir: Directory | null;
  current: string | null;
  onDone: Done;
}) {
  const { t } = useI18n();
  const [userId, setUserId] = useState(current ?? '');
  return (
    <MiniForm
      id="handler-form"
      submit={t('dossier.handlerSubmit')}
      onSubmit={async () => {
        const d = await api.put<Dossier>(`/cases/${caseId}/handler`, { userId });
        onDone(t('dossier.handlerChanged', { name: d.handler?.name ?? '' }));
      }}
      fields={(errors) => (
        <Field id="handler-user" label={t('dossier.handlerField')} error={errors.userId}>
          {(ctl) => (
            <Select {...ctl} value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
              <SelectOption value="">{t('dossier.choose')}</SelectOption>
              {(dir?.users ?? []).map((u) => (
                <SelectOption key={u.id} value={u.id}>
                  {u.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      )}
    />
  );
}
