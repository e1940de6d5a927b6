import { Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { CaptionedTable } from '../components/CaptionedTable.tsx';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import type { MailboxItem } from '../components/mailbox/types.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink } from '../router.tsx';

/** DEMO without SMTP: everything Klachtflow "sent", newest first, keyset-paged. */
export default function MailboxPage() {
  const { t, dateTime } = useI18n();
  const [items, setItems] = useState<MailboxItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const p = await api.get<Page<MailboxItem>>(`/demo-mailbox?limit=25${after ? `&cursor=${encodeURIComponent(after)}` : ''}`);
      setItems((old) => (after ? [...old, ...p.items.filter((n) => !old.some((o) => o.id === n.id))] : p.items));
      setCursor(p.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(null), [load]);

  const status = loading
    ? t('app.loading')
    : items.length === 0
      ? t('mailbox.empty')
      : t(cursor ? 'mailbox.countMore' : 'mailbox.count', { count: items.length });
  return (
    <>
      <PageHeading title={t('mailbox.title')} />
      <Paragraph>{t('mailbox.intro')}</Paragraph>
      {error ? <ErrorNotice error={error} onRetry={() => void load(null)} /> : null}
      <Paragraph role="status" aria-live="polite">
        {status}
      </Paragraph>
      {items.length ? (
        <CaptionedTable
          caption={t('mailbox.caption')}
          hiddenCaption
          columns={[t('mailbox.col.sentAt'), t('mailbox.col.to'), t('mailbox.col.subject'), t('mailbox.col.case'), t('mailbox.col.status')]}
        >
          {items.map((m) => (
            <TableRow key={m.id}>
              <TableCell className="kf-nowrap">
                {m.sentAt ? (
                  dateTime(m.sentAt)
                ) : (
                  <span className="kf-muted">{t('mailbox.notSentYet', { date: dateTime(m.createdAt) })}</span>
                )}
              </TableCell>
              <TableCell>{m.to}</TableCell>
              <TableCell>
                <AppLink to={`/mailbox/${m.id}`}>{m.subject}</AppLink>
              </TableCell>
              <TableCell className="kf-nowrap">
                {m.caseId && m.caseReference ? <AppLink to={`/meldingen/${m.caseId}`}>{m.caseReference}</AppLink> : t('app.none')}
              </TableCell>
              <TableCell>{t(`mailbox.status.${m.status}`)}</TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      ) : null}
      {cursor ? (
        <Button appearance="secondary-action-button" onClick={() => void load(cursor)} busy={loading} disabled={loading}>
          {t('mailbox.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
