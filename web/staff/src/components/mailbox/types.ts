/** The demo mailbox's shapes (server/routes/staff/mailboxRoutes.ts). */
export type MailboxStatus = 'pending' | 'sent' | 'failed';
export type MailboxItem = {
  id: string;
  caseId: string | null;
  caseReference: string | null;
  template: string;
  recipientRole: string;
  to: string;
  subject: string;
  status: MailboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
};
export type MailboxMessage = MailboxItem & {
  text: string;
  html: string;
  attachments: { id: string; filename: string; mediaType: string; sizeBytes: number }[];
};
