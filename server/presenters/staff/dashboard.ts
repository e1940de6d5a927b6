import { z } from 'zod';
import { surveyResultsOut } from './surveyPresenter.ts';

/**
 * The analysis dashboard's response (issue 12, part 8 point 2): one object with every figure for a
 * period [from, to) in buckets of a granularity. `server/analysis/dashboard.ts` returns exactly
 * this shape (DashboardFigures), so the route, the periodic/annual reports and scheduled mails read
 * the same numbers. Every count carries `drillDown`: the query parameters of GET /api/v1/cases
 * (and the register export) that list exactly the cases counted, within the viewer's scope.
 */
export const GRANULARITIES = ['month', 'quarter', 'halfYear', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
/** The breakdowns: standard facts (domain/process/vocabulary.ts). */
export const DIMENSIONS = ['kind', 'ground', 'department', 'channel', 'product', 'formality', 'judgment', 'outcome'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const EXTERNAL_BODIES = ['ombudsman', 'disputesBody', 'rentTribunal', 'other'] as const;
/** A breakdown value or filter value meaning "the case has no value for this fact". */
export const NO_VALUE = '_none';
export const NORMS = ['term', 'norm'] as const;
export type NormKey = (typeof NORMS)[number];

const words = z.object({ nl: z.string(), en: z.string() });

/**
 * Query parameters for GET /api/v1/cases (and /cases/export) naming exactly the cases behind a
 * figure. Dates are civil days (Europe/Amsterdam): *From inclusive, *Before exclusive.
 * The UI turns it into a link: `/cases?${new URLSearchParams(drillDown)}`.
 */
export const drillDownOut = z
  .object({
    processKey: z.string(),
    kind: z.string(),
    ground: z.string(),
    department: z.string(),
    channel: z.string(),
    product: z.string(),
    formality: z.string(),
    judgment: z.string(),
    outcome: z.string(),
    /** One of EXTERNAL_BODIES, or 'any': the case went on to any external body. */
    externalBody: z.string(),
    receivedFrom: z.iso.date(),
    receivedBefore: z.iso.date(),
    closedFrom: z.iso.date(),
    closedBefore: z.iso.date(),
    /** Open ('true') or closed ('false') now. */
    open: z.enum(['true', 'false']),
    /** Open at the start of this day (received before it, not closed before it). */
    openOn: z.iso.date(),
    /** Closed and handled on time against this norm (term: the Awb term; norm: the service norm). */
    onTime: z.enum(NORMS),
    /** Closed late against this norm. */
    late: z.enum(NORMS),
    /** Closed with this norm's deadline (counted against it at all). */
    against: z.enum(NORMS),
    extended: z.literal('true'),
    consentDelay: z.literal('true'),
    /** Complainants with another case in the received range ('period'), or in the 12 months before it ('before'). */
    returning: z.enum(['period', 'before']),
    /** A word stem from the subject (Dutch), as in risingThemes.terms. */
    term: z.string(),
    /** With a recommendation from the external body (and its response deadline). */
    recommendation: z.literal('true'),
  })
  .partial();
export type DrillDown = z.infer<typeof drillDownOut>;

export const countOut = z.object({ value: z.number().int(), drillDown: drillDownOut });
export type CountFigure = z.infer<typeof countOut>;

export const bucketOut = z.object({
  /** '2026-03', '2026-Q1', '2026-H1', '2026' */
  key: z.string(),
  /** The bucket's days within the period: [from, to). */
  from: z.iso.date(),
  to: z.iso.date(),
});

const breakdownValueOut = z.object({
  /** The fact's value; NO_VALUE for cases without one. */
  value: z.string(),
  label: words,
  received: countOut,
  closed: countOut,
  /** Aligned with `buckets`. */
  receivedPerBucket: z.array(countOut),
  closedPerBucket: z.array(countOut),
});
const leadTimeOut = z.object({
  closed: z.number().int(),
  /** Calendar days from the day received to the day closed (Amsterdam); null without closed cases. */
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
});
const onTimeOut = z.object({
  /** Closed in the period with this norm's deadline. */
  counted: countOut,
  onTime: countOut,
  late: countOut,
  /** onTime / counted, 0..1; null when nothing counted. */
  share: z.number().nullable(),
  perBucket: z.array(z.object({ counted: z.number().int(), onTime: z.number().int(), share: z.number().nullable() })),
});
const themeOut = z.object({
  /** The ground's value, or the term (a Dutch word stem). */
  key: z.string(),
  label: words,
  current: z.number().int(),
  currentShare: z.number(),
  previous: z.number().int(),
  previousShare: z.number(),
  z: z.number(),
  /** One-sided p-value of the two-proportion z-test (rise). */
  p: z.number(),
  /** Holm-adjusted over the themes tested: listed when below 0.05. */
  pAdjusted: z.number(),
  drillDown: drillDownOut,
});
const measuresOut = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  checked: z.number().int(),
});
const externalOut = z.object({
  byBody: z.array(
    z.object({
      body: z.enum(EXTERNAL_BODIES),
      label: words,
      cases: countOut,
      /** facts.externalOutcome as recorded (free text), null: not (yet) known. */
      outcomes: z.array(z.object({ outcome: z.string().nullable(), count: z.number().int() })),
    }),
  ),
  total: countOut,
  /** Recommendations of an external body with the date the organisation must respond by. */
  recommendations: z.array(
    z.object({
      caseId: z.uuid(),
      reference: z.string(),
      body: z.string().nullable(),
      recommendation: z.string(),
      responseDue: z.iso.date().nullable(),
      overdue: z.boolean(),
    }),
  ),
});

