import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppLink } from '../../router.tsx';
import { ImportStepHeading } from './ImportStepHeading.tsx';
import type { ImportBatch } from './importTypes.ts';
import type { ImportFlow } from './useImportFlow.ts';

/** Step 4 while it runs: a progress bar over the rows imported so far. */
export function ImportProgressStep({ batch }: { batch: ImportBatch }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="import-step-running" className="kf-section">
      <ImportStepHeading id="import-step-running">{t('import.step.running')}</ImportStepHeading>
      <label htmlFor="import-progress">{t('import.progress')}</label>{' '}
      <progress id="import-progress" max={Math.max(batch.okRows, 1)} value={batch.processedRows}>
        {t('import.progressText', { done: batch.processedRows, total: batch.okRows })}
      </progress>
      <Paragraph>{t('import.progressText', { done: batch.processedRows, total: batch.okRows })}</Paragraph>
    </section>
  );
}

/** Step 4 when done: how many were imported and links to the imported cases. */
export function ImportDoneStep({ flow, batch }: { flow: ImportFlow; batch: ImportBatch }) {
  const { t, date } = useI18n();
  const { imported } = flow;
  return (
    <section aria-labelledby="import-step-done" className="kf-section">
      <ImportStepHeading id="import-step-done">{t('import.step.done')}</ImportStepHeading>
      <Alert type="ok">
        <Paragraph>{t('import.done', { n: batch.importedRows, file: batch.fileName })}</Paragraph>
      </Alert>
      {imported?.items.length ? (
        <>
          <Heading2 id="import-cases-title">{t('import.casesTitle')}</Heading2>
          <ul aria-labelledby="import-cases-title">
            {imported.items.map((c) => (
              <li key={c.id}>
                <AppLink to={`/meldingen/${c.id}`}>
                  {c.reference}: {c.subject}
                </AppLink>{' '}
                <span className="kf-muted">({date(c.receivedAt)})</span>
              </li>
            ))}
          </ul>
          {imported.total > imported.items.length ? (
            <Paragraph>{t('import.casesMore', { shown: imported.items.length, total: imported.total })}</Paragraph>
          ) : null}
        </>
      ) : null}
      <Button appearance="secondary-action-button" onClick={flow.restart}>
        {t('import.again')}
      </Button>
    </section>
  );
}

/** Step 4 when it failed: why, and start again. */
export function ImportFailedStep({ flow, batch }: { flow: ImportFlow; batch: ImportBatch }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="import-step-failed" className="kf-section">
      <ImportStepHeading id="import-step-failed">{t('import.failed')}</ImportStepHeading>
      <Alert type="error">
        <Paragraph>{batch.error}</Paragraph>
      </Alert>
      <Button appearance="secondary-action-button" onClick={flow.restart}>
        {t('import.again')}
      </Button>
    </section>
  );
}
