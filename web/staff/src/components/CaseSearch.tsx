import { Button, Heading2, Paragraph, Textbox, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../ui/index.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOf } from '../api/errors.ts';
import type { CaseSummary } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AppLink } from '../router.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

/** Find a case by reference, name, e-mail or words (a POST: no personal data in the URL). */
export function CaseSearch() {
  const { t, l } = useI18n();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setItems((await api.post<{ items: CaseSummary[] }>('/case-searches', { q })).items);
    } catch (err) {
      setError(err);
      setItems(null);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = fieldErrorsOf(error).q;
  return (
    <section aria-labelledby="search-title" className="kf-section">
      <Heading2 id="search-title">{t('home.search')}</Heading2>
      <search aria-labelledby="search-title">
        <form onSubmit={submit}>
          <Field id="search-q" label={t('home.searchLabel')} error={fieldError}>
            {(c) => <Textbox {...c} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />}
          </Field>
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            {t('home.searchButton')}
          </Button>
        </form>
      </search>
      {error && !fieldError ? <ErrorNotice error={error} /> : null}
      <div role="status" aria-live="polite">
        {items ? (
          <Paragraph>
            {items.length === 0
              ? t('home.searchNone')
              : items.length === 1
                ? t('home.searchResult1')
                : t('home.searchResults', { count: items.length })}
          </Paragraph>
        ) : null}
      </div>
      {items?.length ? (
        <UnorderedList>
          {items.map((c) => (
            <UnorderedListItem key={c.id}>
              <AppLink to={`/meldingen/${c.id}`}>
                {c.reference}: {c.subject}
              </AppLink>{' '}
              <span className="kf-muted">
                ({c.complainantName}, {l(c.statusLabel)})
              </span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </section>
  );
}
