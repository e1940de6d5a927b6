import { Heading1 } from '@utrecht/component-library-react';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

export const OrganisationContext = createContext('');
let firstPage = true;

/**
 * The page's h1. It names the page in the window title and, after a navigation inside the app,
 * takes focus, so screen-reader and keyboard users start reading at the new page.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const org = useContext(OrganisationContext);
  useEffect(() => {
    document.title = `${title} – ${org || 'Klachtflow'}`;
  }, [title, org]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);
  return (
    <Heading1 ref={ref} tabIndex={-1}>
      {children ?? title}
    </Heading1>
  );
}
