import {
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { TableWrap } from '../../../../ui/index.ts';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { MatchSuggestion } from '../../api/types.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { AppLink } from '../../router.tsx';
import { ErrorNotice, Loading } from '../ErrorNotice.tsx';

type Props = { activityId: string; canLink: boolean; onLink: (m: MatchSuggestion) => Promise<void> };

/** Existing cases that may belong to this contact (same e-mail, phone, name or text), to link to. */
export function MatchSuggestions({ activityId, canLink, onLink }: Props) {
  const { t, has } = useI18n();
  const [items, setItems] = useState<MatchSuggestion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.post<{ items: MatchSuggestion[] }>('/case-match-suggestions', { activityId }).then(
      (r) => live && setItems(r.items),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [activityId]);
  const reason = (r: string) => (has(`intake.reason.${r}`) ? t(`intake.reason.${r}` as MessageKey) : r);
  return (
    <section aria-labelledby="matches-title" className="kf-section">
      <Heading2 id="matches-title">{t('intake.matches')}</Heading2>
      {error ? <ErrorNotice error={error} /> : null}
      {!items && !error ? <Loading /> : null}
      <div aria-live="polite">
        {items ? <Paragraph>{items.length ? t('intake.matchesIntro') : t('intake.noMatches')}</Paragraph> : null}
      </div>
      {items?.length ? (
        <TableWrap label={t('intake.matches')}>
          <Table aria-labelledby="matches-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('queue.col.case')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('queue.col.contact')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('queue.col.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('intake.matchColumn')}</TableHeaderCell>
                {canLink ? <TableHeaderCell scope="col">{t('queue.col.actions')}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((m) => (
                <TableRow key={m.id}>
                  <TableCell>
                    <AppLink to={`/meldingen/${m.id}`}>
                      {m.reference}: {m.subject}
                    </AppLink>
                  </TableCell>
                  <TableCell>{m.complainantName}</TableCell>
                  <TableCell>{t(m.open ? 'intake.open' : 'intake.closedCase')}</TableCell>
                  <TableCell>{m.reasons.map(reason).join(', ')}</TableCell>
                  {canLink ? (
                    <TableCell>
                      <Button
                        appearance="secondary-action-button"
                        busy={busy === m.id}
                        disabled={!!busy}
                        onClick={async () => {
                          setBusy(m.id);
                          setError(null);
                          try {
                            await onLink(m);
                          } catch (e) {
                            setError(e);
                            setBusy(null);
                          }
                        }}
                      >
                        {t('intake.link', { reference: m.reference })}
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      ) : null}
    </section>
  );
}
