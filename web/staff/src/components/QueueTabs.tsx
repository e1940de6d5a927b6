import type { QueueCounts, QueueName } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PlainLink } from '../router.tsx';

export const QUEUES: QueueName[] = ['mine', 'team', 'unassigned', 'all'];

export function countText(t: ReturnType<typeof useI18n>['t'], c: { count: number; capped: boolean } | undefined) {
  if (!c) return '…';
  return c.capped ? t('queue.countCapped', { count: c.count }) : String(c.count);
}

/** The four queues as links with their counts; the current one is marked for screen readers too. */
export function QueueTabs({ current, counts, hrefFor }: { current: QueueName; counts?: QueueCounts; hrefFor: (q: QueueName) => string }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('queue.tabs')}>
      <ul className="kf-tabs">
        {QUEUES.map((q) => (
          <li key={q}>
            <PlainLink to={hrefFor(q)} current={q === current}>
              {t(`queue.${q}`)} ({countText(t, counts?.[q])})
            </PlainLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
