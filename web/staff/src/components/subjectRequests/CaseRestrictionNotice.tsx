import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** On the case page: while a data subject's restriction (AVG art. 18) is in force the case is read-only, and says so. */
export function CaseRestrictionNotice({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const res = useResource<{ restricted: boolean; since: string | null }>(`/cases/${caseId}/processing-restriction`);
  if (!res.data?.restricted) return null;
  return (
    <Alert type="warning">
      <Paragraph>{t('case.restricted')}</Paragraph>
    </Alert>
  );
}
