import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ErrorSummary } from '../../../../../ui/index.ts';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../../api/errors.ts';
import { useSubmit } from '../../../api/useSubmit.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AppLink, navigate } from '../../../router.tsx';
import { setFlash } from '../../announce.ts';
import { PageHeading } from '../../PageHeading.tsx';
import { USERS_PATH, type UserDetail } from './adminTypes.ts';
import { useAdminOptions } from './useAdminOptions.ts';
import { EMPTY_USER, USER_FIELDS, UserFields, userBody } from './UserFields.tsx';

/** A new staff member: details, roles, teams and unit; no password (they log in through the provider). */
export function UserNew() {
  const { t } = useI18n();
  const options = useAdminOptions();
  const [form, setForm] = useState(EMPTY_USER);
  const { busy, error, run } = useSubmit();
  const fe = fieldErrorsOf(error);
  const summary = USER_FIELDS.flatMap((k) => {
    const message = Object.entries(fe).find(([f]) => f === k || f.startsWith(`${k}.`))?.[1];
    return message ? [{ fieldId: `user-${k}`, message }] : [];
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const created = await api.post<UserDetail>('/admin/users', userBody(form));
      setFlash(t('adminUsers.created'));
      navigate(`${USERS_PATH}/${created.id}`);
    });
  };
  return (
    <>
      <PageHeading title={t('adminUsers.new.title')} />
      <Paragraph>
        <AppLink to={USERS_PATH}>{t('adminUsers.back')}</AppLink>
      </Paragraph>
      <Paragraph>{t('adminUsers.new.intro')}</Paragraph>
      <ErrorSummary title={t('adminUsers.errors')} errors={summary} />
      {error && !summary.length ? (
        <Alert type="error">
          <Paragraph>{generalMessage(error, t)}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <UserFields form={form} setForm={setForm} fe={fe} roles={options.roles} teams={options.teams} units={options.units} />
        <Button type="submit" appearance="primary-action-button" disabled={busy}>
          {t('adminUsers.create')}
        </Button>
      </form>
    </>
  );
}
