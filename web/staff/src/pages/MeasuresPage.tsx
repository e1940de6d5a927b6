import { Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { CaptionedTable } from '../components/CaptionedTable.tsx';
import { useCallback, useEffect, useState } from 'react';
import { CheckboxField } from '../../../ui/index.ts';
import { api, query } from '../api/client.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { MeasureStatus } from '../components/measures/MeasureStatus.tsx';
import { MEASURE_VIEWS, type MeasureListItem, type MeasureView } from '../components/measures/measureTypes.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink, ButtonAppLink, navigate, PlainLink, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import '../components/measures/measures.css';
import '../i18n/sections/measures.ts';

const hrefFor = (view: MeasureView, mine: boolean) => `/verbetermaatregelen${query({ view, mine: mine ? '1' : undefined })}`;

/**
 * Verbetermaatregelen: open, overdue, to check and checked measures in due-date order, a page at a
 * time (keyset). The filter is kept in the URL, so a list can be bookmarked or sent.
 */
export default function MeasuresPage() {
  const { t, date } = useI18n();
  const { can } = useSession();
  const { search } = useLocation();
  const viewParam = search.get('view');
  const view: MeasureView = (MEASURE_VIEWS as readonly string[]).includes(viewParam ?? '') ? (viewParam as MeasureView) : 'open';
  const mine = search.get('mine') === '1';
  const [items, setItems] = useState<MeasureListItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (cursor?: string) => {
      setError(null);
      setBusy(true);
      try {
        const page = await api.get<{ items: MeasureListItem[]; nextCursor: string | null }>(
          `/measures${query({ view, mine: mine ? 'true' : undefined, cursor })}`,
        );
        setItems((prev) => (cursor && prev ? [...prev, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [view, mine],
  );
  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);

  const status =
    items === null
      ? t('app.loading')
      : items.length === 0
        ? t('measures.empty')
        : items.length === 1
          ? t('measures.countOne')
          : t('measures.count', { count: items.length });
  return (
    <>
      <PageHeading title={t('measures.title')} />
      <Paragraph>{t('measures.intro')}</Paragraph>
      {can('measure:manage') ? (
        <Paragraph>
          <ButtonAppLink to="/verbetermaatregelen/nieuw" appearance="primary-action-button">
            {t('measures.add')}
          </ButtonAppLink>
        </Paragraph>
      ) : null}
      <nav aria-label={t('measures.filter')}>
        <ul className="kf-tabs">
          {MEASURE_VIEWS.map((v) => (
            <li key={v}>
              <PlainLink to={hrefFor(v, mine)} current={v === view}>
                {t(`measures.view.${v}`)}
              </PlainLink>
            </li>
          ))}
        </ul>
      </nav>
      <CheckboxField
        id="measures-mine"
        label={t('measures.mine')}
        checked={mine}
        onChange={(on) => navigate(hrefFor(view, on), { replace: true })}
      />
      {error ? <ErrorNotice error={error} onRetry={() => void load()} /> : null}
      <Paragraph role="status" aria-live="polite">
        {status}
      </Paragraph>
      {items?.length ? (
        <CaptionedTable
          caption={t('measures.caption')}
          hiddenCaption
          columns={[
            t('measures.col.description'),
            t('measures.col.owner'),
            t('measures.col.due'),
            t('measures.col.status'),
            t('measures.col.cases'),
          ]}
        >
          {items.map((m) => (
            <TableRow key={m.id}>
              <TableCell>
                <AppLink to={`/verbetermaatregelen/${m.id}`}>{m.description}</AppLink>
                <div className="kf-muted">{t(`measures.source.${m.source}`)}</div>
              </TableCell>
              <TableCell>{m.owner.name}</TableCell>
              <TableCell className="kf-nowrap">{date(m.dueDate)}</TableCell>
              <TableCell>
                <MeasureStatus m={m} />
              </TableCell>
              <TableCell>{m.caseCount}</TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      ) : null}
      {next ? (
        <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void load(next)}>
          {t('measures.more')}
        </Button>
      ) : null}
    </>
  );
}
