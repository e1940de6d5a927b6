import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { API } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { AppLink } from '../../router.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { PendingPage } from '../PendingPage.tsx';
import { RequestActions } from './RequestActions.tsx';
import { BASE, type SubjectRequestDetail } from './subjectRequestTypes.ts';
import { formatPhone } from '../persons/formatPhone.ts';

/** One request: whom it is about, its deadline, the export, what can be done now, and its history. */
export function SubjectRequestView({ id }: { id: string }) {
  const { t, date, dateTime, has } = useI18n();
  const res = useResource<SubjectRequestDetail>(`/subject-requests/${id}`);
  const r = res.data;
  if (!r) return <PendingPage title={t('subjectRequests.title')} res={res} />;
  const kind = t(`subjectRequests.kind.${r.kind}`);
  // Mid-sentence: "Verzoek om inzage (art. 15)", not "om Inzage".
  const title = t('subjectRequests.detailTitle', { kind: kind.charAt(0).toLowerCase() + kind.slice(1) });
  const s = r.subject;
  return (
    <>
      <Paragraph>
        <AppLink to={BASE}>{t('subjectRequests.back')}</AppLink>
      </Paragraph>
      <PageHeading title={title} />
      <Paragraph appearance="lead">
        {r.subjectName} · {t(`subjectRequests.status.${r.status}`)} · {t('subjectRequests.deadline', { date: date(r.deadline) })}
        {r.extended ? ` (${t('subjectRequests.extendedMark')})` : ''}
      </Paragraph>
      {r.restrictionInForce ? <Paragraph>{t('subjectRequests.restrictionInForce')}</Paragraph> : null}
      {r.outcome ? (
        <Paragraph>
          <strong>{t('subjectRequests.outcome')}:</strong> {r.outcome}
        </Paragraph>
      ) : null}
      <Heading2>{t('subjectRequests.subject')}</Heading2>
      <dl className="kf-facts">
        <dt>{t('subjectRequests.name')}</dt>
        <dd>{s.name}</dd>
        <dt>{t('subjectRequests.email')}</dt>
        <dd>{s.email ?? t('app.none')}</dd>
        <dt>{t('subjectRequests.phone')}</dt>
        <dd>{formatPhone(s.phone) ?? t('app.none')}</dd>
        {r.subjectKind === 'person' ? (
          <>
            <dt>{t('subjectRequests.address')}</dt>
            <dd>{s.address ?? t('app.none')}</dd>
          </>
        ) : null}
      </dl>
      <Paragraph>
        <a
          className="utrecht-button-link utrecht-button-link--secondary-action-button"
          href={`${API}/subject-requests/${r.id}/export`}
          download
          onClick={() => setTimeout(res.reload, 1000)}
        >
          {t('subjectRequests.export')}
        </a>
      </Paragraph>
      <Paragraph className="kf-muted">{t('subjectRequests.exportHint')}</Paragraph>
      <RequestActions r={r} onChanged={res.setData} />
      <Heading2>{t('subjectRequests.history')}</Heading2>
      <UnorderedList>
        {r.events.map((e) => {
          const key = `subjectRequests.event.${e.type}`;
          return (
            <UnorderedListItem key={`${e.at}-${e.type}`}>
              <time dateTime={e.at}>{dateTime(e.at)}</time>: {has(key) ? t(key as MessageKey) : e.type}, {e.actorName}
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
      <Paragraph className="kf-muted">
        {t('subjectRequests.registeredBy', { name: r.registeredBy.name ?? '', date: dateTime(r.registeredBy.at) })}
        {r.decidedBy.at ? ` · ${t('subjectRequests.decidedBy', { name: r.decidedBy.name ?? '', date: dateTime(r.decidedBy.at) })}` : ''}
      </Paragraph>
    </>
  );
}
