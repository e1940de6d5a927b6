import { useCallback, useEffect, useState } from 'react';
import { api, query } from '../api/client.ts';
import type { Activity, Page, QueueName } from '../api/types.ts';
import { useLoadingReport } from '../components/Skeleton.tsx';

export type QueueParams = {
  queue: QueueName;
  channel?: string;
  status?: string;
  kind?: string;
  teamId?: string;
  sort?: string;
  limit?: number;
};

/** One work queue, keyset-paged: the first page for these filters, then "meer laden" appends. */
export function useQueue(params: QueueParams) {
  const key = query({ ...params, limit: params.limit ?? 25 });
  const [items, setItems] = useState<Activity[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce is not read in the effect; changing it (reload()) is what re-runs the fetch.
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    api.get<Page<Activity>>(`/activities${key}`, { signal: ctrl.signal }).then(
      (p) => {
        setItems(p.items);
        setCursor(p.nextCursor);
        setLoading(false);
      },
      (e: unknown) => {
        if ((e as Error)?.name === 'AbortError') return;
        setError(e);
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [key, nonce]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const sep = key ? '&' : '?';
      const p = await api.get<Page<Activity>>(`/activities${key}${sep}cursor=${encodeURIComponent(cursor)}`);
      setItems((old) => [...old, ...p.items.filter((n) => !old.some((o) => o.id === n.id))]);
      setCursor(p.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [cursor, key]);

  const replace = useCallback((a: Activity) => setItems((old) => old.map((o) => (o.id === a.id ? a : o))), []);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  useLoadingReport(loading);
  return { items, hasMore: !!cursor, loading, error, loadMore, replace, reload };
}
