import type { ReactNode } from 'react';
import { ErrorNotice, Loading } from './ErrorNotice.tsx';
import { PageHeading } from './PageHeading.tsx';

/** A detail page before its data is there: its heading, then a skeleton ("Laden…") or the error with a retry. */
export function PendingPage({
  title,
  res,
  height,
  children,
}: {
  title: string;
  res: { error: unknown; reload: () => void };
  /** The skeleton's height: about that of the page's first screen. */
  height?: string;
  /** What stays useful meanwhile (a way back). */
  children?: ReactNode;
}) {
  return (
    <>
      <PageHeading title={title} />
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : <Loading height={height} lines={6} />}
      {children}
    </>
  );
}
