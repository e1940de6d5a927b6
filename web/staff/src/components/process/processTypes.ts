import type { Bilingual } from '../../api/types.ts';

/** The process owner's API objects (server/presenters/staff/processPresenter.ts). */
export type ProcessVersion = {
  processKey: string;
  version: number;
  state: 'draft' | 'published' | 'retired';
  source: 'file' | 'upload';
  createdAt: string;
  createdBy: string;
  publishedAt: string | null;
  publishedBy: string | null;
  retiredAt: string | null;
};
export type ProcessVersionDetail = ProcessVersion & { definition: Record<string, unknown> };
export type ProcessOverview = {
  key: string;
  label: Bilingual;
  published: ProcessVersionDetail;
  draft: ProcessVersionDetail | null;
  versions: ProcessVersion[];
};
export type ProcessCheck = { valid: boolean; problems: string[] };

export const processPath = (key: string) => `/processen/${encodeURIComponent(key)}`;
