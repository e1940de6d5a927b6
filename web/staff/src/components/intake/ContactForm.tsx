import { Fieldset, FieldsetLegend, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { CheckboxField, Field } from '../../../../ui/index.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { CHANNELS, labelOf } from '../../i18n/labels.ts';
import type { Team } from '../../api/types.ts';
import { MandateAtIntake } from '../mandates/MandateAtIntake.tsx';
import { KnownPersonSuggestion } from '../persons/KnownPersonSuggestion.tsx';
import { fieldId, type IntakeField, type IntakeValues } from './intakeValues.ts';
import { formatPhone } from '../persons/formatPhone.ts';

type Props = {
  values: IntakeValues;
  errors: Partial<Record<IntakeField, string>>;
  onChange: (v: IntakeValues) => void;
  /** Once the contact is registered, "op mijn naam" no longer applies. */
  registered: boolean;
  /** Whether to look up a known complainant by e-mail or phone (needs case:create). */
  suggestPersons: boolean;
  /** The teams whose queue an unassigned contact can go to. */
  teams: Team[];
};

/**
 * Everything an agent types while on the phone, in the order of the conversation: what it is
 * about, who calls, on whose behalf. Autocomplete is off: these are someone else's details.
 */
export function ContactForm({ values: v, errors, onChange, registered, suggestPersons, teams }: Props) {
  const { t, has } = useI18n();
  const set = <K extends keyof IntakeValues>(k: K, value: IntakeValues[K]) => onChange({ ...v, [k]: value });
  const text = (
    f: IntakeField,
    label: MessageKey,
    opts: { type?: 'text' | 'tel' | 'email'; required?: boolean; hint?: MessageKey; inputMode?: 'tel' | 'email' } = {},
  ) => (
    <Field
      id={fieldId(f)}
      label={t(label)}
      error={errors[f]}
      required={opts.required}
      requiredMark={t('app.required')}
      description={opts.hint ? t(opts.hint) : undefined}
    >
      {(c) => <Textbox {...c} type={opts.type ?? 'text'} autoComplete="off" value={v[f]} onChange={(e) => set(f, e.currentTarget.value)} />}
    </Field>
  );
  return (
    <>
      <Fieldset>
        <FieldsetLegend>{t('intake.contact')}</FieldsetLegend>
        <Field id={fieldId('channel')} label={t('intake.channel')} error={errors.channel}>
          {(c) => (
            <Select {...c} value={v.channel} onChange={(e) => set('channel', e.currentTarget.value)}>
              {CHANNELS.map((ch) => (
                <SelectOption key={ch} value={ch}>
                  {labelOf(t, has, 'channel', ch)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        {text('subject', 'intake.subject', { required: true, hint: 'intake.subjectHint' })}
        <Field id={fieldId('body')} label={t('intake.body')} error={errors.body}>
          {(c) => <Textarea {...c} rows={4} value={v.body} onChange={(e) => set('body', e.currentTarget.value)} />}
        </Field>
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('intake.complainant')}</FieldsetLegend>
        {text('name', 'intake.name')}
        <div className="kf-row">
          {text('phone', 'intake.phone', { type: 'tel' })}
          {text('email', 'intake.email', { type: 'email' })}
        </div>
        {suggestPersons ? (
          <KnownPersonSuggestion
            email={v.email}
            phone={v.phone}
            chosen={v.personId ? { id: v.personId, name: v.personName } : null}
            onChoose={(p) =>
              // Empty contact fields take the known person's details, so what follows (the way of
              // contact, consent to e-mail) sees their address; typed values stay as typed.
              onChange({
                ...v,
                personId: p?.id ?? '',
                personName: p?.name ?? '',
                name: v.name || p?.name || '',
                email: v.email || p?.email || '',
                phone: v.phone || formatPhone(p?.phone) || '',
              })
            }
          />
        ) : null}
        {text('street', 'intake.street')}
        <div className="kf-row">
          {text('postcode', 'intake.postcode')}
          {text('city', 'intake.city')}
        </div>
        <CheckboxField id="intake-hasRep" label={t('intake.hasRepresentative')} checked={v.hasRep} onChange={(x) => set('hasRep', x)} />
      </Fieldset>
      {v.hasRep ? (
        <Fieldset>
          <FieldsetLegend>{t('intake.representative')}</FieldsetLegend>
          <div className="kf-row">
            {text('repName', 'intake.repName', { required: true })}
            {text('repRelation', 'intake.repRelation', { required: true, hint: 'intake.repRelationHint' })}
          </div>
          <div className="kf-row">
            {text('repPhone', 'intake.repPhone', { type: 'tel' })}
            {text('repEmail', 'intake.repEmail', { type: 'email' })}
          </div>
          {suggestPersons ? (
            <>
              <KnownPersonSuggestion
                who="representative"
                email={v.repEmail}
                phone={v.repPhone}
                chosen={v.repPersonId ? { id: v.repPersonId, name: v.repPersonName } : null}
                onChoose={(p) =>
                  onChange({ ...v, repPersonId: p?.id ?? '', repPersonName: p?.name ?? '', repName: v.repName || p?.name || '' })
                }
              />
              <MandateAtIntake values={v} errors={errors} onChange={onChange} />
            </>
          ) : null}
        </Fieldset>
      ) : null}
      {!registered ? (
        <CheckboxField
          id="intake-self"
          label={t('intake.self')}
          description={t('intake.selfHint')}
          checked={v.self}
          onChange={(x) => set('self', x)}
        />
      ) : null}
      {!registered && !v.self && teams.length ? (
        <Field id={fieldId('team')} label={t('intake.team')} error={errors.team}>
          {(c) => (
            <Select {...c} value={v.team} onChange={(e) => set('team', e.currentTarget.value)}>
              <SelectOption value="">{t('intake.teamNone')}</SelectOption>
              {teams.map((team) => (
                <SelectOption key={team.key} value={team.key}>
                  {team.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
    </>
  );
}
