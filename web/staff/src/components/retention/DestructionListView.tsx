import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  Select,
  SelectOption,
  TableCell,
  TableRow,
  Textarea,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../../ui/index.ts';
import { API, api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppLink } from '../../router.tsx';
import { announce } from '../announce.ts';
import { CaptionedTable } from '../CaptionedTable.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { type ListDetail, RETENTION_BASE } from './retentionTypes.ts';

/** One destruction list: its cases (reference, dates, rule; never what the complaint said), holds, approval, history. */
export function DestructionListView({ id }: { id: string }) {
  const { t, l, date, dateTime } = useI18n();
  const res = useResource<ListDetail>(`/retention/lists/${id}`);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const say = (text: string) => {
    setDone(text);
    announce(text);
  };
  if (res.error) return <ErrorNotice error={res.error} onRetry={res.reload} />;
  const list = res.data;
  if (!list) return null;
  const open = list.status === 'proposed';
  const going = list.cases.filter((c) => !c.held).length;
  const lift = (caseId: string, reference: string) =>
    run(async () => {
      await api.delete(`/retention/lists/${id}/cases/${caseId}/hold`);
      say(t('retention.lifted', { reference }));
      res.reload();
    });
  const approve = () =>
    run(async () => {
      const cert = await api.post<{ count: number }>(`/retention/lists/${id}/approve`);
      say(t('retention.approved', { count: cert.count }));
      res.reload();
    });
  return (
    <>
      <PageHeading title={t('retention.listTitle', { month: list.month.slice(0, 7) })} />
      <Paragraph>
        <AppLink to={RETENTION_BASE}>{t('retention.back')}</AppLink>
      </Paragraph>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {error && !Object.keys(fieldErrorsOf(error)).length ? <ErrorNotice error={error} /> : null}
      <Paragraph>{t(`retention.status.${list.status}`)}</Paragraph>
      {list.status === 'destroyed' ? (
        <>
          <Paragraph>
            {t('retention.doneBy', {
              name: list.approvedBy ?? '',
              date: date(list.approvedAt),
              count: list.destroyedCount ?? 0,
              held: list.heldCount ?? 0,
            })}
          </Paragraph>
          <Paragraph>
            <Link href={`${API}/retention/lists/${id}/certificate`} download>
              {t('retention.certificate')}
            </Link>
          </Paragraph>
        </>
      ) : null}
      <CaptionedTable
        caption={t('retention.casesCaption')}
        columns={[
          t('retention.col.reference'),
          t('retention.col.closed'),
          t('retention.col.destroyAfter'),
          t('retention.col.rule'),
          t('retention.col.hold'),
        ]}
      >
        {list.cases.map((c) => (
          <TableRow key={c.caseId}>
            <TableCell>{c.reference}</TableCell>
            <TableCell>{date(c.closedOn)}</TableCell>
            <TableCell>{date(c.destroyAfter)}</TableCell>
            <TableCell>{l(c.ruleLabel)}</TableCell>
            <TableCell>
              {c.held ? t('retention.heldBecause', { reason: c.held.reason }) : t('retention.notHeld')}
              {c.held && open ? (
                <>
                  {' '}
                  <Button appearance="subtle-button" busy={busy} disabled={busy} onClick={() => lift(c.caseId, c.reference)}>
                    {t('retention.liftHold')}
                  </Button>
                </>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </CaptionedTable>
      {open && going ? (
        <HoldForm
          cases={list.cases.filter((c) => !c.held)}
          busy={busy}
          errors={fieldErrorsOf(error)}
          onSave={(caseId, reason, reference) =>
            run(async () => {
              await api.post(`/retention/lists/${id}/cases/${caseId}/hold`, { reason });
              say(t('retention.held', { reference }));
              res.reload();
            })
          }
        />
      ) : null}
      {open ? (
        <section aria-labelledby="approve-heading">
          <Heading level={2} id="approve-heading">
            {t('retention.approveTitle')}
          </Heading>
          <Paragraph>{t('retention.approveHint', { count: going })}</Paragraph>
          <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={approve}>
            {t('retention.approve')}
          </Button>
        </section>
      ) : null}
      <CaptionedTable
        caption={t('retention.historyCaption')}
        columns={[t('retention.col.when'), t('retention.col.who'), t('retention.col.what')]}
      >
        {list.events.map((e) => (
          <TableRow key={`${e.at}-${e.type}-${e.caseId ?? ''}`}>
            <TableCell>{dateTime(e.at)}</TableCell>
            <TableCell>{e.by}</TableCell>
            <TableCell>
              {t(`retention.event.${e.type}` as 'retention.event.listProposed')}
              {e.caseId ? ` (${list.cases.find((c) => c.caseId === e.caseId)?.reference ?? ''})` : ''}
              {typeof e.data.reason === 'string' ? `: ${e.data.reason}` : ''}
            </TableCell>
          </TableRow>
        ))}
      </CaptionedTable>
    </>
  );
}

type HoldProps = {
  cases: ListDetail['cases'];
  busy: boolean;
  errors: Record<string, string>;
  onSave: (caseId: string, reason: string, reference: string) => void;
};

function HoldForm({ cases, busy, errors, onSave }: HoldProps) {
  const { t } = useI18n();
  const [caseId, setCaseId] = useState(cases[0]?.caseId ?? '');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = cases.find((c) => c.caseId === caseId) ?? cases[0];
    if (chosen) onSave(chosen.caseId, reason, chosen.reference);
  };
  return (
    <section aria-labelledby="hold-heading">
      <Heading level={2} id="hold-heading">
        {t('retention.holdTitle')}
      </Heading>
      <form onSubmit={submit} noValidate>
        <Field id="hold-case" label={t('retention.holdCase')}>
          {(p) => (
            <Select {...p} value={caseId} onChange={(e) => setCaseId(e.currentTarget.value)}>
              {cases.map((c) => (
                <SelectOption key={c.caseId} value={c.caseId}>
                  {c.reference}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id="hold-reason" label={t('retention.holdReason')} description={t('retention.holdReasonHelp')} error={errors.reason}>
          {(p) => <Textarea {...p} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('retention.holdSave')}
        </Button>
      </form>
    </section>
  );
}
