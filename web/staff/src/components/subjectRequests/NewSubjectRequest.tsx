import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { navigate } from '../../router.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { FormToggle } from '../case/FormToggle.tsx';
import { BASE, REQUEST_KINDS, type SubjectLookup, type SubjectRequestDetail } from './subjectRequestTypes.ts';

/** Find the person (by name or e-mail: a complainant, representative or colleague), then register the request. */
export function NewSubjectRequest() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<SubjectLookup | null>(null);
  const [chosen, setChosen] = useState('');
  const [kind, setKind] = useState<string>('access');
  const [receivedOn, setReceivedOn] = useState('');
  const search = useSubmit();
  const save = useSubmit();
  const searchErrors = fieldErrorsOf(search.error);
  const saveErrors = fieldErrorsOf(save.error);
  const find = async (e: FormEvent) => {
    e.preventDefault();
    await search.run(async () => {
      setFound(await api.post<SubjectLookup>('/subject-lookups', { query }));
      setChosen('');
    });
  };
  const register = async (e: FormEvent) => {
    e.preventDefault();
    const [type, id] = chosen.split(':');
    await save.run(async () => {
      const r = await api.post<SubjectRequestDetail>('/subject-requests', {
        kind,
        ...(type === 'staff' ? { staffUserId: id } : { personId: id }),
        ...(receivedOn ? { receivedOn } : {}),
      });
      navigate(`${BASE}/${r.id}`);
    });
  };
  const options = found
    ? [
        ...found.persons.map((p) => ({
          key: `person:${p.id}`,
          label: t('subjectRequests.personOption', { name: p.name, email: p.email ?? '-', count: p.caseCount }),
        })),
        ...found.staff.map((s) => ({ key: `staff:${s.id}`, label: t('subjectRequests.staffOption', { name: s.name, email: s.email }) })),
      ]
    : [];
  return (
    <FormToggle label={t('subjectRequests.new')}>
      <form onSubmit={find} noValidate>
        {search.error && !searchErrors.query ? <ErrorNotice error={search.error} /> : null}
        <Field
          id="subject-query"
          label={t('subjectRequests.search')}
          description={t('subjectRequests.searchHint')}
          error={searchErrors.query}
        >
          {(p) => <Textbox {...p} value={query} onChange={(e) => setQuery(e.currentTarget.value)} autoComplete="off" />}
        </Field>
        <Button type="submit" appearance="secondary-action-button" busy={search.busy} disabled={search.busy}>
          {t('subjectRequests.searchButton')}
        </Button>
      </form>
      {found && !options.length ? <Paragraph role="status">{t('subjectRequests.noneFound')}</Paragraph> : null}
      {options.length ? (
        <form onSubmit={register} noValidate>
          {save.error && !Object.keys(saveErrors).length ? <ErrorNotice error={save.error} /> : null}
          <Fieldset invalid={!!saveErrors.personId} aria-describedby={saveErrors.personId ? 'subject-who-error' : undefined}>
            <FieldsetLegend>{t('subjectRequests.who')}</FieldsetLegend>
            {saveErrors.personId ? <FormFieldErrorMessage id="subject-who-error">{saveErrors.personId}</FormFieldErrorMessage> : null}
            {options.map((o) => (
              <FormField
                key={o.key}
                type="radio"
                input={<RadioButton id={`subject-${o.key}`} name="subject" checked={chosen === o.key} onChange={() => setChosen(o.key)} />}
                label={
                  <FormLabel htmlFor={`subject-${o.key}`} type="radio">
                    {o.label}
                  </FormLabel>
                }
              />
            ))}
          </Fieldset>
          <Field id="subject-kind" label={t('subjectRequests.kind')} error={saveErrors.kind}>
            {(p) => (
              <Select {...p} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
                {REQUEST_KINDS.map((k) => (
                  <SelectOption key={k} value={k}>
                    {t(`subjectRequests.kind.${k}`)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field
            id="subject-received"
            label={t('subjectRequests.receivedOn')}
            description={t('subjectRequests.receivedOnHint')}
            error={saveErrors.receivedOn}
          >
            {(p) => <Textbox {...p} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.currentTarget.value)} />}
          </Field>
          <Button type="submit" appearance="primary-action-button" busy={save.busy} disabled={save.busy || !chosen}>
            {t('subjectRequests.register')}
          </Button>
        </form>
      ) : null}
    </FormToggle>
  );
}
