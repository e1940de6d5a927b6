import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { dossierOut } from '../../../../../server/presenters/staff/dossierPresenter.ts';
import { api } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session.tsx';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import {
  AddLineForm,
  AssignLineForm,
  Closed,
  CommentForm,
  CompleteLineForm,
  HandlerForm,
  RescheduleForm,
  TaskForm,
} from './dossierForms.tsx';
import './dossierPanel.css';

export type Dossier = z.infer<typeof dossierOut>;
type Task = Dossier['tasks'][number];
const OPEN = ['open', 'inProgress'];

/**
 * Seed 004's dossier work on the case page: the action lines with their proposed dates, comments
 * and tasks, the tasks on the whole dossier, and who handles it. Every form stays closed until used.
 * Shown only for a process that works with action lines (the server says so: `enabled`).
 */
export function DossierPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { t, l, date } = useI18n();
  const dir = useDirectory();
  const res = useResource<Dossier>(`/cases/${c.id}/dossier`);
  const [done, setDone] = useState<string | null>(null);
  const reload = res.reload;
  // A new case version (a step taken, the handler changed) re-reads the dossier; the first render already reads it.
  const seen = useRef(c.version);
  useEffect(() => {
    if (seen.current === c.version) return;
    seen.current = c.version;
    reload();
  }, [c.version, reload]);
  const d = res.data;
  if (!d?.enabled) return res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null;
  const changed = (message: string) => {
    setDone(message);
    announce(message);
    res.reload();
    onChanged();
  };
  const who = (x: Task) => [x.assignee?.name, x.team?.name].filter(Boolean).join(', ') || t('dossier.nobody');
  const status = (s: string) => t(`dossier.status.${s}` as 'dossier.status.open');
  const meta = (x: Task) =>
    [
      status(x.status),
      x.dueDate ? t('dossier.due', { date: date(x.dueDate) }) : t('dossier.noDue'),
      t('dossier.for', { who: who(x) }),
    ].join(' · ');

  return (
    <section aria-labelledby="dossier-title" className="kf-section kf-dossier">
      <Heading2 id="dossier-title">{t('dossier.title')}</Heading2>
      <Paragraph className="kf-muted">{t('dossier.intro')}</Paragraph>
      {done ? (
        <Paragraph className="kf-dossier-done" role="status">
          {done}
        </Paragraph>
      ) : null}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      <Paragraph>{d.handler ? t('dossier.handler', { name: d.handler.name }) : t('dossier.noHandler')}</Paragraph>
      {d.abilities.direct ? (
        <Closed summary={t('dossier.changeHandler')}>
          <HandlerForm caseId={c.id} dir={dir} current={d.handler?.id ?? null} onDone={changed} />
        </Closed>
      ) : null}

      <Heading3>{t('dossier.lines')}</Heading3>
      {d.lines.length ? (
        <ol className="kf-dossier-list">
          {d.lines.map((line) => (
            <li key={line.id} className="kf-dossier-item">
              <strong>{line.subject}</strong>
              <div className="kf-muted">{meta(line)}</div>
              {line.completionReason ? <div>{t('dossier.reason', { reason: l(line.completionReason.label) })}</div> : null}
              {line.comments.length ? (
                <ul className="kf-dossier-comments" aria-label={t('dossier.comments')}>
                  {line.comments.map((x) => (
                    <li key={x.id}>
                      {x.body}{' '}
                      <span className="kf-muted">
                        ({t('dossier.commentBy', { author: x.author?.name ?? '', when: date(x.createdAt) })})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {line.tasks.length ? <TaskList tasks={line.tasks} label={t('dossier.lineTasks')} meta={meta} onChanged={changed} /> : null}
              {OPEN.includes(line.status) && (d.abilities.direct || d.abilities.comment) ? (
                <Closed summary={t('dossier.lineActions')} label={t('dossier.lineActionsLabel', { subject: line.subject })}>
                  <div className="kf-dossier-forms">
                    {d.abilities.direct ? <RescheduleForm caseId={c.id} line={line} onDone={changed} /> : null}
                    <CommentForm caseId={c.id} line={line} onDone={changed} />
                    {d.abilities.direct ? <AssignLineForm caseId={c.id} line={line} dir={dir} onDone={changed} /> : null}
                    {d.abilities.direct ? <TaskForm caseId={c.id} lineId={line.id} dir={dir} onDone={changed} /> : null}
                    <CompleteLineForm line={line} reasons={d.completionReasons} onDone={changed} />
                  </div>
                </Closed>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <Paragraph>{t('dossier.noLines')}</Paragraph>
      )}
      {d.abilities.direct ? (
        <Closed summary={t('dossier.addLine')}>
          <AddLineForm caseId={c.id} dossier={d} onDone={changed} />
        </Closed>
      ) : null}

      <Heading3>{t('dossier.tasks')}</Heading3>
      {d.tasks.length ? (
        <TaskList tasks={d.tasks} label={t('dossier.tasks')} meta={meta} onChanged={changed} />
      ) : (
        <Paragraph>{t('dossier.noTasks')}</Paragraph>
      )}
      {d.abilities.direct ? (
        <Closed summary={t('dossier.newDossierTask')}>
          <TaskForm caseId={c.id} dir={dir} onDone={changed} />
        </Closed>
      ) : null}
    </section>
  );
}

/** Tasks with the buttons their state allows the user: pick up (own team's), start (own), complete. */
function TaskList({
  tasks,
  label,
  meta,
  onChanged,
}: {
  tasks: Task[];
  label: string;
  meta: (x: Task) => string;
  onChanged: (message: string) => void;
}) {
  const { t } = useI18n();
  const { session, can } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const me = session?.user.id;
  const run = async (x: Task, action: 'pick-up' | 'start' | 'closure', next: string) => {
    setBusy(x.id);
    setError(null);
    try {
      await api.post(`/activities/${x.id}/${action}`, action === 'closure' ? { status: 'done' } : undefined);
      onChanged(t('dossier.taskChanged', { subject: x.subject, status: t(`dossier.status.${next}` as 'dossier.status.open') }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      <ul className="kf-dossier-tasks" aria-label={label}>
        {tasks.map((x) => {
          const open = OPEN.includes(x.status) && can('activity:work');
          const mayPickUp = open && !x.assignee && (!x.team || !!session?.user.teamIds.includes(x.team.id));
          const mine = x.assignee?.id === me;
          return (
            <li key={x.id}>
              {x.subject}
              <div className="kf-muted">{meta(x)}</div>
              {x.body ? <div className="kf-dossier-notes">{x.body}</div> : null}
              <div className="kf-actions">
                {mayPickUp ? (
                  <Button
                    appearance="secondary-action-button"
                    disabled={busy === x.id}
                    aria-label={t('dossier.pickUpLabel', { subject: x.subject })}
                    onClick={() => run(x, 'pick-up', 'inProgress')}
                  >
                    {t('dossier.pickUp')}
                  </Button>
                ) : null}
                {open && mine && x.status === 'open' ? (
                  <Button
                    appearance="secondary-action-button"
                    disabled={busy === x.id}
                    aria-label={t('dossier.startLabel', { subject: x.subject })}
                    onClick={() => run(x, 'start', 'inProgress')}
                  >
                    {t('dossier.start')}
                  </Button>
                ) : null}
                {open && mine ? (
                  <Button
                    appearance="secondary-action-button"
                    disabled={busy === x.id}
                    aria-label={t('dossier.doneLabel', { subject: x.subject })}
                    onClick={() => run(x, 'closure', 'done')}
                  >
                    {t('dossier.done')}
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
