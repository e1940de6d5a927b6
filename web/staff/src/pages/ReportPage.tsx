import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Link,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Field, TableWrap } from '../../../ui/index.ts';
import { API, api, query } from '../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useSubmit } from '../api/useSubmit.ts';
import { announce, useFlash } from '../components/announce.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ReportDocumentView } from '../components/reports/ReportDocumentView.tsx';
import type { Report, ReportComparison, ReportDetail } from '../components/reports/reportTypes.ts';
import { PendingPage } from '../components/PendingPage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import '../components/reports/reports.css';
import '../i18n/sections/reports.ts';

/**
 * One report: its details, PDF and HTML, the conclusions and recommendations (edited while a
 * draft), finalising with a confirmation, the figures as they read, and the comparison with another
 * report (kept in the URL: ?met=<id>).
 */
export default function ReportPage({ id }: { id: string }) {
  const { t, date, dateTime } = useI18n();
  const { can } = useSession();
  const { search } = useLocation();
  const res = useResource<ReportDetail>(`/reports/${id}`);
  const [flash, setFlash] = useFlash();
  const d = res.data;
  if (!d) {
    return <PendingPage title={t('reports.detail.title')} res={res} />;
  }
  const changed = (next: ReportDetail, text: string) => {
    setFlash(text);
    announce(text);
    res.setData(next);
  };
  const draft = d.state === 'draft';
  return (
    <>
      <PageHeading title={d.title} />
      <Paragraph>
        <AppLink to="/rapportages">{t('reports.detail.back')}</AppLink>
      </Paragraph>
      {flash ? <Alert type="ok">{flash}</Alert> : null}
      {!draft ? (
        <Alert type="info">
          <Paragraph>{t('reports.final.note')}</Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="report-facts-title" className="kf-section">
        <Heading2 id="report-facts-title">{t('reports.detail.facts')}</Heading2>
        <DataList>
          <DataListItem>
            <DataListKey>{t('reports.col.kind')}</DataListKey>
            <DataListValue>{t(`reports.kind.${d.kind}`)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('reports.col.period')}</DataListKey>
            <DataListValue>
              {t('reports.periodText', { from: date(d.period.from), to: date(d.period.to) })}.{' '}
              {t(d.scope === 'all' ? 'reports.detail.scopeAll' : 'reports.detail.scopeOwn')}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('reports.col.state')}</DataListKey>
            <DataListValue>
              {t(`reports.state.${d.state}`)}
              {d.finalisedAt
                ? ` — ${t('reports.detail.finalisedBy', { date: dateTime(d.finalisedAt), name: d.finalisedByName ?? '' })}`
                : ''}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('reports.detail.readability')}</DataListKey>
            <DataListValue>
              {d.readability.fleschDouma === null
                ? t('app.none')
                : t(d.readability.belowThreshold ? 'reports.detail.readabilityLow' : 'reports.detail.readabilityOk', {
                    score: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(d.readability.fleschDouma),
                    threshold: d.readability.threshold,
                  })}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('reports.col.made')}</DataListKey>
            <DataListValue>{t('reports.madeBy', { date: dateTime(d.createdAt), name: d.createdByName })}</DataListValue>
          </DataListItem>
        </DataList>
        <div className="kf-report-links">
          <Link href={`${API}/reports/${d.id}/pdf`} download>
            {t('reports.detail.pdf')}
          </Link>
          <Link href={`${API}/reports/${d.id}/html`} target="_blank" rel="noopener">
            {t('reports.detail.html')} <span className="kf-muted">{t('reports.detail.htmlHint')}</span>
          </Link>
        </div>
      </section>
      {draft && can('report:manage') ? <ReportTextForm key={d.updatedAt} d={d} onDone={changed} /> : null}
      {draft && can('report:manage') ? <FinaliseForm d={d} onDone={changed} /> : null}
      <CompareSection d={d} withId={search.get('met')} />
      <ReportDocumentView doc={d.document} />
    </>
  );
}

type Done = (next: ReportDetail, text: string) => void;

