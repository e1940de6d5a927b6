import {
  createContext,
  type CSSProperties,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The place of something still loading: grey bars in a box of a fixed minimum height, so what
 * comes below does not jump when the content arrives. Screen readers hear "Laden…" (a status) and
 * the box is aria-busy; the bars are decoration. They pulse only for those who allow motion.
 */
export function Skeleton({ height = '6rem', lines = 3, className }: { height?: string; lines?: number; className?: string }) {
  const { t } = useI18n();
  const style: CSSProperties = { minBlockSize: height };
  return (
    <div className={['kf-skeleton', className].filter(Boolean).join(' ')} aria-busy="true" style={style}>
      <span className="kf-visually-hidden" role="status">
        {t('app.loading')}
      </span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the bars are identical decoration.
        <span key={i} className="kf-skeleton__bar" aria-hidden="true" />
      ))}
    </div>
  );
}

type Report = (id: object, loading: boolean) => void;
const RevealContext = createContext<Report | null>(null);

/**
 * Tells the nearest <RevealTogether> whether this part is still loading its first data
 * (useResource and useQueue do so themselves). Outside one it does nothing.
 */
export function useLoadingReport(loading: boolean) {
  const report = useContext(RevealContext);
  const [id] = useState(() => ({}));
  useLayoutEffect(() => {
    report?.(id, loading);
  }, [report, id, loading]);
  useLayoutEffect(() => () => report?.(id, false), [report, id]);
}

/** Longest wait for the parts before the page is shown anyway (their own errors and "Laden…" then show). */
const MAX_WAIT_MS = 4000;

/**
 * A page's sections shown at once, when each has its first data (or an error), a skeleton of the
 * given height meanwhile. Sections that arrive one by one push each other down while someone reads;
 * hidden until all are there, nothing that was seen moves. After that first showing the sections
 * update in place (a reload never hides them again).
 */
export function RevealTogether({ children, height, lines }: { children: ReactNode; height: string; lines?: number }) {
  const pending = useRef(new Set<object>());
  const mounted = useRef(false);
  const [shown, setShown] = useState(false);
  const settle = useCallback(() => {
    if (mounted.current && pending.current.size === 0) setShown(true);
  }, []);
  const report = useCallback<Report>(
    (id, loading) => {
      if (loading) pending.current.add(id);
      else pending.current.delete(id);
      settle();
    },
    [settle],
  );
  // The parts report in their layout effects, which run before this one: then the first check.
  useLayoutEffect(() => {
    mounted.current = true;
    settle();
  }, [settle]);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(true), MAX_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <RevealContext.Provider value={shown ? null : report}>
      {shown ? null : <Skeleton height={height} lines={lines} />}
      <div className="kf-stack" hidden={!shown}>
        {children}
      </div>
    </RevealContext.Provider>
  );
}
