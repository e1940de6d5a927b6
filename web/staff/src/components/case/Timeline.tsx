import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Directory } from '../../api/directory.ts';
import type { Page, TimelineEvent } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorNotice, Loading } from '../ErrorNotice.tsx';
import type { ProcessLabels } from './processLabels.ts';
import { describeEvent } from './timelineText.ts';

/** Who did what when, oldest first, paged; reloaded whenever the case changes (version). */
type Props = {
  caseId: string;
  version: number;
  labels: ProcessLabels;
  dir: Directory | null;
  activities: { id: string; subject: string }[];
};

/**
 * What only adds an event changes none of the numbers in `version` (a contact recorded, also on a
 * closed case): its form announces the new event with this, and the timeline loads again.
 */
const TIMELINE_CHANGED = 'kf:timeline-changed';
export const timelineChanged = () => window.dispatchEvent(new Event(TIMELINE_CHANGED));

export function Timeline({ caseId, version, labels, dir, activities }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [items, setItems] = useState<TimelineEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.get<Page<TimelineEvent>>(
          `/cases/${caseId}/timeline?limit=100${after ? `&cursor=${encodeURIComponent(after)}` : ''}`,
        );
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [caseId],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is not read in the effect; a new version (the case changed) is what reloads the timeline.
  useEffect(() => {
    void load(null);
  }, [load, version]);
  useEffect(() => {
    const reload = () => void load(null);
    window.addEventListener(TIMELINE_CHANGED, reload);
    return () => window.removeEventListener(TIMELINE_CHANGED, reload);
  }, [load]);

  const ctx = {
    ...i18n,
    labels,
    userName: (id: string) => dir?.users.find((u) => u.id === id)?.name,
    teamName: (id: string) => dir?.teams.find((x) => x.id === id)?.name,
    activitySubject: (id: string) => activities.find((a) => a.id === id)?.subject,
  };
  return (
    <section aria-labelledby="timeline-title" className="kf-section">
      <Heading2 id="timeline-title">{t('case.timeline')}</Heading2>
      {error ? <ErrorNotice error={error} onRetry={() => load(null)} /> : null}
      {loading && !items.length ? <Loading /> : null}
      {!loading && !items.length && !error ? <Paragraph>{t('case.timelineEmpty')}</Paragraph> : null}
      {/* Long histories scroll inside their own box (focusable, so keyboards can scroll it too), keeping the page short. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <ol className="kf-timeline kf-timeline--scroll" tabIndex={0} aria-labelledby="timeline-title">
        {items.map((e) => {
          const d = describeEvent(e, ctx);
          return (
            <li key={e.id}>
              <div>
                <time dateTime={e.occurredAt} className="kf-muted">
                  {i18n.dateTime(e.occurredAt)}
                </time>
              </div>
              <div>
                <span className="kf-timeline__what">{d.what}</span> <span className="kf-muted">{t('case.by', { name: e.actor.name })}</span>
              </div>
              {d.details.length ? (
                <ul className="kf-change">
                  {d.details.map((x, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: plain text lines of one event, fixed in order and possibly repeated; there is no id.
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      {cursor ? (
        <Button appearance="secondary-action-button" onClick={() => load(cursor)} busy={loading} disabled={loading}>
          {t('case.timelineMore')}
        </Button>
      ) : null}
    </section>
  );
}
