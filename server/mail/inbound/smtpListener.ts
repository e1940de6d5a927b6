import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Services } from '../../commands/context.ts';
import { storeRawMessage } from './store.ts';

/**
 * Receives mail by SMTP: meant to sit behind the organisation's mail server (Postfix/Exchange relay
 * the complaints address to it), or to be the MX itself for a dedicated domain. It only ever
 * receives; it relays nothing, so there is no AUTH (no credentials to leak) and no STARTTLS unless a
 * front MTA does it. Bind it to loopback (the default) unless a relay on another host delivers to it;
 * then restrict `domains` so mail for other domains is refused at RCPT TO.
 *
 * A message is answered 250 only after storeRawMessage committed its bytes and row. If storing
 * fails the answer is 451, so the sending server keeps it and retries: nothing is lost in between.
 */
export type InboundSmtpConfig = {
  host: string;
  port: number;
  /** Recipient domains we accept mail for; empty accepts any recipient. */
  domains: string[];
  /** Largest message accepted (announced as SIZE; larger ones are refused with 552). */
  maxBytes: number;
};

export type SmtpListener = { port: number; close(): Promise<void> };
type Log = { info?: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** Trace headers an MTA adds on final delivery; they keep the envelope (an empty sender marks a bounce). */
function traceHeaders(session: SMTPServerSession, now: Date): string {
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address.replace(/[\r\n<>]/g, '') : '';
  const helo = (session.hostNameAppearsAs || 'unknown').replace(/[^\w.\-[\]:]/g, '');
  // Delivered-To keeps the envelope recipient, e.g. a plus address with a case reference in Bcc.
  const delivered = session.envelope.rcptTo.map((r) => `Delivered-To: ${r.address.replace(/[\r\n]/g, '')}\r\n`).join('');
  return `Return-Path: <${from}>\r\n${delivered}Received: from ${helo} ([${session.remoteAddress}]) by ${os.hostname()} (Klachtflow) with SMTP id ${session.id}; ${now.toUTCString()}\r\n`;
}

export async function startSmtpListener(
  services: Services,
  config: InboundSmtpConfig,
  log: Log = { error: () => undefined },
): Promise<SmtpListener> {
  const domains = config.domains.map((d) => d.toLowerCase());
  const server = new SMTPServer({
    name: os.hostname(),
    banner: 'Klachtflow',
    size: config.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    closeTimeout: 5_000,
    onRcptTo(address, _session, callback) {
      const domain = address.address.split('@').pop()?.toLowerCase() ?? '';
      if (domains.length && !domains.includes(domain)) return callback(smtpError(550, 'Onbekende ontvanger / unknown recipient'));
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        // Past the limit the rest is drained, not held: the answer is 552 anyway.
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('error', (err) => callback(smtpError(451, `Tijdelijke fout: ${err.message}`)));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, `Bericht groter dan ${config.maxBytes} bytes`));
        const raw = Buffer.concat([Buffer.from(traceHeaders(session, services.clock.now()), 'latin1'), ...chunks]);
        storeRawMessage(services, raw, 'smtp').then(
          (id) => callback(null, `Opgeslagen ${id}`),
          (err: Error) => {
            log.error({ err }, 'inbound mail could not be stored; answered 451 so the sender retries');
            callback(smtpError(451, 'Tijdelijke fout, probeer het later opnieuw'));
          },
        );
      });
    },
  });
  server.on('error', (err) => log.error({ err }, 'inbound SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(config.port, config.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info?.({ host: config.host, port }, 'inbound SMTP listener started');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
