import { Alert, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { CheckboxField, Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldId, type IntakeField, type IntakeValues } from '../intake/intakeValues.ts';
import { type Mandate, VERIFICATIONS } from './mandateTypes.ts';

type Props = {
  values: IntakeValues;
  errors: Partial<Record<IntakeField, string>>;
  onChange: (v: IntakeValues) => void;
};

/**
 * Seed 003 ("iedere keer moet ze zorgen dat haar neef naast haar zit"): with both persons known, a
 * valid mandate between them is shown and not asked again; otherwise staff may record it here once.
 */
export function MandateAtIntake({ values: v, errors, onChange }: Props) {
  const { t, date } = useI18n();
  const [known, setKnown] = useState<Mandate | null>(null);
  useEffect(() => {
    if (!v.personId || !v.repPersonId) {
      setKnown(null);
      return;
    }
    let live = true;
    api.post<{ mandate: Mandate | null }>('/mandate-lookups', { representedId: v.personId, representativeId: v.repPersonId }).then(
      (r) => live && setKnown(r.mandate),
      () => live && setKnown(null),
    );
    return () => {
      live = false;
    };
  }, [v.personId, v.repPersonId]);
  const set = <K extends keyof IntakeValues>(k: K, value: IntakeValues[K]) => onChange({ ...v, [k]: value });

  if (known)
    return (
      <Alert type="ok" role="status" className="kf-mandate-known">
        <Paragraph>
          <strong>{t('mandate.known', { date: date(known.validFrom) })}</strong>
        </Paragraph>
        <Paragraph>
          {t('mandate.knownDetail', {
            representative: known.representative.name,
            represented: known.represented.name,
            by: known.recordedByName,
            verification: t(`mandate.verification.${known.verification}`),
          })}
        </Paragraph>
      </Alert>
    );
  return (
    <>
      {v.personId && v.repPersonId ? <Paragraph>{t('mandate.none')}</Paragraph> : null}
      <CheckboxField id="intake-mandate" label={t('mandate.record')} checked={v.mandate} onChange={(x) => set('mandate', x)} />
      {v.mandate ? (
        <>
          <Field id={fieldId('mandateVerification')} label={t('mandate.verification')} error={errors.mandateVerification}>
            {(c) => (
              <Select {...c} value={v.mandateVerification} onChange={(e) => set('mandateVerification', e.currentTarget.value)}>
                {VERIFICATIONS.map((k) => (
                  <SelectOption key={k} value={k}>
                    {t(`mandate.verification.${k}`)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <div className="kf-row">
            <Field id={fieldId('mandateFrom')} label={t('mandate.validFrom')} error={errors.mandateFrom}>
              {(c) => <Textbox {...c} type="date" value={v.mandateFrom} onChange={(e) => set('mandateFrom', e.currentTarget.value)} />}
            </Field>
            <Field id={fieldId('mandateUntil')} label={t('mandate.validUntil')} error={errors.mandateUntil}>
              {(c) => <Textbox {...c} type="date" value={v.mandateUntil} onChange={(e) => set('mandateUntil', e.currentTarget.value)} />}
            </Field>
          </div>
        </>
      ) : null}
    </>
  );
}
