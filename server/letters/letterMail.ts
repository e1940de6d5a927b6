import { sendCaseMessage } from '../commands/caseMessages.ts';
import type { CommandContext } from '../commands/context.ts';

/**
 * A letter goes to the complainant as a PDF attached to the `letter` mail when they agreed to
 * e-mail; otherwise the letter's PDF itself goes into the "to post" list, and it counts as sent
 * on the day staff mark it posted (post/markPosted.ts).
 */
export type Delivery = { channel: 'email' | 'post'; messageId: string | null; postalItemId?: string };

export async function mailLetter(
  ctx: CommandContext,
  m: {
    caseId: string;
    letterId: string;
    documentId: string;
    /** Documents that go with the letter (an advisory committee's advice). */
    enclosures?: string[];
    signerName: string;
  },
): Promise<Delivery> {
  const sent = await sendCaseMessage(ctx, m.caseId, 'letter', {
    key: `letter:${m.letterId}`,
    vars: { handlerName: m.signerName },
    attachments: [m.documentId, ...(m.enclosures ?? [])],
    paperDocument: { documentId: m.documentId, letterId: m.letterId },
  });
  return sent.channel === 'email'
    ? { channel: 'email', messageId: sent.messageId }
    : { channel: 'post', messageId: null, postalItemId: sent.channel === 'post' ? sent.postalItemId : undefined };
}
