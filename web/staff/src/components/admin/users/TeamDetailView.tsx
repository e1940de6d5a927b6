import { Alert, Button, Heading2, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Field } from '../../../../../ui/index.ts';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../../api/errors.ts';
import { useResource } from '../../../api/useResource.ts';
import { useSubmit } from '../../../api/useSubmit.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AppLink } from '../../../router.tsx';
import { announce } from '../../announce.ts';
import { ErrorNotice, Loading } from '../../ErrorNotice.tsx';
import { PageHeading } from '../../PageHeading.tsx';
import { TEAMS_PATH, type TeamDetail, type UnitDetail, USERS_PATH } from './adminTypes.ts';
import { ChangeList } from './ChangeList.tsx';
import { useAdminOptions } from './useAdminOptions.ts';

/**
 * One team or organisation unit: who is in it, its name and place (changed here when it was made
 * here; a configured one is changed in the configuration), and its change record.
 */
export function TeamDetailView({ kind, id }: { kind: 'team' | 'unit'; id: string }) {
  const { t } = useI18n();
  const options = useAdminOptions();
  const url = kind === 'team' ? `/admin/teams/${id}` : `/admin/org-units/${id}`;
  const res = useResource<TeamDetail & Partial<UnitDetail>>(url);
  const [form, setForm] = useState({ name: '', unitId: '' });
  const save = useSubmit();
  const item = res.data;
  const placeOf = (x: typeof item) => (kind === 'team' ? x?.orgUnit?.id : x?.parent?.id) ?? '';
  useEffect(() => {
    if (item) setForm({ name: item.name, unitId: (kind === 'team' ? item.orgUnit?.id : item.parent?.id) ?? '' });
  }, [item, kind]);
  if (res.error) return <ErrorNotice error={res.error} onRetry={res.reload} />;
  if (!item) return <Loading />;
  const fe = fieldErrorsOf(save.error);
  const placeField = kind === 'team' ? 'orgUnitId' : 'parentId';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(async () => {
      const body = {
        ...(form.name !== item.name ? { name: form.name } : {}),
        ...(form.unitId !== placeOf(item) ? { [placeField]: form.unitId || null } : {}),
      };
      if (!Object.keys(body).length) return;
      res.setData(await api.patch(url, body));
      announce(t('adminTeams.saved'));
    });
  };
  return (
    <>
      <PageHeading title={item.name} />
      <Paragraph>
        <AppLink to={TEAMS_PATH}>{t('adminUsers.back')}</AppLink>
      </Paragraph>
      <Paragraph className="kf-muted">{t('adminTeams.key', { key: item.key })}</Paragraph>
      {item.fromConfig ? (
        <Alert type="info">
          <Paragraph>{t('adminTeams.configNotice')}</Paragraph>
        </Alert>
      ) : (
        <section aria-labelledby="admin-team-edit" className="kf-section">
          <Heading2 id="admin-team-edit">{t('adminTeams.edit')}</Heading2>
          {save.error && !Object.keys(fe).length ? (
            <Alert type="error">
              <Paragraph>{generalMessage(save.error, t)}</Paragraph>
            </Alert>
          ) : null}
          <form onSubmit={submit} noValidate>
            <Field id="team-edit-name" label={t('adminUsers.field.name')} error={fe.name}>
              {(p) => <Textbox {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />}
            </Field>
            <Field
              id="team-edit-place"
              label={kind === 'team' ? t('adminTeams.col.orgUnit') : t('adminTeams.parent')}
              error={fe[placeField]}
            >
              {(p) => (
                <Select {...p} value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.currentTarget.value })}>
                  <SelectOption value="">{kind === 'team' ? t('adminUsers.field.orgUnitNone') : t('adminTeams.parentNone')}</SelectOption>
                  {options.units
                    .filter((u) => u.id !== id)
                    .map((u) => (
                      <SelectOption key={u.id} value={u.id}>
                        {u.name}
                      </SelectOption>
                    ))}
                </Select>
              )}
            </Field>
            <Button type="submit" appearance="secondary-action-button" disabled={save.busy}>
              {t('adminTeams.save')}
            </Button>
          </form>
        </section>
      )}
      <section aria-labelledby="admin-team-members" className="kf-section">
        <Heading2 id="admin-team-members">{t('adminTeams.members')}</Heading2>
        <Paragraph>{t('adminTeams.membersHint')}</Paragraph>
        {item.members.length ? (
          <ul>
            {item.members.map((m) => (
              <li key={m.id}>
                <AppLink to={`${USERS_PATH}/${m.id}`}>{m.name}</AppLink>
                {m.active ? '' : ` (${t('adminUsers.inactive')})`}
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('adminTeams.membersNone')}</Paragraph>
        )}
        {item.teams?.length ? (
          <>
            <Heading2 id="admin-unit-teams">{t('adminTeams.unitTeams')}</Heading2>
            <ul aria-labelledby="admin-unit-teams">
              {item.teams.map((x) => (
                <li key={x.id}>
                  <AppLink to={`${TEAMS_PATH}/${x.id}`}>{x.name}</AppLink>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <ChangeList changes={item.changes} roles={options.roles} />
    </>
  );
}
