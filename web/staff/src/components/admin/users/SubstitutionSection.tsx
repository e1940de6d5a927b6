import { Button, Heading2, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../../../ui/index.ts';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../../api/errors.ts';
import { useResource } from '../../../api/useResource.ts';
import { useSubmit } from '../../../api/useSubmit.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UserDetail, UserSummary } from './adminTypes.ts';

/**
 * A substitute while this person is away, from–to: their work then also shows in the substitute's
 * queue (Awb 9:7 keeps out a case about the substitute). Planned and current ones, each removable.
 */
export function SubstitutionSection({
  user,
  onChanged,
  notify,
}: {
  user: UserDetail;
  onChanged: (u: UserDetail) => void;
  notify: (text: string) => void;
}) {
  const { t, date } = useI18n();
  // Read fresh, not from the session's directory: someone added a minute ago can stand in too.
  const staff = useResource<{ items: UserSummary[] }>('/admin/users?status=active');
  const [form, setForm] = useState({ substituteId: '', startsOn: '', endsOn: '' });
  const { busy, error, run } = useSubmit();
  const remove = useSubmit();
  const fe = fieldErrorsOf(error);
  const colleagues = (staff.data?.items ?? []).filter((u) => u.id !== user.id);
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onChanged(await api.post<UserDetail>(`/admin/users/${user.id}/substitutions`, form));
      setForm({ substituteId: '', startsOn: '', endsOn: '' });
      notify(t('adminUsers.substituteAdded'));
    });
  };
  return (
    <section aria-labelledby="admin-substitutes" className="kf-section">
      <Heading2 id="admin-substitutes">{t('adminUsers.substitutes')}</Heading2>
      <Paragraph>{t('adminUsers.substitutesIntro', { name: user.name })}</Paragraph>
      {user.substitutions.length ? (
        <ul>
          {user.substitutions.map((s) => (
            <li key={s.id}>
              {t('adminUsers.substituteLine', {
                substitute: s.substitute.name,
                absent: s.absent.name,
                from: date(s.startsOn),
                to: date(s.endsOn),
              })}{' '}
              {s.absent.id === user.id ? (
                <Button
                  appearance="subtle-button"
                  aria-label={t('adminUsers.substituteRemoveLabel', { name: s.substitute.name })}
                  disabled={remove.busy}
                  onClick={() =>
                    void remove.run(async () => {
                      await api.delete(`/admin/substitutions/${s.id}`);
                      onChanged(await api.get<UserDetail>(`/admin/users/${user.id}`));
                      notify(t('adminUsers.substituteRemoved'));
                    })
                  }
                >
                  {t('adminUsers.substituteRemove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('adminUsers.substitutesNone')}</Paragraph>
      )}
      {remove.error ? <Paragraph>{generalMessage(remove.error, t)}</Paragraph> : null}
      <form onSubmit={add} noValidate>
        <Field id="substitution-substituteId" label={t('adminUsers.substitute')} error={fe.substituteId}>
          {(p) => (
            <Select {...p} value={form.substituteId} onChange={(e) => setForm({ ...form, substituteId: e.currentTarget.value })}>
              <SelectOption value="">{t('adminUsers.substituteChoose')}</SelectOption>
              {colleagues.map((u) => (
                <SelectOption key={u.id} value={u.id}>
                  {u.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <div className="kf-row">
          <Field id="substitution-startsOn" label={t('adminUsers.startsOn')} error={fe.startsOn}>
            {(p) => (
              <Textbox {...p} type="date" value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })} />
            )}
          </Field>
          <Field id="substitution-endsOn" label={t('adminUsers.endsOn')} error={fe.endsOn}>
            {(p) => (
              <Textbox {...p} type="date" value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value })} />
            )}
          </Field>
        </div>
        {error && !Object.keys(fe).length ? <Paragraph>{generalMessage(error, t)}</Paragraph> : null}
        <Button type="submit" appearance="secondary-action-button" disabled={busy}>
          {t('adminUsers.substituteAdd')}
        </Button>
      </form>
    </section>
  );
}
