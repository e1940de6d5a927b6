import { Button, Paragraph, TableCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { CaptionedTable } from '../components/CaptionedTable.tsx';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, query } from '../api/client.ts';
import type { CaseSummary, Page } from '../api/types.ts';
import { LIST_BACK, LIST_WHAT, addDays, listFilter } from '../components/analysis/analysisView.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RegisterExport } from '../components/RegisterExport.tsx';
import { type AnalysisKey, useAnalysisI18n } from '../components/analysis/analysisWords.ts';
import { AppLink, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import '../components/analysis/analysis.css';

const PAGE = 50;

/**
 * The cases behind a figure of the analysis page: GET /api/v1/cases with the figure's filter (in the
 * address, so the list can be sent on), a page at a time ("Meer laden", keyset), each a link to its
 * case; the filter in words at the top, and the register export of exactly this list.
 */
export default function AnalysisCasesPage() {
  const { t, l, date, has } = useAnalysisI18n();
  const { can } = useSession();
  const { search } = useLocation();
  const filter = listFilter(search);
  const key = query(filter);
  const what = search.get(LIST_WHAT);
  const back = search.get(LIST_BACK);
  const [items, setItems] = useState<CaseSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // After "Meer laden", focus moves to the first case added (the button may be gone: no more pages).
  const focusFrom = useRef<number | null>(null);
  const table = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusFrom.current === null || !items) return;
    const links = table.current?.querySelectorAll<HTMLAnchorElement>('tbody a');
    links?.[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [items]);

  const load = useCallback(
    async (cursor?: string, signal?: AbortSignal) => {
      setBusy(true);
      setError(null);
      try {
        const sep = key ? '&' : '?';
        const p = await api.get<Page<CaseSummary>>(`/cases${key}${sep}${query({ limit: PAGE, cursor }).slice(1)}`, { signal });
        setItems((old) => (cursor && old ? [...old, ...p.items.filter((n) => !old.some((o) => o.id === n.id))] : p.items));
        setNext(p.nextCursor);
      } catch (e) {
        if ((e as Error)?.name !== 'AbortError') setError(e);
      } finally {
        setBusy(false);
      }
    },
    [key],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    setItems(null);
    void load(undefined, ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  /** One filter term in words: "Ontvangen vanaf: 1 januari 2026". */
  const term = (k: string, v: string) => {
    const name = has(`analysis.filter.${k}`) ? t(`analysis.filter.${k}` as AnalysisKey) : k;
    let value = v;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) value = k.endsWith('Before') ? date(addDays(v, -1)) : date(v);
    else if (has(`analysis.filterValue.${k}.${v}`)) value = t(`analysis.filterValue.${k}.${v}` as AnalysisKey);
    else if (k === 'channel')
      value = v
        .split(',')
        .map((ch) => (has(`channel.${ch}`) ? t(`channel.${ch}` as AnalysisKey) : ch))
        .join(', ');
    else if (v === '_none') value = t('analysis.noValue');
    return `${name}: ${value}`;
  };

  const status =
    items === null ? (error ? '' : t('app.loading')) : t(next ? 'analysis.list.countMore' : 'analysis.list.count', { count: items.length });

  return (
    <>
      <PageHeading title={t('analysis.list.title')} />
      <Paragraph>
        <AppLink to={`/analyse${back ? `?${back}` : ''}`}>{t('analysis.list.back')}</AppLink>
      </Paragraph>
      <section aria-labelledby="analysis-list-filter" className="kf-section">
        <h2 id="analysis-list-filter" className="utrecht-heading-2">
          {t('analysis.list.filter')}
        </h2>
        {what ? <Paragraph className="kf-analysis__what">{what}</Paragraph> : null}
        {Object.keys(filter).length ? (
          <UnorderedList>
            {Object.entries(filter).map(([k, v]) => (
              <UnorderedListItem key={k}>{term(k, v)}</UnorderedListItem>
            ))}
          </UnorderedList>
        ) : (
          <Paragraph>{t('analysis.list.noFilter')}</Paragraph>
        )}
        <Paragraph className="kf-muted">{t('analysis.list.scope')}</Paragraph>
      </section>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      <Paragraph role="status" aria-live="polite" id="analysis-list-status">
        {status}
      </Paragraph>
      {items?.length ? (
        <div ref={table}>
          <CaptionedTable
            caption={t('analysis.list.caption')}
            columns={[
              t('analysis.list.reference'),
              t('analysis.list.subject'),
              t('analysis.list.received'),
              t('analysis.list.closed'),
              t('analysis.list.status'),
            ]}
          >
            {items.map((c) => (
              <TableRow key={c.id}>
                <TableCell className="kf-nowrap">
                  <AppLink to={`/meldingen/${c.id}`}>{c.reference}</AppLink>
                </TableCell>
                <TableCell>{c.subject}</TableCell>
                <TableCell className="kf-nowrap">{date(c.receivedAt)}</TableCell>
                <TableCell className="kf-nowrap">{c.closedAt ? date(c.closedAt) : t('app.none')}</TableCell>
                <TableCell>{l(c.statusLabel)}</TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
        </div>
      ) : null}
      {next ? (
        <Button
          appearance="secondary-action-button"
          busy={busy}
          disabled={busy}
          onClick={() => {
            focusFrom.current = items?.length ?? 0;
            void load(next);
          }}
        >
          {t('analysis.list.more')}
        </Button>
      ) : null}
      {can('case:export') ? <RegisterExport queue="all" channel="" teamId="" status="" filter={filter} /> : null}
    </>
  );
}
