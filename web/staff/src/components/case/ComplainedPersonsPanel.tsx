import { Alert, Button, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useDirectory } from '../../api/directory.ts';
import { fieldErrorsOf, generalMessage } from '../../api/errors.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import { FormToggle } from './FormToggle.tsx';
import { CollapsibleSection } from './CollapsibleSection.tsx';

const OUTSIDER = 'outsider';

/**
 * Awb 9:7 and 9:9: who the complaint is about. A colleague (from the staff directory) or someone
 * without an account (name and job title). The server then keeps the case from ever being
 * assigned to them and sends them a copy of the complaint — by e-mail to a colleague, as a task for
 * the handler otherwise. The form only while the case is open and this person may edit it.
 */
export function ComplainedPersonsPanel({ c, onAdded }: { c: CaseDetail; onAdded: () => void }) {
  const { t } = useI18n();
  const dir = useDirectory();
  const [who, setWho] = useState('');
  const [name, setName] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const { busy, error, run } = useSubmit();
  const people = c.complainedPersons;
  if (!c.abilities.editData && !people.length) return null;
  const recorded = new Set(people.map((p) => p.userId).filter(Boolean));
  const colleagues = (dir?.users ?? []).filter((u) => !recorded.has(u.id));
  const outsider = who === OUTSIDER;
  const fe = fieldErrorsOf(error);
  // "Choose a colleague or fill in a name" comes back on `name`; without the name field it belongs at the choice.
  const errors = { who: fe.userId ?? (outsider ? undefined : fe.name), name: outsider ? fe.name : undefined, jobTitle: fe.jobTitle };
  const general = error && !errors.who && !errors.name && !errors.jobTitle;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const body = outsider
        ? { name, ...(jobTitle.trim() ? { jobTitle } : {}) }
        : who
          ? { userId: who, ...(jobTitle.trim() ? { jobTitle } : {}) }
          : {};
      await api.post(`/cases/${c.id}/complained-persons`, body);
      const added = outsider ? name.trim() : (dir?.users.find((u) => u.id === who)?.name ?? '');
      setWho('');
      setName('');
      setJobTitle('');
      announce(t('complained.added', { name: added }));
      onAdded();
    });
  };

  return (
    <CollapsibleSection id="complained-title" title={t('complained.title')} count={people.length}>
      {c.abilities.editData ? <Paragraph>{t('complained.intro')}</Paragraph> : null}
      {people.length ? (
        <ul className="kf-timeline">
          {people.map((p) => (
            <li key={p.id}>
              <div className="kf-timeline__what">{p.jobTitle ? `${p.name}, ${p.jobTitle}` : p.name}</div>
              <div>{t('complained.excluded')}</div>
              <div className="kf-muted">{t(p.userId ? 'complained.copyMail' : 'complained.copyTask')}</div>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('complained.empty')}</Paragraph>
      )}
      {c.abilities.editData ? (
        <FormToggle label={t('complained.add')}>
          <form onSubmit={submit} noValidate>
            {general ? (
              // Not ErrorNotice: a 409 here ("handles the case themselves") is no concurrent change.
              <Alert type="error">
                <Paragraph>{generalMessage(error, t)}</Paragraph>
              </Alert>
            ) : null}
            <Field id="complained-who" label={t('complained.who')} description={t('complained.whoHint')} error={errors.who}>
              {(ctl) => (
                <Select {...ctl} value={who} onChange={(e) => setWho(e.currentTarget.value)}>
                  <SelectOption value="">{t('complained.choose')}</SelectOption>
                  {colleagues.map((u) => (
                    <SelectOption key={u.id} value={u.id}>
                      {u.name}
                    </SelectOption>
                  ))}
                  <SelectOption value={OUTSIDER}>{t('complained.outsider')}</SelectOption>
                </Select>
              )}
            </Field>
            {outsider ? (
              <Field id="complained-name" label={t('complained.name')} error={errors.name} required requiredMark={t('app.required')}>
                {(ctl) => <Textbox {...ctl} autoComplete="off" value={name} onChange={(e) => setName(e.currentTarget.value)} />}
              </Field>
            ) : null}
            <Field id="complained-job" label={t('complained.jobTitle')} error={errors.jobTitle}>
              {(ctl) => <Textbox {...ctl} autoComplete="off" value={jobTitle} onChange={(e) => setJobTitle(e.currentTarget.value)} />}
            </Field>
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
              {t('complained.add')}
            </Button>
          </form>
        </FormToggle>
      ) : null}
    </CollapsibleSection>
  );
}
