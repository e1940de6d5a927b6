import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** One section of the figures: a landmark named by its heading, with an optional sentence below it. */
export function AnalysisSection({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="kf-section">
      <Heading2 id={`${id}-title`}>{title}</Heading2>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {children}
    </section>
  );
}
