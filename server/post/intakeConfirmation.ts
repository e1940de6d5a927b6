import { sendCaseMessage } from '../commands/caseMessages.ts';
import type { CommandContext } from '../commands/context.ts';

/**
 * The confirmation of a complaint registered by staff (phone, counter, letter): by e-mail with
 * consent, otherwise a letter with the step plan in the "to post" list. Its document is returned,
 * so at the counter it is printed and handed over at once (seed 003: "directe bevestiging").
 */
export type IntakeConfirmation = { channel: 'email' | 'post' | 'phoneTask'; postalItemId: string | null; documentId: string | null };

export async function confirmIntake(ctx: CommandContext, caseId: string): Promise<IntakeConfirmation> {
  const sent = await sendCaseMessage(ctx, caseId, 'confirmation', { key: 'intake' });
  if (sent.channel !== 'post') return { channel: sent.channel, postalItemId: null, documentId: null };
  const item = await ctx.tx.selectFrom('postal_item').select('document_id').where('id', '=', sent.postalItemId).executeTakeFirstOrThrow();
  return { channel: 'post', postalItemId: sent.postalItemId, documentId: item.document_id };
}
