import { proposeDestructionList } from '../retention/destructionLists.ts';
import type { Job } from './runner.ts';

/**
 * Once a month the destruction list is proposed (retention/destructionLists.ts): hourly runs find the
 * month's list already there and do nothing; the backfill of retention days runs in SKIP LOCKED batches.
 */
export const retentionProposerJob: Job = { name: 'retentionProposer', intervalMs: 60 * 60_000, run: proposeDestructionList };
