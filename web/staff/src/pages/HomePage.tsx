import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { QueueCounts, QueueName } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { ActivityTable } from '../components/ActivityTable.tsx';
import { CaseSearch } from '../components/CaseSearch.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { DeadlinesPanel } from '../components/notifications/DeadlinesPanel.tsx';
import { NotificationsPanel } from '../components/notifications/NotificationsPanel.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RevealTogether } from '../components/Skeleton.tsx';
import { countText, QUEUES } from '../components/QueueTabs.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ButtonAppLink, PlainLink } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useQueue } from './useQueue.ts';

/** A short list of one queue on the start page, with a link to all of it. */
function QueuePreview({
  queue,
  title,
  empty,
  total,
  onChanged,
}: {
  queue: QueueName;
  title: string;
  empty: string;
  total?: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const list = useQueue({ queue, limit: 5 });
  const [error, setError] = useState<unknown>(null);
  const id = `preview-${queue}`;
  return (
    <section aria-labelledby={id} className="kf-section">
      <Heading2 id={id}>{title}</Heading2>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {error ? (
        <ErrorNotice
          error={error}
          onRetry={() => {
            setError(null);
            list.reload();
          }}
        />
      ) : null}
      {!list.loading && !list.items.length ? <Paragraph>{empty}</Paragraph> : null}
      {list.items.length ? (
        <ActivityTable
          caption={title}
          items={list.items}
          onChanged={() => {
            list.reload();
            onChanged();
          }}
          onError={setError}
        />
      ) : null}
      {list.items.length ? (
        <Paragraph>
          <PlainLink className="utrecht-link" to={`/werkvoorraad?queue=${queue}`}>
            {t('home.showAll', { count: total ?? '…' })}
          </PlainLink>
        </Paragraph>
      ) : null}
    </section>
  );
}

/**
 * Start page per role: unread notifications, one's cases past or near their deadline, the queue
 * counts, one's own and the team's tasks, intake and search.
 */
export function HomePage() {
  const { t } = useI18n();
  const { session, can } = useSession();
  if (!session) return null;
  return (
    <>
      <PageHeading title={t('home.greeting', { name: session.user.name })} />
      {can('activity:create') ? (
        <Paragraph>
          <ButtonAppLink to="/activiteiten/nieuw" appearance="primary-action-button">
            {t('home.intakeCall')}
          </ButtonAppLink>
        </Paragraph>
      ) : null}
      {/* The sections arrive together: one arriving after another would push it down while someone reads. */}
      <RevealTogether height="40rem" lines={8}>
        <HomeSections />
      </RevealTogether>
    </>
  );
}

function HomeSections() {
  const { t } = useI18n();
  const { can } = useSession();
  const counts = useResource<QueueCounts>(can('activity:read') ? '/activity-counts' : null);
  const queues = QUEUES.filter((q) => can('activity:work') || q === 'unassigned' || q === 'all');
  return (
    <>
      <NotificationsPanel />
      {can('case:read') ? <DeadlinesPanel /> : null}
      {can('activity:read') ? (
        <section aria-labelledby="home-queues" className="kf-section">
          <Heading2 id="home-queues">{t('home.queues')}</Heading2>
          {counts.error ? <ErrorNotice error={counts.error} onRetry={counts.reload} /> : null}
          <ul className="kf-cards">
            {queues.map((q) => (
              <li key={q}>
                <PlainLink className="kf-card" to={`/werkvoorraad?queue=${q}`}>
                  <span className="kf-card__count">{countText(t, counts.data?.[q])}</span>
                  <span className="kf-card__label">
                    {q === 'unassigned' && can('activity:assign') ? t('home.unassignedToAssign') : t(`queue.${q}`)}
                  </span>
                </PlainLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can('activity:work') ? (
        <>
          <QueuePreview
            queue="mine"
            title={t('home.myTasks')}
            empty={t('home.emptyMine')}
            total={countText(t, counts.data?.mine)}
            onChanged={counts.reload}
          />
          <QueuePreview
            queue="team"
            title={t('home.teamTasks')}
            empty={t('home.emptyTeam')}
            total={countText(t, counts.data?.team)}
            onChanged={counts.reload}
          />
        </>
      ) : null}
      {can('case:read') ? <CaseSearch /> : null}
    </>
  );
}
