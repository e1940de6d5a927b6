import { sql } from 'kysely';
import type { Actor, Services } from '../commands/context.ts';
import { decodeCursor, encodeCursor } from './keyset.ts';
import { mayReadCase } from './scope.ts';

/** Sent and queued mail (the outbox): a case's communication, and the demo mailbox. */
const columns = [
  'id',
  'case_id',
  'template_key',
  'recipient_role',
  'to_address',
  'subject',
  'status',
  'attempts',
  'created_at',
  'sent_at',
  'last_error',
] as const;

/** A case's messages, newest first (at most 200); undefined when the case is outside the actor's scope. */
export async function caseMessages(services: Services, actor: Actor, caseId: string) {
  if (!(await mayReadCase(services.db, actor, caseId))) return undefined;
  return services.db
    .selectFrom('outbox_message')
    .select(columns)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** Demo mode without SMTP: everything sent, newest first, a page at a time, with the case's reference. */
export async function demoMailboxPage(services: Services, page: { cursor?: string; limit: number }) {
  let q = services.db
    .selectFrom('outbox_message')
    .leftJoin('cases', 'cases.id', 'outbox_message.case_id')
    .select(columns.map((c) => `outbox_message.${c}` as const))
    .select('cases.reference as case_reference');
  const after = decodeCursor(page.cursor);
  if (after) q = q.where(sql<boolean>`(outbox_message.created_at, outbox_message.id) < (${new Date(after.value)}, ${after.id}::uuid)`);
  const rows = await q
    .orderBy('outbox_message.created_at', 'desc')
    .orderBy('outbox_message.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last.created_at, last.id) : null };
}

/** One message of the demo mailbox with its text and its attachments (documents on the case), or undefined. */
export async function demoMailboxMessage(services: Services, id: string) {
  const m = await services.db
    .selectFrom('outbox_message')
    .leftJoin('cases', 'cases.id', 'outbox_message.case_id')
    .select([
      ...columns.map((c) => `outbox_message.${c}` as const),
      'outbox_message.body_text',
      'outbox_message.body_html',
      'outbox_message.attachments',
      'cases.reference as case_reference',
    ])
    .where('outbox_message.id', '=', id)
    .executeTakeFirst();
  if (!m) return undefined;
  const documents = m.attachments.length
    ? await services.db
        .selectFrom('document')
        .select(['id', 'filename', 'media_type', 'size_bytes'])
        .where('id', 'in', m.attachments)
        .orderBy('filename')
        .execute()
    : [];
  return { ...m, documents };
}
