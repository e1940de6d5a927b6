import { useI18n } from '../../i18n/i18n.tsx';
import type { Measure } from './measureTypes.ts';

/** The status in words, with "Te laat" for an open measure past its date (text, not colour alone). */
export function MeasureStatus({ m }: { m: Pick<Measure, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <>
      {t(`measures.status.${m.status}`)}
      {m.overdue ? <strong className="kf-measure-overdue"> · {t('measures.overdue')}</strong> : null}
    </>
  );
}
