import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { AppLink } from '../../router.tsx';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { useLoadingReport } from '../Skeleton.tsx';
import { markNotificationRead, useNotifications, type StaffNotification } from './notificationStore.ts';
import './home.css';

const KINDS = ['reminder', 'assignment', 'deadlineWarning', 'complaintCopy', 'measureNotice', 'measureReminder'];
/** A long backlog of reminders must not push the tasks off the start page: the newest few first. */
const FIRST = 5;

/**
 * The start page's unread notifications: what it is, when, the case it is about (a link), and a
 * "Gelezen" button. After marking one read, focus moves to the next one (or the heading), so a
 * keyboard user never lands on nothing.
 */
export function NotificationsPanel() {
  const { t, dateTime } = useI18n();
  const n = useNotifications();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  useLoadingReport(n.unreadCount === null && !n.error);

  const kindLabel = (k: string) => t((KINDS.includes(k) ? `notifications.kind.${k}` : 'notifications.kind.other') as MessageKey);
  const markRead = async (item: StaffNotification, index: number) => {
    setBusy(item.id);
    setError(null);
    try {
      await markNotificationRead(item.id);
      announce(t('notifications.marked'));
      // The list has re-rendered without the item: focus its successor, else its predecessor, else the heading.
      window.setTimeout(() => {
        const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-mark-read]');
        const next = buttons?.[Math.min(index, buttons.length - 1)];
        (next ?? headingRef.current)?.focus();
      }, 0);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const count = n.unreadCount ?? n.items.length;
  return (
    <section aria-labelledby="notifications-title" className="kf-section" id="notificaties">
      <Heading2 id="notifications-title" ref={headingRef} tabIndex={-1}>
        {t('notifications.title')}
      </Heading2>
      {n.error ? <ErrorNotice error={n.error} onRetry={() => void n.reload()} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {n.unreadCount === null && !n.error ? null : (
        <Paragraph>
          {count === 0 ? t('notifications.none') : count === 1 ? t('notifications.count1') : t('notifications.count', { count })}
        </Paragraph>
      )}
      {n.items.length ? (
        <ul className="kf-notifications" ref={listRef} aria-label={t('notifications.list')}>
          {(showAll ? n.items : n.items.slice(0, FIRST)).map((item, i) => (
            <li key={item.id} className="kf-notification">
              <div>
                <span className="kf-notification__kind">{kindLabel(item.kind)}</span>{' '}
                <span className="kf-muted">{dateTime(item.createdAt)}</span>
              </div>
              <Paragraph className="kf-notification__message">{item.message}</Paragraph>
              <div className="kf-actions">
                {item.caseId && item.caseReference ? (
                  <AppLink to={`/meldingen/${item.caseId}`}>{t('notifications.openCase', { reference: item.caseReference })}</AppLink>
                ) : null}
                {item.measureId ? <AppLink to={`/verbetermaatregelen/${item.measureId}`}>{t('notifications.openMeasure')}</AppLink> : null}
                <Button
                  appearance="secondary-action-button"
                  data-mark-read=""
                  aria-label={
                    item.caseReference
                      ? t('notifications.markReadLabel', { reference: item.caseReference })
                      : t('notifications.markReadLabelNoCase', { date: dateTime(item.createdAt) })
                  }
                  busy={busy === item.id}
                  disabled={busy === item.id}
                  onClick={() => void markRead(item, i)}
                >
                  {t('notifications.markRead')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {n.items.length > FIRST ? (
        <Button appearance="subtle-button" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? t('notifications.showFewer') : t('notifications.showAll', { count: n.items.length })}
        </Button>
      ) : null}
    </section>
  );
}
