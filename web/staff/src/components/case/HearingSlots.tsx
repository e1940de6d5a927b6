import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';

/**
 * The hearing times offered to the complainant, with what became of each. A free time can be
 * booked on the complainant's behalf (after a phone call) when the server lists the step that a
 * booking takes (the step with trigger `hearingBooked`) among this person's abilities.
 */
export function HearingSlots({ c, onChanged }: { c: CaseDetail; onChanged: (c: CaseDetail) => void }) {
  const { t, l, dateTime } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (!c.hearingSlots.length) return null;
  const mayBook = c.abilities.transitions.some((x) => x.trigger === 'hearingBooked');
  const book = async (slotId: string) => {
    setBusy(slotId);
    setError(null);
    try {
      await api.post(`/cases/${c.id}/hearing-slots/${slotId}/booking`);
      const updated = await api.get<CaseDetail>(`/cases/${c.id}`);
      announce(t('hearing.bookedDone', { status: l(updated.statusLabel) }));
      onChanged(updated);
      setTimeout(() => document.getElementById('hearing-title')?.focus(), 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="hearing-title" className="kf-section">
      <Heading2 id="hearing-title" tabIndex={-1}>
        {t('hearing.title')}
      </Heading2>
      {error ? <ErrorNotice error={error} /> : null}
      <Paragraph>{t('hearing.slots')}</Paragraph>
      <ul className="kf-timeline">
        {c.hearingSlots.map((s) => {
          const start = dateTime(s.startsAt);
          const state = s.booked ? t('hearing.booked') : s.withdrawn ? t('hearing.withdrawn') : t('hearing.open');
          return (
            <li key={s.id}>
              <div>
                {t('hearing.slotLine', { start, end: dateTime(s.endsAt), location: s.location })}{' '}
                <span className="kf-muted">({state})</span>
              </div>
              {mayBook && !s.booked && !s.withdrawn ? (
                <Button
                  appearance="secondary-action-button"
                  aria-label={t('hearing.bookLabel', { start })}
                  busy={busy === s.id}
                  disabled={!!busy}
                  onClick={() => book(s.id)}
                >
                  {t('hearing.book')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
