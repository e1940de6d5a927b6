/** The shapes of /api/v1/retention/* and /api/v1/quarantined-mail (server/presenters/staff/retentionPresenter.ts). */
export const RETENTION_BASE = '/beheer/vernietiging';
export type ListStatus = 'proposed' | 'superseded' | 'destroyed';
export type ListSummary = {
  id: string;
  month: string;
  status: ListStatus;
  proposedAt: string;
  dueOn: string;
  caseCount: number;
  approvedAt: string | null;
  approvedBy: string | null;
  destroyedCount: number | null;
  heldCount: number | null;
};
export type ListedCase = {
  caseId: string;
  reference: string;
  closedOn: string;
  destroyAfter: string;
  rule: string;
  ruleLabel: { nl: string; en: string };
  held: { reason: string; at: string | null; by: string | null } | null;
};
export type ListEvent = { type: string; at: string; by: string; caseId: string | null; data: Record<string, unknown> };
export type ListDetail = ListSummary & { cases: ListedCase[]; events: ListEvent[] };
export type QuarantinedMail = {
  id: string;
  source: 'smtp' | 'imap';
  receivedAt: string;
  quarantinedAt: string | null;
  from: string | null;
  subject: string | null;
  reason: string | null;
  sizeBytes: number;
  purgeOn: string;
};
