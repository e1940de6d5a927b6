import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { SurveyList, SurveyListItem } from './surveyTypes.ts';

/** A keyset-paged list of surveys: the first page when the path changes, more() appends the next. */
export function usePagedSurveys(path: string | null) {
  const [items, setItems] = useState<SurveyListItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    async (cursor?: string) => {
      if (!path) return;
      setError(null);
      setBusy(true);
      try {
        const page = await api.get<SurveyList>(cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
        setItems((prev) => (cursor && prev ? [...prev, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [path],
  );
  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);
  return { items, error, busy, more: next ? () => void load(next) : null, retry: () => void load() };
}
