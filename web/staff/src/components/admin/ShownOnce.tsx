import { Alert, Button, Heading, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { Field } from '../../../../ui/index.ts';
import { announce } from '../announce.ts';

/**
 * A secret the server shows once (an API key, a subscription's signing secret): focused heading, the
 * warning, the value selectable in a read-only field, optionally a copy button, and "done".
 */
export function ShownOnce(props: {
  id: string;
  title: string;
  warning: string;
  label: string;
  value: string;
  doneLabel: string;
  onDone: () => void;
  /** With these words a copy button is offered. */
  copy?: { label: string; copied: string; failed: string };
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied('yes');
      announce(props.copy!.copied);
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section aria-labelledby={`${props.id}-title`} className="kf-panel">
      <Heading level={2} id={`${props.id}-title`} ref={heading} tabIndex={-1}>
        {props.title}
      </Heading>
      <Alert type="warning">
        <Paragraph>{props.warning}</Paragraph>
      </Alert>
      <Field id={props.id} label={props.label}>
        {(p) => <Textbox {...p} readOnly value={props.value} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />}
      </Field>
      <Paragraph>
        {props.copy ? (
          <>
            <Button appearance="secondary-action-button" onClick={copy}>
              {props.copy.label}
            </Button>{' '}
          </>
        ) : null}
        <Button appearance="primary-action-button" onClick={props.onDone}>
          {props.doneLabel}
        </Button>
      </Paragraph>
      {copied === 'yes' && props.copy ? <Paragraph role="status">{props.copy.copied}</Paragraph> : null}
      {copied === 'failed' && props.copy ? <Alert type="error">{props.copy.failed}</Alert> : null}
    </section>
  );
}
