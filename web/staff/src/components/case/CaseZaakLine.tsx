import { Link, Paragraph } from '@utrecht/component-library-react';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type CaseZaak = {
  enabled: boolean;
  zaak: { identificatie: string; url: string | null; state: 'pending' | 'synced' | 'failed' } | null;
};

/** On the case page, when the organisation registers cases in a zaaksysteem (ZGW): the zaak and how its sync stands. */
export function CaseZaakLine({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useI18n();
  const res = useResource<CaseZaak>(`/cases/${caseId}/zaak?v=${version}`);
  const d = res.data;
  if (!d?.enabled || !d.zaak) return null;
  const { zaak } = d;
  const name = t('zgw.case.zaak', { identificatie: zaak.identificatie });
  return (
    <Paragraph className="kf-case-zaak">
      {t('zgw.case.label')}: {zaak.url ? <Link href={zaak.url}>{name}</Link> : t('zgw.case.notYet')} · {t(`zgw.state.${zaak.state}`)}
    </Paragraph>
  );
}
