import { Heading2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { TableWrap } from '../../../../ui/index.ts';
import { type TextKey, useProcessI18n as useI18n } from './useProcessI18n.ts';
import type { ProcessVersion } from './processTypes.ts';

/** Every version of the process, newest first: its state, where it came from, who made and published it, when. */
export function VersionHistory({ versions }: { versions: ProcessVersion[] }) {
  const { t, dateTime } = useI18n();
  const byOn = (date: string | null, name: string | null) =>
    date ? t('process.byOn', { date: dateTime(date), name: name ?? '' }) : t('process.nothing');
  return (
    <section aria-labelledby="process-versions-title" className="kf-section">
      <Heading2 id="process-versions-title">{t('process.versions')}</Heading2>
      <TableWrap label={t('process.versions')}>
        <Table aria-labelledby="process-versions-title" data-testid="process-versions">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('process.col.version')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('process.col.state')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('process.col.source')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('process.col.created')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('process.col.published')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versions.map((v) => (
              <TableRow key={v.version}>
                <TableHeaderCell scope="row">{v.version}</TableHeaderCell>
                <TableCell>{t(`process.state.${v.state}` as TextKey)}</TableCell>
                <TableCell>{t(`process.source.${v.source}` as TextKey)}</TableCell>
                <TableCell>{byOn(v.createdAt, v.createdBy)}</TableCell>
                <TableCell>{byOn(v.publishedAt, v.publishedBy)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableWrap>
    </section>
  );
}
