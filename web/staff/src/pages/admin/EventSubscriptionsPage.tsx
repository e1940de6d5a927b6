import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  TableCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { CheckboxField, ErrorSummary, Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../api/errors.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { announce } from '../../components/announce.ts';
import { CaptionedTable } from '../../components/CaptionedTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ShownOnce } from '../../components/admin/ShownOnce.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import '../../i18n/sections/events.ts';

type Subscription = {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  pending: number;
  failed: number;
  lastDeliveredAt: string | null;
};
type Delivery = {
  id: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
};
type Created = { subscription: Subscription; secret: string };

/** Beheer › Gebeurtenissen: other systems' subscriptions to events, and what became of each delivery. */
export default function EventSubscriptionsPage(_: { path: string }) {
  const { t, dateTime } = useI18n();
  const res = useResource<{ items: Subscription[]; eventTypes: string[] }>('/admin/event-subscriptions');
  const [created, setCreated] = useState<Created | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const action = useSubmit();
  const typeLabel = (type: string) => t(`events.type.${type}` as MessageKey);
  const say = (message: string) => {
    setDone(message);
    announce(message);
  };
  const setActive = (s: Subscription, active: boolean) =>
    action.run(async () => {
      await api.patch(`/admin/event-subscriptions/${s.id}`, { active });
      say(t(active ? 'events.resumed' : 'events.paused', { name: s.name }));
      res.reload();
    });
  const sendTest = (s: Subscription) =>
    action.run(async () => {
      await api.post(`/admin/event-subscriptions/${s.id}/test`);
      say(t('events.testSent', { name: s.name }));
      setShown(s.id);
      res.reload();
    });
  const stateOf = (s: Subscription) =>
    [
      t(s.active ? 'events.state.active' : 'events.state.paused'),
      s.pending ? t('events.state.pending', { count: s.pending }) : null,
      s.failed ? t('events.state.failed', { count: s.failed }) : null,
    ]
      .filter(Boolean)
      .join(', ');
  const showing = res.data?.items.find((s) => s.id === shown);
  return (
    <>
      <PageHeading title={t('events.title')} />
      <Paragraph>{t('events.intro')}</Paragraph>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {action.error ? <ErrorNotice error={action.error} /> : null}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {created ? (
        <SecretOnce created={created} onDone={() => setCreated(null)} />
      ) : res.data ? (
        <NewSubscriptionForm
          eventTypes={res.data.eventTypes}
          typeLabel={typeLabel}
          onCreated={(c) => {
            setDone(null);
            setCreated(c);
            res.reload();
          }}
        />
      ) : null}
      <Heading level={2}>{t('events.caption')}</Heading>
      {res.data && !res.data.items.length ? <Paragraph>{t('events.empty')}</Paragraph> : null}
      {res.data?.items.length ? (
        <CaptionedTable
          caption={t('events.caption')}
          hiddenCaption
          columns={[
            t('events.col.name'),
            t('events.col.url'),
            t('events.col.types'),
            t('events.col.state'),
            t('events.col.lastDelivered'),
            t('events.col.actions'),
          ]}
        >
          {res.data.items.map((s) => (
            <TableRow key={s.id}>
              <TableCell>{s.name}</TableCell>
              <TableCell>
                <code>{s.url}</code>
              </TableCell>
              <TableCell>{s.eventTypes.map(typeLabel).join(', ')}</TableCell>
              <TableCell>{stateOf(s)}</TableCell>
              <TableCell>{s.lastDeliveredAt ? dateTime(s.lastDeliveredAt) : t('events.never')}</TableCell>
              <TableCell>
                <div className="kf-actions">
                  <Button
                    appearance="secondary-action-button"
                    aria-label={t('events.showFor', { name: s.name })}
                    aria-pressed={shown === s.id}
                    onClick={() => setShown(shown === s.id ? null : s.id)}
                  >
                    {t('events.show')}
                  </Button>{' '}
                  <Button
                    appearance="secondary-action-button"
                    aria-label={t('events.testFor', { name: s.name })}
                    disabled={action.busy}
                    onClick={() => sendTest(s)}
                  >
                    {t('events.test')}
                  </Button>{' '}
                  <Button
                    appearance="subtle-button"
                    aria-label={t(s.active ? 'events.pauseFor' : 'events.resumeFor', { name: s.name })}
                    disabled={action.busy}
                    onClick={() => setActive(s, !s.active)}
                  >
                    {t(s.active ? 'events.pause' : 'events.resume')}
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      ) : null}
      {showing ? <Deliveries subscription={showing} typeLabel={typeLabel} onChanged={res.reload} /> : null}
    </>
  );
}

/** One subscription's deliveries, newest first: delivered, waiting for the next attempt, or failed (send again). */
function Deliveries({
  subscription,
  typeLabel,
  onChanged,
}: {
  subscription: Subscription;
  typeLabel: (type: string) => string;
  onChanged: () => void;
}) {
  const { t, dateTime } = useI18n();
  const res = useResource<{ items: Delivery[] }>(`/admin/event-subscriptions/${subscription.id}/deliveries`);
  const retry = useSubmit();
  const refresh = () => {
    res.reload();
    onChanged();
  };
  const statusOf = (d: Delivery) =>
    d.status === 'delivered'
      ? t('events.deliveries.delivered', { date: dateTime(d.deliveredAt) })
      : d.status === 'pending'
        ? t('events.deliveries.pending', { date: dateTime(d.nextAttemptAt) })
        : t('events.deliveries.failed');
  const answerOf = (d: Delivery) => (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : d.lastError ? t('events.deliveries.noAnswer') : '—');
  return (
    <section aria-labelledby="event-deliveries">
      <Heading level={2} id="event-deliveries">
        {t('events.deliveries.title', { name: subscription.name })}
      </Heading>
      <Paragraph>
        <Button appearance="secondary-action-button" onClick={refresh}>
          {t('events.deliveries.refresh')}
        </Button>
      </Paragraph>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {retry.error ? <ErrorNotice error={retry.error} /> : null}
      {res.data && !res.data.items.length ? <Paragraph>{t('events.deliveries.empty')}</Paragraph> : null}
      {res.data?.items.length ? (
        <CaptionedTable
          caption={t('events.deliveries.title', { name: subscription.name })}
          hiddenCaption
          columns={[
            t('events.deliveries.col.type'),
            t('events.deliveries.col.created'),
            t('events.deliveries.col.status'),
            t('events.deliveries.col.attempts'),
            t('events.deliveries.col.answer'),
            t('events.deliveries.col.actions'),
          ]}
        >
          {res.data.items.map((d) => (
            <TableRow key={d.id}>
              <TableCell>{typeLabel(d.eventType)}</TableCell>
              <TableCell>{dateTime(d.createdAt)}</TableCell>
              <TableCell>{statusOf(d)}</TableCell>
              <TableCell>{d.attempts}</TableCell>
              <TableCell>{answerOf(d)}</TableCell>
              <TableCell>
                {d.status === 'failed' ? (
                  <Button
                    appearance="secondary-action-button"
                    disabled={retry.busy}
                    onClick={() =>
                      retry.run(async () => {
                        await api.post(`/admin/event-deliveries/${d.id}/retry`);
                        announce(t('events.deliveries.retried'));
                        refresh();
                      })
                    }
                  >
                    {t('events.deliveries.retry')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      ) : null}
    </section>
  );
}

const FIELDS = ['name', 'url', 'eventTypes'] as const;

function NewSubscriptionForm({
  eventTypes,
  typeLabel,
  onCreated,
}: {
  eventTypes: string[];
  typeLabel: (type: string) => string;
  onCreated: (c: Created) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, error, run } = useSubmit();
  const fe = fieldErrorsOf(error);
  const firstError = (k: string) => Object.entries(fe).find(([f]) => f === k || f.startsWith(`${k}.`))?.[1];
  const summary = FIELDS.flatMap((k) => {
    const message = firstError(k);
    return message ? [{ fieldId: `event-${k}`, message }] : [];
  });
  const typesError = firstError('eventTypes');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const made = await api.post<Created>('/admin/event-subscriptions', { name, url, eventTypes: chosen });
      announce(t('events.created', { name: made.subscription.name }));
      setName('');
      setUrl('');
      setChosen([]);
      onCreated(made);
    });
  };
  return (
    <section aria-labelledby="event-new">
      <Heading level={2} id="event-new">
        {t('events.new')}
      </Heading>
      <ErrorSummary title={t('events.errors')} errors={summary} />
      {error && !summary.length ? (
        <Alert type="error">
          <Paragraph>{generalMessage(error, t)}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field id="event-name" label={t('events.field.name')} description={t('events.field.nameHint')} error={fe.name}>
          {(p) => <Textbox {...p} autoComplete="off" value={name} onChange={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field id="event-url" label={t('events.field.url')} description={t('events.field.urlHint')} error={fe.url}>
          {(p) => (
            <Textbox {...p} type="url" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
          )}
        </Field>
        <Fieldset id="event-eventTypes" invalid={!!typesError} aria-describedby={typesError ? 'event-types-error' : 'event-types-hint'}>
          <FieldsetLegend>{t('events.field.types')}</FieldsetLegend>
          <Paragraph id="event-types-hint" className="kf-muted">
            {t('events.field.typesHint')}
          </Paragraph>
          {typesError ? (
            <Paragraph id="event-types-error" className="utrecht-form-field-error-message">
              {typesError}
            </Paragraph>
          ) : null}
          {eventTypes.map((type) => (
            <CheckboxField
              key={type}
              id={`event-type-${type.replaceAll('.', '-')}`}
              label={typeLabel(type)}
              checked={chosen.includes(type)}
              onChange={(on) => setChosen(on ? [...new Set([...chosen, type])] : chosen.filter((x) => x !== type))}
            />
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('events.create')}
        </Button>
      </form>
    </section>
  );
}

/** The signing secret, this once: focus lands on its heading so a screen reader reads the warning next. */
function SecretOnce({ created, onDone }: { created: Created; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <ShownOnce
      id="event-secret"
      title={t('events.secret.title', { name: created.subscription.name })}
      warning={t('events.secret.warning')}
      label={t('events.secret.label')}
      value={created.secret}
      doneLabel={t('events.secret.done')}
      onDone={onDone}
    />
  );
}
