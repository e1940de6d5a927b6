import { ButtonLink, Heading2, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Field } from '../../../ui/index.ts';
import { API, query } from '../api/client.ts';
import type { QueueName } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Which = 'open' | 'closed' | 'all';

/**
 * "Exporteren": the register of the cases behind this queue (its tab, channel and team filters) as
 * CSV or Excel. Plain download links, so the browser streams the file to disk however large; the
 * server keeps to what the user may see. Work on a case is open or done, so the queue's status
 * filter chooses open or closed cases; all cases (the whole register) is one choice away.
 */
export function RegisterExport({
  queue,
  channel,
  teamId,
  status,
  filter,
}: {
  queue: QueueName;
  channel: string;
  teamId: string;
  status: string;
  /** The cases behind an analysis figure: exactly this filter of GET /cases, no choice of open or closed. */
  filter?: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  const [which, setWhich] = useState<Which>(status === 'done' || status === 'cancelled' ? 'closed' : 'open');
  const href = (format: 'csv' | 'xlsx') =>
    filter
      ? `${API}/cases/export${query({ ...filter, format, lang: locale })}`
      : `${API}/cases/export${query({ format, queue, channel, teamId, open: which === 'all' ? '' : String(which === 'open'), lang: locale })}`;
  return (
    <section aria-labelledby="export-title" className="kf-section">
      <Heading2 id="export-title">{t('export.title')}</Heading2>
      <Paragraph>{t(filter ? 'export.hintFigure' : 'export.hint')}</Paragraph>
      <div className="kf-filters">
        {filter ? null : (
          <Field id="export-which" label={t('export.which')}>
            {(c) => (
              <Select {...c} value={which} onChange={(e) => setWhich(e.currentTarget.value as Which)}>
                <SelectOption value="open">{t('export.open')}</SelectOption>
                <SelectOption value="closed">{t('export.closed')}</SelectOption>
                <SelectOption value="all">{t('export.all')}</SelectOption>
              </Select>
            )}
          </Field>
        )}
        <div className="kf-actions">
          <ButtonLink appearance="secondary-action-button" href={href('xlsx')} download>
            {t('export.xlsx')}
          </ButtonLink>
          <ButtonLink appearance="secondary-action-button" href={href('csv')} download>
            {t('export.csv')}
          </ButtonLink>
        </div>
      </div>
    </section>
  );
}
