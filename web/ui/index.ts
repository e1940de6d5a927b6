export { Field, CheckboxField, type ControlProps } from './Field.tsx';
export { ErrorSummary, type SummaryError } from './ErrorSummary.tsx';
export { TableWrap } from './TableWrap.tsx';
