import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { CaseDetail } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import type { CaseSurvey } from './surveyTypes.ts';
import './surveys.css';

/**
 * On the case page of a closed case: whether the satisfaction survey went out (it goes at closing),
 * and what the complainant answered. An open case has none yet, so the page stays short.
 */
export function CaseSurveyPanel({ c }: { c: CaseDetail }) {
  const { t, dateTime } = useI18n();
  const res = useResource<CaseSurvey>(c.closedAt ? `/cases/${c.id}/survey` : null);
  const s = res.data;
  if (!c.closedAt) return null;
  return (
    <section aria-labelledby="case-survey-title" className="kf-section">
      <Heading2 id="case-survey-title">{t('surveys.case.title')}</Heading2>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {s && !s.sent ? <Paragraph>{t('surveys.case.notSent')}</Paragraph> : null}
      {s?.sent ? (
        <dl className="kf-survey-facts">
          <dt>{t('surveys.case.sent')}</dt>
          <dd>{dateTime(s.sentAt)}</dd>
          <dt>{t('surveys.case.answered')}</dt>
          <dd>{s.answeredAt ? dateTime(s.answeredAt) : t('surveys.case.notAnswered')}</dd>
          {s.score !== null ? (
            <>
              <dt>{t('surveys.case.score')}</dt>
              <dd>{t('surveys.scoreOf', { score: s.score })}</dd>
            </>
          ) : null}
          {s.comment ? (
            <>
              <dt>{t('surveys.case.comment')}</dt>
              <dd className="kf-survey-comment">{s.comment}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
