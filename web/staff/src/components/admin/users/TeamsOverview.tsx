import { Button, Heading2, Paragraph, Select, SelectOption, TableCell, TableRow, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../../../ui/index.ts';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../../api/errors.ts';
import { useSubmit } from '../../../api/useSubmit.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AppLink } from '../../../router.tsx';
import { announce } from '../../announce.ts';
import { CaptionedTable } from '../../CaptionedTable.tsx';
import { Loading } from '../../ErrorNotice.tsx';
import { TEAMS_PATH, UNITS_PATH } from './adminTypes.ts';
import { useAdminOptions } from './useAdminOptions.ts';

/** Teams and organisation units, each with who is in it and where it is kept; a new one of each. */
export function TeamsOverview() {
  const { t } = useI18n();
  const options = useAdminOptions();
  const [teamName, setTeamName] = useState('');
  const [teamUnit, setTeamUnit] = useState('');
  const [unitName, setUnitName] = useState('');
  const [unitParent, setUnitParent] = useState('');
  const team = useSubmit();
  const unit = useSubmit();
  const teamFe = fieldErrorsOf(team.error);
  const unitFe = fieldErrorsOf(unit.error);
  const source = (fromConfig: boolean) => (fromConfig ? t('adminTeams.fromConfig') : t('adminTeams.fromAdmin'));
  const addTeam = (e: FormEvent) => {
    e.preventDefault();
    void team.run(async () => {
      await api.post('/admin/teams', { name: teamName, orgUnitId: teamUnit || null });
      setTeamName('');
      options.reload();
      announce(t('adminTeams.teamCreated'));
    });
  };
  const addUnit = (e: FormEvent) => {
    e.preventDefault();
    void unit.run(async () => {
      await api.post('/admin/org-units', { name: unitName, parentId: unitParent || null });
      setUnitName('');
      options.reload();
      announce(t('adminTeams.unitCreated'));
    });
  };
  const unitSelect = (value: string, set: (v: string) => void, none: string) => (p: object) => (
    <Select {...p} value={value} onChange={(e) => set(e.currentTarget.value)}>
      <SelectOption value="">{none}</SelectOption>
      {options.units.map((u) => (
        <SelectOption key={u.id} value={u.id}>
          {u.name}
        </SelectOption>
      ))}
    </Select>
  );
  if (options.loading && !options.teams.length) return <Loading />;
  return (
    <>
      <section aria-labelledby="admin-teams" className="kf-section">
        <Heading2 id="admin-teams">{t('adminTeams.teams')}</Heading2>
        <CaptionedTable
          caption={t('adminTeams.teams')}
          hiddenCaption
          columns={[
            t('adminTeams.col.team'),
            t('adminTeams.col.orgUnit'),
            { label: t('adminTeams.col.members'), number: true },
            t('adminTeams.col.source'),
          ]}
        >
          {options.teams.map((x) => (
            <TableRow key={x.id}>
              <TableCell>
                <AppLink to={`${TEAMS_PATH}/${x.id}`}>{x.name}</AppLink>
              </TableCell>
              <TableCell>{x.orgUnit?.name ?? ''}</TableCell>
              <TableCell className="kf-number">{x.memberCount}</TableCell>
              <TableCell>{source(x.fromConfig)}</TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
        <form onSubmit={addTeam} noValidate>
          <Field id="team-name" label={t('adminTeams.teamName')} error={teamFe.name}>
            {(p) => <Textbox {...p} value={teamName} onChange={(e) => setTeamName(e.currentTarget.value)} />}
          </Field>
          <Field id="team-orgUnitId" label={t('adminTeams.col.orgUnit')} error={teamFe.orgUnitId}>
            {unitSelect(teamUnit, setTeamUnit, t('adminUsers.field.orgUnitNone'))}
          </Field>
          {team.error && !Object.keys(teamFe).length ? <Paragraph>{generalMessage(team.error, t)}</Paragraph> : null}
          <Button type="submit" appearance="secondary-action-button" disabled={team.busy}>
            {t('adminTeams.add')}
          </Button>
        </form>
      </section>
      <section aria-labelledby="admin-units" className="kf-section">
        <Heading2 id="admin-units">{t('adminTeams.units')}</Heading2>
        {options.units.length ? (
          <CaptionedTable
            caption={t('adminTeams.units')}
            hiddenCaption
            columns={[
              t('adminTeams.col.unit'),
              t('adminTeams.col.parent'),
              { label: t('adminTeams.col.members'), number: true },
              t('adminTeams.col.source'),
            ]}
          >
            {options.units.map((u) => (
              <TableRow key={u.id}>
                <TableCell>
                  <AppLink to={`${UNITS_PATH}/${u.id}`}>{u.name}</AppLink>
                </TableCell>
                <TableCell>{u.parent?.name ?? ''}</TableCell>
                <TableCell className="kf-number">{u.memberCount}</TableCell>
                <TableCell>{source(u.fromConfig)}</TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
        ) : (
          <Paragraph>{t('adminTeams.unitsNone')}</Paragraph>
        )}
        <form onSubmit={addUnit} noValidate>
          <Field id="unit-name" label={t('adminTeams.unitName')} error={unitFe.name}>
            {(p) => <Textbox {...p} value={unitName} onChange={(e) => setUnitName(e.currentTarget.value)} />}
          </Field>
          <Field id="unit-parentId" label={t('adminTeams.parent')} error={unitFe.parentId}>
            {unitSelect(unitParent, setUnitParent, t('adminTeams.parentNone'))}
          </Field>
          {unit.error && !Object.keys(unitFe).length ? <Paragraph>{generalMessage(unit.error, t)}</Paragraph> : null}
          <Button type="submit" appearance="secondary-action-button" disabled={unit.busy}>
            {t('adminTeams.addUnit')}
          </Button>
        </form>
      </section>
    </>
  );
}
