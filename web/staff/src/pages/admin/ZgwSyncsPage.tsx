import { Alert, Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { announce } from '../../components/announce.ts';
import { CaptionedTable } from '../../components/CaptionedTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type ZaakSync = {
  caseId: string;
  reference: string;
  identificatie: string;
  url: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
};

/** Beheer › Zaaksysteem: cases whose zaak could not be updated after every attempt; retry one. */
export default function ZgwSyncsPage(_: { path: string }) {
  const { t, dateTime } = useI18n();
  const res = useResource<{ enabled: boolean; items: ZaakSync[] }>('/zgw/syncs?state=failed');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const retry = (s: ZaakSync) =>
    run(async () => {
      await api.post(`/zgw/syncs/${s.caseId}/retry`);
      const message = t('zgw.admin.retried', { reference: s.reference });
      setDone(message);
      announce(message);
      res.reload();
    });
  return (
    <>
      <PageHeading title={t('zgw.admin.title')} />
      <Paragraph>{t('zgw.admin.intro')}</Paragraph>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {res.data && !res.data.enabled ? <Paragraph>{t('zgw.admin.off')}</Paragraph> : null}
      {res.data && !res.data.items.length ? <Paragraph>{t('zgw.admin.empty')}</Paragraph> : null}
      {res.data?.items.length ? (
        <CaptionedTable
          caption={t('zgw.admin.caption')}
          columns={[
            t('zgw.admin.col.reference'),
            t('zgw.admin.col.zaak'),
            t('zgw.admin.col.attempts'),
            t('zgw.admin.col.error'),
            t('zgw.admin.col.since'),
            t('zgw.admin.col.actions'),
          ]}
        >
          {res.data.items.map((s) => (
            <TableRow key={s.caseId}>
              <TableCell>{s.reference}</TableCell>
              <TableCell>{s.url ? s.identificatie : '—'}</TableCell>
              <TableCell>{s.attempts}</TableCell>
              <TableCell>{s.lastError ?? ''}</TableCell>
              <TableCell>{s.nextAttemptAt ? dateTime(s.nextAttemptAt) : ''}</TableCell>
              <TableCell>
                <Button
                  appearance="secondary-action-button"
                  busy={busy}
                  disabled={busy}
                  aria-label={`${t('zgw.admin.retry')}: ${t('zgw.admin.retryFor', { reference: s.reference })}`}
                  onClick={() => retry(s)}
                >
                  {t('zgw.admin.retry')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      ) : null}
    </>
  );
}
