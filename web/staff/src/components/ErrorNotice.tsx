import { Alert, Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { ApiError } from '../api/client.ts';
import { generalMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Skeleton } from './Skeleton.tsx';

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
  // A 409's detail says why (someone changed it first, or the case's state does not allow it, such as
  // a required document still missing); only without one is "someone else changed it" the best guess.
  const text = conflict && !error.detail ? t('app.conflict') : generalMessage(error, t);
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

/** What is still loading: a skeleton that keeps its place (Skeleton.tsx), "Laden…" for screen readers. */
export function Loading({ height, lines }: { height?: string; lines?: number }) {
  return <Skeleton height={height} lines={lines} />;
}
