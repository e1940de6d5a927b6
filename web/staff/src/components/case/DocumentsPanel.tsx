import {
  Button,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { Field, TableWrap } from '../../../../ui/index.ts';
import { api, API } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DOC_TYPES, labelOf } from '../../i18n/labels.ts';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { FormToggle } from './FormToggle.tsx';
import { CollapsibleSection } from './CollapsibleSection.tsx';

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${Math.round(n / 1024)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** The case's documents: download each; upload one with its kind (multipart: docType, then file). */
export function DocumentsPanel({ c, onAdded }: { c: CaseDetail; onAdded: () => void }) {
  const { t, has, dateTime } = useI18n();
  const [docType, setDocType] = useState<string>('attachment');
  const { busy, error, setError, run } = useSubmit();
  const [missing, setMissing] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const fe = fieldErrorsOf(error);
  const fileError = missing ? t('case.docNoFile') : fe.file;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f = file.current?.files?.[0];
    setError(null);
    setMissing(!f);
    if (!f) {
      file.current?.focus();
      return;
    }
    const form = new FormData();
    form.append('docType', docType);
    form.append('file', f, f.name);
    await run(async () => {
      await api.post(`/cases/${c.id}/documents`, form);
      if (file.current) file.current.value = '';
      announce(t('case.docUploaded', { name: f.name }));
      onAdded();
    });
  };
  return (
    <CollapsibleSection id="documents-title" title={t('case.documents')} count={c.documents.length}>
      {c.documents.length ? (
        <TableWrap label={t('case.documents')}>
          <Table aria-labelledby="documents-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('case.docCol.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.docCol.type')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.docCol.size')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.docCol.date')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {c.documents.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>
                    <a
                      className="utrecht-link"
                      href={`${API}/documents/${d.id}/content`}
                      download={d.filename}
                      aria-label={t('case.docDownload', { name: d.filename })}
                    >
                      {d.filename}
                    </a>
                  </TableCell>
                  <TableCell>{labelOf(t, has, 'docType', d.docType)}</TableCell>
                  <TableCell className="kf-nowrap">{size(d.sizeBytes)}</TableCell>
                  <TableCell className="kf-nowrap">{dateTime(d.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      ) : (
        <Paragraph>{t('case.documentsEmpty')}</Paragraph>
      )}
      {c.abilities.addDocument ? (
        <FormToggle label={t('case.docUpload')}>
          <form onSubmit={submit} noValidate>
            {error && !fe.file && !fe.docType ? <ErrorNotice error={error} /> : null}
            <Field id="doc-type" label={t('case.docType')} error={fe.docType}>
              {(ctl) => (
                <Select {...ctl} value={docType} onChange={(e) => setDocType(e.currentTarget.value)}>
                  {DOC_TYPES.map((d) => (
                    <SelectOption key={d} value={d}>
                      {labelOf(t, has, 'docType', d)}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
            <Field id="doc-file" label={t('case.docFile')} error={fileError}>
              {({ invalid: _invalid, required: _required, ...ctl }) => (
                <input {...ctl} required ref={file} type="file" className="kf-file" onChange={() => setMissing(false)} />
              )}
            </Field>
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
              {t('case.docUpload')}
            </Button>
          </form>
        </FormToggle>
      ) : null}
    </CollapsibleSection>
  );
}
