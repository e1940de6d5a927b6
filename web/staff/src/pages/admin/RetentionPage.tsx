import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useResource } from '../../api/useResource.ts';
import { CaptionedTable } from '../../components/CaptionedTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { DestructionListView } from '../../components/retention/DestructionListView.tsx';
import { type ListSummary, RETENTION_BASE } from '../../components/retention/retentionTypes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppLink } from '../../router.tsx';
import '../../i18n/sections/retention.ts';

/** Beheer › Vernietiging: the monthly destruction lists, or one list to review, hold exceptions and approve. */
export default function RetentionPage({ path }: { path: string }) {
  const id = path.startsWith(`${RETENTION_BASE}/`) ? path.slice(RETENTION_BASE.length + 1) : null;
  return id ? <DestructionListView id={id} /> : <ListIndex />;
}

function ListIndex() {
  const { t, date } = useI18n();
  const res = useResource<{ items: ListSummary[] }>('/retention/lists');
  return (
    <>
      <PageHeading title={t('retention.title')} />
      <Paragraph>{t('retention.intro')}</Paragraph>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {res.data && !res.data.items.length ? <Paragraph>{t('retention.empty')}</Paragraph> : null}
      {res.data?.items.length ? (
        <CaptionedTable
          caption={t('retention.caption')}
          columns={[t('retention.col.month'), t('retention.col.status'), t('retention.col.count'), t('retention.col.approved')]}
        >
          {res.data.items.map((l) => (
            <TableRow key={l.id}>
              <TableCell>
                <AppLink to={`${RETENTION_BASE}/${l.id}`}>{l.month.slice(0, 7)}</AppLink>
              </TableCell>
              <TableCell>{t(`retention.status.${l.status}`)}</TableCell>
              <TableCell>{l.caseCount}</TableCell>
              <TableCell>{l.approvedAt ? `${date(l.approvedAt)} (${l.approvedBy ?? ''})` : ''}</TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      ) : null}
    </>
  );
}
