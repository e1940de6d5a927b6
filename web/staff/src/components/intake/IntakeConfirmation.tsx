import { Alert, Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { API, api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ButtonAppLink } from '../../router.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';

export type Confirmation = { channel: 'email' | 'post' | 'phoneTask'; postalItemId: string | null; documentId: string | null };

/**
 * At the counter the confirmation goes along at once (seed 003): the intake's success screen
 * offers the letter with the step plan as a PDF to print, and marks it posted once handed over.
 */
export function IntakeConfirmation({ caseId, reference, confirmation }: { caseId: string; reference: string; confirmation: Confirmation }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [posted, setPosted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => heading.current?.focus(), []);
  const markPosted = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/postal-items/${confirmation.postalItemId}/posted`);
      setPosted(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="intake-confirmation-title">
      <Heading level={2} id="intake-confirmation-title" ref={heading} tabIndex={-1}>
        {t('intake.confirmationTitle', { reference })}
      </Heading>
      <Alert type="ok">
        <Paragraph>{t(confirmation.channel === 'phoneTask' ? 'intake.confirmationPhone' : 'intake.confirmationPost')}</Paragraph>
      </Alert>
      {confirmation.documentId ? (
        <Paragraph>
          <Link href={`${API}/documents/${confirmation.documentId}/content`} target="_blank" className="kf-print-link">
            {t('intake.printConfirmation')}
          </Link>
        </Paragraph>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {confirmation.postalItemId ? (
        posted ? (
          <Paragraph role="status">{t('intake.handedOver')}</Paragraph>
        ) : (
          <Paragraph>
            <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void markPosted()}>
              {t('intake.markHandedOver')}
            </Button>
          </Paragraph>
        )
      ) : null}
      <Paragraph>
        <ButtonAppLink to={`/meldingen/${caseId}`}>{t('intake.toCase', { reference })}</ButtonAppLink>{' '}
        <ButtonAppLink to="/post">{t('intake.toPost')}</ButtonAppLink>
      </Paragraph>
    </section>
  );
}
