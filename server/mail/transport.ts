import nodemailer from 'nodemailer';
import type { Env } from '../config/env.ts';

/**
 * How a message leaves: SMTP in production (nodemailer), or the built-in demo mailbox, which
 * delivers nowhere: the "sent" messages stay readable in the outbox (GET /demo-mailbox).
 */
export type OutgoingMail = {
  from: string;
  to: { address: string; name: string | null };
  subject: string;
  text: string;
  html: string;
  /** Ours, fixed at enqueue ("<uuid@host>"); every attempt sends the same one. */
  messageId: string;
  inReplyTo?: string | null;
  /** Where replies go; a plus address carrying the case reference survives clients that drop References. */
  replyTo?: string | null;
  attachments: { filename: string; content: Buffer; contentType: string }[];
};

export interface MailTransport {
  readonly kind: 'smtp' | 'demoMailbox';
  /** Resolves once the receiving server accepted the message; rejects otherwise (see smtpFailure). */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** Resolves when the server can be reached and accepts our login (readiness check); absent: nothing to reach. */
  verify?(): Promise<void>;
}

export type SmtpConfig = NonNullable<Env['smtp']>;

/** `ownAddress` (MAIL_FROM) goes in X-Loop, so our own importer recognises and drops our mail. */
export function smtpTransport(config: SmtpConfig, ownAddress: string): MailTransport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    // Bounded waits: a hanging server must fail the attempt well within the sender's lease.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    verify: async () => {
      await transporter.verify();
    },
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo ?? undefined,
        references: mail.inReplyTo ?? undefined,
        attachments: mail.attachments,
        // RFC 3834: auto-responders must not answer us (Exchange reads X-Auto-Response-Suppress);
        // X-Loop lets our importer drop our own mail.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Loop': ownAddress },
      });
      return { messageId: mail.messageId };
    },
  };
}

/** Demo only: "delivers" by accepting; the sender then marks the message sent like any other. */
export const demoMailbox = (): MailTransport => ({ kind: 'demoMailbox', send: async (mail) => ({ messageId: mail.messageId }) });

/**
 * The transport for this installation: SMTP when configured, the demo mailbox in DEMO mode, and
 * otherwise a refusal at start-up: silently "sending" a complainant's letters nowhere is worse than
 * not starting.
 */
export function transportFromEnv(env: Pick<Env, 'smtp' | 'demo' | 'mailFrom'>): MailTransport {
  if (env.smtp) return smtpTransport(env.smtp, env.mailFrom);
  if (env.demo) return demoMailbox();
  throw new Error('Invalid configuration: SMTP_HOST is required for outgoing mail (or run with DEMO=1 to use the built-in demo mailbox)');
}

/**
 * What a failed attempt means, without personal data: the SMTP reply code and text with any mail
 * address masked (servers quote the recipient: "550 5.1.1 <jan@…>: unknown user"). Permanent only
 * when the server rejected this recipient's mailbox or domain (5.1.x, 5.2.1 on RCPT TO, RFC 3463):
 * repeating that cannot succeed. Every other 5xx (login refused, relaying denied, sender refused)
 * can be the installation's configuration and hits every message alike, so it is retried: fixing
 * the configuration then delivers the queue instead of having failed all of it.
 */
export function smtpFailure(err: unknown): { permanent: boolean; reason: string } {
  const e = (err ?? {}) as { code?: string; command?: string; responseCode?: number; response?: string; message?: string };
  const raw = String(e.response ?? e.message ?? err).replace(/\s+/g, ' ');
  const reason = [e.code, raw.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<adres>')].filter(Boolean).join(' ').slice(0, 300);
  const permanent =
    e.command === 'RCPT TO' &&
    typeof e.responseCode === 'number' &&
    e.responseCode >= 500 &&
    e.responseCode < 600 &&
    /\b5\.(1\.\d{1,3}|2\.1)\b/.test(raw);
  return { permanent, reason };
}
