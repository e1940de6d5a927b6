import {
  Checkbox,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { TableWrap } from '../../../ui/index.ts';
import type { Activity, ActivityDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf } from '../i18n/labels.ts';
import { AppLink } from '../router.tsx';
import { useSession } from '../session.tsx';
import { ActivityActions } from './ActivityActions.tsx';

type Props = {
  caption: string;
  items: Activity[];
  selection?: { selected: Set<string>; toggle: (id: string) => void; setAll: (ids: string[], on: boolean) => void };
  onChanged: (a: ActivityDetail) => void;
  onError: (e: unknown) => void;
};

const selectable = (a: Activity) => a.status === 'open' || a.status === 'inProgress';

/** Activities as a table: real links to their case or intake, per-row actions, optional selection. */
export function ActivityTable({ caption, items, selection, onChanged, onError }: Props) {
  const { t, has, dateTime } = useI18n();
  const { can } = useSession();
  const ids = items.filter(selectable).map((a) => a.id);
  const allOn = !!selection && ids.length > 0 && ids.every((id) => selection.selected.has(id));
  const someOn = !!selection && ids.some((id) => selection.selected.has(id));
  const subjectLink = (a: Activity) => {
    if (a.caseId) return <AppLink to={`/meldingen/${a.caseId}`}>{a.subject}</AppLink>;
    if (a.kind === 'intake' && can('case:create')) return <AppLink to={`/activiteiten/${a.id}`}>{a.subject}</AppLink>;
    return a.subject;
  };
  return (
    <TableWrap label={caption}>
      <Table>
        <TableCaption className="kf-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {selection ? (
              <TableHeaderCell scope="col">
                <Checkbox
                  aria-label={t('queue.selectAll')}
                  checked={allOn}
                  indeterminate={someOn && !allOn}
                  disabled={!ids.length}
                  onChange={(e) => selection.setAll(ids, e.currentTarget.checked)}
                />
              </TableHeaderCell>
            ) : null}
            <TableHeaderCell scope="col">{t('queue.col.subject')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('queue.col.channel')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('queue.col.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('queue.col.contact')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('queue.col.case')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('queue.col.assignee')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('queue.col.deadline')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('queue.col.received')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('queue.col.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((a) => (
            <TableRow key={a.id}>
              {selection ? (
                <TableCell>
                  {selectable(a) ? (
                    <Checkbox
                      aria-label={t('queue.selectOne', { subject: a.subject })}
                      checked={selection.selected.has(a.id)}
                      onChange={() => selection.toggle(a.id)}
                    />
                  ) : null}
                </TableCell>
              ) : null}
              <TableCell>
                {subjectLink(a)}
                <div className="kf-muted">{labelOf(t, has, 'kind', a.kind)}</div>
              </TableCell>
              <TableCell>
                {labelOf(t, has, 'channel', a.channel)}
                {a.bulkMail ? <div className="kf-muted">{t('intake.bulkMail')}</div> : null}
              </TableCell>
              <TableCell>{labelOf(t, has, 'activityStatus', a.status)}</TableCell>
              <TableCell>{a.contact.name || a.contact.email || a.contact.phone || t('app.none')}</TableCell>
              <TableCell className="kf-nowrap">
                {a.caseId && a.caseReference ? <AppLink to={`/meldingen/${a.caseId}`}>{a.caseReference}</AppLink> : t('app.none')}
              </TableCell>
              <TableCell>
                {a.assignee?.name ?? t('queue.nobody')}
                {a.team ? <div className="kf-muted">{a.team.name}</div> : null}
              </TableCell>
              <TableCell>
                <DeadlineCell a={a} />
              </TableCell>
              <TableCell className="kf-nowrap">{dateTime(a.createdAt)}</TableCell>
              <TableCell>
                <ActivityActions activity={a} onChanged={onChanged} onError={onError} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}

/** The case's statutory deadline and service norm (where there is one), each flagged in words, not by colour alone. */
function DeadlineCell({ a }: { a: Activity }) {
  const { t, date } = useI18n();
  const flag = (state: Activity['deadlineState']) =>
    state ? <strong> · {t(state === 'overdue' ? 'queue.overdue' : 'queue.nearlyDue')}</strong> : null;
  if (!a.caseDeadline && !a.normDeadline) return <span className="kf-muted">{t('queue.noDeadline')}</span>;
  return (
    <>
      {a.caseDeadline ? (
        <div>
          {t('queue.deadlineHandling', { date: date(a.caseDeadline) })}
          {flag(a.deadlineState)}
        </div>
      ) : null}
      {a.normDeadline ? (
        <div>
          {t('queue.deadlineNorm', { date: date(a.normDeadline) })}
          {flag(a.normState)}
        </div>
      ) : null}
    </>
  );
}
