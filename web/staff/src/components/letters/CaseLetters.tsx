import {
  Button,
  Heading2,
  Heading3,
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
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, Field, TableWrap } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf, generalMessage } from '../../api/errors.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { AppLink, navigate } from '../../router.tsx';
import { FormToggle } from '../case/FormToggle.tsx';
import { ErrorNotice, Loading } from '../ErrorNotice.tsx';
import { letterPath, type CaseLetters as CaseLettersData, type LetterDetail, type LetterKind, type LetterTemplate } from './letterTypes.ts';

export const kindLabel = (t: (k: MessageKey) => string, kind: string) => t(`letters.kind.${kind}` as MessageKey);
export const statusLabel = (t: (k: MessageKey) => string, status: string) => t(`letters.status.${status}` as MessageKey);

/**
 * The letters of a case (status and version of each, a link to its editor) and, when the server
 * says this person may, a form to start one from a template. `version` reloads the list when the
 * case changes.
 */
export function CaseLetters({ caseId, version }: { caseId: string; version: number }) {
  const { t, dateTime } = useI18n();
  const res = useResource<CaseLettersData>(`/cases/${caseId}/letters`);
  const seen = useRef(version);
  const { reload } = res;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  const letters = res.data;
  return (
    <section aria-labelledby="letters-title" className="kf-section">
      <Heading2 id="letters-title">{t('letters.title')}</Heading2>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {!letters && !res.error ? <Loading /> : null}
      {letters && !letters.items.length ? <Paragraph>{t('letters.empty')}</Paragraph> : null}
      {letters?.items.length ? (
        <TableWrap label={t('letters.title')}>
          <Table aria-labelledby="letters-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('letters.col.letter')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('letters.col.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('letters.col.version')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('letters.col.updated')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {letters.items.map((l) => (
                <TableRow key={l.id}>
                  <TableCell>
                    <AppLink to={letterPath(caseId, l.id)}>{kindLabel(t, l.kind)}</AppLink>
                  </TableCell>
                  <TableCell>{statusLabel(t, l.status)}</TableCell>
                  <TableCell>{l.textVersion}</TableCell>
                  <TableCell>
                    <time dateTime={l.updatedAt}>{dateTime(l.updatedAt)}</time>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      ) : null}
      {letters?.abilities.draftKinds.length ? (
        <FormToggle label={t('letters.draft')}>
          <DraftLetterForm caseId={caseId} kinds={letters.abilities.draftKinds} />
        </FormToggle>
      ) : null}
    </section>
  );
}

function DraftLetterForm({ caseId, kinds }: { caseId: string; kinds: LetterKind[] }) {
  const { t } = useI18n();
  const templates = useResource<{ items: LetterTemplate[] }>('/letter-templates');
  const [kind, setKind] = useState<LetterKind>(kinds[0]!);
  const [templateKey, setTemplateKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = fieldErrorsOf(error);
  const general = error && !fe.kind && !fe.templateKey ? [{ message: generalMessage(error, t) }] : [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const letter = await api.post<LetterDetail>(`/cases/${caseId}/letters`, { kind, ...(templateKey ? { templateKey } : {}) });
      navigate(letterPath(caseId, letter.id));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const options = (templates.data?.items ?? []).filter((x) => x.kind === kind);
  return (
    <form onSubmit={submit} noValidate className="kf-panel" aria-labelledby="letter-new-title">
      <Heading3 id="letter-new-title">{t('letters.new')}</Heading3>
      <ErrorSummary
        title={t('app.formErrors')}
        headingLevel={4}
        errors={[
          ...(fe.kind ? [{ fieldId: 'letter-kind', message: fe.kind }] : []),
          ...(fe.templateKey ? [{ fieldId: 'letter-template', message: fe.templateKey }] : []),
          ...general,
        ]}
      />
      <div className="kf-row">
        <Field id="letter-kind" label={t('letters.kind')} error={fe.kind}>
          {(ctl) => (
            <Select
              {...ctl}
              value={kind}
              onChange={(e) => {
                setKind(e.currentTarget.value as LetterKind);
                setTemplateKey('');
              }}
            >
              {kinds.map((k) => (
                <SelectOption key={k} value={k}>
                  {kindLabel(t, k)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id="letter-template" label={t('letters.template')} description={t('letters.templateHint')} error={fe.templateKey}>
          {(ctl) => (
            <Select {...ctl} value={templateKey} onChange={(e) => setTemplateKey(e.currentTarget.value)}>
              <SelectOption value="">{t('letters.templateDefault')}</SelectOption>
              {options.map((x) => (
                <SelectOption key={x.key} value={x.key}>
                  {x.label}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t('letters.draft')}
      </Button>
    </form>
  );
}
