import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import type { ImportBatch, ImportedCases, ImportMapping, ImportReport, Uploaded } from './importTypes.ts';

export type ImportStage = 'choose' | 'map' | 'report' | 'running' | 'done' | 'failed';

/**
 * The register import's state across its steps: the chosen file, its upload, the column mapping (and
 * saved mappings), the dry run's report, and the running batch (polled until done or failed).
 */
export function useImportFlow() {
  const { t } = useI18n();
  const [stage, setStage] = useState<ImportStage>('choose');
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [mappings, setMappings] = useState<ImportMapping[]>([]);
  const [chosenMapping, setChosenMapping] = useState('');
  const [mappingName, setMappingName] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const [imported, setImported] = useState<ImportedCases | null>(null);
  const uploadSubmit = useSubmit();
  const mapSubmit = useSubmit();
  const mappingSubmit = useSubmit();
  const runSubmit = useSubmit();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api.get<{ items: ImportMapping[] }>('/import-mappings').then(
      (r) => setMappings(r.items),
      () => undefined,
    );
  }, []);

  // While the import runs, the screen polls the batch's progress.
  useEffect(() => {
    if (stage !== 'running' || !batch) return;
    let live = true;
    const poll = async () => {
      try {
        const b = await api.get<ImportBatch>(`/imports/${batch.id}`);
        if (!live) return;
        setBatch(b);
        if (b.state === 'done') {
          setImported(await api.get<ImportedCases>(`/imports/${b.id}/cases`));
          setStage('done');
          announce(t('import.done', { n: b.importedRows, file: b.fileName }));
          return;
        }
        if (b.state === 'failed') {
          setStage('failed');
          return;
        }
      } catch {
        // a missed poll is tried again
      }
      if (live) window.setTimeout(poll, 500);
    };
    const timer = window.setTimeout(poll, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [stage, batch?.id, t, batch]);

  const upload = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileMissing(true);
      fileInput.current?.focus();
      return;
    }
    setFileMissing(false);
    void uploadSubmit.run(async () => {
      const form = new FormData();
      form.append('file', file);
      const up = await api.post<Uploaded>('/imports', form);
      setUploaded(up);
      // A corrected file with the same columns keeps the mapping chosen before.
      const keep = Object.keys(columns).length && up.headers.every((h) => h in columns);
      setColumns(keep ? Object.fromEntries(up.headers.map((h) => [h, columns[h] ?? ''])) : up.suggested);
      setReport(null);
      setStage('map');
    });
  };

  const dryRun = (e: FormEvent) => {
    e.preventDefault();
    if (!uploaded) return;
    void mapSubmit.run(async () => {
      const r = await api.post<ImportReport>(`/imports/${uploaded.id}/dry-run`, { columns });
      setReport(r);
      setStage('report');
    });
  };

  const saveMapping = (e: FormEvent) => {
    e.preventDefault();
    void mappingSubmit.run(async () => {
      await api.post('/import-mappings', { name: mappingName, columns });
      setMappings((await api.get<{ items: ImportMapping[] }>('/import-mappings')).items);
      announce(t('import.mappingSaved', { name: mappingName }));
    });
  };

  const applyMapping = () => {
    const m = mappings.find((x) => x.id === chosenMapping);
    if (!m || !uploaded) return;
    setColumns(Object.fromEntries(uploaded.headers.map((h) => [h, m.columns[h] ?? ''])));
    setMappingName(m.name);
    announce(t('import.mappingApplied', { name: m.name }));
  };

  const runImport = () => {
    if (!uploaded) return;
    void runSubmit.run(async () => {
      const started = await api.post<{ id: string; totalRows: number }>(`/imports/${uploaded.id}/run`);
      setBatch({
        id: started.id,
        fileName: uploaded.fileName,
        state: 'running',
        okRows: started.totalRows,
        processedRows: 0,
        importedRows: 0,
        error: null,
        finishedAt: null,
      });
      setStage('running');
    });
  };

  const restart = () => {
    setStage('choose');
    setFile(null);
    setUploaded(null);
    setReport(null);
    setBatch(null);
    setImported(null);
  };

  return {
    stage,
    setStage,
    setFile,
    fileMissing,
    fileInput,
    uploaded,
    columns,
    setColumns,
    mappings,
    chosenMapping,
    setChosenMapping,
    mappingName,
    setMappingName,
    report,
    batch,
    imported,
    uploadSubmit,
    mapSubmit,
    mappingSubmit,
    runSubmit,
    upload,
    dryRun,
    saveMapping,
    applyMapping,
    runImport,
    restart,
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
