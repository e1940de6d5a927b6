import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import type { MeasureDetail } from './measureTypes.ts';

const KNOWN = ['recorded', 'edited', 'carriedOut', 'checkedEffective', 'checkedNotEffective', 'reminderSent', 'caseLinked'];
const record = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The measure's loop as it went: recorded, reminders, carried out, each check with how and what was concluded. */
export function MeasureHistory({ history }: { history: MeasureDetail['history'] }) {
  const { t, date, dateTime } = useI18n();
  return (
    <section aria-labelledby="measure-history-title" className="kf-section">
      <Heading2 id="measure-history-title">{t('measures.history.title')}</Heading2>
      <ol className="kf-measure-history">
        {history.map((e) => {
          const d = e.data;
          const key = (KNOWN.includes(e.type) ? `measures.history.${e.type}` : 'measures.history.other') as MessageKey;
          const due = text(d.newDueDate) || text(d.dueDate);
          return (
            <li key={e.id}>
              <strong>
                {t(key, {
                  owner: text(d.ownerName),
                  due: due ? date(due) : '',
                  date: d.carriedOutOn ? date(text(d.carriedOutOn)) : '',
                  reference: text(d.caseReference),
                })}
              </strong>
              <div className="kf-muted">
                {dateTime(e.at)} · {e.actorName}
              </div>
              {d.method ? <Paragraph>{t('measures.history.method', { text: text(d.method) })}</Paragraph> : null}
              {d.conclusion ? <Paragraph>{t('measures.history.conclusion', { text: text(d.conclusion) })}</Paragraph> : null}
              {d.note ? <Paragraph>{t('measures.history.note', { text: text(d.note) })}</Paragraph> : null}
              {record(d.after).dueDate ? (
                <Paragraph>
                  {t('measures.history.dueChanged', {
                    from: date(text(record(d.before).dueDate)),
                    to: date(text(record(d.after).dueDate)),
                  })}
                </Paragraph>
              ) : null}
              {record(d.after).description ? (
                <Paragraph>{t('measures.history.descriptionChanged', { text: text(record(d.after).description) })}</Paragraph>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
