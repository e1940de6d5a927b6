import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ExtensionPanel, readableDates } from './ExtensionPanel.tsx';
import { RegimePanel } from './RegimePanel.tsx';

type Clock = CaseDetail['clocks'][number];
type Step = Clock['previous'][number];

/**
 * Every clock of the case with its end date, its state in words and how the date was derived:
 * start (receipt), the rule with its legal basis, the calculated day and, when that day was not a
 * working day, the day it moved to and why (Algemene termijnenwet). Earlier terms (before an
 * extension) follow as "Eerst: …". Then the waiting periods that run, and the extension form.
 * First the regime the clocks follow (and where allowed, the choice of another one).
 * The meaning of each field is in server/domain/calendar/clocks.ts.
 */
export function ClocksPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { t, l, date, dateTime } = useI18n();
  const readable = (text: string) => readableDates(text, date);
  const rule = (s: Step) => readable(l(s.rule));
  const moved = (s: Step) => s.rawEnd !== s.adjustedEnd;

  const stateText = (k: Clock) => {
    if (k.state === 'stopped') {
      return k.outcome === 'met' || k.outcome === 'late' || k.outcome === 'notUsed'
        ? t(`clocks.outcome.${k.outcome}`)
        : t('clocks.state.stopped');
    }
    // The 9:8 window only closes (it never warns while unused), so its warnFrom says nothing.
    if (k.state === 'running')
      return k.key === 'notHandlingNotice' ? t('clocks.state.running') : t('clocks.state.runningWarn', { date: date(k.warnFrom) });
    return t(`clocks.state.${k.state}`);
  };

  const derivation = (k: Clock) =>
    [
      t('clocks.start', { date: date(k.start) }),
      t('clocks.rule', { rule: rule(k) }),
      t('clocks.computed', { date: date(k.rawEnd) }),
      ...(moved(k) ? [t('clocks.moved', { date: date(k.adjustedEnd), reason: readable(l(k.adjustmentReason)) })] : []),
    ].join(' · ');

  // The superseded terms, oldest first: "Eerst: …", then "Daarna: …" (an extension before a consent).
  const earlier = (p: Step, i: number) => {
    const vars = { date: date(p.adjustedEnd), raw: date(p.rawEnd), rule: rule(p) };
    if (i === 0) return moved(p) ? t('clocks.earlierMoved', vars) : t('clocks.earlier', vars);
    return moved(p) ? t('clocks.thenMoved', vars) : t('clocks.then', vars);
  };

  return (
    <section aria-labelledby="clocks-title" className="kf-section">
      <Heading2 id="clocks-title" tabIndex={-1}>
        {t('clocks.title')}
      </Heading2>
      <Paragraph>{t('clocks.intro')}</Paragraph>
      <RegimePanel c={c} onChanged={onChanged} />
      <DataList>
        {c.clocks.map((k) => (
          <DataListItem key={k.key}>
            <DataListKey>{l(k.label)}</DataListKey>
            <DataListValue>
              <div>
                <strong>{t('clocks.end', { date: date(k.adjustedEnd) })}</strong> ·{' '}
                {k.state === 'warning' || k.state === 'overdue' ? <strong>{stateText(k)}</strong> : stateText(k)}
              </div>
              <div className="kf-muted">{derivation(k)}</div>
              {k.previous.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: earlier terms have no id; the list only grows at the end, so the position is the identity ("Eerst", "Daarna").
                <div key={i} className="kf-muted">
                  {earlier(p, i)}
                </div>
              ))}
            </DataListValue>
          </DataListItem>
        ))}
      </DataList>
      {c.pendingTimers.length ? (
        <>
          <Heading3 id="clocks-waiting">{t('clocks.waiting')}</Heading3>
          <DataList aria-labelledby="clocks-waiting">
            {c.pendingTimers.map((x) => (
              <DataListItem key={`${x.key}-${x.firesAt}`}>
                <DataListKey>{timerName(t, x.key)}</DataListKey>
                <DataListValue>
                  <time dateTime={x.firesAt}>{t('clocks.waitingUntil', { dateTime: dateTime(x.firesAt) })}</time>
                </DataListValue>
              </DataListItem>
            ))}
          </DataList>
        </>
      ) : null}
      <ExtensionPanel c={c} onChanged={onChanged} />
    </section>
  );
}

const TIMERS = ['informationWait', 'hearingWait', 'reminder'] as const;
function timerName(t: ReturnType<typeof useI18n>['t'], key: string) {
  const known = TIMERS.find((k) => k === key);
  return known ? t(`clocks.timer.${known}`) : t('clocks.timer.other', { key });
}
