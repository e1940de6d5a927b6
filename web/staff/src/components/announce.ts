import { useSyncExternalStore } from 'react';

/**
 * Messages for screen readers (one polite live region in the shell) and one-off notices that
 * survive a navigation ("Melding KL-… is gemaakt" shown on the page one lands on).
 */
const listeners = new Set<() => void>();
let message = '';
let flash: string | null = null;
const emit = () => {
  for (const f of listeners) f();
};
const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => void listeners.delete(f);
};

export function announce(text: string) {
  // Clearing first makes a repeated identical message be read again.
  message = '';
  emit();
  setTimeout(() => {
    message = text;
    emit();
  }, 50);
}
export const useAnnouncement = () => useSyncExternalStore(subscribe, () => message);

export function setFlash(text: string) {
  flash = text;
}
/** Takes the notice left by the previous screen, once. */
export function takeFlash(): string | null {
  const f = flash;
  flash = null;
  return f;
}
