import { Heading2, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { CaptionedTable } from '../CaptionedTable.tsx';
import type { CaseSummary, Page } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppLink } from '../../router.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import './home.css';

const LIMIT = 10;

/** "Te laat" or "Bijna te laat" as a word in a bordered label: never colour alone. */
export function DeadlineFlag({ state }: { state: 'overdue' | 'nearlyDue' | null }) {
  const { t } = useI18n();
  if (!state) return null;
  return <span className={`kf-flag kf-flag--${state}`}>{t(state === 'overdue' ? 'deadlines.overdue' : 'deadlines.nearlyDue')}</span>;
}

/** The start page's deadline block: my open cases past or near their handling deadline, most urgent first. */
export function DeadlinesPanel() {
  const { t, l, date } = useI18n();
  const res = useResource<Page<CaseSummary>>(`/cases?deadline=due&handler=me&limit=${LIMIT}`);
  const items = res.data?.items ?? [];
  // The statutory term and the service norm count alike: a case is as urgent as its most urgent term.
  const stateOf = (c: CaseSummary) =>
    c.deadlineState === 'overdue' || c.normState === 'overdue' ? 'overdue' : (c.deadlineState ?? c.normState);
  const overdue = items.filter((c) => stateOf(c) === 'overdue').length;
  return (
    <section aria-labelledby="deadlines-title" className="kf-section">
      <Heading2 id="deadlines-title">{t('deadlines.title')}</Heading2>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {res.data ? (
        items.length ? (
          <>
            <Paragraph>
              {t('deadlines.intro')}
              {res.data.nextCursor ? null : ` ${t('deadlines.summary', { overdue, nearlyDue: items.length - overdue })}.`}
            </Paragraph>
            <CaptionedTable
              caption={t('deadlines.caption')}
              hiddenCaption
              columns={[
                t('deadlines.col.reference'),
                t('deadlines.col.subject'),
                t('deadlines.col.status'),
                t('deadlines.col.deadline'),
                t('deadlines.col.state'),
              ]}
            >
              {items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="kf-nowrap">
                    <AppLink to={`/meldingen/${c.id}`}>{c.reference}</AppLink>
                  </TableCell>
                  <TableCell>{c.subject}</TableCell>
                  <TableCell>{l(c.statusLabel)}</TableCell>
                  <TableCell className="kf-nowrap">
                    {c.normDeadline ? (
                      <>
                        {c.deadline ? <div>{t('queue.deadlineHandling', { date: date(c.deadline) })}</div> : null}
                        <div>{t('queue.deadlineNorm', { date: date(c.normDeadline) })}</div>
                      </>
                    ) : (
                      date(c.deadline)
                    )}
                  </TableCell>
                  <TableCell>
                    <DeadlineFlag state={stateOf(c)} />
                  </TableCell>
                </TableRow>
              ))}
            </CaptionedTable>
            {res.data.nextCursor ? <Paragraph className="kf-muted">{t('deadlines.more', { count: items.length })}</Paragraph> : null}
          </>
        ) : (
          <Paragraph>{t('deadlines.none')}</Paragraph>
        )
      ) : null}
    </section>
  );
}
