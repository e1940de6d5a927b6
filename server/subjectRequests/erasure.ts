import { runCommand, type Actor, type CommandContext, type Services } from '../commands/context.ts';
import { recordEvent } from '../commands/timeline.ts';
import { longDate } from '../commands/caseMessages.ts';
import { anonymiseCases, anonymisePersons } from '../retention/anonymise.ts';
import { closeRequest, openRequest } from './subjectRequests.ts';
import { recordRequestEvent } from './requestEvents.ts';
import { type Kept, keptUntilOf } from './keptUntil.ts';

export type ErasureResult = { erased: boolean; keptUntil: Kept['until'] | null; outcome: string };

/**
 * AVG art. 17(3)(b): erasure does not apply while the law obliges us to keep the data. A complaint
 * file is kept for its retention period (Archiefwet 1995, the organisation's retention table) and an
 * open case is still being handled: then the request is refused, naming the file and until when it
 * is kept. Otherwise the subject's cases past their period are anonymised now (the retention
 * slice's anonymiser, not waiting for the monthly list) and a person's record is blanked. Documents'
 * blobs go once the transaction committed (blob storage is not transactional).
 */
export async function eraseForRequest(services: Services, actor: Actor, requestId: string): Promise<ErasureResult> {
  const res = await runCommand(services, actor, (ctx) => erase(ctx, requestId));
  for (const key of res.blobKeys) await services.storage.remove(key);
  return res.result;
}

async function erase(ctx: CommandContext, requestId: string) {
  const r = await openRequest(ctx, requestId, 'erasure');
  const today = ctx.services.calendar.toDate(ctx.now);
  const subject = r.person_id ? { personId: r.person_id } : { staffUserId: r.staff_user_id! };
  const { kept, pastRetention } = await keptUntilOf(ctx, subject, today);
  if (kept) {
    const outcome = `Niet gewist: het klachtdossier ${kept.reference} moet volgens de Archiefwet worden bewaard ${keptWords(kept.until)}. Daarna wordt het vernietigd (AVG art. 17 lid 3).`;
    await recordRequestEvent(ctx, r.id, 'erasureRefused', { keptUntil: kept.until, reference: kept.reference });
    await closeRequest(ctx, r.id, 'refused', outcome);
    return { result: { erased: false, keptUntil: kept.until, outcome }, blobKeys: [] as string[] };
  }
  const done = await anonymiseCases(ctx.tx, pastRetention, { now: ctx.now });
  if (r.person_id) {
    await anonymisePersons(ctx.tx, [r.person_id]);
    await ctx.tx.updateTable('person').set({ erased_at: ctx.now }).where('id', '=', r.person_id).execute();
  } else {
    // A colleague's account is personnel records, not the complaint files: only the link to them goes.
    await ctx.tx.updateTable('complained_person').set({ user_id: null }).where('user_id', '=', r.staff_user_id!).execute();
  }
  for (const caseId of pastRetention) await recordEvent(ctx, { type: 'subjectErased', caseId });
  await recordRequestEvent(ctx, r.id, 'erased', { cases: done.cases });
  const outcome = 'Gewist: de gegevens van deze persoon zijn geanonimiseerd.';
  await closeRequest(ctx, r.id, 'granted', outcome);
  return { result: { erased: true, keptUntil: null, outcome }, blobKeys: done.blobKeys };
}

function keptWords(until: Kept['until']) {
  if (until === 'open') return 'zolang de klacht nog in behandeling is';
  if (until === 'permanent') return 'voor onbepaalde tijd (bewaren)';
  return `tot ${longDate(until)}`;
}
