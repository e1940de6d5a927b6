import { sql } from 'kysely';
import type { CommandContext } from '../../commands/context.ts';
import { caseReferencesIn } from './classify.ts';
import { referencedMessageIds, type RawHeaders } from './rawMessage.ts';

export type CaseCandidate = {
  caseId: string;
  reference: string;
  /**
   * How the message pointed at the case: a Message-ID we sent, a Message-ID of earlier mail already
   * on the case (a follow-up to one's own complaint, or a CC replying before we did), the reference in
   * a plus-addressed recipient (klachten+KL-2026-000123@…, survives systems that strip References),
   * or the reference in the subject.
   */
  via: 'messageId' | 'earlierMail' | 'address' | 'subject';
};

/**
 * The cases a message says it belongs to, strongest evidence first (In-Reply-To or anywhere in
 * References, since some clients keep only the thread's origin there; then references in addresses
 * and the subject). Candidates are only suggestions: see senderKnownOnCase.
 */
export async function caseCandidates(ctx: CommandContext, headers: RawHeaders, subject: string): Promise<CaseCandidate[]> {
  const found: CaseCandidate[] = [];
  const ids = referencedMessageIds(headers);
  if (ids.length) {
    // The outbox may store its IDs with or without angle brackets: match both spellings.
    const spellings = ids.flatMap((id) => [id, `<${id}>`]);
    const rows = await ctx.tx
      .selectFrom('outbox_message as o')
      .innerJoin('cases as c', 'c.id', 'o.case_id')
      .select(['o.message_id', 'c.id', 'c.reference'])
      .where('o.message_id', 'in', spellings)
      .execute();
    for (const id of ids) {
      const row = rows.find((r) => r.message_id === id || r.message_id === `<${id}>`);
      if (row) found.push({ caseId: row.id, reference: row.reference, via: 'messageId' });
    }
    const earlier = await ctx.tx
      .selectFrom('inbound_message as m')
      .innerJoin('activity as a', 'a.id', 'm.activity_id')
      .innerJoin('cases as c', 'c.id', 'a.case_id')
      .select(['m.message_id', 'c.id', 'c.reference'])
      .where('m.message_id', 'in', ids)
      .orderBy('m.received_at', 'desc')
      .execute();
    for (const id of ids) {
      for (const row of earlier.filter((r) => r.message_id === id))
        found.push({ caseId: row.id, reference: row.reference, via: 'earlierMail' });
    }
  }
  const prefix = ctx.services.org.referencePrefix;
  const recipients = ['to', 'cc', 'delivered-to', 'x-original-to'].flatMap((h) => headers.get(h) ?? []).join(' ');
  const plus = [...recipients.matchAll(/\+([A-Za-z]{1,6}-\d{4}-\d{6,})@/g)].flatMap((m) => caseReferencesIn(m[1], prefix));
  await byReference(ctx, plus, 'address', found);
  await byReference(ctx, caseReferencesIn(subject, prefix), 'subject', found);
  const seen = new Set<string>();
  return found.filter((c) => (seen.has(c.caseId) ? false : (seen.add(c.caseId), true)));
}

async function byReference(ctx: CommandContext, refs: string[], via: CaseCandidate['via'], found: CaseCandidate[]) {
  if (!refs.length) return;
  const rows = await ctx.tx.selectFrom('cases').select(['id', 'reference']).where('reference', 'in', refs).execute();
  for (const ref of refs) {
    const row = rows.find((r) => r.reference === ref);
    if (row) found.push({ caseId: row.id, reference: row.reference, via });
  }
}

/**
 * A reply joins a case only when its sender is the complainant or the representative on that case:
 * a reference or Message-ID can be quoted by anyone (a forwarded mail, a colleague, a newsletter), and
 * merging a stranger's mail into a case would show it to the handler as the complainant's words.
 */
export async function senderKnownOnCase(ctx: CommandContext, caseId: string, address: string | null): Promise<boolean> {
  if (!address) return false;
  const row = await ctx.tx
    .selectFrom('cases as c')
    .innerJoin('person as p', (j) =>
      j.on((eb) => eb.or([eb('p.id', '=', eb.ref('c.complainant_id')), eb('p.id', '=', eb.ref('c.representative_id'))])),
    )
    .select('p.id')
    .where('c.id', '=', caseId)
    .where(sql<boolean>`lower(trim(p.email)) = ${address.trim().toLowerCase()}`)
    .executeTakeFirst();
  return !!row;
}

/** References a subject names that match no case: worth a note, since the sender meant one. */
export async function unknownReferences(ctx: CommandContext, subject: string, candidates: CaseCandidate[]): Promise<string[]> {
  const known = new Set(candidates.map((c) => c.reference));
  return caseReferencesIn(subject, ctx.services.org.referencePrefix).filter((r) => !known.has(r));
}
