import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorSummary } from '../../../../../ui/index.ts';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../../api/errors.ts';
import { useResource } from '../../../api/useResource.ts';
import { useSubmit } from '../../../api/useSubmit.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AppLink } from '../../../router.tsx';
import { announce, useFlash } from '../../announce.ts';
import { ErrorNotice, Loading } from '../../ErrorNotice.tsx';
import { PageHeading } from '../../PageHeading.tsx';
import { USERS_PATH, type UserDetail } from './adminTypes.ts';
import { ChangeList } from './ChangeList.tsx';
import { SubstitutionSection } from './SubstitutionSection.tsx';
import { useAdminOptions } from './useAdminOptions.ts';
import { USER_FIELDS, type UserForm, UserFields, userBody } from './UserFields.tsx';

const formOf = (u: UserDetail): UserForm => ({
  name: u.name,
  email: u.email,
  jobTitle: u.jobTitle ?? '',
  phone: u.phone ?? '',
  roles: u.roles,
  teamIds: u.teams.map((x) => x.id),
  orgUnitId: u.orgUnit?.id ?? '',
});

/** One staff member: details, roles, teams and unit; access (deactivate, give back); substitute; changes. */
export function UserDetailView({ id }: { id: string }) {
  const { t } = useI18n();
  const options = useAdminOptions();
  const res = useResource<UserDetail>(`/admin/users/${id}`);
  const [flash, setNotice] = useFlash();
  const notify = (text: string) => {
    setNotice(text);
    announce(text);
  };
  const [form, setForm] = useState<UserForm | null>(null);
  const save = useSubmit();
  const access = useSubmit();
  const user = res.data;
  useEffect(() => {
    if (user) setForm(formOf(user));
  }, [user]);
  if (res.error) return <ErrorNotice error={res.error} onRetry={res.reload} />;
  if (!user || !form) return <Loading />;

  const fe = fieldErrorsOf(save.error);
  const summary = USER_FIELDS.flatMap((k) => {
    const message = Object.entries(fe).find(([f]) => f === k || f.startsWith(`${k}.`))?.[1];
    return message ? [{ fieldId: `user-${k}`, message }] : [];
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      res.setData(await api.patch<UserDetail>(`/admin/users/${id}`, userBody(form)));
      notify(t('adminUsers.saved'));
    });
  };
  const setActive = (active: boolean) =>
    void access.run(async () => {
      res.setData(await api.post<UserDetail>(`/admin/users/${id}/${active ? 'reactivation' : 'deactivation'}`));
      notify(t(active ? 'adminUsers.reactivated' : 'adminUsers.deactivated', { name: user.name }));
    });

  return (
    <>
      <PageHeading title={user.name} />
      <Paragraph>
        <AppLink to={USERS_PATH}>{t('adminUsers.back')}</AppLink>
      </Paragraph>
      {flash ? (
        <Alert type="ok">
          <Paragraph>{flash}</Paragraph>
        </Alert>
      ) : null}
      {user.active ? null : (
        <Alert type="warning">
          <Paragraph>{t('adminUsers.inactiveNotice', { name: user.name })}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="admin-user-details" className="kf-section">
        <Heading2 id="admin-user-details">{t('adminUsers.details')}</Heading2>
        <ErrorSummary title={t('adminUsers.errors')} errors={summary} />
        {save.error && !summary.length ? (
          <Alert type="error">
            <Paragraph>{generalMessage(save.error, t)}</Paragraph>
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <UserFields form={form} setForm={setForm} fe={fe} roles={options.roles} teams={options.teams} units={options.units} />
          <Button type="submit" appearance="primary-action-button" disabled={save.busy}>
            {t('adminUsers.save')}
          </Button>
        </form>
      </section>
      <section aria-labelledby="admin-user-access" className="kf-section">
        <Heading2 id="admin-user-access">{t('adminUsers.access')}</Heading2>
        <Paragraph>{user.linked ? t('adminUsers.linked') : t('adminUsers.notLinked')}</Paragraph>
        {access.error ? (
          <Alert type="error">
            <Paragraph>{generalMessage(access.error, t)}</Paragraph>
          </Alert>
        ) : null}
        {user.active ? (
          <>
            <Paragraph>{t('adminUsers.deactivateHint', { name: user.name })}</Paragraph>
            <Button appearance="secondary-action-button" disabled={access.busy} onClick={() => setActive(false)}>
              {t('adminUsers.deactivate')}
            </Button>
          </>
        ) : (
          <Button appearance="secondary-action-button" disabled={access.busy} onClick={() => setActive(true)}>
            {t('adminUsers.reactivate')}
          </Button>
        )}
      </section>
      <SubstitutionSection user={user} onChanged={res.setData} notify={notify} />
      <ChangeList changes={user.changes} roles={options.roles} />
    </>
  );
}
