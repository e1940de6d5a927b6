import { purgeQuarantinedMail } from '../mail/inbound/quarantine.ts';
import type { Job } from './runner.ts';

/** Quarantined incoming mail is purged after its own period (organisation retention.quarantineDays). */
export const quarantinePurgeJob: Job = { name: 'quarantinePurge', intervalMs: 60 * 60_000, run: (s) => purgeQuarantinedMail(s) };
