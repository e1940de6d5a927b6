import nodemailer from 'nodemailer';

/**
 * How a message leaves: SMTP in production (nodemailer), or the built-in demo mailbox, which
 * delivers nowhere: the sent messages stay readable in the outbox (the demo mailbox page).
 */
export type OutgoingMail = {
  from: string;
  to: { address: string; name: string | null };
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
};

export interface MailTransport {
  readonly kind: 'smtp' | 'demoMailbox';
  send(mail: OutgoingMail): Promise<void>;
}

export function smtpTransport(config: { host: string; port: number; secure: boolean; user?: string; password?: string }, ownAddress: string): MailTransport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        attachments: mail.attachments,
        // RFC 3834: auto-responders must not answer us; X-Loop lets our importer drop our own mail.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Loop': ownAddress },
      });
    },
  };
}

export const demoMailbox = (): MailTransport => ({ kind: 'demoMailbox', send: async () => {} });
