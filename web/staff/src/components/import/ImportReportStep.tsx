import { Alert, Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { generalMessage } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaptionedTable } from '../CaptionedTable.tsx';
import { ImportChooseForm } from './ImportChooseStep.tsx';
import { ImportStepHeading } from './ImportStepHeading.tsx';
import type { ImportReport, Uploaded } from './importTypes.ts';
import type { ImportFlow } from './useImportFlow.ts';

/** Step 3: the dry run's report per row and column; with problems, choose the corrected file, else import. */
export function ImportReportStep({ flow, report, uploaded }: { flow: ImportFlow; report: ImportReport; uploaded: Uploaded }) {
  const { t } = useI18n();
  const { runSubmit } = flow;
  const rows = (n: number) => `${n} ${t(n === 1 ? 'import.unit.row' : 'import.unit.rows')}`;
  return (
    <section aria-labelledby="import-step-report" className="kf-section">
      <ImportStepHeading id="import-step-report">{t('import.step.report')}</ImportStepHeading>
      <Paragraph>
        <strong>{t('import.counts', { ok: rows(report.okRows), bad: rows(report.errorRows) })}</strong>
      </Paragraph>
      {report.duplicateRows ? <Paragraph>{t('import.duplicates', { n: rows(report.duplicateRows) })}</Paragraph> : null}
      {report.problems.length ? (
        <>
          <CaptionedTable
            caption={t('import.problemsCaption', { file: uploaded.fileName })}
            columns={[t('import.row'), t('import.column'), t('import.message')]}
          >
            {report.problems.map((p) => (
              <TableRow key={`${p.rowNumber}-${p.column}-${p.message}`}>
                <TableCell>{p.rowNumber}</TableCell>
                <TableCell>{p.column}</TableCell>
                <TableCell>{p.message}</TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
          {report.problemCount > report.problemsShown ? (
            <Paragraph>{t('import.problemsMore', { shown: report.problemsShown, count: report.problemCount })}</Paragraph>
          ) : null}
          <Paragraph>{t('import.fixAndRetry')}</Paragraph>
          <ImportChooseForm flow={flow} again />
        </>
      ) : (
        <>
          <Paragraph>{report.okRows ? t('import.ready', { n: report.okRows }) : t('import.nothingNew')}</Paragraph>
          {runSubmit.error ? (
            <Alert type="error">
              <Paragraph>{generalMessage(runSubmit.error, t)}</Paragraph>
            </Alert>
          ) : null}
          <div className="kf-actions">
            <Button appearance="primary-action-button" onClick={flow.runImport} busy={runSubmit.busy} disabled={runSubmit.busy}>
              {t('import.run')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => flow.setStage('map')}>
              {t('import.step.map')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
