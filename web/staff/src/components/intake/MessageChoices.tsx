import { Fieldset, FieldsetLegend, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { CheckboxField, Field } from '../../../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type MessageChoice = { emailConsent: boolean; language: 'nl' | 'en' };

/**
 * Asked at intake, before the case is made: may we e-mail the complainant, and in which language.
 * Without an address (or without consent) everything goes by letter, so the screen says so.
 */
export function MessageChoices({
  hasEmail,
  value,
  onChange,
}: {
  hasEmail: boolean;
  value: MessageChoice;
  onChange: (v: MessageChoice) => void;
}) {
  const { t } = useI18n();
  return (
    <Fieldset>
      <FieldsetLegend>{t('intake.consentLegend')}</FieldsetLegend>
      {hasEmail ? (
        <CheckboxField
          id="intake-emailConsent"
          label={t('intake.emailConsent')}
          description={t('intake.emailConsentHint')}
          checked={value.emailConsent}
          onChange={(x) => onChange({ ...value, emailConsent: x })}
        />
      ) : (
        <Paragraph>{t('intake.emailConsentNoAddress')}</Paragraph>
      )}
      <Field id="intake-language" label={t('intake.language')}>
        {(c) => (
          <Select {...c} value={value.language} onChange={(e) => onChange({ ...value, language: e.currentTarget.value as 'nl' | 'en' })}>
            <SelectOption value="nl">{t('intake.language.nl')}</SelectOption>
            <SelectOption value="en">{t('intake.language.en')}</SelectOption>
          </Select>
        )}
      </Field>
    </Fieldset>
  );
}
