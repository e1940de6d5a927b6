import { Button, Fieldset, FieldsetLegend, Select, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Field } from '../../../ui/index.ts';
import type { Team } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ACTIVITY_STATUSES, CHANNELS, labelOf } from '../i18n/labels.ts';

export type QueueFilterValues = { channel: string; status: string; kind: string; teamId: string; sort: string };
export const EMPTY_FILTERS: QueueFilterValues = { channel: '', status: '', kind: '', teamId: '', sort: 'createdAt' };

/** Filters apply on the button, not on every change: choosing an option never moves the page. */
export function QueueFilters({
  values,
  teams,
  onApply,
}: {
  values: QueueFilterValues;
  teams: Team[];
  onApply: (v: QueueFilterValues) => void;
}) {
  const { t, has } = useI18n();
  const [v, setV] = useState(values);
  const set = (k: keyof QueueFilterValues) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(v);
  };
  return (
    <form onSubmit={submit}>
      <Fieldset>
        <FieldsetLegend>{t('queue.filters')}</FieldsetLegend>
        <div className="kf-filters">
          <Field id="filter-channel" label={t('queue.channel')}>
            {(c) => (
              <Select {...c} value={v.channel} onChange={set('channel')}>
                <SelectOption value="">{t('queue.any')}</SelectOption>
                {[...CHANNELS, 'internal'].map((ch) => (
                  <SelectOption key={ch} value={ch}>
                    {labelOf(t, has, 'channel', ch)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field id="filter-status" label={t('queue.status')}>
            {(c) => (
              <Select {...c} value={v.status} onChange={set('status')}>
                <SelectOption value="">{t('queue.openOnly')}</SelectOption>
                {ACTIVITY_STATUSES.map((s) => (
                  <SelectOption key={s} value={s}>
                    {labelOf(t, has, 'activityStatus', s)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field id="filter-kind" label={t('queue.kind')}>
            {(c) => (
              <Select {...c} value={v.kind} onChange={set('kind')}>
                <SelectOption value="">{t('queue.any')}</SelectOption>
                <SelectOption value="intake">{t('kind.intake')}</SelectOption>
                <SelectOption value="task">{t('kind.task')}</SelectOption>
              </Select>
            )}
          </Field>
          {teams.length ? (
            <Field id="filter-team" label={t('queue.team.filter')}>
              {(c) => (
                <Select {...c} value={v.teamId} onChange={set('teamId')}>
                  <SelectOption value="">{t('queue.any')}</SelectOption>
                  {teams.map((tm) => (
                    <SelectOption key={tm.id} value={tm.id}>
                      {tm.name}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
          ) : null}
          <Field id="filter-sort" label={t('queue.sort')}>
            {(c) => (
              <Select {...c} value={v.sort} onChange={set('sort')}>
                <SelectOption value="createdAt">{t('queue.sortOldest')}</SelectOption>
                <SelectOption value="-createdAt">{t('queue.sortNewest')}</SelectOption>
                <SelectOption value="deadline">{t('queue.sortDeadline')}</SelectOption>
              </Select>
            )}
          </Field>
          <div className="kf-actions">
            <Button type="submit" appearance="primary-action-button">
              {t('queue.apply')}
            </Button>
            <Button
              type="button"
              appearance="subtle-button"
              onClick={() => {
                setV(EMPTY_FILTERS);
                onApply(EMPTY_FILTERS);
              }}
            >
              {t('queue.reset')}
            </Button>
          </div>
        </div>
      </Fieldset>
    </form>
  );
}
