import { Paragraph, Select, SelectOption, TableCell, TableRow, Textbox, Button } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../../../ui/index.ts';
import { query } from '../../../api/client.ts';
import { useResource } from '../../../api/useResource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AppLink, ButtonAppLink } from '../../../router.tsx';
import { CaptionedTable } from '../../CaptionedTable.tsx';
import { ErrorNotice, Loading } from '../../ErrorNotice.tsx';
import { type RoleOption, USERS_PATH, type UserSummary } from './adminTypes.ts';

/** Everyone with an account: search by name or address, active or deactivated, each with roles and teams. */
export function UserList({ roles }: { roles: RoleOption[] }) {
  const { t, l } = useI18n();
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState({ q: '', status: 'active' });
  const users = useResource<{ items: UserSummary[] }>(`/admin/users${query(filter)}`);
  const roleName = (key: string) => l(roles.find((r) => r.key === key)?.label) || key;
  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...filter, q });
  };
  return (
    <>
      <Paragraph>
        <ButtonAppLink to={`${USERS_PATH}/nieuw`} appearance="primary-action-button">
          {t('adminUsers.add')}
        </ButtonAppLink>
      </Paragraph>
      <form onSubmit={search} className="kf-row">
        <Field id="admin-user-search" label={t('adminUsers.search')}>
          {(p) => <Textbox {...p} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />}
        </Field>
        <div>
          <Button type="submit" appearance="secondary-action-button">
            {t('adminUsers.searchButton')}
          </Button>
        </div>
        <Field id="admin-user-status" label={t('adminUsers.status')}>
          {(p) => (
            <Select {...p} value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value })}>
              {(['active', 'inactive', 'all'] as const).map((s) => (
                <SelectOption key={s} value={s}>
                  {t(`adminUsers.status.${s}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      </form>
      {users.error ? <ErrorNotice error={users.error} onRetry={users.reload} /> : null}
      {!users.data ? (
        <Loading />
      ) : users.data.items.length ? (
        <CaptionedTable
          caption={t('adminUsers.caption')}
          hiddenCaption
          columns={[
            t('adminUsers.col.name'),
            t('adminUsers.col.email'),
            t('adminUsers.col.roles'),
            t('adminUsers.col.teams'),
            t('adminUsers.col.status'),
          ]}
        >
          {users.data.items.map((u) => (
            <TableRow key={u.id}>
              <TableCell>
                <AppLink to={`${USERS_PATH}/${u.id}`}>{u.name}</AppLink>
              </TableCell>
              <TableCell>{u.email}</TableCell>
              <TableCell>{u.roles.map(roleName).join(', ')}</TableCell>
              <TableCell>{u.teams.map((x) => x.name).join(', ')}</TableCell>
              <TableCell>{u.active ? t('adminUsers.active') : t('adminUsers.inactive')}</TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      ) : (
        <Paragraph role="status">{t('adminUsers.none')}</Paragraph>
      )}
    </>
  );
}
