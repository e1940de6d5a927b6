import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../api/client.ts';

export type StaffNotification = {
  id: string;
  kind: string;
  message: string;
  caseId: string | null;
  caseReference: string | null;
  /** A notice about an improvement measure links to it. */
  measureId?: string | null;
  createdAt: string;
  read: boolean;
};
type State = { items: StaffNotification[]; unreadCount: number | null; loading: boolean; error: unknown };

/**
 * The logged-in person's unread notifications, shared by the header (the count) and the start page
 * (the list): marking one read on the page lowers the count in the header at once.
 */
let state: State = { items: [], unreadCount: null, loading: false, error: null };
const listeners = new Set<() => void>();
const set = (next: Partial<State>) => {
  state = { ...state, ...next };
  for (const f of listeners) f();
};
const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => void listeners.delete(f);
};

let inFlight: Promise<void> | null = null;
export function loadNotifications(): Promise<void> {
  inFlight ??= api
    .get<{ items: StaffNotification[]; unreadCount: number }>('/notifications?unread=true')
    .then(
      (r) => set({ items: r.items, unreadCount: r.unreadCount, loading: false, error: null }),
      (error: unknown) => set({ loading: false, error }),
    )
    .finally(() => (inFlight = null));
  if (!state.loading) set({ loading: true });
  return inFlight;
}

export async function markNotificationRead(id: string): Promise<void> {
  await api.post(`/notifications/${id}/read`);
  set({ items: state.items.filter((n) => n.id !== id), unreadCount: Math.max(0, (state.unreadCount ?? 1) - 1) });
}

/** Forget them at logout, so the next person never sees the previous person's count. */
export function resetNotifications() {
  set({ items: [], unreadCount: null, loading: false, error: null });
}

const REFRESH_MS = 60_000;
/** The store, loaded on first use and refreshed every minute while some screen shows it. */
export function useNotifications(active = true): State & { reload: () => Promise<void> } {
  const s = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (!active) return;
    void loadNotifications();
    const timer = window.setInterval(() => void loadNotifications(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [active]);
  return { ...s, reload: loadNotifications };
}
