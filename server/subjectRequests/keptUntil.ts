import type { CommandContext } from '../commands/context.ts';
import type { Facts } from '../domain/process/roles.ts';
import { retentionFor } from '../retention/retentionDate.ts';
import type { RequestSubject } from './subjectRequests.ts';

/** Why a person's data must still be kept: the case whose file is kept longest, and until when ('open', 'permanent' or a day). */
export type Kept = { reference: string; until: 'open' | 'permanent' | string };

export type SubjectCases = { kept: Kept | null; pastRetention: string[] };

/**
 * The subject's cases (as complainant or representative, or as the colleague complained about) and
 * whether the law still keeps them: an open case is being handled; a closed one is kept until the
 * day its retention period ends (case_retention, computed at closing by the organisation's table;
 * for a case closed before that existed, the same table now), or for good when held or kept
 * permanently. Cases already anonymised count for nothing; cases past their period may go.
 */
export async function keptUntilOf(ctx: CommandContext, subject: RequestSubject, today: string): Promise<SubjectCases> {
  const rows = await ctx.tx
    .selectFrom('cases')
    .leftJoin('case_retention as r', 'r.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.case_type',
      'cases.process_key',
      'cases.facts',
      'cases.closed_at',
      'r.destroy_after',
      'r.hold_reason',
      'r.anonymised_at',
      'r.rule',
    ])
    .where((eb) =>
      'personId' in subject
        ? eb.or([eb('cases.complainant_id', '=', subject.personId), eb('cases.representative_id', '=', subject.personId)])
        : eb('cases.id', 'in', eb.selectFrom('complained_person').select('case_id').where('user_id', '=', subject.staffUserId)),
    )
    .where('r.anonymised_at', 'is', null)
    .orderBy('cases.reference')
    .execute();
  let kept: Kept | null = null;
  const pastRetention: string[] = [];
  const rank = (k: Kept) => (k.until === 'open' ? 'z2' : k.until === 'permanent' ? 'z1' : k.until);
  for (const c of rows) {
    const until = keptUntilOfCase(ctx, c, today);
    if (until === null) pastRetention.push(c.id);
    else if (!kept || rank({ reference: c.reference, until }) > rank(kept)) kept = { reference: c.reference, until };
  }
  return { kept, pastRetention };
}

type CaseRow = {
  case_type: string;
  process_key: string;
  facts: unknown;
  closed_at: Date | null;
  destroy_after: string | null;
  hold_reason: string | null;
  rule: string | null;
};

function keptUntilOfCase(ctx: CommandContext, c: CaseRow, today: string): Kept['until'] | null {
  if (!c.closed_at) return 'open';
  if (c.hold_reason) return 'permanent';
  let destroyAfter = c.destroy_after;
  if (!c.rule) {
    // Closed before retention was computed at closing; "not handled" is not known here, so the
    // longer period applies: refusing wrongly is put right later, erasing wrongly cannot be.
    const closedOn = ctx.services.calendar.toDate(c.closed_at);
    const kind = { caseType: c.case_type, processKey: c.process_key, facts: c.facts as Facts, notHandled: false };
    destroyAfter = retentionFor(ctx.services.org.retention, kind, closedOn).destroyAfter;
  }
  if (destroyAfter === null) return 'permanent';
  return destroyAfter > today ? destroyAfter : null;
}
