import { useI18n } from '../../i18n/i18n.tsx';
import { formatPhone } from './formatPhone.ts';
import type { PersonMatch } from './personTypes.ts';

/** One known person in a line or two: who, how to reach them, their cases, and why they match. */
export function PersonFacts({ p }: { p: PersonMatch }) {
  const { t } = useI18n();
  const cases =
    p.caseCount === 0
      ? t('person.known.cases.none')
      : t(p.caseCount === 1 ? 'person.known.cases.one' : 'person.known.cases.many', {
          count: p.caseCount,
          reference: p.latestReference ?? '',
        });
  const name = p.organisationName ? `${p.name} (${p.organisationName})` : p.name;
  return (
    <>
      <span className="kf-timeline__what">{name}</span>
      <div>{[p.email, formatPhone(p.phone), p.address].filter(Boolean).join(' · ')}</div>
      <div className="kf-muted">
        {cases} · {p.reasons.map((r) => t(`person.known.reason.${r}`)).join(', ')}
      </div>
    </>
  );
}