function ReportTextForm({ d, onDone }: { d: ReportDetail; onDone: Done }) {
  const { t } = useI18n();
  const [conclusions, setConclusions] = useState(d.conclusions);
  const [recommendations, setRecommendations] = useState(d.recommendations);
  const { busy, error, run } = useSubmit();
  const fe = fieldErrorsOf(error);
  const annual = d.kind === 'annual';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () =>
      onDone(await api.patch<ReportDetail>(`/reports/${d.id}`, { conclusions, recommendations }), t('reports.text.saved')),
    );
  };
  return (
    <section aria-labelledby="report-text-title" className="kf-section">
      <Heading2 id="report-text-title">{t('reports.text.title')}</Heading2>
      <Paragraph>{t('reports.text.intro')}</Paragraph>
      {error && !Object.keys(fe).length ? (
        <Alert type="error">
          <Paragraph>{generalMessage(error, t)}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field
          id="report-conclusions"
          label={t(annual ? 'reports.text.conclusionsAnnual' : 'reports.text.conclusions')}
          error={fe.conclusions}
        >
          {(p) => <Textarea {...p} rows={6} value={conclusions} onChange={(e) => setConclusions(e.currentTarget.value)} />}
        </Field>
        <Field
          id="report-recommendations"
          label={t(annual ? 'reports.text.recommendationsAnnual' : 'reports.text.recommendations')}
          error={fe.recommendations}
        >
          {(p) => <Textarea {...p} rows={6} value={recommendations} onChange={(e) => setRecommendations(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('reports.text.save')}
        </Button>
      </form>
    </section>
  );
}

function FinaliseForm({ d, onDone }: { d: ReportDetail; onDone: Done }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useSubmit();
  const confirmRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  const finalise = () =>
    void run(async () => {
      const next = await api.post<ReportDetail>(`/reports/${d.id}/finalise`);
      setAsking(false);
      onDone(next, t('reports.finalise.done'));
    });
  return (
    <section aria-labelledby="report-finalise-title" className="kf-section">
      <Heading2 id="report-finalise-title">{t('reports.finalise.title')}</Heading2>
      <Paragraph>{t('reports.finalise.intro')}</Paragraph>
      {error ? (
        <Alert type="error">
          <Paragraph>{generalMessage(error, t)}</Paragraph>
        </Alert>
      ) : null}
      {asking ? (
        <>
          <Paragraph ref={confirmRef} tabIndex={-1}>
            <strong>{t('reports.finalise.confirm')}</strong>
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={finalise}>
              {t('reports.finalise.yes')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setAsking(false)}>
              {t('app.cancel')}
            </Button>
          </ButtonGroup>
        </>
      ) : (
        <Button appearance="secondary-action-button" onClick={() => setAsking(true)}>
          {t('reports.finalise.start')}
        </Button>
      )}
    </section>
  );
}

function CompareSection({ d, withId }: { d: ReportDetail; withId: string | null }) {
  const { t, date } = useI18n();
  const list = useResource<{ items: Report[] }>('/reports');
  const others = (list.data?.items ?? []).filter((r) => r.id !== d.id);
  const [choice, setChoice] = useState(withId ?? '');
  const cmp = useResource<ReportComparison>(withId ? `/reports/${d.id}/compare${query({ with: withId })}` : null);
  const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice) navigate(`/rapportages/${d.id}${query({ met: choice })}`);
  };
  const otherName = (r: Report) => `${r.title} (${t('reports.periodText', { from: date(r.period.from), to: date(r.period.to) })})`;
  return (
    <section aria-labelledby="report-compare-title" className="kf-section">
      <Heading2 id="report-compare-title">{t('reports.compare.title')}</Heading2>
      {list.data && !others.length ? <Paragraph>{t('reports.compare.none')}</Paragraph> : null}
      {others.length ? (
        <form className="kf-report-new" onSubmit={submit}>
          <Field id="report-compare-with" label={t('reports.compare.with')}>
            {(p) => (
              <Select {...p} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
                <SelectOption value="">{t('reports.compare.choose')}</SelectOption>
                {others.map((r) => (
                  <SelectOption key={r.id} value={r.id}>
                    {otherName(r)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Paragraph>
            <Button type="submit" appearance="secondary-action-button">
              {t('reports.compare.submit')}
            </Button>
          </Paragraph>
        </form>
      ) : null}
      {cmp.error ? <ErrorNotice error={cmp.error} onRetry={cmp.reload} /> : null}
      {cmp.data ? (
        <TableWrap label={t('reports.compare.caption', { other: otherName(cmp.data.other) })}>
          <Table className="kf-report-table">
            <TableCaption>{t('reports.compare.caption', { other: otherName(cmp.data.other) })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('reports.compare.figure')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('reports.compare.this')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('reports.compare.other')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('reports.compare.difference')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {cmp.data.rows.map((r) => (
                <TableRow key={r.key}>
                  <TableHeaderCell scope="row" lang="nl">
                    {r.label}
                  </TableHeaderCell>
                  <TableCell>{r.value}</TableCell>
                  <TableCell>{r.other}</TableCell>
                  <TableCell>{r.difference === null ? '–' : number.format(r.difference)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      ) : null}
    </section>
  );
}
