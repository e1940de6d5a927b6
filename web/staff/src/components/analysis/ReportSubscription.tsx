import { Button, Heading2, Heading3, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useResource } from '../../api/useResource.ts';
import { enReportMail } from '../../i18n/enReportMail.ts';
import { format, useI18n, type Vars } from '../../i18n/i18n.tsx';
import { nlReportMail } from '../../i18n/nlReportMail.ts';
import { AppLink, useLocation } from '../../router.tsx';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import '../notifications/home.css';

type Frequency = 'weekly' | 'monthly' | 'quarterly';
const FREQUENCIES: Frequency[] = ['weekly', 'monthly', 'quarterly'];
export type ReportSubscriptionItem = {
  id: string;
  report: 'dashboard' | 'periodic';
  filter: Record<string, string>;
  /** The filter as the /analyse address's query. */
  query: string;
  frequency: Frequency;
  language: 'nl' | 'en';
  nextRunOn: string;
  lastSentAt: string | null;
  paused: boolean;
  pausedReason: 'byUser' | 'noPermission' | 'inactive' | 'invalidFilter' | null;
};

type Key = keyof typeof nlReportMail;
const words = { nl: nlReportMail, en: enReportMail } as const;
/** The app's i18n with this component's words (they load with the analysis page, not the first screen). */
function useWords() {
  const i18n = useI18n();
  return { ...i18n, w: (key: Key, vars?: Vars) => format(words[i18n.locale][key], vars) };
}
/** The period is the frequency's (the last week, month or quarter), never the page's. */
const PERIOD = new Set(['from', 'to']);

/**
 * "Stuur mij dit overzicht per e-mail" (issue 12 point 2): the figures of the analysis page, with
 * its filters (the address's query, or `query`), or with report="periodic" the periodic analysis'
 * figures (for the reports page), every week, month or quarter by e-mail in the
 * language the app is used in; and the user's own subscriptions, each to open, pause or stop. The
 * mail holds figures and a link, never names (server/jobs/reportMailer.ts).
 */
export function ReportSubscription({ query, report = 'dashboard' }: { query?: string; report?: 'dashboard' | 'periodic' }) {
  const { w, date, locale } = useWords();
  const { search } = useLocation();
  const res = useResource<{ items: ReportSubscriptionItem[] }>('/report-subscriptions');
  const [frequency, setFrequency] = useState<Frequency>('monthly');
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const items = res.data?.items ?? [];
  const filter = Object.fromEntries([...new URLSearchParams(query ?? search.toString())].filter(([k, v]) => v && !PERIOD.has(k)));

  const nameOf = (s: ReportSubscriptionItem) => {
    if (s.report === 'periodic') return w('reportMail.itemPeriodic', { frequency: w(`reportMail.every.${s.frequency}`) });
    const keys = Object.keys(s.filter).filter((k) => k !== 'granularity');
    const names = keys.map((k) => (`reportMail.dim.${k}` in nlReportMail ? w(`reportMail.dim.${k}` as Key) : k));
    return `${w('reportMail.item', { frequency: w(`reportMail.every.${s.frequency}`) })}, ${
      names.length ? w('reportMail.filters', { filters: names.join(', ') }) : w('reportMail.noFilter')
    }`;
  };
  const replace = (s: ReportSubscriptionItem) => res.setData({ items: items.map((x) => (x.id === s.id ? s : x)) });

  const subscribe = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const s = await api.post<ReportSubscriptionItem>('/report-subscriptions', {
        report,
        frequency,
        filter: report === 'periodic' ? {} : filter,
        language: locale,
      });
      res.setData({ items: [...items, s] });
      setFieldError(undefined);
      announce(w('reportMail.subscribed', { frequency: w(`reportMail.every.${s.frequency}`), date: date(s.nextRunOn) }));
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields.frequency) setFieldError(fields.frequency);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const act = async (s: ReportSubscriptionItem, what: 'pause' | 'resume' | 'stop') => {
    setError(null);
    try {
      if (what === 'stop') {
        await api.delete(`/report-subscriptions/${s.id}`);
        res.setData({ items: items.filter((x) => x.id !== s.id) });
        announce(w('reportMail.stopped'));
        listHeading.current?.focus();
        return;
      }
      const next = await api.post<ReportSubscriptionItem>(`/report-subscriptions/${s.id}/${what}`);
      replace(next);
      announce(what === 'pause' ? w('reportMail.pausedDone') : w('reportMail.resumedDone', { date: date(next.nextRunOn) }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="report-mail-title" className="kf-section">
      <Heading2 id="report-mail-title">{w('reportMail.title')}</Heading2>
      <Paragraph>{w(report === 'periodic' ? 'reportMail.introPeriodic' : 'reportMail.intro')}</Paragraph>
      {error ? <ErrorNotice error={error} /> : null}
      <form onSubmit={subscribe} className="kf-save-filter" noValidate>
        <Field id="report-mail-frequency" label={w('reportMail.frequency')} error={fieldError}>
          {(c) => (
            <Select {...c} value={frequency} onChange={(e) => setFrequency(e.currentTarget.value as Frequency)}>
              {FREQUENCIES.map((f) => (
                <SelectOption key={f} value={f}>
                  {w(`reportMail.frequency.${f}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {w('reportMail.subscribe')}
        </Button>
      </form>
      <Heading3 id="report-mail-mine" ref={listHeading} tabIndex={-1}>
        {w('reportMail.mine')}
      </Heading3>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {res.data ? (
        items.length ? (
          <ul className="kf-saved-filters" aria-labelledby="report-mail-mine">
            {items.map((s) => {
              const what = nameOf(s);
              return (
                <li key={s.id}>
                  <span>
                    {what}.{' '}
                    <span className="kf-muted">
                      {s.paused ? w(`reportMail.paused.${s.pausedReason ?? 'byUser'}`) : w('reportMail.next', { date: date(s.nextRunOn) })}
                      {s.lastSentAt ? ` ${w('reportMail.lastSent', { date: date(s.lastSentAt) })}` : ''}
                    </span>
                  </span>
                  <AppLink to={`/analyse${s.query ? `?${s.query}` : ''}`} aria-label={w('reportMail.openLabel', { what })}>
                    {w('reportMail.open')}
                  </AppLink>
                  {s.paused ? (
                    <Button
                      appearance="subtle-button"
                      aria-label={w('reportMail.resumeLabel', { what })}
                      onClick={() => void act(s, 'resume')}
                    >
                      {w('reportMail.resume')}
                    </Button>
                  ) : (
                    <Button
                      appearance="subtle-button"
                      aria-label={w('reportMail.pauseLabel', { what })}
                      onClick={() => void act(s, 'pause')}
                    >
                      {w('reportMail.pause')}
                    </Button>
                  )}
                  <Button appearance="subtle-button" aria-label={w('reportMail.stopLabel', { what })} onClick={() => void act(s, 'stop')}>
                    {w('reportMail.stop')}
                  </Button>
                </li>
              );
            })}
          </ul>
        ) : (
          <Paragraph>{w('reportMail.none')}</Paragraph>
        )
      ) : null}
    </section>
  );
}
