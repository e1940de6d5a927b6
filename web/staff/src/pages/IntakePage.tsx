import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryError } from '../../../ui/index.ts';
import { api } from '../api/client.ts';
import { useDirectory } from '../api/directory.ts';
import { fieldErrorsOf, generalMessage } from '../api/errors.ts';
import type { ActivityDetail, CaseDetail, MatchSuggestion } from '../api/types.ts';
import { setFlash } from '../components/announce.ts';
import { ErrorNotice, Loading } from '../components/ErrorNotice.tsx';
import { ContactForm } from '../components/intake/ContactForm.tsx';
import {
  activityBody,
  API_FIELD,
  caseBody,
  EMPTY_INTAKE,
  fieldId,
  type IntakeField,
  type IntakeValues,
} from '../components/intake/intakeValues.ts';
import { type Confirmation, IntakeConfirmation } from '../components/intake/IntakeConfirmation.tsx';
import { MatchSuggestions } from '../components/intake/MatchSuggestions.tsx';
import { type MessageChoice, MessageChoices } from '../components/intake/MessageChoices.tsx';
import { dataFieldId, NewCaseForm } from '../components/intake/NewCaseForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ButtonAppLink, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import '../i18n/sections/post.ts';

type Errors = { fields: Partial<Record<IntakeField, string>>; data: Record<string, string>; general: string[] };
const NO_ERRORS: Errors = { fields: {}, data: {}, general: [] };

/**
 * Phone intake on one screen: register the contact, then (same screen) link it to an existing case
 * from the suggestions or make a new case with the case type's fields. Also opens an intake from the queue.
 */
