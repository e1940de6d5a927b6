import { Button, Heading2, Select, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { ErrorSummary, Field } from '../../../ui/index.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../api/errors.ts';
import type { StaffUser, Team } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { announce } from './announce.ts';

type Props = { selected: string[]; users: StaffUser[]; teams: Team[]; onDone: (assigned: string[]) => void; onClear: () => void };

/** The dispatcher's bar: assign every selected activity to a colleague and/or a team at once. */
export function BulkAssign({ selected, users, teams, onDone, onClear }: Props) {
  const { t } = useI18n();
  const [userId, setUserId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const team = teams.find((x) => x.id === teamId);
  const choosable = team ? users.filter((u) => team.memberIds.includes(u.id)) : users;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!selected.length) {
      setGeneral([t('bulk.nothingSelected')]);
      return;
    }
    setBusy(true);
    setErrors({});
    setGeneral([]);
    try {
      const res = await api.post<{ assigned: string[]; skipped: string[] }>('/activity-assignments', {
        activityIds: selected,
        ...(userId ? { userId } : {}),
        ...(teamId ? { teamId } : {}),
      });
      announce(
        res.skipped.length
          ? t('bulk.doneSkipped', { assigned: res.assigned.length, skipped: res.skipped.length })
          : t('bulk.done', { assigned: res.assigned.length }),
      );
      onDone(res.assigned);
    } catch (err) {
      const fe = fieldErrorsOf(err);
      setErrors(fe);
      setGeneral(Object.keys(fe).length ? [] : [generalMessage(err, t)]);
    } finally {
      setBusy(false);
    }
  };

  const summary = [
    ...Object.entries(errors).map(([k, message]) => ({ fieldId: k === 'teamId' ? 'bulk-team' : 'bulk-user', message })),
    ...general.map((message) => ({ message })),
  ];
  return (
    <form onSubmit={submit} aria-labelledby="bulk-title">
      <ErrorSummary title={t('app.formErrors')} errors={summary} />
      <div className="kf-toolbar">
        <div>
          <Heading2 id="bulk-title" className="kf-visually-hidden">
            {t('bulk.title')}
          </Heading2>
          <strong aria-live="polite">{t('bulk.selected', { count: selected.length })}</strong>
        </div>
        <Field id="bulk-team" label={t('bulk.team')} error={errors.teamId}>
          {(c) => (
            <Select {...c} value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
              <SelectOption value="">{t('bulk.keepTeam')}</SelectOption>
              {teams.map((x) => (
                <SelectOption key={x.id} value={x.id}>
                  {x.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id="bulk-user" label={t('bulk.user')} error={errors.userId}>
          {(c) => (
            <Select {...c} value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
              <SelectOption value="">{t('bulk.choose')}</SelectOption>
              {choosable.map((u) => (
                <SelectOption key={u.id} value={u.id}>
                  {u.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <div className="kf-actions">
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('bulk.assign')}
          </Button>
          <Button type="button" appearance="subtle-button" onClick={onClear} disabled={!selected.length}>
            {t('bulk.clear')}
          </Button>
        </div>
      </div>
    </form>
  );
}
