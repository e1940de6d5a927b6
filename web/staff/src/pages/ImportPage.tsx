import { Paragraph } from '@utrecht/component-library-react';
import { ImportChooseStep } from '../components/import/ImportChooseStep.tsx';
import { ImportMappingStep } from '../components/import/ImportMappingStep.tsx';
import { ImportDoneStep, ImportFailedStep, ImportProgressStep } from '../components/import/ImportProgressAndResult.tsx';
import { ImportReportStep } from '../components/import/ImportReportStep.tsx';
import { useImportFlow } from '../components/import/useImportFlow.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import '../i18n/sections/import.ts';

/**
 * Register importeren (issue 12, point 6): choose a file → map its columns to fields (a saved
 * mapping can be loaded, this one saved) → dry run with a report per row and column → correct the
 * file and choose it again, or import with a progress bar → the imported cases. The state lives in
 * useImportFlow; each step is a component of components/import/.
 */
export default function ImportPage() {
  const { t } = useI18n();
  const flow = useImportFlow();
  const { stage, uploaded, report, batch } = flow;
  return (
    <>
      <PageHeading title={t('import.title')} />
      <Paragraph>{t('import.intro')}</Paragraph>
      {stage === 'choose' ? <ImportChooseStep flow={flow} /> : null}
      {stage === 'map' && uploaded ? <ImportMappingStep flow={flow} uploaded={uploaded} /> : null}
      {stage === 'report' && report && uploaded ? <ImportReportStep flow={flow} report={report} uploaded={uploaded} /> : null}
      {stage === 'running' && batch ? <ImportProgressStep batch={batch} /> : null}
      {stage === 'done' && batch ? <ImportDoneStep flow={flow} batch={batch} /> : null}
      {stage === 'failed' && batch ? <ImportFailedStep flow={flow} batch={batch} /> : null}
    </>
  );
}
