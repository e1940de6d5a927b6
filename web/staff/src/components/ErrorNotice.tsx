import { Alert, Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { ApiError } from '../api/client.ts';
import { generalMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A failed load or action: what happened in words, and the way out (reload or retry). */
export function ErrorNotice({ error, onRetry, retryLabel }: { error: unknown; onRetry?: () => void; retryLabel?: string }) {
  const { t } = useI18n();
  // Open work that holds a step back is named as such; reloading would not help.
  if (error instanceof ApiError && error.openWork?.length) {
    return (
      <Alert type="warning">
        <Paragraph>{t('dossier.openWork')}</Paragraph>
        <UnorderedList>
          {error.openWork.map((w) => (
            <UnorderedListItem key={w.id}>
              {t(`dossier.openWork.${w.kind}`)}: {w.subject} ({t(`dossier.status.${w.status}` as 'dossier.status.open')})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    );
  }
  const conflict = error instanceof ApiError && error.status === 409;
  const text = conflict ? `${generalMessage(error, t)} ${t('app.conflict')}` : generalMessage(error, t);
  return (
    <Alert type={conflict ? 'warning' : 'error'}>
      <Paragraph>{text}</Paragraph>
      {onRetry ? (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {retryLabel ?? (conflict ? t('app.reload') : t('app.retry'))}
        </Button>
      ) : null}
    </Alert>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <Paragraph role="status" className="kf-muted">
      {t('app.loading')}
    </Paragraph>
  );
}
