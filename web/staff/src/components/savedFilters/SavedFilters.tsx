import { Button, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { Field } from '../../../../ui/index.ts';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppLink } from '../../router.tsx';
import { announce } from '../announce.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import '../notifications/home.css';

export type SavedFilter = { id: string; name: string; query: string; createdAt: string };

/**
 * "Bewaar dit filter": the queue view's current query string under a name of the user's choice,
 * and the user's saved filters as links that apply them, each with a delete button.
 * `path` is the view the filters belong to; `current` its query string now (without "?").
 */
export function SavedFilters({ path, current }: { path: string; current: string }) {
  const { t } = useI18n();
  const res = useResource<{ items: SavedFilter[] }>('/saved-filters');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const items = res.data?.items ?? [];

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!name.trim()) {
      setNameError(t('savedFilters.nameRequired'));
      document.getElementById('saved-filter-name')?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await api.post<SavedFilter>('/saved-filters', { name: name.trim(), query: current });
      res.setData({ items: [...items, saved].sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' })) });
      setName('');
      setNameError(undefined);
      announce(t('savedFilters.saved', { name: saved.name }));
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields.name) {
        setNameError(fields.name);
        document.getElementById('saved-filter-name')?.focus();
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (f: SavedFilter) => {
    setError(null);
    try {
      await api.delete(`/saved-filters/${f.id}`);
      res.setData({ items: items.filter((x) => x.id !== f.id) });
      announce(t('savedFilters.deleted', { name: f.name }));
      listHeading.current?.focus();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="saved-filters-title" className="kf-section">
      <Heading2 id="saved-filters-title" ref={listHeading} tabIndex={-1}>
        {t('savedFilters.title')}
      </Heading2>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {res.data ? (
        items.length ? (
          <ul className="kf-saved-filters" aria-label={t('savedFilters.list')}>
            {items.map((f) => (
              <li key={f.id}>
                <AppLink to={`${path}${f.query ? `?${f.query}` : ''}`} current={f.query === current}>
                  {f.name}
                </AppLink>
                {f.query === current ? <span className="kf-muted">{t('savedFilters.current')}</span> : null}
                <Button
                  appearance="subtle-button"
                  aria-label={t('savedFilters.deleteLabel', { name: f.name })}
                  onClick={() => void remove(f)}
                >
                  {t('savedFilters.delete')}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('savedFilters.none')}</Paragraph>
        )
      ) : null}
      <form onSubmit={save} className="kf-save-filter" noValidate>
        <Field id="saved-filter-name" label={t('savedFilters.name')} description={t('savedFilters.nameHint')} error={nameError}>
          {(c) => <Textbox {...c} value={name} maxLength={80} autoComplete="off" onChange={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('savedFilters.save')}
        </Button>
      </form>
    </section>
  );
}
