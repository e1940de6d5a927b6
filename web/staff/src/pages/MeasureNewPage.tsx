import { Alert, Button, Heading2, Paragraph, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorSummary, Field } from '../../../ui/index.ts';
import { api } from '../api/client.ts';
import { useDirectory } from '../api/directory.ts';
import { fieldErrorsOf, generalMessage } from '../api/errors.ts';
import type { CaseDetail, CaseSummary } from '../api/types.ts';
import { useSubmit } from '../api/useSubmit.ts';
import { announce, setFlash } from '../components/announce.ts';
import { groundOptions, MEASURE_SOURCES, type MeasureDetail } from '../components/measures/measureTypes.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import '../components/measures/measures.css';
import '../i18n/sections/measures.ts';

type LinkedCase = { id: string; reference: string; subject: string };

/**
 * A new improvement measure (seed 002 step 4, or step 7 for a system review): what, who owns it,
 * by when, and the complaints it answers; opened from a case, that case is linked already.
 */
export default function MeasureNewPage() {
  const { t, l } = useI18n();
  const { session } = useSession();
  const dir = useDirectory();
  const { search } = useLocation();
  const fromCase = search.get('melding');
  const [form, setForm] = useState({
    description: '',
    ownerId: session?.user.id ?? '',
    dueDate: '',
    source: 'complaint',
    finding: '',
    ground: '',
  });
  const [cases, setCases] = useState<LinkedCase[]>([]);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<CaseSummary[] | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const { busy, error, run } = useSubmit();

  useEffect(() => {
    if (!fromCase) return;
    api.get<CaseDetail>(`/cases/${fromCase}`).then(
      (c) =>
        setCases((prev) => (prev.some((x) => x.id === c.id) ? prev : [...prev, { id: c.id, reference: c.reference, subject: c.subject }])),
      () => undefined,
    );
  }, [fromCase]);

  const fe = fieldErrorsOf(error);
  const caseError = Object.entries(fe).find(([k]) => k.startsWith('caseIds'))?.[1];
  const summary = [
    ...(['description', 'ownerId', 'dueDate', 'source', 'finding', 'ground'] as const)
      .filter((k) => fe[k])
      .map((k) => ({ fieldId: `measure-${k}`, message: fe[k]! })),
    ...(caseError ? [{ fieldId: 'measure-case-search', message: caseError }] : []),
  ];
  const grounds = groundOptions(dir);

  const searchCases = async (e: FormEvent) => {
    e.preventDefault();
    setSearchError(null);
    try {
      setFound((await api.post<{ items: CaseSummary[] }>('/case-searches', { q })).items);
    } catch (err) {
      setSearchError(err);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const created = await api.post<MeasureDetail>('/measures', {
        description: form.description,
        ownerId: form.ownerId,
        dueDate: form.dueDate,
        source: form.source,
        caseIds: cases.map((c) => c.id),
        ...(form.finding ? { finding: form.finding } : {}),
        ...(form.ground ? { ground: form.ground } : {}),
      });
      setFlash(t('measures.form.saved'));
      navigate(`/verbetermaatregelen/${created.measure.id}`);
    });
  };

  return (
    <>
      <PageHeading title={t('measures.form.title')} />
      <Paragraph>
        <AppLink to="/verbetermaatregelen">{t('measures.title')}</AppLink>
      </Paragraph>
      <ErrorSummary title={t('measures.form.errors')} errors={summary} />
      {error && !summary.length ? (
        <Alert type="error">
          <Paragraph>{generalMessage(error, t)}</Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="measure-cases-title" className="kf-section">
        <Heading2 id="measure-cases-title">{t('measures.form.cases')}</Heading2>
        {cases.length ? (
          <ul className="kf-measure-list">
            {cases.map((c) => (
              <li key={c.id}>
                {c.reference}: {c.subject}{' '}
                <Button
                  appearance="subtle-button"
                  aria-label={t('measures.form.caseRemoveLabel', { reference: c.reference })}
                  onClick={() => setCases(cases.filter((x) => x.id !== c.id))}
                >
                  {t('measures.form.caseRemove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('measures.form.casesNone')}</Paragraph>
        )}
        <form onSubmit={searchCases} className="kf-row">
          <Field id="measure-case-search" label={t('measures.form.caseSearch')} error={caseError}>
            {(p) => <Textbox {...p} value={q} onChange={(e) => setQ(e.currentTarget.value)} />}
          </Field>
          <div>
            <Button type="submit" appearance="secondary-action-button">
              {t('measures.form.caseSearchButton')}
            </Button>
          </div>
        </form>
        {searchError ? <Paragraph>{generalMessage(searchError, t)}</Paragraph> : null}
        {found ? (
          found.length ? (
            <ul className="kf-measure-list" aria-label={t('measures.form.caseResults')}>
              {found.map((c) => (
                <li key={c.id}>
                  {c.reference}: {c.subject}{' '}
                  {cases.some((x) => x.id === c.id) ? null : (
                    <Button
                      appearance="secondary-action-button"
                      aria-label={t('measures.form.caseAddLabel', { reference: c.reference })}
                      onClick={() => {
                        setCases([...cases, { id: c.id, reference: c.reference, subject: c.subject }]);
                        announce(t('measures.form.caseAddLabel', { reference: c.reference }));
                      }}
                    >
                      {t('measures.form.caseAdd')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph role="status">{t('measures.form.caseNoResults')}</Paragraph>
          )
        ) : null}
      </section>
      <form onSubmit={submit} noValidate>
        <Field
          id="measure-description"
          label={t('measures.form.description')}
          description={t('measures.form.descriptionHint')}
          error={fe.description}
        >
          {(p) => (
            <Textarea {...p} rows={4} value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} />
          )}
        </Field>
        <Field id="measure-ownerId" label={t('measures.form.owner')} description={t('measures.form.ownerHint')} error={fe.ownerId}>
          {(p) => (
            <Select {...p} value={form.ownerId} onChange={(e) => setForm({ ...form, ownerId: e.currentTarget.value })}>
              <SelectOption value="">{t('measures.form.ownerChoose')}</SelectOption>
              {(dir?.users ?? []).map((u) => (
                <SelectOption key={u.id} value={u.id}>
                  {u.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id="measure-dueDate" label={t('measures.form.dueDate')} description={t('measures.form.dueDateHint')} error={fe.dueDate}>
          {(p) => (
            <Textbox {...p} type="date" value={form.dueDate} onChange={(e) => setForm({ ...form, dueDate: e.currentTarget.value })} />
          )}
        </Field>
        <Field id="measure-source" label={t('measures.form.source')} error={fe.source}>
          {(p) => (
            <Select {...p} value={form.source} onChange={(e) => setForm({ ...form, source: e.currentTarget.value })}>
              {MEASURE_SOURCES.map((s) => (
                <SelectOption key={s} value={s}>
                  {t(`measures.source.${s}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id="measure-finding" label={t('measures.form.finding')} description={t('measures.form.findingHint')} error={fe.finding}>
          {(p) => <Textbox {...p} value={form.finding} onChange={(e) => setForm({ ...form, finding: e.currentTarget.value })} />}
        </Field>
        <Field id="measure-ground" label={t('measures.form.ground')} description={t('measures.form.groundHint')} error={fe.ground}>
          {(p) => (
            <Select {...p} value={form.ground} onChange={(e) => setForm({ ...form, ground: e.currentTarget.value })}>
              <SelectOption value="">{t('measures.form.groundAuto')}</SelectOption>
              {grounds.map((g) => (
                <SelectOption key={g.value} value={g.value}>
                  {l(g.label)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('measures.form.submit')}
        </Button>
      </form>
    </>
  );
}
