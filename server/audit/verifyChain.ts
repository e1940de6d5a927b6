import type { Database } from '../db/connect.ts';
import { type AuditRecord, canonicalContent, chainHash } from './auditChain.ts';

export type ChainBreak = { seq: number; problem: string };
export type ChainReport = { checked: number; headSeq: number; breaks: ChainBreak[] };

const BATCH = 5000;
const GENESIS = Buffer.alloc(32);

/**
 * Recomputes the whole chain in sequence order (keyset batches, constant memory) and reports every
 * break: a gap (an entry removed), a hash that no longer matches the entry's content (an entry
 * changed) or the previous entry (one inserted or reordered), and a head that disagrees with the
 * last entry (the tail cut off). After a break the check carries on from the stored hash, so one
 * edited entry is reported once, not with every entry after it.
 */
export async function verifyChain(db: Database): Promise<ChainReport> {
  const breaks: ChainBreak[] = [];
  let previous: Uint8Array = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_entry').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(BATCH).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) breaks.push({ seq, problem: `entries ${expectedSeq}–${seq - 1} are missing (removed)` });
      const record: AuditRecord = {
        at: row.at,
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        action: row.action,
        caseId: row.case_id,
        personIds: row.person_ids,
        objectId: row.object_id,
        ip: row.ip,
      };
      const stored = Buffer.from(row.hash);
      // After a gap this entry's hash cannot be checked (its predecessor is gone): the gap is the break.
      if (seq === expectedSeq && !chainHash(previous, seq, canonicalContent(record)).equals(stored)) {
        breaks.push({ seq, problem: 'its hash does not match its content or the entry before it (changed, inserted or reordered)' });
      }
      previous = stored;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  if (!head) breaks.push({ seq: 0, problem: 'the chain head row is missing' });
  else if (headSeq !== expectedSeq - 1) {
    breaks.push({
      seq: headSeq,
      problem: `the head is at ${headSeq} but the last entry is ${expectedSeq - 1} (entries removed or added outside the append)`,
    });
  } else if (!Buffer.from(head.hash).equals(Buffer.from(previous))) {
    breaks.push({ seq: headSeq, problem: 'the head hash differs from the last entry hash' });
  }
  return { checked, headSeq, breaks };
}
