import { Heading2 } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';

/**
 * A part of the case page one opens when needed (notes, documents, people complained about, …):
 * its heading is a button that says how many items it holds, so the page stays two screens long
 * and nothing is hidden without a trace. The section stays a named region while closed.
 */
export function CollapsibleSection({ id, title, count, children }: { id: string; title: string; count?: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby={id} className="kf-section kf-collapsible">
      <Heading2 id={id}>
        <button
          type="button"
          className="kf-collapsible__toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className="kf-collapsible__icon">
            {open ? '▾' : '▸'}
          </span>
          {count === undefined ? title : `${title} (${count})`}
        </button>
      </Heading2>
      <div id={`${id}-body`} hidden={!open}>
        {open ? children : null}
      </div>
    </section>
  );
}
