import { query } from '../../api/client.ts';
import type { DashboardFigures, Dimension, DrillDown, Granularity } from './analysisTypes.ts';

/**
 * The analysis page's state lives in its address: the period, the granularity, the process and the
 * breakdown filters. Back and forward, a reload and a link sent to a colleague restore it. The
 * parameters are the API's own (GET /api/v1/analysis/dashboard): `to` is exclusive there and here;
 * the form shows the last day included ("tot en met").
 */
export const GRANULARITIES = ['month', 'quarter', 'halfYear', 'year'] as const satisfies readonly Granularity[];
export const DIMENSIONS = [
  'kind',
  'ground',
  'department',
  'channel',
  'product',
  'formality',
  'judgment',
  'outcome',
] as const satisfies readonly Dimension[];

export type AnalysisView = {
  from?: string;
  to?: string;
  granularity: Granularity;
  processKey?: string;
  filters: Partial<Record<Dimension, string>>;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readView(search: URLSearchParams): AnalysisView {
  const day = (k: string) => {
    const v = search.get(k);
    return v && DAY.test(v) ? v : undefined;
  };
  const g = search.get('granularity');
  const filters: AnalysisView['filters'] = {};
  for (const d of DIMENSIONS) {
    const v = search.get(d);
    if (v) filters[d] = v;
  }
  return {
    from: day('from'),
    to: day('to'),
    granularity: (GRANULARITIES as readonly string[]).includes(g ?? '') ? (g as Granularity) : 'month',
    processKey: search.get('processKey') || undefined,
    filters,
  };
}

/** The query string for both the page's address and the API call: the same parameters. */
export function viewQuery(v: AnalysisView): string {
  return query({
    from: v.from,
    to: v.to,
    granularity: v.granularity === 'month' ? undefined : v.granularity,
    processKey: v.processKey,
    ...v.filters,
  });
}

export const viewHref = (v: AnalysisView) => `/analyse${viewQuery(v)}`;

/** The API's query: the granularity always named (the server's default could change). */
export const apiQuery = (v: AnalysisView) =>
  query({ ...Object.fromEntries(new URLSearchParams(viewQuery(v))), granularity: v.granularity });

/** Civil days as plain arithmetic at noon UTC: no time zone moves them. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The drill-down list's own parameters (not the API's): the figure in words, and the way back. */
export const LIST_WHAT = 'wat';
export const LIST_BACK = 'terug';

/**
 * The link from a figure to the cases behind it: the figure's filter for GET /api/v1/cases, the
 * figure named in words, and the dashboard's address to return to.
 */
export function drillHref(drill: DrillDown, what: string, back: AnalysisView): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(drill)) if (v !== undefined && v !== '') params.set(k, String(v));
  params.set(LIST_WHAT, what);
  const backQuery = viewQuery(back).replace(/^\?/, '');
  if (backQuery) params.set(LIST_BACK, backQuery);
  return `/analyse/meldingen?${params.toString()}`;
}

/** The filter of GET /api/v1/cases from the list page's address: everything but its own parameters. */
export function listFilter(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of search) if (k !== LIST_WHAT && k !== LIST_BACK && k !== 'cursor' && k !== 'limit' && v) out[k] = v;
  return out;
}

/** The figures' definitions by key, in the viewer's language; null when the server gives none. */
export function definitionOf(f: DashboardFigures, key: string, locale: 'nl' | 'en'): string | null {
  const d = f.definitions[key];
  return d ? d[locale] || d.nl : null;
}
