import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Field, TableWrap } from '../../../ui/index.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useSubmit } from '../api/useSubmit.ts';
import { setFlash } from '../components/announce.ts';
import { ReportSubscription } from '../components/analysis/ReportSubscription.tsx';
import { ErrorNotice, Loading } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import type { Report, ReportDetail, ReportKind } from '../components/reports/reportTypes.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import '../components/reports/reports.css';
import '../i18n/sections/reports.ts';

/** Rapportages: the kept analyses and annual reports, and "Nieuwe analyse" for whoever may make one. */
export default function ReportsPage() {
  const { t, date, dateTime } = useI18n();
  const { can } = useSession();
  const res = useResource<{ items: Report[] }>('/reports');
  return (
    <>
      <PageHeading title={t('reports.title')} />
      <Paragraph>{t('reports.intro')}</Paragraph>
      {can('report:manage') ? <NewReportForm /> : null}
      <section aria-labelledby="reports-list-title" className="kf-section">
        <Heading2 id="reports-list-title">{t('reports.list.caption')}</Heading2>
        {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
        {!res.data && !res.error ? <Loading /> : null}
        {res.data && !res.data.items.length ? <Paragraph>{t('reports.list.empty')}</Paragraph> : null}
        {res.data?.items.length ? (
          <TableWrap label={t('reports.list.caption')}>
            <Table>
              <TableCaption className="kf-visually-hidden">{t('reports.list.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('reports.col.title')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('reports.col.kind')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('reports.col.period')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('reports.col.state')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('reports.col.made')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {res.data.items.map((r) => (
                  <TableRow key={r.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to={`/rapportages/${r.id}`}>{r.title}</AppLink>
                    </TableHeaderCell>
                    <TableCell>{t(`reports.kind.${r.kind}`)}</TableCell>
                    <TableCell>{t('reports.periodText', { from: date(r.period.from), to: date(r.period.to) })}</TableCell>
                    <TableCell>{t(`reports.state.${r.state}`)}</TableCell>
                    <TableCell>{t('reports.madeBy', { date: dateTime(r.createdAt), name: r.createdByName })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableWrap>
        ) : null}
      </section>
      {can('analysis:read') ? <ReportSubscription report="periodic" /> : null}
    </>
  );
}

function NewReportForm() {
  const { t } = useI18n();
  const [kind, setKind] = useState<ReportKind>('periodic');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [title, setTitle] = useState('');
  const { busy, error, run } = useSubmit();
  const fe = fieldErrorsOf(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const made = await api.post<ReportDetail>('/reports', { kind, from, to, ...(title.trim() ? { title } : {}) });
      setFlash(t('reports.new.done'));
      navigate(`/rapportages/${made.id}`);
    });
  };
  const general = error && !Object.keys(fe).length ? generalMessage(error, t) : null;
  return (
    <section aria-labelledby="report-new-title" className="kf-section">
      <Heading2 id="report-new-title">{t('reports.new.title')}</Heading2>
      <Paragraph>{t('reports.new.intro')}</Paragraph>
      {general ? (
        <Alert type="error">
          <Paragraph>{general}</Paragraph>
        </Alert>
      ) : null}
      <form className="kf-report-new" onSubmit={submit} noValidate>
        <Fieldset invalid={!!fe.kind} aria-describedby={fe.kind ? 'report-kind-error' : undefined}>
          <FieldsetLegend>{t('reports.new.kind')}</FieldsetLegend>
          {fe.kind ? <FormFieldErrorMessage id="report-kind-error">{fe.kind}</FormFieldErrorMessage> : null}
          {(['periodic', 'annual'] as const).map((k) => (
            <FormField
              key={k}
              type="radio"
              input={<RadioButton id={`report-kind-${k}`} name="report-kind" checked={kind === k} onChange={() => setKind(k)} />}
              label={
                <FormLabel htmlFor={`report-kind-${k}`} type="radio">
                  {t(k === 'periodic' ? 'reports.new.kindPeriodic' : 'reports.new.kindAnnual')}
                </FormLabel>
              }
            />
          ))}
        </Fieldset>
        <Field id="report-from" label={t('reports.new.from')} error={fe.from}>
          {(p) => <Textbox {...p} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />}
        </Field>
        <Field id="report-to" label={t('reports.new.to')} error={fe.to}>
          {(p) => <Textbox {...p} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />}
        </Field>
        <Field id="report-title" label={t('reports.new.titleField')} description={t('reports.new.titleHint')} error={fe.title}>
          {(p) => <Textbox {...p} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />}
        </Field>
        <Paragraph>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('reports.new.submit')}
          </Button>
        </Paragraph>
      </form>
    </section>
  );
}
