import { Heading2 } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';

/** Moves focus to a step's heading when the step appears, so keyboard and screen-reader users follow. */
export function ImportStepHeading({ id, children }: { id: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Heading2 id={id} ref={ref} tabIndex={-1}>
      {children}
    </Heading2>
  );
}
