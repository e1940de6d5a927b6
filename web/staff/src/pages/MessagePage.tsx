import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { API } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import type { MailboxMessage } from '../components/mailbox/types.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { PendingPage } from '../components/PendingPage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink } from '../router.tsx';

/** One message of the demo mailbox: to whom, when, about which case, its attachments and its text. */
export default function MessagePage({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const res = useResource<MailboxMessage>(`/demo-mailbox/${id}`);
  const m = res.data;
  const back = (
    <Paragraph>
      <AppLink to="/mailbox">{t('mailbox.back')}</AppLink>
    </Paragraph>
  );
  if (!m) {
    return (
      <PendingPage title={t('mailbox.message')} res={res}>
        {back}
      </PendingPage>
    );
  }
  return (
    <>
      <PageHeading title={m.subject} />
      {back}
      <section aria-labelledby="message-details" className="kf-section">
        <Heading2 id="message-details">{t('mailbox.details')}</Heading2>
        <DataList>
          <DataListItem>
            <DataListKey>{t('mailbox.col.to')}</DataListKey>
            <DataListValue>{m.to}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('mailbox.col.status')}</DataListKey>
            <DataListValue>{t(`mailbox.status.${m.status}`)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('mailbox.col.sentAt')}</DataListKey>
            <DataListValue>{m.sentAt ? dateTime(m.sentAt) : t('mailbox.notSentYet', { date: dateTime(m.createdAt) })}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('mailbox.col.case')}</DataListKey>
            <DataListValue>
              {m.caseId && m.caseReference ? <AppLink to={`/meldingen/${m.caseId}`}>{m.caseReference}</AppLink> : t('app.none')}
            </DataListValue>
          </DataListItem>
          {m.lastError ? (
            <DataListItem>
              <DataListKey>{t('mailbox.lastError')}</DataListKey>
              <DataListValue>
                {m.lastError} ({t('mailbox.attempts')}: {m.attempts})
              </DataListValue>
            </DataListItem>
          ) : null}
        </DataList>
      </section>
      <section aria-labelledby="message-attachments" className="kf-section">
        <Heading2 id="message-attachments">{t('mailbox.attachments')}</Heading2>
        {m.attachments.length ? (
          <UnorderedList>
            {m.attachments.map((a) => (
              <UnorderedListItem key={a.id}>
                <Link href={`${API}/documents/${a.id}/content`}>{a.filename}</Link>{' '}
                <span className="kf-muted">
                  ({a.mediaType}, {t('mailbox.attachmentSize', { size: Math.max(1, Math.round(a.sizeBytes / 1024)) })})
                </span>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        ) : (
          <Paragraph>{t('mailbox.noAttachments')}</Paragraph>
        )}
      </section>
      <section aria-labelledby="message-text" className="kf-section">
        <Heading2 id="message-text">{t('mailbox.text')}</Heading2>
        <div className="kf-panel">
          <Paragraph className="kf-pre">{m.text}</Paragraph>
        </div>
      </section>
    </>
  );
}
