import { ButtonLink, Link } from '@utrecht/component-library-react';
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A small history router: enough for a handful of screens, no library. */
const listeners = new Set<() => void>();
const notify = () => {
  for (const f of listeners) f();
};
window.addEventListener('popstate', notify);

const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => void listeners.delete(f);
};
const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (to === snapshot()) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

export type Location = { path: string; search: URLSearchParams; href: string };
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const [path, search = ''] = href.split('?');
  return { path: path ?? '/', search: new URLSearchParams(search), href };
}

const isPlainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/** A click handler that navigates inside the app on a plain click; other clicks (new tab) stay the browser's. */
function inApp(to: string, onClick?: (e: MouseEvent<HTMLAnchorElement>) => void) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || !isPlainClick(e)) return;
    e.preventDefault();
    navigate(to);
  };
}

type AppLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; current?: boolean };
/** A real link (it opens in a new tab, it can be copied) that navigates inside the app on a plain click. */
export function AppLink({ to, current, onClick, ...rest }: AppLinkProps) {
  return <Link {...rest} href={to} aria-current={current ? 'page' : undefined} onClick={inApp(to, onClick)} />;
}

/** The same for links styled as something else (cards, tabs): a plain anchor. */
export function PlainLink({ to, current, onClick, ...rest }: AppLinkProps) {
  return <a {...rest} href={to} aria-current={current ? 'page' : undefined} onClick={inApp(to, onClick)} />;
}

/** A link that looks like a button (Utrecht ButtonLink), for "go and do" actions. */
export function ButtonAppLink({
  to,
  onClick,
  appearance = 'secondary-action-button',
  ...rest
}: AppLinkProps & { appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button' }) {
  return <ButtonLink {...rest} appearance={appearance} href={to} onClick={inApp(to, onClick)} />;
}
