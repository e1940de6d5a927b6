import { Button, Fieldset, FieldsetLegend, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Field } from '../../../../ui/index.ts';
import type { ProcessDef } from '../../api/types.ts';
import { useAnalysisI18n } from './analysisWords.ts';
import { AppLink } from '../../router.tsx';
import type { DashboardFigures, Dimension, Granularity } from './analysisTypes.ts';
import { type AnalysisView, addDays, DIMENSIONS, GRANULARITIES, viewHref } from './analysisView.ts';

/** The value the API uses for "the case has no value for this fact". */
export const NO_VALUE = '_none';

/**
 * The period (from, last day included), the buckets, the process and one value per breakdown. The
 * choices apply on "Tonen", which puts them in the address (a new history entry: back returns).
 */
export function AnalysisFilters({
  view,
  figures,
  processes,
  serverErrors = {},
  onApply,
}: {
  view: AnalysisView;
  figures: DashboardFigures | undefined;
  processes: ProcessDef[];
  /** What the server refused in the address, by parameter ("querystring.to"). */
  serverErrors?: Record<string, string>;
  onApply: (v: AnalysisView) => void;
}) {
  const { t, l } = useAnalysisI18n();
  const period = figures?.period;
  const [from, setFrom] = useState(view.from ?? period?.from ?? '');
  const [until, setUntil] = useState(view.to ? addDays(view.to, -1) : period ? addDays(period.to, -1) : '');
  const [granularity, setGranularity] = useState<Granularity>(view.granularity);
  const [processKey, setProcessKey] = useState(view.processKey ?? '');
  const [filters, setFilters] = useState<Partial<Record<Dimension, string>>>(view.filters);

  const [tooEarly, setTooEarly] = useState(false);
  const err = (k: 'from' | 'to') => (k === 'to' && tooEarly ? t('analysis.filters.toBeforeFrom') : serverErrors[`querystring.${k}`]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const early = !!(from && until && until < from);
    setTooEarly(early);
    if (early) return;
    const chosen = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as AnalysisView['filters'];
    onApply({
      from: from || undefined,
      to: until ? addDays(until, 1) : undefined,
      granularity,
      processKey: processKey || undefined,
      filters: chosen,
    });
  };
  // A breakdown's choices: the values the figures show, and the one chosen now (its breakdown then shows only it).
  const options = (d: Dimension) => {
    const values = figures?.breakdowns.find((b) => b.dimension === d)?.values ?? [];
    const list = values.map((v) => ({ value: v.value, label: v.value === NO_VALUE ? t('analysis.noValue') : l(v.label) }));
    const current = filters[d];
    if (current && !list.some((o) => o.value === current)) list.push({ value: current, label: current });
    return list;
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="analysis-filters-title">
      <Fieldset>
        <FieldsetLegend id="analysis-filters-title">{t('analysis.filters.title')}</FieldsetLegend>
        <div className="kf-filters">
          <Field id="analysis-from" label={t('analysis.filters.from')} error={err('from')}>
            {(c) => (
              <Textbox
                {...c}
                type="date"
                value={from}
                onChange={(e) => {
                  setFrom(e.currentTarget.value);
                  setTooEarly(false);
                }}
              />
            )}
          </Field>
          <Field id="analysis-to" label={t('analysis.filters.to')} error={err('to')}>
            {(c) => (
              <Textbox
                {...c}
                type="date"
                value={until}
                onChange={(e) => {
                  setUntil(e.currentTarget.value);
                  setTooEarly(false);
                }}
              />
            )}
          </Field>
          <Field id="analysis-granularity" label={t('analysis.filters.granularity')}>
            {(c) => (
              <Select {...c} value={granularity} onChange={(e) => setGranularity(e.currentTarget.value as Granularity)}>
                {GRANULARITIES.map((g) => (
                  <SelectOption key={g} value={g}>
                    {t(`analysis.granularityOption.${g}`)}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          {processes.length > 1 || view.processKey ? (
            <Field id="analysis-process" label={t('analysis.filters.process')}>
              {(c) => (
                <Select {...c} value={processKey} onChange={(e) => setProcessKey(e.currentTarget.value)}>
                  <SelectOption value="">{t('analysis.filters.allProcesses')}</SelectOption>
                  {processes.map((p) => (
                    <SelectOption key={p.key} value={p.key}>
                      {l(p.label)}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
          ) : null}
        </div>
      </Fieldset>
      <details className="kf-definition" open={Object.keys(view.filters).length > 0}>
        <summary>{t('analysis.filters.breakdowns')}</summary>
        <div className="kf-filters">
          {DIMENSIONS.map((d) => (
            <Field key={d} id={`analysis-filter-${d}`} label={t(`analysis.dim.${d}`)}>
              {(c) => (
                <Select {...c} value={filters[d] ?? ''} onChange={(e) => setFilters({ ...filters, [d]: e.currentTarget.value })}>
                  <SelectOption value="">{t('analysis.filters.any')}</SelectOption>
                  {options(d).map((o) => (
                    <SelectOption key={o.value} value={o.value}>
                      {o.label}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
          ))}
        </div>
      </details>
      <div className="kf-actions kf-analysis-apply">
        <Button type="submit" appearance="primary-action-button">
          {t('analysis.filters.apply')}
        </Button>
        {view.processKey || Object.keys(view.filters).length ? (
          <AppLink to={viewHref({ from: view.from, to: view.to, granularity: view.granularity, filters: {} })}>
            {t('analysis.filters.clear')}
          </AppLink>
        ) : null}
      </div>
    </form>
  );
}