export default function IntakePage({ activityId }: { activityId?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const dir = useDirectory();
  const [values, setValues] = useState<IntakeValues>(EMPTY_INTAKE);
  const [activity, setActivity] = useState<ActivityDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [justRegistered, setJustRegistered] = useState(false);
  // Consent to e-mail is asked only where there is an address; the checkbox starts ticked then.
  const [choice, setChoice] = useState<MessageChoice>({ emailConsent: true, language: 'nl' });
  const [confirmed, setConfirmed] = useState<{ id: string; reference: string; confirmation: Confirmation } | null>(null);
  const done = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!activityId) return;
    api.get<ActivityDetail>(`/activities/${activityId}`).then((a) => {
      setActivity(a);
      setValues({
        ...EMPTY_INTAKE,
        channel: a.channel,
        subject: a.subject,
        body: a.body,
        name: a.contact.name ?? '',
        email: a.contact.email ?? '',
        phone: a.contact.phone ?? '',
      });
    }, setLoadError);
  }, [activityId]);
  useEffect(() => {
    if (justRegistered) done.current?.focus();
  }, [justRegistered]);

  const fail = (err: unknown) => {
    const next: Errors = { fields: {}, data: {}, general: [] };
    const fe = fieldErrorsOf(err);
    for (const [k, reason] of Object.entries(fe)) {
      const f = API_FIELD[k];
      if (f) next.fields[f] ??= reason;
      else if (k.startsWith('data.') || k === 'processKey') next.data[k] = reason;
      else next.general.push(reason);
    }
    if (!Object.keys(fe).length) next.general.push(generalMessage(err, t));
    setErrors(next);
  };
  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await action();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const register = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      setActivity(await api.post<ActivityDetail>('/activities', activityBody(values)));
      setJustRegistered(true);
    });
  };
  const link = async (m: MatchSuggestion) => {
    await api.post(`/activities/${activity!.id}/case-link`, { caseId: m.id });
    setFlash(t('intake.linked', { reference: m.reference }));
    navigate(`/meldingen/${m.id}`);
  };
  const createCase = (processKey: string | undefined, data: Record<string, unknown>) =>
    void attempt(async () => {
      const c = await api.post<CaseDetail & { confirmation: Confirmation | null }>('/cases', {
        ...caseBody(values, activity!.id, processKey, data),
        emailConsent: !!(values.hasRep ? values.repEmail || values.email : values.email) && choice.emailConsent,
        language: choice.language,
        sendConfirmation: true,
      });
      // On paper the confirmation is printed here and now; by e-mail it is on its way.
      if (c.confirmation && c.confirmation.channel !== 'email') {
        setConfirmed({ id: c.id, reference: c.reference, confirmation: c.confirmation });
        return;
      }
      setFlash(t('intake.caseCreated', { reference: c.reference }));
      navigate(`/meldingen/${c.id}`);
    });

  const summary: SummaryError[] = [
    ...Object.entries(errors.fields).map(([f, message]) => ({ fieldId: fieldId(f as IntakeField), message: message! })),
    ...Object.entries(errors.data).map(([k, message]) => ({
      fieldId: k === 'processKey' ? 'case-process' : dataFieldId(k.slice(5)),
      message,
    })),
    ...errors.general.map((message) => ({ message })),
  ];
  const title = t(activityId ? 'intake.processTitle' : 'intake.title');
  if (activityId && !activity) {
    return (
      <>
        <PageHeading title={title} />
        {loadError ? <ErrorNotice error={loadError} /> : <Loading />}
      </>
    );
  }
  const linked = activity?.caseId ?? null;
  if (confirmed) {
    return (
      <>
        <PageHeading title={title} />
        <IntakeConfirmation caseId={confirmed.id} reference={confirmed.reference} confirmation={confirmed.confirmation} />
      </>
    );
  }
  return (
    <>
      <PageHeading title={title} />
      {!activity ? <Paragraph>{t('intake.intro')}</Paragraph> : null}
      <ErrorSummary title={t('app.formErrors')} errors={summary} />
      {justRegistered && activity ? (
        <div ref={done} tabIndex={-1}>
          <Alert type="ok">{t(activity.assignee ? 'intake.registered' : 'intake.registeredQueue')}</Alert>
        </div>
      ) : null}
      {activity?.bulkMail ? (
        <Alert type="info">
          <Paragraph>
            <strong>{t('intake.bulkMail')}</strong>
          </Paragraph>
          <Paragraph>{t('intake.bulkMailText')}</Paragraph>
        </Alert>
      ) : null}
      {linked ? (
        <Alert type="info">
          <Paragraph>{t('intake.alreadyLinked', { reference: activity?.caseReference ?? '' })}</Paragraph>
          <ButtonAppLink to={`/meldingen/${linked}`}>{t('intake.toCase', { reference: activity?.caseReference ?? '' })}</ButtonAppLink>
        </Alert>
      ) : null}
      <form onSubmit={register} noValidate aria-label={t('intake.contact')}>
        <ContactForm
          values={values}
          errors={errors.fields}
          onChange={setValues}
          registered={!!activity}
          suggestPersons={can('case:create') && !linked}
          teams={dir?.teams ?? []}
        />
        {!activity ? (
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('intake.register')}
          </Button>
        ) : null}
      </form>
      {activity && !linked && can('case:create') ? (
        <>
          <MatchSuggestions activityId={activity.id} canLink onLink={link} />
          <MessageChoices
            hasEmail={!!(values.hasRep ? values.repEmail || values.email : values.email)}
            value={choice}
            onChange={setChoice}
          />
          {dir ? <NewCaseForm processes={dir.processes} errors={errors.data} busy={busy} onSubmit={createCase} /> : <Loading />}
        </>
      ) : null}
      {activity && !activityId ? (
        <Paragraph>
          <Button
            appearance="subtle-button"
            onClick={() => {
              setActivity(null);
              setValues(EMPTY_INTAKE);
              setJustRegistered(false);
              setErrors(NO_ERRORS);
              document.getElementById(fieldId('subject'))?.focus();
            }}
          >
            {t('intake.another')}
          </Button>
        </Paragraph>
      ) : null}
    </>
  );
}
