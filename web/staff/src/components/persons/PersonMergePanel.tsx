import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { generalMessage } from '../../api/errors.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session.tsx';
import { announce } from '../announce.ts';
import { PersonFacts } from './PersonFacts.tsx';
import type { MergeOverview, PersonMatch } from './personTypes.ts';

/**
 * Duplicate records of this case's complainant (same e-mail or phone), for a coordinator to merge,
 * and earlier merges into them to undo. Hidden when there is nothing to do; closed until opened.
 * The older record stays: it is the one staff have known longest (a portal submission is new and
 * unverified), so merging never replaces checked details with typed ones.
 */
export function PersonMergePanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const { t, date } = useI18n();
  const { can } = useSession();
  const allowed = can('person:merge');
  const res = useResource<MergeOverview>(allowed ? `/persons/${c.complainant.id}/merges` : null);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const o = res.data;
  if (!allowed || !o || (!o.candidates.length && !o.merges.length && !done)) return null;

  const merge = (p: PersonMatch) =>
    run(async () => {
      const thisOne = { id: o.person.id, createdAt: o.person.createdAt };
      const [survivor, duplicate] = p.createdAt < thisOne.createdAt ? [p, thisOne] : [thisOne, p];
      await api.post('/person-merges', { survivorId: survivor.id, duplicateId: duplicate.id });
      const text = t('person.merge.done', { name: p.name });
      setDone(text);
      announce(text);
      res.reload();
      onChanged();
    });
  const undo = (m: MergeOverview['merges'][number]) =>
    run(async () => {
      await api.post(`/person-merges/${m.id}/undo`);
      const text = t('person.merge.undone', { name: m.duplicateName });
      setDone(text);
      announce(text);
      res.reload();
      onChanged();
    });

  const toggle = o.candidates.length
    ? t('person.merge.open', { count: o.candidates.length })
    : t('person.merge.openHistory', { count: o.merges.length });
  return (
    <section aria-labelledby="person-merge-title" className="kf-section">
      <Heading2 id="person-merge-title">{t('person.merge.title')}</Heading2>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {error ? (
        <Alert type="error">
          <Paragraph>{generalMessage(error, t)}</Paragraph>
        </Alert>
      ) : null}
      {o.candidates.length || o.merges.length ? (
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={open}
          aria-controls="person-merge-body"
          onClick={() => setOpen((x) => !x)}
        >
          {toggle}
        </Button>
      ) : null}
      <div id="person-merge-body" hidden={!open}>
        {o.candidates.length ? (
          <>
            <Paragraph>{t('person.merge.intro', { name: o.person.name })}</Paragraph>
            <ul className="kf-timeline">
              {o.candidates.map((p) => (
                <li key={p.id}>
                  <PersonFacts p={p} />
                  <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void merge(p)}>
                    {t('person.merge.button', { name: p.name })}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {o.merges.length ? (
          <>
            <Heading3>{t('person.merge.history')}</Heading3>
            <ul className="kf-timeline">
              {o.merges.map((m) => (
                <li key={m.id}>
                  <div>
                    {t('person.merge.entry', {
                      name: m.duplicateName,
                      date: date(m.mergedAt),
                      by: m.mergedByName,
                      cases: t(m.caseCount === 1 ? 'person.merge.cases.one' : 'person.merge.cases.many', { count: m.caseCount }),
                    })}
                  </div>
                  <Button appearance="subtle-button" busy={busy} disabled={busy} onClick={() => void undo(m)}>
                    {t('person.merge.undo', { name: m.duplicateName })}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
