import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { query } from '../api/client.ts';
import { useDirectory } from '../api/directory.ts';
import type { QueueCounts, QueueName } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { ActivityTable } from '../components/ActivityTable.tsx';
import { BulkAssign } from '../components/BulkAssign.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RevealTogether } from '../components/Skeleton.tsx';
import { EMPTY_FILTERS, QueueFilters, type QueueFilterValues } from '../components/QueueFilters.tsx';
import { QUEUES, QueueTabs } from '../components/QueueTabs.tsx';
import { SavedFilters } from '../components/savedFilters/SavedFilters.tsx';
import { CaseSearch } from '../components/CaseSearch.tsx';
import { RegisterExport } from '../components/RegisterExport.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useQueue } from './useQueue.ts';

/** The work queue: four queues with counts, filters in the URL, keyset paging, bulk assignment. */
export default function QueuePage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { search } = useLocation();
  const fallback: QueueName = can('activity:assign') && !can('activity:work') ? 'unassigned' : 'mine';
  const requested = search.get('queue') as QueueName | null;
  const queue: QueueName = requested && QUEUES.includes(requested) ? requested : fallback;
  return (
    <>
      <PageHeading title={`${t('queue.title')}: ${t(`queue.${queue}`)}`} />
      {/* Tabs with their counts, saved filters and the list arrive together (nothing pushed down while read). */}
      <RevealTogether height="36rem" lines={8}>
        <QueueContent queue={queue} />
      </RevealTogether>
    </>
  );
}

function QueueContent({ queue }: { queue: QueueName }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { search } = useLocation();
  const dir = useDirectory();
  const filters: QueueFilterValues = {
    channel: search.get('channel') ?? '',
    status: search.get('status') ?? '',
    kind: search.get('kind') ?? '',
    teamId: search.get('teamId') ?? '',
    sort: ['-createdAt', 'deadline'].includes(search.get('sort') ?? '') ? search.get('sort')! : 'createdAt',
  };
  const list = useQueue({ queue, ...filters });
  const counts = useResource<QueueCounts>('/activity-counts');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [actionError, setActionError] = useState<unknown>(null);
  const assign = can('activity:assign');
  const urlFor = (q: QueueName, f: QueueFilterValues = filters) =>
    `/werkvoorraad${query({ queue: q, ...f, sort: f.sort === 'createdAt' ? '' : f.sort })}`;
  const changed = () => {
    list.reload();
    counts.reload();
  };

  const status = list.loading
    ? t('app.loading')
    : list.items.length === 0
      ? t('queue.empty')
      : t(list.hasMore ? 'queue.resultsMore' : 'queue.results', { count: list.items.length });

  return (
    <>
      <QueueTabs current={queue} counts={counts.data} hrefFor={(q) => urlFor(q)} />
      <QueueFilters
        key={JSON.stringify(filters)}
        values={filters}
        teams={dir?.teams ?? []}
        onApply={(f) => {
          setSelected(new Set());
          navigate(urlFor(queue, { ...EMPTY_FILTERS, ...f }));
        }}
      />
      <SavedFilters path="/werkvoorraad" current={urlFor(queue).replace(/^[^?]*\??/, '')} />
      {actionError ? (
        <ErrorNotice
          error={actionError}
          onRetry={() => {
            setActionError(null);
            changed();
          }}
          retryLabel={t('app.reload')}
        />
      ) : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Paragraph role="status" aria-live="polite">
        {status}
      </Paragraph>
      {list.items.length ? (
        <ActivityTable
          caption={t('queue.caption', { queue: t(`queue.${queue}`) })}
          items={list.items}
          selection={
            assign
              ? {
                  selected,
                  toggle: (id) =>
                    setSelected((s) => {
                      const n = new Set(s);
                      if (n.has(id)) n.delete(id);
                      else n.add(id);
                      return n;
                    }),
                  setAll: (ids, on) =>
                    setSelected((s) => {
                      const n = new Set(s);
                      for (const id of ids) {
                        if (on) n.add(id);
                        else n.delete(id);
                      }
                      return n;
                    }),
                }
              : undefined
          }
          onChanged={(a) => {
            list.replace(a);
            counts.reload();
          }}
          onError={setActionError}
        />
      ) : null}
      {list.hasMore ? (
        <Button appearance="secondary-action-button" onClick={list.loadMore} busy={list.loading} disabled={list.loading}>
          {t('queue.loadMore')}
        </Button>
      ) : null}
      {assign && list.items.length ? (
        <BulkAssign
          selected={[...selected]}
          users={dir?.users ?? []}
          teams={dir?.teams ?? []}
          onClear={() => setSelected(new Set())}
          onDone={() => {
            setSelected(new Set());
            changed();
          }}
        />
      ) : null}
      {can('case:export') ? (
        <RegisterExport queue={queue} channel={filters.channel} teamId={filters.teamId} status={filters.status} />
      ) : null}
      {/* Looking for one case rather than working the queue: the same search as the start page. */}
      {can('case:read') ? <CaseSearch /> : null}
    </>
  );
}