export const dashboardOut = z.object({
  period: z.object({ from: z.iso.date(), to: z.iso.date().describe('exclusive'), granularity: z.enum(GRANULARITIES) }),
  /** The filters applied (processKey and fact values), echoed. */
  filter: drillDownOut,
  buckets: z.array(bucketOut),
  /** Received in the period (by received day), in total and per bucket. */
  received: z.object({ total: countOut, perBucket: z.array(countOut) }),
  /** Closed in the period (by closed day). */
  closed: z.object({ total: countOut, perBucket: z.array(countOut) }),
  breakdowns: z.array(z.object({ dimension: z.enum(DIMENSIONS), label: words, values: z.array(breakdownValueOut) })),
  /** Over the cases closed in the period. */
  leadTime: leadTimeOut.extend({ drillDown: drillDownOut, perBucket: z.array(leadTimeOut) }),
  onTime: z.object({ term: onTimeOut, norm: onTimeOut }),
  /** Over the cases closed in the period: handling period extended (Awb 9:11 lid 2) or delayed with consent (lid 3). */
  extensions: z.object({ closed: z.number().int(), extended: countOut, consentDelay: countOut }),
  surveys: z.object({ byHandler: surveyResultsOut, byTeam: surveyResultsOut, byGround: surveyResultsOut }),
  returningComplainants: z.object({
    /** Complainants with two or more cases received in the period, and their cases. */
    inPeriod: z.object({ complainants: z.number().int(), cases: countOut }),
    /** Complainants with a case in the period and one in the 12 months before it. */
    withEarlier: z.object({ complainants: z.number().int(), cases: countOut }),
  }),
  /** Improvement measures now (GET /api/v1/measures?view=open|overdue|checked lists them). */
  measures: measuresOut,
  risingThemes: z.object({
    /** The previous period of equal length. */
    previous: z.object({ from: z.iso.date(), to: z.iso.date() }),
    grounds: z.array(themeOut),
    terms: z.array(themeOut),
  }),
  complaintRate: z.object({
    /** Complaints per 1,000 contacts (or customers) where a volume is entered for the bucket. */
    perBucket: z.array(
      z.object({
        complaints: z.number().int(),
        volume: z.number().int().nullable(),
        volumeKind: z.enum(['contacts', 'customers']).nullable(),
        perThousand: z.number().nullable(),
      }),
    ),
    total: z.object({ complaints: z.number().int(), volume: z.number().int().nullable(), perThousand: z.number().nullable() }),
  }),
  external: externalOut,
  /** openAtStart + received − closed = openAtEnd, each counted on its own. */
  reconciliation: z.object({ openAtStart: countOut, received: countOut, closed: countOut, openAtEnd: countOut, balances: z.boolean() }),
  /** Each figure's definition (nl, en): one click away in the UI. Keys: analysis/definitions.ts FIGURE_KEYS. */
  definitions: z.record(z.string(), words),
});
export type DashboardFigures = z.infer<typeof dashboardOut>;

/** Contact volumes (the complaint rate's denominator), per calendar month. */
export const volumeOut = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  kind: z.enum(['contacts', 'customers']),
  volume: z.number().int(),
  enteredBy: z.string().nullable(),
});
export const volumesOut = z.object({ items: z.array(volumeOut) });
