import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppLink } from '../../router.tsx';
import { CaptionedTable } from '../CaptionedTable.tsx';
import { BASE, type SubjectRequest } from './subjectRequestTypes.ts';

/** Every request, open ones first by deadline: who, what, received, due and where it stands. */
export function SubjectRequestList({ items }: { items: SubjectRequest[] }) {
  const { t, date } = useI18n();
  if (!items.length) return <Paragraph>{t('subjectRequests.empty')}</Paragraph>;
  return (
    <CaptionedTable
      caption={t('subjectRequests.list')}
      columns={[
        t('subjectRequests.col.subject'),
        t('subjectRequests.col.kind'),
        t('subjectRequests.col.received'),
        t('subjectRequests.col.deadline'),
        t('subjectRequests.col.status'),
      ]}
    >
      {items.map((r) => (
        <TableRow key={r.id}>
          <TableCell>
            <AppLink to={`${BASE}/${r.id}`}>{r.subjectName}</AppLink>
          </TableCell>
          <TableCell>{t(`subjectRequests.kind.${r.kind}`)}</TableCell>
          <TableCell>{date(r.receivedOn)}</TableCell>
          <TableCell>
            {date(r.deadline)}
            {r.extended ? ` (${t('subjectRequests.extendedMark')})` : ''}
          </TableCell>
          <TableCell>{t(`subjectRequests.status.${r.status}`)}</TableCell>
        </TableRow>
      ))}
    </CaptionedTable>
  );
}
