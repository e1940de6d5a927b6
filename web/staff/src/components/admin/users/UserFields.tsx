import { Fieldset, FieldsetLegend, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { CheckboxField, Field } from '../../../../../ui/index.ts';
import type { FieldErrors } from '../../../api/errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { RoleOption, TeamSummary, UnitSummary } from './adminTypes.ts';

export type UserForm = {
  name: string;
  email: string;
  jobTitle: string;
  phone: string;
  roles: string[];
  teamIds: string[];
  orgUnitId: string;
};
export const EMPTY_USER: UserForm = { name: '', email: '', jobTitle: '', phone: '', roles: [], teamIds: [], orgUnitId: '' };
export const USER_FIELDS = ['name', 'email', 'jobTitle', 'phone', 'roles', 'teamIds', 'orgUnitId'] as const;

/** The body the API takes: empty texts as null, no unit as null. */
export const userBody = (f: UserForm) => ({
  name: f.name,
  email: f.email,
  roles: f.roles,
  teamIds: f.teamIds,
  orgUnitId: f.orgUnitId || null,
  jobTitle: f.jobTitle || null,
  phone: f.phone || null,
});

const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((x) => x !== value));

/** A person's details, roles (one or more), teams and unit: the same fields when adding and changing. */
export function UserFields({
  form,
  setForm,
  fe,
  roles,
  teams,
  units,
}: {
  form: UserForm;
  setForm: (f: UserForm) => void;
  fe: FieldErrors;
  roles: RoleOption[];
  teams: TeamSummary[];
  units: UnitSummary[];
}) {
  const { t, l } = useI18n();
  const firstError = (prefix: string) => Object.entries(fe).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];
  const rolesError = firstError('roles');
  const teamsError = firstError('teamIds');
  return (
    <>
      <Field id="user-name" label={t('adminUsers.field.name')} error={fe.name}>
        {(p) => <Textbox {...p} autoComplete="off" value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />}
      </Field>
      <Field id="user-email" label={t('adminUsers.field.email')} description={t('adminUsers.field.emailHint')} error={fe.email}>
        {(p) => (
          <Textbox
            {...p}
            type="email"
            autoComplete="off"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="user-jobTitle" label={t('adminUsers.field.jobTitle')} description={t('adminUsers.field.jobTitleHint')} error={fe.jobTitle}>
        {(p) => <Textbox {...p} value={form.jobTitle} onChange={(e) => setForm({ ...form, jobTitle: e.currentTarget.value })} />}
      </Field>
      <Field id="user-phone" label={t('adminUsers.field.phone')} error={fe.phone}>
        {(p) => <Textbox {...p} type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })} />}
      </Field>
      <Fieldset id="user-roles" invalid={!!rolesError} aria-describedby={rolesError ? 'user-roles-error' : 'user-roles-hint'}>
        <FieldsetLegend>{t('adminUsers.field.roles')}</FieldsetLegend>
        <Paragraph id="user-roles-hint" className="kf-muted">
          {t('adminUsers.field.rolesHint')}
        </Paragraph>
        {rolesError ? (
          <Paragraph id="user-roles-error" className="utrecht-form-field-error-message">
            {rolesError}
          </Paragraph>
        ) : null}
        {roles.map((r) => (
          <CheckboxField
            key={r.key}
            id={`user-role-${r.key}`}
            label={l(r.label)}
            checked={form.roles.includes(r.key)}
            onChange={(on) => setForm({ ...form, roles: toggle(form.roles, r.key, on) })}
          />
        ))}
      </Fieldset>
      <Fieldset id="user-teamIds" invalid={!!teamsError} aria-describedby={teamsError ? 'user-teams-error' : undefined}>
        <FieldsetLegend>{t('adminUsers.field.teams')}</FieldsetLegend>
        {teamsError ? (
          <Paragraph id="user-teams-error" className="utrecht-form-field-error-message">
            {teamsError}
          </Paragraph>
        ) : null}
        {teams.length ? null : <Paragraph>{t('adminUsers.field.noTeams')}</Paragraph>}
        {teams.map((team) => (
          <CheckboxField
            key={team.id}
            id={`user-team-${team.id}`}
            label={team.name}
            checked={form.teamIds.includes(team.id)}
            onChange={(on) => setForm({ ...form, teamIds: toggle(form.teamIds, team.id, on) })}
          />
        ))}
      </Fieldset>
      <Field id="user-orgUnitId" label={t('adminUsers.field.orgUnit')} error={fe.orgUnitId}>
        {(p) => (
          <Select {...p} value={form.orgUnitId} onChange={(e) => setForm({ ...form, orgUnitId: e.currentTarget.value })}>
            <SelectOption value="">{t('adminUsers.field.orgUnitNone')}</SelectOption>
            {units.map((u) => (
              <SelectOption key={u.id} value={u.id}>
                {u.name}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}
