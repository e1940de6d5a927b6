import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Activity, ActivityDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ButtonAppLink } from '../router.tsx';
import { useSession } from '../session.tsx';
import { announce } from './announce.ts';

const OPEN = ['open', 'inProgress'];

/**
 * Per-row work buttons: pick up (or claim a team task), release a claimed team task, process an
 * intake that has no case yet. The server decides; a refusal comes back as a message.
 */
export function ActivityActions({
  activity: a,
  onChanged,
  onError,
}: {
  activity: Activity;
  onChanged: (a: ActivityDetail) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const { session, can } = useSession();
  const [busy, setBusy] = useState(false);
  if (!session) return null;
  const me = session.user.id;
  const open = OPEN.includes(a.status);
  const canPickUp = open && can('activity:work') && !a.assignee && (!a.team || session.user.teamIds.includes(a.team.id));
  const canRelease = open && can('activity:work') && a.assignee?.id === me && !!a.team;
  const canProcess = open && a.kind === 'intake' && !a.caseId && a.assignee?.id === me && can('case:create');

  const run = async (path: string, done: (x: ActivityDetail) => string) => {
    setBusy(true);
    try {
      const updated = await api.post<ActivityDetail>(path);
      onChanged(updated);
      announce(done(updated));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kf-actions">
      {canPickUp ? (
        <Button
          appearance="secondary-action-button"
          busy={busy}
          disabled={busy}
          aria-label={t('queue.pickUpLabel', { subject: a.subject })}
          onClick={() => run(`/activities/${a.id}/pick-up`, () => t('queue.pickedUp', { subject: a.subject }))}
        >
          {t('queue.pickUp')}
        </Button>
      ) : null}
      {canRelease ? (
        <Button
          appearance="subtle-button"
          busy={busy}
          disabled={busy}
          aria-label={t('queue.releaseLabel', { subject: a.subject })}
          onClick={() => run(`/activities/${a.id}/release`, () => t('queue.released', { subject: a.subject }))}
        >
          {t('queue.release')}
        </Button>
      ) : null}
      {canProcess ? (
        <ButtonAppLink
          to={`/activiteiten/${a.id}`}
          appearance="primary-action-button"
          aria-label={t('queue.processLabel', { subject: a.subject })}
        >
          {t('queue.process')}
        </ButtonAppLink>
      ) : null}
    </div>
  );
}
