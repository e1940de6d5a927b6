import { Alert, Heading } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';

export type SummaryError = { fieldId?: string; message: string };

type Props = { title: string; errors: SummaryError[]; headingLevel?: number };

/**
 * The list of what went wrong, above a form. It takes focus when it appears so a keyboard or
 * screen-reader user hears it; each entry links to its field.
 */
export function ErrorSummary({ title, errors, headingLevel = 2 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div ref={ref} tabIndex={-1} className="kf-error-summary">
      <Alert type="error">
        <Heading level={headingLevel}>{title}</Heading>
        <ul>
          {errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id (fieldId is optional and may repeat); the list is replaced whole on each answer, never reordered.
            <li key={i}>
              {e.fieldId ? (
                <a
                  className="utrecht-link"
                  href={`#${e.fieldId}`}
                  onClick={(ev) => {
                    const el = document.getElementById(e.fieldId!);
                    if (!el) return;
                    ev.preventDefault();
                    el.focus();
                    el.scrollIntoView({ block: 'center' });
                  }}
                >
                  {e.message}
                </a>
              ) : (
                e.message
              )}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
