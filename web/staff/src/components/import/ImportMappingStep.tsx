import {
  Alert,
  Button,
  Paragraph,
  Select,
  SelectOption,
  TableCell,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { ErrorSummary, Field } from '../../../../ui/index.ts';
import { fieldErrorsOf, generalMessage } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaptionedTable } from '../CaptionedTable.tsx';
import { ImportStepHeading } from './ImportStepHeading.tsx';
import type { Uploaded } from './importTypes.ts';
import type { ImportFlow } from './useImportFlow.ts';

/** Step 2: map each column of the file to a field (a saved mapping can be loaded, this one saved), then a dry run. */
export function ImportMappingStep({ flow, uploaded }: { flow: ImportFlow; uploaded: Uploaded }) {
  const { t, l } = useI18n();
  const { mappings, chosenMapping, columns, mapSubmit, mappingSubmit } = flow;
  const mapErrors = mapSubmit.error
    ? ((mapSubmit.error as { invalidParams?: { name: string; reason: string }[] }).invalidParams ?? [])
    : [];
  return (
    <section aria-labelledby="import-step-map" className="kf-section">
      <ImportStepHeading id="import-step-map">{t('import.step.map')}</ImportStepHeading>
      <Paragraph>{t('import.mapIntro', { file: uploaded.fileName, rows: uploaded.totalRows })}</Paragraph>
      {mappings.length ? (
        <div className="kf-actions">
          <Field id="import-saved-mapping" label={t('import.savedMappings')}>
            {(p) => (
              <Select {...p} value={chosenMapping} onChange={(e) => flow.setChosenMapping(e.target.value)}>
                <SelectOption value="">{t('import.chooseMapping')}</SelectOption>
                {mappings.map((m) => (
                  <SelectOption key={m.id} value={m.id}>
                    {m.name}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Button appearance="secondary-action-button" onClick={flow.applyMapping} disabled={!chosenMapping}>
            {t('import.applyMapping')}
          </Button>
        </div>
      ) : null}
      <form onSubmit={flow.dryRun} noValidate className="kf-stack">
        <ErrorSummary
          title={t('import.errors')}
          errors={mapErrors.map((p) => {
            const header = p.name.startsWith('columns.') ? p.name.slice('columns.'.length) : null;
            const i = header ? uploaded.headers.indexOf(header) : 0;
            return { fieldId: `import-col-${Math.max(i, 0)}`, message: p.reason };
          })}
        />
        {mapSubmit.error && !mapErrors.length ? (
          <Alert type="error">
            <Paragraph>{generalMessage(mapSubmit.error, t)}</Paragraph>
          </Alert>
        ) : null}
        <CaptionedTable
          caption={t('import.mapCaption', { file: uploaded.fileName })}
          columns={[t('import.column'), t('import.field'), t('import.examples')]}
        >
          {uploaded.headers.map((h, i) => (
            <TableRow key={h}>
              <TableHeaderCell scope="row">{h}</TableHeaderCell>
              <TableCell>
                <Select
                  id={`import-col-${i}`}
                  aria-label={t('import.fieldFor', { column: h })}
                  value={columns[h] ?? ''}
                  onChange={(e) => flow.setColumns({ ...columns, [h]: e.target.value })}
                >
                  <SelectOption value="">{t('import.notImported')}</SelectOption>
                  {uploaded.fields.map((f) => (
                    <SelectOption key={f.key} value={f.key}>
                      {l(f.label)}
                      {f.required ? ` ${t('import.required')}` : ''}
                    </SelectOption>
                  ))}
                </Select>
              </TableCell>
              <TableCell>
                {uploaded.preview
                  .slice(0, 3)
                  .map((r) => r.cells[i])
                  .filter(Boolean)
                  .join(' · ')}
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
        <div className="kf-actions">
          <Button type="submit" appearance="primary-action-button" busy={mapSubmit.busy} disabled={mapSubmit.busy}>
            {t('import.dryRun')}
          </Button>
        </div>
      </form>
      <form onSubmit={flow.saveMapping} noValidate className="kf-stack">
        <Field id="import-mapping-name" label={t('import.mappingName')} error={fieldErrorsOf(mappingSubmit.error).name}>
          {(p) => <Textbox {...p} value={flow.mappingName} onChange={(e) => flow.setMappingName(e.target.value)} />}
        </Field>
        <div className="kf-actions">
          <Button type="submit" appearance="secondary-action-button" busy={mappingSubmit.busy} disabled={mappingSubmit.busy}>
            {t('import.saveMapping')}
          </Button>
        </div>
      </form>
    </section>
  );
}
