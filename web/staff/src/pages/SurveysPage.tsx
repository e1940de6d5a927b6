import {
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Field, TableWrap } from '../../../ui/index.ts';
import { query } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { ErrorNotice, Loading } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { NO_KEY, SURVEY_GROUPS, type SurveyFigures, type SurveyGroup, type SurveyResults } from '../components/surveys/surveyTypes.ts';
import { usePagedSurveys } from '../components/surveys/usePagedSurveys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink, navigate, PlainLink, useLocation } from '../router.tsx';
import '../components/surveys/surveys.css';
import '../i18n/sections/surveys.ts';

type Drill = { list: 'sent' | 'answered'; key?: string };
type View = { from?: string; to?: string; groupBy: SurveyGroup; drill: Drill | null };

/** The page's address: the period, the breakdown and the open list are all in the URL (bookmark, send). */
const hrefFor = (v: View) =>
  `/tevredenheid${query({ from: v.from, to: v.to, groupBy: v.groupBy, list: v.drill?.list, key: v.drill?.key })}`;

/**
 * Tevredenheid (seed 000 business rule 5): the survey's scores, the response rate per handler, team
 * or ground over a period of sending, the cases behind each figure, and the comments, newest first.
 * All within what the viewer may read: a team lead sees their team's.
 */
