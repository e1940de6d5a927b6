import type { Actor, Services } from '../commands/context.ts';
import { caseScope } from './scope.ts';

/**
 * The "to post" list: letters waiting to be printed and posted (oldest first), or those posted
 * recently; only on cases the actor may work on. The address comes from whoever the letter is for.
 */
export async function postalItems(services: Services, actor: Actor, opts: { posted: boolean; limit: number }) {
  let q = services.db
    .selectFrom('postal_item')
    .innerJoin('cases', 'cases.id', 'postal_item.case_id')
    .innerJoin('document', 'document.id', 'postal_item.document_id')
    .innerJoin('person as p', 'p.id', 'cases.complainant_id')
    .leftJoin('person as r', 'r.id', 'cases.representative_id')
    .leftJoin('staff_user as poster', 'poster.id', 'postal_item.posted_by')
    .leftJoin('letter', 'letter.id', 'postal_item.letter_id')
    .select([
      'postal_item.id',
      'postal_item.case_id',
      'postal_item.template_key',
      'postal_item.recipient_role',
      'postal_item.created_at',
      'postal_item.posted_at',
      'postal_item.document_id',
      'postal_item.letter_id',
      'letter.kind as letter_kind',
      'document.filename',
      'cases.reference',
      'cases.channel',
      'p.name as c_name',
      'p.street as c_street',
      'p.postcode as c_postcode',
      'p.city as c_city',
      'r.name as r_name',
      'r.street as r_street',
      'r.postcode as r_postcode',
      'r.city as r_city',
      'poster.name as posted_by_name',
    ])
    .where(caseScope(actor));
  q = opts.posted
    ? q.where('postal_item.posted_at', 'is not', null).orderBy('postal_item.posted_at', 'desc')
    : q.where('postal_item.posted_at', 'is', null).orderBy('postal_item.created_at', 'asc');
  return q.orderBy('postal_item.id').limit(opts.limit).execute();
}
export type PostalItemRow = Awaited<ReturnType<typeof postalItems>>[number];
