import { Button } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * A form that stays closed until it is used: a secondary button with the form's own action as its
 * label opens it (focus goes to its first field); "Sluiten" closes it and returns focus to the
 * button. Keeps the case page short: only what one is doing is open.
 */
export function FormToggle({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const used = useRef(false);
  useEffect(() => {
    if (!used.current) return;
    if (open) body.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    else opener.current?.focus();
  }, [open]);
  if (!open)
    return (
      <Button
        ref={opener}
        appearance="secondary-action-button"
        aria-expanded={false}
        onClick={() => {
          used.current = true;
          setOpen(true);
        }}
      >
        {label}
      </Button>
    );
  return (
    <div ref={body} className="kf-form-toggle">
      {children}
      <Button appearance="subtle-button" onClick={() => setOpen(false)}>
        {t('app.close')}
      </Button>
    </div>
  );
}
