import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { TableWrap } from '../../../../ui/index.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { CollapsibleSection } from './CollapsibleSection.tsx';

/** Every contact moment and task of this case. */
export function LinkedActivities({ c }: { c: CaseDetail }) {
  const { t, has, dateTime } = useI18n();
  return (
    <CollapsibleSection id="activities-title" title={t('case.activities')} count={c.activities.length}>
      {c.activities.length ? (
        <TableWrap label={t('case.activities')}>
          <Table aria-labelledby="activities-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('queue.col.subject')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('queue.col.channel')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('queue.col.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('queue.col.assignee')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('queue.col.received')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {c.activities.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    {a.subject}
                    <div className="kf-muted">{labelOf(t, has, 'kind', a.kind)}</div>
                  </TableCell>
                  <TableCell>{labelOf(t, has, 'channel', a.channel)}</TableCell>
                  <TableCell>{labelOf(t, has, 'activityStatus', a.status)}</TableCell>
                  <TableCell>{[a.assigneeName, a.teamName].filter(Boolean).join(', ') || t('queue.nobody')}</TableCell>
                  <TableCell className="kf-nowrap">{dateTime(a.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      ) : (
        <Paragraph>{t('case.activitiesEmpty')}</Paragraph>
      )}
    </CollapsibleSection>
  );
}
