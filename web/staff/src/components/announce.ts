import { useEffect, useState, useSyncExternalStore } from 'react';

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
/**
 * The notice left by the previous screen, shown once, and a setter for the page's own notices.
 * Reading it in render is pure: React may render a page and throw that render away (a lazy chunk
 * or another update arriving meanwhile), so the notice is cleared only after the page is on screen.
 */
export function useFlash(): [string | null, (text: string | null) => void] {
  const [text, setText] = useState(() => flash);
  useEffect(() => {
    flash = null;
  }, []);
  return [text, setText];
}
