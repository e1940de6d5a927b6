import { Paragraph } from '@utrecht/component-library-react';
import { useResource } from '../../api/useResource.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { NewSubjectRequest } from '../../components/subjectRequests/NewSubjectRequest.tsx';
import { SubjectRequestList } from '../../components/subjectRequests/SubjectRequestList.tsx';
import { SubjectRequestView } from '../../components/subjectRequests/SubjectRequestView.tsx';
import { BASE, type SubjectRequest } from '../../components/subjectRequests/subjectRequestTypes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import '../../i18n/sections/subjectRequests.ts';

/** Beheer › Verzoeken van betrokkenen (AVG art. 15-18): the list with a new request, or one request. */
export default function SubjectRequestsPage({ path }: { path: string }) {
  const id = path.startsWith(`${BASE}/`) ? path.slice(BASE.length + 1) : null;
  return id ? <SubjectRequestView id={id} /> : <SubjectRequestIndex />;
}

function SubjectRequestIndex() {
  const { t } = useI18n();
  const res = useResource<{ items: SubjectRequest[] }>('/subject-requests');
  return (
    <>
      <PageHeading title={t('subjectRequests.title')} />
      <Paragraph>{t('subjectRequests.intro')}</Paragraph>
      <NewSubjectRequest />
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {res.data ? <SubjectRequestList items={res.data.items} /> : null}
    </>
  );
}
