import { Paragraph } from '@utrecht/component-library-react';
import type { CaseDetail } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppLink, ButtonAppLink } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { CollapsibleSection } from '../case/CollapsibleSection.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { CaseMeasureLink } from './CaseMeasureLink.tsx';
import { MeasureStatus } from './MeasureStatus.tsx';
import type { Measure } from './measureTypes.ts';

/**
 * On the case page: what was done about this complaint (seed 002), and "Maatregel toevoegen". Closed
 * until opened, with the number of measures in its heading, like the case page's other parts.
 */
export function CaseMeasuresPanel({ c }: { c: CaseDetail }) {
  const { t, date } = useI18n();
  const { can } = useSession();
  const res = useResource<{ items: Measure[] }>(can('measure:read') ? `/cases/${c.id}/measures` : null);
  if (!can('measure:read')) return null;
  const items = res.data?.items;
  return (
    <CollapsibleSection id="case-measures-title" title={t('measures.case.title')} count={items?.length}>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {items && !items.length ? <Paragraph>{t('measures.case.none')}</Paragraph> : null}
      {items?.length ? (
        <>
          <Paragraph>{t('measures.case.intro')}</Paragraph>
          <ul className="kf-measure-list">
            {items.map((m) => (
              <li key={m.id}>
                <AppLink to={`/verbetermaatregelen/${m.id}`}>{m.description}</AppLink>
                <div className="kf-muted">
                  {m.owner.name}, {t('measures.col.due').toLowerCase()} {date(m.dueDate)} · <MeasureStatus m={m} />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {can('measure:manage') && items ? (
        <>
          <ButtonAppLink to={`/verbetermaatregelen/nieuw?melding=${c.id}`}>{t('measures.add')}</ButtonAppLink>
          <CaseMeasureLink caseId={c.id} linked={items.map((m) => m.id)} onLinked={res.reload} />
        </>
      ) : null}
    </CollapsibleSection>
  );
}
