/**
 * Response shapes, inferred from the server's own response schemas (type-only: nothing of zod or
 * the server ends up in the bundle). A change on the server breaks this type check, not users.
 */
import type { z } from 'zod';
import type {
  activityDetailOut,
  activityOut,
  caseDetailOut,
  caseSummaryOut,
  timelineEventOut,
} from '../../../../server/presenters/staff/schemas.ts';

export type Activity = z.infer<typeof activityOut>;
export type ActivityDetail = z.infer<typeof activityDetailOut>;
export type CaseSummary = z.infer<typeof caseSummaryOut>;
export type CaseDetail = z.infer<typeof caseDetailOut>;
export type TimelineEvent = z.infer<typeof timelineEventOut>;
export type Transition = CaseDetail['abilities']['transitions'][number];
export type TransitionInput = Transition['inputs'][number];
export type Page<T> = { items: T[]; nextCursor: string | null };
export type Bilingual = { nl: string; en: string };

export type Session = {
  user: { id: string; name: string; email: string; roles: string[]; teamIds: string[] };
  permissions: string[];
  csrfToken: string;
};
export type LoginOptions = {
  oidc: boolean;
  demo: boolean;
  demoMailbox: boolean;
  demoUsers: { id: string; name: string; roles: { key: string; label: string }[] }[];
};
export type QueueName = 'mine' | 'team' | 'unassigned' | 'all';
export type QueueCounts = Record<QueueName, { count: number; capped: boolean }>;
export type Team = { id: string; key: string; name: string; memberIds: string[] };
export type StaffUser = { id: string; name: string; roles: string[] };
export type MatchSuggestion = {
  id: string;
  reference: string;
  subject: string;
  status: string;
  complainantName: string;
  open: boolean;
  reasons: string[];
};
export type PortalSettings = { organisation: string; logo?: { url: string; alt: string } | null };

export type FieldType = 'text' | 'textarea' | 'select' | 'multiselect' | 'boolean' | 'date' | 'datetime' | 'number' | 'email';
export type FieldDef = {
  key: string;
  label: Bilingual;
  type: string;
  required: boolean;
  options?: { value: string; label: Bilingual }[];
  /** The standard fact this input records, if any. */
  fact?: string;
};
export type ProcessDef = {
  key: string;
  label: Bilingual;
  caseType: { key: string; label: Bilingual; fields: FieldDef[] };
  statuses: { key: string; label: Bilingual; terminal: boolean }[];
  transitions: { key: string; label: Bilingual; to: string; inputs: (FieldDef & { target: string })[] }[];
};
