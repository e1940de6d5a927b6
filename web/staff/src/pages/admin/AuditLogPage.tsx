import {
  Button,
  Fieldset,
  FieldsetLegend,
  Paragraph,
  Select,
  SelectOption,
  TableCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ErrorSummary, Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { fieldErrorsOf, generalMessage } from '../../api/errors.ts';
import { CaptionedTable } from '../../components/CaptionedTable.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import '../../i18n/sections/audit.ts';

type AuditEntry = {
  seq: string;
  at: string;
  actor: { kind: 'staff' | 'client' | 'system' | 'citizen'; id: string | null; name: string | null };
  action: string;
  kind: 'read' | 'change';
  /** A change in words (the route's Dutch summary). */
  change: string | null;
  case: { id: string; reference: string | null } | null;
  persons: { id: string; name: string | null; anonymised: boolean }[];
  objectId: string | null;
  ip: string | null;
};
type Page = { items: AuditEntry[]; nextCursor: string | null };
type Search = { person: string; caseReference: string; userId: string; from: string; to: string };
const EMPTY: Search = { person: '', caseReference: '', userId: '', from: '', to: '' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The search as the API takes it: a person by id or by e-mail address, empty fields left out. */
function body(s: Search, cursor?: string) {
  const person = s.person.trim();
  return {
    ...(person ? (UUID.test(person) ? { personId: person } : { personEmail: person }) : {}),
    ...(s.caseReference.trim() ? { caseReference: s.caseReference.trim() } : {}),
    ...(s.userId ? { userId: s.userId } : {}),
    ...(s.from ? { from: s.from } : {}),
    ...(s.to ? { to: s.to } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * The privacy officer's audit log: who read or changed a complainant's data, when, from where. A
 * search by person, case, staff member and period; newest first, more on request (keyset). It shows
 * what the entries hold (ids) with names looked up now: never a subject or any text of the case.
 */
export default function AuditLogPage(_: { path: string }) {
  const { t, has, dateTime } = useI18n();
  const directory = useDirectory();
  const [form, setForm] = useState<Search>(EMPTY);
  const [searched, setSearched] = useState<Search | null>(null);
  const [page, setPage] = useState<Page | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (s: Search, more?: Page) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<Page>('/audit-searches', body(s, more?.nextCursor ?? undefined));
      setPage(more ? { items: [...more.items, ...next.items], nextCursor: next.nextCursor } : next);
      setSearched(s);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(form);
  };

  const fieldErrors = fieldErrorsOf(error);
  const personError = fieldErrors.personEmail ?? fieldErrors.personId;
  const errorFor: Record<string, string | undefined> = {
    'audit-person': personError,
    'audit-case': fieldErrors.caseReference,
    'audit-user': fieldErrors.userId,
    'audit-from': fieldErrors.from,
    'audit-to': fieldErrors.to,
  };
  const summary = error
    ? Object.values(fieldErrors).length
      ? Object.entries(errorFor).flatMap(([fieldId, message]) => (message ? [{ fieldId, message }] : []))
      : [{ message: generalMessage(error, t) }]
    : [];
  const set = (k: keyof Search) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });

  const actionLabel = (e: AuditEntry) => {
    if (e.kind === 'change') return t('audit.action.change', { what: e.change ?? e.action });
    const key = `audit.action.${e.action}`;
    return has(key) ? t(key) : t('audit.action.other', { action: e.action });
  };
  const who = (e: AuditEntry) =>
    e.actor.kind === 'client'
      ? t('audit.client', { id: e.actor.id ?? '' })
      : e.actor.kind === 'system'
        ? t('audit.system')
        : e.actor.kind === 'citizen'
          ? t('audit.citizen')
          : (e.actor.name ?? t('audit.unknownUser'));
  const count = page
    ? page.items.length === 0
      ? t('audit.none')
      : page.nextCursor
        ? t('audit.countMore', { count: page.items.length })
        : page.items.length === 1
          ? t('audit.countOne')
          : t('audit.count', { count: page.items.length })
    : '';

  return (
    <>
      <PageHeading title={t('audit.title')} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      <ErrorSummary title={t('audit.errorsTitle')} errors={summary} />
      <form onSubmit={submit} noValidate>
        <Fieldset>
          <FieldsetLegend>{t('audit.search')}</FieldsetLegend>
          <div className="kf-filters">
            <Field id="audit-person" label={t('audit.person')} description={t('audit.personHelp')} error={personError}>
              {(c) => <Textbox {...c} autoComplete="off" value={form.person} onChange={set('person')} />}
            </Field>
            <Field id="audit-case" label={t('audit.case')} description={t('audit.caseHelp')} error={fieldErrors.caseReference}>
              {(c) => <Textbox {...c} autoComplete="off" value={form.caseReference} onChange={set('caseReference')} />}
            </Field>
            <Field id="audit-user" label={t('audit.user')} error={fieldErrors.userId}>
              {(c) => (
                <Select {...c} value={form.userId} onChange={set('userId')}>
                  <SelectOption value="">{t('audit.anyUser')}</SelectOption>
                  {(directory?.users ?? []).map((u) => (
                    <SelectOption key={u.id} value={u.id}>
                      {u.name}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
            <Field id="audit-from" label={t('audit.from')} error={fieldErrors.from}>
              {(c) => <Textbox {...c} type="date" value={form.from} onChange={set('from')} />}
            </Field>
            <Field id="audit-to" label={t('audit.to')} error={fieldErrors.to}>
              {(c) => <Textbox {...c} type="date" value={form.to} onChange={set('to')} />}
            </Field>
          </div>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('audit.submit')}
          </Button>
        </Fieldset>
      </form>
      <Paragraph role="status" aria-live="polite">
        {busy && !page ? t('app.loading') : count}
      </Paragraph>
      {page?.items.length ? (
        <CaptionedTable
          caption={t('audit.caption')}
          columns={[
            t('audit.col.when'),
            t('audit.col.who'),
            t('audit.col.what'),
            t('audit.col.case'),
            t('audit.col.persons'),
            t('audit.col.where'),
          ]}
        >
          {page.items.map((e) => (
            <TableRow key={e.seq}>
              <TableCell className="kf-nowrap">{dateTime(e.at)}</TableCell>
              <TableCell>{who(e)}</TableCell>
              <TableCell>{actionLabel(e)}</TableCell>
              <TableCell>{e.case?.reference ?? ''}</TableCell>
              <TableCell>
                {e.persons.map((p) => (
                  <div key={p.id}>{p.anonymised ? <em>{t('audit.anonymised')}</em> : p.name}</div>
                ))}
              </TableCell>
              <TableCell>{e.ip ?? t('audit.noAddress')}</TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      ) : null}
      {page?.nextCursor && searched ? (
        <Paragraph>
          <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void run(searched, page)}>
            {t('audit.more')}
          </Button>
        </Paragraph>
      ) : null}
    </>
  );
}
