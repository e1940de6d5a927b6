import { Checkbox, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** What a control inside a Field receives: its id, and the error/description wiring. */
export type ControlProps = {
  id: string;
  invalid: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  required?: boolean;
};

type FieldProps = {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  required?: boolean;
  /** Shown after the label of a required field, e.g. "(verplicht)". */
  requiredMark?: string;
  children: (control: ControlProps) => ReactNode;
};

const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/**
 * Utrecht FormField with label, description and error message; the control is described by both
 * (aria-describedby), so a screen reader reads the server's message at the field.
 */
export function Field({ id, label, description, error, required, requiredMark, children }: FieldProps) {
  const descId = description ? `${id}-description` : undefined;
  const errId = error ? `${id}-error` : undefined;
  return (
    <FormField
      invalid={!!error}
      label={
        <FormLabel htmlFor={id}>
          {label}
          {required && requiredMark ? <span className="kf-muted"> {requiredMark}</span> : null}
        </FormLabel>
      }
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{error}</FormFieldErrorMessage> : undefined}
      input={children({
        id,
        invalid: !!error,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(errId, descId),
        required,
      })}
    />
  );
}

type CheckboxFieldProps = {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: ReactNode;
  error?: string;
};

/** A checkbox with its label after it, as in the Utrecht form-field checkbox pattern. */
export function CheckboxField({ id, label, checked, onChange, description, error }: CheckboxFieldProps) {
  const descId = description ? `${id}-description` : undefined;
  const errId = error ? `${id}-error` : undefined;
  return (
    <FormField
      type="checkbox"
      invalid={!!error}
      input={
        <Checkbox
          id={id}
          checked={checked}
          invalid={!!error}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(errId, descId)}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      }
      label={
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      }
      description={description ? <FormFieldDescription id={descId}>{description}</FormFieldDescription> : undefined}
      errorMessage={error ? <FormFieldErrorMessage id={errId}>{error}</FormFieldErrorMessage> : undefined}
    />
  );
}
