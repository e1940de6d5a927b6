import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { Field } from '../../../../ui/index.ts';
import type { FieldDef } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type InputValue = string | boolean | string[] | undefined;
type Props = { id: string; def: FieldDef; value: InputValue; error?: string; onChange: (v: InputValue) => void };

/** One form control generated from a process input or data field definition (type, options, required). */
export function InputControl({ id, def, value, error, onChange }: Props) {
  const { t, l } = useI18n();
  const label = l(def.label);
  if (def.type === 'boolean') {
    const errId = error ? `${id}-error` : undefined;
    return (
      <Fieldset invalid={!!error} aria-describedby={errId} id={id} tabIndex={-1}>
        <FieldsetLegend>
          {label}
          {def.required ? <span className="kf-muted"> {t('app.required')}</span> : null}
        </FieldsetLegend>
        {error ? <FormFieldErrorMessage id={errId}>{error}</FormFieldErrorMessage> : null}
        {[true, false].map((v) => (
          <FormField
            key={String(v)}
            type="radio"
            input={<RadioButton id={`${id}-${v}`} name={id} checked={value === v} invalid={!!error} onChange={() => onChange(v)} />}
            label={
              <FormLabel htmlFor={`${id}-${v}`} type="radio">
                {t(v ? 'app.yes' : 'app.no')}
              </FormLabel>
            }
          />
        ))}
      </Fieldset>
    );
  }
  if (def.type === 'multiselect') {
    const errId = error ? `${id}-error` : undefined;
    const chosen = Array.isArray(value) ? value : [];
    const toggle = (v: string) => onChange(chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v]);
    return (
      <Fieldset invalid={!!error} aria-describedby={errId} id={id} tabIndex={-1}>
        <FieldsetLegend>
          {label}
          {def.required ? <span className="kf-muted"> {t('app.required')}</span> : null}
        </FieldsetLegend>
        {error ? <FormFieldErrorMessage id={errId}>{error}</FormFieldErrorMessage> : null}
        {(def.options ?? []).map((o) => (
          <FormField
            key={o.value}
            type="checkbox"
            input={
              <Checkbox
                id={`${id}-${o.value}`}
                name={id}
                checked={chosen.includes(o.value)}
                invalid={!!error}
                onChange={() => toggle(o.value)}
              />
            }
            label={
              <FormLabel htmlFor={`${id}-${o.value}`} type="checkbox">
                {l(o.label)}
              </FormLabel>
            }
          />
        ))}
      </Fieldset>
    );
  }
  const str = typeof value === 'string' ? value : '';
  return (
    <Field id={id} label={label} error={error} required={def.required} requiredMark={t('app.required')}>
      {(c) => {
        if (def.type === 'textarea') return <Textarea {...c} rows={4} value={str} onChange={(e) => onChange(e.currentTarget.value)} />;
        if (def.type === 'select')
          return (
            <Select {...c} value={str} onChange={(e) => onChange(e.currentTarget.value)}>
              <SelectOption value="">{t('case.choose')}</SelectOption>
              {(def.options ?? []).map((o) => (
                <SelectOption key={o.value} value={o.value}>
                  {l(o.label)}
                </SelectOption>
              ))}
            </Select>
          );
        const type = def.type === 'datetime' ? 'datetime-local' : ['date', 'number', 'email'].includes(def.type) ? def.type : 'text';
        return <Textbox {...c} type={type as 'text'} value={str} onChange={(e) => onChange(e.currentTarget.value)} />;
      }}
    </Field>
  );
}

/** What the API expects for a control's value: numbers, booleans, ISO datetimes; empty is left out. */
export function toApiValue(def: FieldDef, v: InputValue): unknown {
  if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return undefined;
  if (def.type === 'number' && typeof v === 'string') return Number(v.replace(',', '.'));
  if (def.type === 'datetime' && typeof v === 'string') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? v : d.toISOString();
  }
  return v;
}
