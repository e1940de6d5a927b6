import { enqueueMessage } from '../mail/outbox.ts';
import type { CommandContext, Services, StaffActor } from './context.ts';

/**
 * Notifications for colleagues: always a row in their list in the app (GET /notifications), and
 * also an e-mail when the organisation switched that on for the kind (`staffMail`). Written in the
 * caller's transaction, so a notification exists exactly when its cause committed.
 */
export type StaffNoticeKind = 'assignment' | 'deadlineWarning' | 'measureNotice' | 'measureReminder';
const TITLE: Record<StaffNoticeKind, string> = {
  assignment: 'Werk aan u toegewezen',
  deadlineWarning: 'Termijn verloopt bijna',
  measureNotice: 'Verbetermaatregel',
  measureReminder: 'Verbetermaatregel moet bijna klaar zijn',
};

export async function notifyStaff(
  ctx: CommandContext,
  userIds: string[],
  n: {
    kind: StaffNoticeKind;
    caseId: string | null;
    caseReference?: string | null;
    /** A notice about an improvement measure links to it. */
    measureId?: string | null;
    message: string;
    key: string;
  },
) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await ctx.tx
    .insertInto('notification')
    .values(
      unique.map((user_id) => ({
        user_id,
        case_id: n.caseId,
        measure_id: n.measureId ?? null,
        kind: n.kind,
        message: n.message,
        created_at: ctx.now,
      })),
    )
    .execute();
  if (!ctx.services.org.staffMail[n.kind]) return;
  const users = await ctx.tx
    .selectFrom('staff_user')
    .select(['id', 'name', 'email'])
    .where('id', 'in', unique)
    .where('active', '=', true)
    .execute();
  for (const u of users) {
    await enqueueMessage(ctx, {
      caseId: n.caseId,
      template: 'staffNotice',
      recipientRole: 'handler',
      to: { address: u.email, name: u.name },
      vars: { recipientName: u.name, noticeTitle: TITLE[n.kind], noticeText: n.message, caseReference: n.caseReference ?? 'Klachtflow' },
      idempotencyKey: `staffNotice:${n.kind}:${n.key}:${u.id}`,
    });
  }
}

/**
 * The reader marks one of their own notifications read: one statement, no transaction (nothing
 * else changes with it). False when it is not theirs or does not exist.
 */
export async function markNotificationRead(services: Services, me: StaffActor, id: string): Promise<boolean> {
  const result = await services.db
    .updateTable('notification')
    .set({ read_at: services.clock.now() })
    .where('id', '=', id)
    .where('user_id', '=', me.id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
