import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated, setCsrfToken } from './api/client.ts';
import { resetDirectory } from './api/directory.ts';
import type { Session } from './api/types.ts';

/** Who is logged in, what they may do (permissions from the server, never derived here). */
type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; session: Session };

type SessionApi = {
  state: SessionState;
  session: Session | null;
  can: (permission: string) => boolean;
  loginAs: (userId: string) => Promise<void>;
  logout: () => Promise<void>;
  retry: () => void;
};

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const accept = useCallback((s: Session) => {
    setCsrfToken(s.csrfToken);
    resetDirectory();
    setState({ status: 'ready', session: s });
  }, []);
  const load = useCallback(() => {
    setState({ status: 'loading' });
    api.get<Session>('/session', { quiet401: true }).then(accept, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous' });
      else setState({ status: 'error', error });
    });
  }, [accept]);
  useEffect(load, [load]);
  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        setState({ status: 'anonymous' });
      }),
    [],
  );
  const value = useMemo<SessionApi>(() => {
    const session = state.status === 'ready' ? state.session : null;
    return {
      state,
      session,
      can: (p) => !!session?.permissions.includes(p),
      loginAs: async (userId) => accept(await api.post<Session>('/dev-login', { userId })),
      logout: async () => {
        await api.delete('/session').catch(() => undefined);
        setCsrfToken(null);
        resetDirectory();
        setState({ status: 'anonymous' });
      },
      retry: load,
    };
  }, [state, accept, load]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
