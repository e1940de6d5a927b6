import { Button } from '@utrecht/component-library-react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';

/**
 * A note's "contains data of others" mark (AVG art. 15(4)): shown when set; those who may write
 * notes set or remove it. A marked note is left out of a data subject's access export.
 */
export function NoteOthersDataMark({
  caseId,
  note,
  canMark,
  onChanged,
}: {
  caseId: string;
  note: { id: string; othersData: boolean };
  canMark: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { busy, error, run } = useSubmit();
  const toggle = () =>
    run(async () => {
      await api.post(`/cases/${caseId}/notes/${note.id}/others-data`, { othersData: !note.othersData });
      onChanged();
    });
  return (
    <div>
      {note.othersData ? <strong className="kf-muted">{t('case.noteOthersData')}</strong> : null}
      {canMark ? (
        <Button type="button" appearance="subtle-button" busy={busy} disabled={busy} onClick={toggle}>
          {t(note.othersData ? 'case.noteOthersDataUnmark' : 'case.noteOthersDataMark')}
        </Button>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
