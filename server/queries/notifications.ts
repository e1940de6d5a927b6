import type { Services, StaffActor } from '../commands/context.ts';

/** A colleague's own notifications, newest first (at most 50), and how many are unread. */
export async function myNotifications(services: Services, me: StaffActor, opts: { unreadOnly: boolean }) {
  let q = services.db
    .selectFrom('notification')
    .leftJoin('cases', 'cases.id', 'notification.case_id')
    .select([
      'notification.id',
      'notification.kind',
      'notification.message',
      'notification.case_id',
      'notification.measure_id',
      'notification.created_at',
      'notification.read_at',
      'cases.reference',
    ])
    .where('notification.user_id', '=', me.id);
  if (opts.unreadOnly) q = q.where('notification.read_at', 'is', null);
  const [rows, unread] = await Promise.all([
    q.orderBy('notification.created_at', 'desc').limit(50).execute(),
    services.db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', me.id)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, unreadCount: Number(unread.n) };
}