export default function SurveysPage() {
  const { t, l, locale, date, dateTime } = useI18n();
  const { search } = useLocation();
  const groupParam = search.get('groupBy');
  const list = search.get('list');
  const view: View = {
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
    groupBy: (SURVEY_GROUPS as readonly string[]).includes(groupParam ?? '') ? (groupParam as SurveyGroup) : 'handler',
    drill: list === 'sent' || list === 'answered' ? { list, key: search.get('key') ?? undefined } : null,
  };
  const res = useResource<SurveyResults>(`/survey-results${query({ from: view.from, to: view.to, groupBy: view.groupBy })}`);
  const r = res.data;
  const period = r?.period ?? (view.from && view.to ? { from: view.from, to: view.to } : null);
  const [from, setFrom] = useState(view.from ?? '');
  const [to, setTo] = useState(view.to ?? '');
  // The period the server chose (the year up to today) fills the form when the URL has none.
  useEffect(() => {
    if (r) {
      setFrom(r.period.from);
      setTo(r.period.to);
    }
  }, [r]);
  const inPeriod = period ? { from: period.from, to: period.to } : {};
  const comments = usePagedSurveys(period ? `/survey-results/surveys${query({ ...inPeriod, withComment: 'true', limit: 10 })}` : null);
  const drillList = usePagedSurveys(
    period && view.drill
      ? `/survey-results/surveys${query({
          ...inPeriod,
          groupBy: view.drill.key === undefined ? undefined : view.groupBy,
          key: view.drill.key,
          answered: view.drill.list === 'answered' ? 'true' : undefined,
          limit: 25,
        })}`
      : null,
  );

  const number = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  const rate = (f: SurveyFigures) => (f.responseRate === null ? t('app.none') : percent.format(f.responseRate));
  const groupName = (f: SurveyFigures) => (f.label ? l(f.label) : t(`surveys.none.${view.groupBy}`));
  const drillHref = (drill: Drill) => hrefFor({ ...view, ...inPeriod, drill });
  const drillLink = (f: SurveyFigures, which: Drill['list'], key: string | undefined) => {
    const count = which === 'sent' ? f.sent : f.answered;
    if (!count) return <>{count}</>;
    const label = t(which === 'sent' ? 'surveys.drill.sent' : 'surveys.drill.answered', { count });
    return (
      <PlainLink to={drillHref({ list: which, key })} className="utrecht-link" aria-label={`${groupNameOrTotal(key, f)}: ${label}`}>
        {count}
      </PlainLink>
    );
  };
  const groupNameOrTotal = (key: string | undefined, f: SurveyFigures) => (key === undefined ? t('surveys.totals.title') : groupName(f));

  // Opening the cases behind a figure moves focus to their list (the page itself stays: no new h1 takes it).
  const listHeading = useRef<HTMLHeadingElement>(null);
  const drillId = view.drill ? `${view.drill.list}:${view.drill.key ?? ''}` : null;
  useEffect(() => {
    if (drillId) listHeading.current?.focus();
  }, [drillId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(hrefFor({ from: from || undefined, to: to || undefined, groupBy: view.groupBy, drill: null }));
  };
  const drilled =
    view.drill && r ? (view.drill.key === undefined ? r.totals : r.groups.find((g) => (g.key ?? NO_KEY) === view.drill?.key)) : null;

  return (
    <>
      <PageHeading title={t('surveys.title')} />
      <Paragraph>{t('surveys.intro')}</Paragraph>
      <form className="kf-survey-period" onSubmit={submit} aria-label={t('surveys.period')} noValidate>
        <Field id="survey-from" label={t('surveys.from')}>
          {(p) => <Textbox {...p} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />}
        </Field>
        <Field id="survey-to" label={t('surveys.to')}>
          {(p) => <Textbox {...p} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />}
        </Field>
        <Paragraph>
          <Button type="submit" appearance="primary-action-button">
            {t('surveys.show')}
          </Button>
        </Paragraph>
      </form>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {!r && !res.error ? <Loading /> : null}
      {r ? (
        <>
          <Paragraph role="status" aria-live="polite">
            {t('surveys.periodShown', { from: date(r.period.from), to: date(r.period.to) })}
          </Paragraph>
          <section aria-labelledby="survey-totals-title" className="kf-section">
            <Heading2 id="survey-totals-title">{t('surveys.totals.title')}</Heading2>
            <Paragraph>{t('surveys.totals.question')}</Paragraph>
            <Paragraph>
              {r.totals.average === null
                ? t('surveys.totals.noAverage')
                : t('surveys.totals.average', { average: number.format(r.totals.average) })}{' '}
              {t('surveys.totals.response', { answered: r.totals.answered, sent: r.totals.sent, rate: rate(r.totals) })}{' '}
              {r.totals.sent ? (
                <PlainLink to={drillHref({ list: 'sent' })} className="utrecht-link">
                  {t('surveys.drill.sent', { count: r.totals.sent })}
                </PlainLink>
              ) : null}
            </Paragraph>
            <TableWrap label={t('surveys.totals.caption')}>
              <Table>
                <TableCaption>{t('surveys.totals.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('surveys.col.score')}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="kf-survey-number">
                      {t('surveys.col.count')}
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {[1, 2, 3, 4, 5].map((score) => (
                    <TableRow key={score}>
                      <TableHeaderCell scope="row">{t('surveys.scoreOf', { score })}</TableHeaderCell>
                      <TableCell className="kf-survey-number">{r.totals.distribution[score - 1] ?? 0}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableWrap>
          </section>

          <section aria-labelledby="survey-groups-title" className="kf-section">
            <Heading2 id="survey-groups-title">{t('surveys.groups.title')}</Heading2>
            <nav aria-label={t('surveys.groups.nav')}>
              <ul className="kf-tabs">
                {SURVEY_GROUPS.map((g) => (
                  <li key={g}>
                    <PlainLink to={hrefFor({ ...inPeriod, groupBy: g, drill: null })} current={g === view.groupBy}>
                      {t(`surveys.groupBy.${g}`)}
                    </PlainLink>
                  </li>
                ))}
              </ul>
            </nav>
            {/* Figures of the grouping asked for only: the previous grouping's rows under the new caption
                would link their keys to the wrong grouping (and read as its figures) until the answer came. */}
            {r.groupBy !== view.groupBy ? <Loading lines={3} /> : null}
            {r.groupBy === view.groupBy && r.groups.length === 0 ? <Paragraph>{t('surveys.groups.empty')}</Paragraph> : null}
            {r.groupBy === view.groupBy && r.groups.length ? (
              <TableWrap label={t(`surveys.groupBy.${view.groupBy}`)}>
                <Table>
                  <TableCaption>{t(`surveys.groupBy.${view.groupBy}`)}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t(`surveys.col.${view.groupBy}`)}</TableHeaderCell>
                      <TableHeaderCell scope="col" className="kf-survey-number">
                        {t('surveys.col.sent')}
                      </TableHeaderCell>
                      <TableHeaderCell scope="col" className="kf-survey-number">
                        {t('surveys.col.answered')}
                      </TableHeaderCell>
                      <TableHeaderCell scope="col" className="kf-survey-number">
                        {t('surveys.col.rate')}
                      </TableHeaderCell>
                      <TableHeaderCell scope="col" className="kf-survey-number">
                        {t('surveys.col.average')}
                      </TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {r.groups.map((g) => (
                      <TableRow key={g.key ?? NO_KEY}>
                        <TableHeaderCell scope="row">{groupName(g)}</TableHeaderCell>
                        <TableCell className="kf-survey-number">{drillLink(g, 'sent', g.key ?? NO_KEY)}</TableCell>
                        <TableCell className="kf-survey-number">{drillLink(g, 'answered', g.key ?? NO_KEY)}</TableCell>
                        <TableCell className="kf-survey-number">{rate(g)}</TableCell>
                        <TableCell className="kf-survey-number">{g.average === null ? t('app.none') : number.format(g.average)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableWrap>
            ) : null}
          </section>

          {view.drill ? (
            <section aria-labelledby="survey-list-title" className="kf-section">
              <Heading2 id="survey-list-title" ref={listHeading} tabIndex={-1}>
                {t(view.drill.list === 'answered' ? 'surveys.list.title.answered' : 'surveys.list.title.all')}
                {drilled && view.drill.key !== undefined ? `: ${groupName(drilled)}` : ''}
              </Heading2>
              <Paragraph>
                <PlainLink to={hrefFor({ ...view, ...inPeriod, drill: null })} className="utrecht-link">
                  {t('surveys.list.close')}
                </PlainLink>
              </Paragraph>
              <SurveyTable
                caption={t('surveys.list.caption')}
                empty={t('surveys.list.empty')}
                state={drillList}
                withComment={view.drill.list === 'answered'}
                dateTime={dateTime}
              />
            </section>
          ) : null}

          <section aria-labelledby="survey-comments-title" className="kf-section">
            <Heading2 id="survey-comments-title">{t('surveys.comments.title')}</Heading2>
            <Paragraph>{t('surveys.comments.intro')}</Paragraph>
            <SurveyTable
              caption={t('surveys.comments.caption')}
              empty={t('surveys.comments.empty')}
              state={comments}
              withComment
              dateTime={dateTime}
            />
          </section>
        </>
      ) : null}
    </>
  );
}

/** Surveys as a table: the case (a link, within what the viewer may read), dates, score and comment. */
function SurveyTable({
  caption,
  empty,
  state,
  withComment,
  dateTime,
}: {
  caption: string;
  empty: string;
  state: ReturnType<typeof usePagedSurveys>;
  withComment: boolean;
  dateTime: (iso: string | null | undefined) => string;
}) {
  const { t } = useI18n();
  const { items } = state;
  return (
    <>
      {state.error ? <ErrorNotice error={state.error} onRetry={state.retry} /> : null}
      {items === null && !state.error ? <Loading /> : null}
      {items && !items.length ? <Paragraph>{empty}</Paragraph> : null}
      {items?.length ? (
        <TableWrap label={caption}>
          <Table>
            <TableCaption className="kf-visually-hidden">{caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('surveys.col.case')}</TableHeaderCell>
                <TableHeaderCell scope="col">{withComment ? t('surveys.col.answeredAt') : t('surveys.col.sentAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('surveys.col.score')}</TableHeaderCell>
                {withComment ? <TableHeaderCell scope="col">{t('surveys.col.comment')}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((s) => (
                <TableRow key={`${s.caseId}`}>
                  <TableCell>
                    <AppLink to={`/meldingen/${s.caseId}`}>{s.reference}</AppLink>
                  </TableCell>
                  <TableCell className="kf-nowrap">{dateTime(withComment ? s.answeredAt : s.sentAt)}</TableCell>
                  <TableCell>{s.score === null ? t('surveys.case.notAnswered') : t('surveys.scoreOf', { score: s.score })}</TableCell>
                  {withComment ? <TableCell className="kf-survey-comment">{s.comment ?? t('app.none')}</TableCell> : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      ) : null}
      {state.more ? (
        <Button appearance="secondary-action-button" busy={state.busy} disabled={state.busy} onClick={state.more}>
          {t('surveys.more')}
        </Button>
      ) : null}
    </>
  );
}
