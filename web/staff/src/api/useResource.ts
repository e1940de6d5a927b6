import { useCallback, useEffect, useState } from 'react';
import { useLoadingReport } from '../components/Skeleton.tsx';
import { api } from './client.ts';

export type Resource<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
};

/** GET a path, again when it changes or on reload(); stale answers are dropped. */
export function useResource<T>(path: string | null): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: !!path });
  const [nonce, setNonce] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce is not read in the effect; changing it (reload()) is what re-runs the fetch.
  useEffect(() => {
    if (!path) return;
    const ctrl = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    api.get<T>(path, { signal: ctrl.signal }).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if ((error as Error)?.name !== 'AbortError') setState({ error, loading: false });
      },
    );
    return () => ctrl.abort();
  }, [path, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const setData = useCallback((data: T) => setState({ data, loading: false }), []);
  // Inside a <RevealTogether>, the page waits for this first answer before showing its sections.
  useLoadingReport(state.loading);
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}
