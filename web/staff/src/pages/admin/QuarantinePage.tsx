import { Alert, Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { announce } from '../../components/announce.ts';
import { CaptionedTable } from '../../components/CaptionedTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { QuarantinedMail } from '../../components/retention/retentionTypes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import '../../i18n/sections/retention.ts';

/** Beheer › E-mail in quarantaine: held-back incoming mail with its reason; release or delete it. */
export default function QuarantinePage(_: { path: string }) {
  const { t, date, dateTime } = useI18n();
  const res = useResource<{ days: number; items: QuarantinedMail[] }>('/quarantined-mail');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const act = (work: () => Promise<unknown>, message: string) =>
    run(async () => {
      await work();
      setDone(message);
      announce(message);
      res.reload();
    });
  return (
    <>
      <PageHeading title={t('quarantine.title')} />
      <Paragraph>{t('quarantine.intro', { days: res.data?.days ?? 30 })}</Paragraph>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {res.data && !res.data.items.length ? <Paragraph>{t('quarantine.empty')}</Paragraph> : null}
      {res.data?.items.length ? (
        <CaptionedTable
          caption={t('quarantine.caption')}
          columns={[
            t('quarantine.col.received'),
            t('quarantine.col.from'),
            t('quarantine.col.subject'),
            t('quarantine.col.reason'),
            t('quarantine.col.purge'),
            t('quarantine.col.actions'),
          ]}
        >
          {res.data.items.map((m) => {
            const from = m.from ?? t('quarantine.unknown');
            return (
              <TableRow key={m.id}>
                <TableCell>{dateTime(m.receivedAt)}</TableCell>
                <TableCell>{from}</TableCell>
                <TableCell>{m.subject ?? t('quarantine.unknown')}</TableCell>
                <TableCell>{m.reason ?? ''}</TableCell>
                <TableCell>{date(m.purgeOn)}</TableCell>
                <TableCell>
                  <>
                    <Button
                      appearance="secondary-action-button"
                      busy={busy}
                      disabled={busy}
                      aria-label={`${t('quarantine.release')}: ${t('quarantine.actionsFor', { from })}`}
                      onClick={() => act(() => api.post(`/quarantined-mail/${m.id}/release`), t('quarantine.released'))}
                    >
                      {t('quarantine.release')}
                    </Button>{' '}
                    <Button
                      appearance="subtle-button"
                      busy={busy}
                      disabled={busy}
                      aria-label={`${t('quarantine.delete')}: ${t('quarantine.actionsFor', { from })}`}
                      onClick={() => act(() => api.delete(`/quarantined-mail/${m.id}`), t('quarantine.deleted'))}
                    >
                      {t('quarantine.delete')}
                    </Button>
                  </>
                </TableCell>
              </TableRow>
            );
          })}
        </CaptionedTable>
      ) : null}
    </>
  );
}
