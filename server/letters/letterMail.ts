import { sendCaseMessage } from '../commands/caseMessages.ts';
import type { CommandContext } from '../commands/context.ts';

/**
 * A letter goes to the complainant as a PDF attached to the `letter` mail, unless they asked for
 * post; without a usable address the timeline says `messageNotSent`, so nothing is lost silently.
 */
export type Delivery = { channel: 'email' | 'post'; messageId: string | null; reason?: 'prefersPost' | 'noEmailAddress' };

export async function mailLetter(
  ctx: CommandContext,
  m: {
    caseId: string;
    letterId: string;
    documentId: string;
    /** Documents that go with the letter (an advisory committee's advice). */
    enclosures?: string[];
    signerName: string;
    contactPreference: string | null;
  },
): Promise<Delivery> {
  if (m.contactPreference === 'letter') return { channel: 'post', messageId: null, reason: 'prefersPost' };
  // Without a usable address sendCaseMessage records `messageNotSent` itself and returns null.
  const messageId = await sendCaseMessage(ctx, m.caseId, 'letter', {
    key: `letter:${m.letterId}`,
    vars: { handlerName: m.signerName },
    attachments: [m.documentId, ...(m.enclosures ?? [])],
  });
  return messageId ? { channel: 'email', messageId } : { channel: 'post', messageId: null, reason: 'noEmailAddress' };
}
