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
import { type FormEvent, useEffect, useRef, useState } from 'react';
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
import '../../i18n/sections/apiClients.ts';

type ApiClient = {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: string[];
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  state: 'active' | 'revoked' | 'expired';
};
type Created = { client: ApiClient; key: string };

/** Beheer › Koppelingen: keys for other systems; a new key is shown once, a key can be revoked. */
export default function ApiClientsPage(_: { path: string }) {
  const { t, date, dateTime } = useI18n();
  const res = useResource<{ items: ApiClient[]; scopes: string[] }>('/api-clients');
  const [created, setCreated] = useState<Created | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useSubmit();
  const scopeLabel = (s: string) => t(`apiClients.scope.${s}` as MessageKey);
  const stateOf = (c: ApiClient) =>
    c.state === 'revoked'
      ? t('apiClients.state.revoked', { date: date(c.revokedAt) })
      : c.state === 'expired'
        ? t('apiClients.state.expired', { date: date(c.expiresAt) })
        : c.expiresAt
          ? t('apiClients.state.activeUntil', { date: date(c.expiresAt) })
          : t('apiClients.state.active');
  const doRevoke = (c: ApiClient) =>
    revoke.run(async () => {
      await api.post(`/api-clients/${c.id}/revoke`);
      const message = t('apiClients.revoked', { name: c.name });
      setConfirming(null);
      setDone(message);
      announce(message);
      res.reload();
    });
  return (
    <>
      <PageHeading title={t('apiClients.title')} />
      <Paragraph>{t('apiClients.intro')}</Paragraph>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {created ? (
        <KeyOnce created={created} onDone={() => setCreated(null)} />
      ) : res.data ? (
        <NewClientForm
          scopes={res.data.scopes}
          scopeLabel={scopeLabel}
          onCreated={(c) => {
            setDone(null);
            setCreated(c);
            res.reload();
          }}
        />
      ) : null}
      <Heading level={2}>{t('apiClients.caption')}</Heading>
      {res.data && !res.data.items.length ? <Paragraph>{t('apiClients.empty')}</Paragraph> : null}
      {res.data?.items.length ? (
        <CaptionedTable
          caption={t('apiClients.caption')}
          hiddenCaption
          columns={[
            t('apiClients.col.name'),
            t('apiClients.col.key'),
            t('apiClients.col.scopes'),
            t('apiClients.col.state'),
            t('apiClients.col.lastUsed'),
            t('apiClients.col.actions'),
          ]}
        >
          {res.data.items.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{c.name}</TableCell>
              <TableCell>
                <code>{c.keyPrefix}…</code>
              </TableCell>
              <TableCell>{c.scopes.map(scopeLabel).join(', ')}</TableCell>
              <TableCell>{stateOf(c)}</TableCell>
              <TableCell>{c.lastUsedAt ? dateTime(c.lastUsedAt) : t('apiClients.never')}</TableCell>
              <TableCell>
                {c.state !== 'active' ? null : confirming === c.id ? (
                  <RevokeConfirm busy={revoke.busy} onYes={() => doRevoke(c)} onCancel={() => setConfirming(null)} />
                ) : (
                  <Button
                    appearance="secondary-action-button"
                    aria-label={t('apiClients.revokeFor', { name: c.name })}
                    onClick={() => setConfirming(c.id)}
                  >
                    {t('apiClients.revoke')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      ) : null}
    </>
  );
}

const FIELDS = ['name', 'scopes', 'expiresAt'] as const;

function NewClientForm({
  scopes,
  scopeLabel,
  onCreated,
}: {
  scopes: string[];
  scopeLabel: (s: string) => string;
  onCreated: (c: Created) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const { busy, error, run } = useSubmit();
  const fe = fieldErrorsOf(error);
  const firstError = (k: string) => Object.entries(fe).find(([f]) => f === k || f.startsWith(`${k}.`))?.[1];
  const summary = FIELDS.flatMap((k) => {
    const message = firstError(k);
    return message ? [{ fieldId: `client-${k}`, message }] : [];
  });
  const scopesError = firstError('scopes');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      // A date means up to and including that day, in the user's own time zone.
      const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : null;
      const made = await api.post<Created>('/api-clients', { name, scopes: chosen, expiresAt });
      announce(t('apiClients.created', { name: made.client.name }));
      setName('');
      setChosen([]);
      setExpires('');
      onCreated(made);
    });
  };
  return (
    <section aria-labelledby="client-new">
      <Heading level={2} id="client-new">
        {t('apiClients.new')}
      </Heading>
      <ErrorSummary title={t('apiClients.errors')} errors={summary} />
      {error && !summary.length ? (
        <Alert type="error">
          <Paragraph>{generalMessage(error, t)}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Field id="client-name" label={t('apiClients.field.name')} description={t('apiClients.field.nameHint')} error={fe.name}>
          {(p) => <Textbox {...p} autoComplete="off" value={name} onChange={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Fieldset id="client-scopes" invalid={!!scopesError} aria-describedby={scopesError ? 'client-scopes-error' : 'client-scopes-hint'}>
          <FieldsetLegend>{t('apiClients.field.scopes')}</FieldsetLegend>
          <Paragraph id="client-scopes-hint" className="kf-muted">
            {t('apiClients.field.scopesHint')}
          </Paragraph>
          {scopesError ? (
            <Paragraph id="client-scopes-error" className="utrecht-form-field-error-message">
              {scopesError}
            </Paragraph>
          ) : null}
          {scopes.map((s) => (
            <CheckboxField
              key={s}
              id={`client-scope-${s.replace(':', '-')}`}
              label={scopeLabel(s)}
              checked={chosen.includes(s)}
              onChange={(on) => setChosen(on ? [...new Set([...chosen, s])] : chosen.filter((x) => x !== s))}
            />
          ))}
        </Fieldset>
        <Field
          id="client-expiresAt"
          label={t('apiClients.field.expires')}
          description={t('apiClients.field.expiresHint')}
          error={fe.expiresAt}
        >
          {(p) => <Textbox {...p} type="date" value={expires} onChange={(e) => setExpires(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('apiClients.create')}
        </Button>
      </form>
    </section>
  );
}

/** Are you sure? Focus moves to the question (the button that asked it is gone). */
function RevokeConfirm({ busy, onYes, onCancel }: { busy: boolean; onYes: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div>
      <Paragraph ref={question} tabIndex={-1}>
        {t('apiClients.revokeConfirm')}
      </Paragraph>
      <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={onYes}>
        {t('apiClients.revokeYes')}
      </Button>{' '}
      <Button appearance="subtle-button" onClick={onCancel}>
        {t('apiClients.cancel')}
      </Button>
    </div>
  );
}

/** The key, this once: focus lands on the warning so a screen reader reads it first. */
function KeyOnce({ created, onDone }: { created: Created; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <ShownOnce
      id="client-key"
      title={t('apiClients.key.title', { name: created.client.name })}
      warning={t('apiClients.key.warning')}
      label={t('apiClients.key.label')}
      value={created.key}
      doneLabel={t('apiClients.key.done')}
      onDone={onDone}
      copy={{ label: t('apiClients.key.copy'), copied: t('apiClients.key.copied'), failed: t('apiClients.key.copyFailed') }}
    />
  );
}
