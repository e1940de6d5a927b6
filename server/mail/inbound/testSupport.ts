import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { registerCase } from '../../commands/caseRegistrar.ts';
import type { Services, StaffActor } from '../../commands/context.ts';
import { asActor, buildStaff } from '../../test/harness.ts';

/** Shared by the inbound-mail tests: the corpus on disk, a case to reply to, and a real SMTP client. */
const corpusDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');
export const corpusFiles = () =>
  fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
export const readCorpus = (name: string) => fs.readFileSync(path.join(corpusDir, name));

/** Our Message-IDs as the outbox would have sent them: one stored with angle brackets, one without. */
export const OUR_REQUEST_ID = '<kf.0001.verzoek@klachtflow.test>';
export const OUR_HEARING_ID = 'kf.0002.hoorgesprek@klachtflow.test';

export type Fixture = { agent: StaffActor; caseId: string; reference: string };

/** KL-2026-000001 for Jan de Vries, represented by Mariam Bakker; two mails we sent on it. */
export async function threadingFixture(services: Services): Promise<Fixture> {
  const agent = await buildStaff(services, { roles: ['firstLineAgent', 'coordinator'], teams: ['kcc'] });
  const c = await asActor(services, agent, (ctx) =>
    registerCase(ctx, {
      subject: 'Trage afhandeling aanvraag',
      description: 'Telefonisch gemeld',
      channel: 'phone',
      complainant: { kind: 'person', name: 'Jan de Vries', email: 'J.deVries@example.nl' },
      representative: { person: { kind: 'person', name: 'Mariam Bakker', email: 'm.bakker@example.nl' }, relation: 'mantelzorger' },
      data: {},
    }),
  );
  const now = services.clock.now();
  for (const [i, messageId] of [OUR_REQUEST_ID, OUR_HEARING_ID].entries()) {
    await services.db
      .insertInto('outbox_message')
      .values({
        idempotency_key: `test-${i}-${c.id}`,
        case_id: c.id,
        template_key: 'test',
        recipient_role: 'complainant',
        to_address: 'j.devries@example.nl',
        subject: `[${c.reference}] test`,
        body_text: 'test',
        body_html: '<p>test</p>',
        message_id: messageId,
        next_attempt_at: now,
        created_at: now,
      })
      .execute();
  }
  return { agent, caseId: c.id, reference: c.reference };
}

/** Sends raw bytes over real SMTP (line ends made CRLF, as on the wire); returns the stored row id. */
export async function sendRaw(
  port: number,
  raw: Buffer,
  envelope: { from: string; to: string[] } = { from: 'afzender@example.nl', to: ['klachten@voorbeeld.example'] },
) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const wire = Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
    const info = await transport.sendMail({ envelope, raw: wire });
    const id = /Opgeslagen ([0-9a-f-]{36})/.exec(info.response)?.[1];
    if (!id) throw new Error(`unexpected SMTP answer: ${info.response}`);
    return id;
  } finally {
    transport.close();
  }
}

/** The corpus loop message with its Message-ID made unique, as a looping auto-responder sends it. */
export const loopCopy = (n: number) =>
  Buffer.from(readCorpus('14-mail-lus.eml').toString('utf8').replace('<lus-1@helpdesk.example>', `<lus-${n}@helpdesk.example>`));
