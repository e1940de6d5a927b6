import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary, Field } from '../../../../ui/index.ts';
import { fieldErrorsOf, generalMessage } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ImportFlow } from './useImportFlow.ts';

/** Step 1: choose the register's file (.xlsx or .csv). */
export function ImportChooseStep({ flow }: { flow: ImportFlow }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="import-step-file" className="kf-section">
      <Heading2 id="import-step-file">{t('import.step.file')}</Heading2>
      <ImportChooseForm flow={flow} again={false} />
    </section>
  );
}

/** The file field and upload button; `again` after a dry run found problems (the corrected file). */
export function ImportChooseForm({ flow, again }: { flow: ImportFlow; again: boolean }) {
  const { t } = useI18n();
  const { uploadSubmit } = flow;
  const fileError = flow.fileMissing ? t('import.fileRequired') : fieldErrorsOf(uploadSubmit.error).file;
  return (
    <form onSubmit={flow.upload} noValidate className="kf-stack">
      <ErrorSummary title={t('import.errors')} errors={fileError ? [{ fieldId: 'import-file', message: fileError }] : []} />
      {uploadSubmit.error && !fileError ? (
        <Alert type="error">
          <Paragraph>{generalMessage(uploadSubmit.error, t)}</Paragraph>
        </Alert>
      ) : null}
      <Field id="import-file" label={again ? t('import.chooseAgain') : t('import.file')} error={fileError}>
        {(p) => (
          <input
            ref={flow.fileInput}
            id={p.id}
            type="file"
            className="utrecht-textbox"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-invalid={p['aria-invalid']}
            aria-describedby={p['aria-describedby']}
            onChange={(e) => flow.setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <div className="kf-actions">
        <Button type="submit" appearance="primary-action-button" busy={uploadSubmit.busy} disabled={uploadSubmit.busy}>
          {t('import.upload')}
        </Button>
      </div>
    </form>
  );
}
