import { firstHeader, type RawHeaders } from './rawMessage.ts';

/**
 * Pure decisions about one message: is it machine-sent (an auto-reply, bounce or bulk mail that must
 * never change a case or be answered), which case references its subject names, and what subject a
 * person should see. Each rule answers one failure other helpdesks are known for (anchors c.2, e.1).
 */

/** Subjects automatic replies and non-delivery reports start with (Dutch and English Outlook, Gmail, Exchange). */
const MACHINE_SUBJECTS = [
  /^afwezigheidsbericht\b/i,
  /^automatisch antwoord\b/i,
  /^automatisch beantwoord\b/i,
  /^automatische reactie\b/i,
  /^afwezig\s*:/i,
  /^niet aanwezig\s*:/i,
  /^out of (the )?office\b/i,
  /^automatic reply\b/i,
  /^auto[- ]?reply\b/i,
  /^autoreply\b/i,
  /^onbestelbaar\s*:/i,
  /^niet bezorgd\s*:/i,
  /^undeliverable\s*:/i,
  /^undelivered mail returned to sender\b/i,
  /^delivery status notification\b/i,
  /^mail delivery (failed|system)\b/i,
  /^returned mail\s*:/i,
];

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);

/** Why this message was sent by a machine, or null when a person may have written it. */
export function machineSentReason(input: {
  headers: RawHeaders;
  fromAddress: string | null;
  subject: string;
  ownAddresses: readonly string[];
}): string | null {
  const h = (name: string) => firstHeader(input.headers, name)?.trim();
  const own = input.ownAddresses.map((a) => a.toLowerCase());

  // Bounces first: they usually carry Auto-Submitted too, and 'bounce' is the more useful reason.
  const contentType = (h('content-type') ?? '').toLowerCase();
  if (/^multipart\/report\b/.test(contentType)) {
    if (/report-type\s*=\s*"?delivery-status/.test(contentType)) return 'bounce: delivery status report';
    if (/report-type\s*=\s*"?disposition-notification/.test(contentType)) return 'receipt: disposition notification';
    return 'bounce: report';
  }
  const from = input.fromAddress?.toLowerCase() ?? '';
  const local = from.split('@')[0] ?? '';
  if (local === 'mailer-daemon' || local === 'postmaster') return `bounce: sender ${local}`;
  // RFC 5321/3834: notifications go out with an empty envelope sender, which the receiver records here.
  if ((input.headers.get('return-path') ?? []).some((v) => /^<\s*>$/.test(v.trim()))) return 'bounce: empty return path';
  const autoSubmitted = h('auto-submitted')?.split(';')[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `auto-reply: Auto-Submitted: ${autoSubmitted}`;
  const precedence = (h('precedence') ?? h('x-precedence'))?.toLowerCase();
  if (precedence && BULK_PRECEDENCE.has(precedence)) return `bulk: Precedence: ${precedence}`;
  // Exchange puts this on its own out-of-office replies and receipts ("All", "OOF, AutoReply").
  const suppress = h('x-auto-response-suppress');
  if (suppress && /\b(all|oof|autoreply)\b/i.test(suppress)) return `auto-reply: X-Auto-Response-Suppress: ${suppress}`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder']) {
    const v = h(name);
    if (v !== undefined && v.toLowerCase() !== 'no') return `auto-reply: ${name}`;
  }
  for (const loop of input.headers.get('x-loop') ?? []) {
    if (own.some((a) => loop.toLowerCase().includes(a))) return 'loop: X-Loop names our address';
  }
  if (h('list-id')) return 'bulk: List-Id';
  if (from && own.includes(from)) return 'loop: sent from our own address';
  const subject = input.subject.trim();
  const match = MACHINE_SUBJECTS.find((re) => re.test(subject));
  if (match) return `auto-reply: subject "${subject.slice(0, 80)}"`;
  return null;
}

/** Reply and forward prefixes in the languages our correspondents' mail programs use. */
const PREFIX = /^\s*(?:re|aw|wg|antw|antwoord|fw|fwd|doorst|doorgestuurd|betreft|betr)\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s*:\s*/i;
/** Tags gateways put in front of external mail before it reaches our mailbox. */
const GATEWAY_TAG = /^\s*\[(?:extern|external|externe e-?mail)\]\s*/i;

/** "Antw: RE: Re[2]: [KL-2026-000123] Uw klacht" → "[KL-2026-000123] Uw klacht". */
export function displaySubject(subject: string | undefined | null): string {
  let s = (subject ?? '').replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = s.replace(GATEWAY_TAG, '').replace(PREFIX, '');
    if (next === s) break;
    s = next;
  }
  return s.trim() || '(geen onderwerp)';
}

/** The case references a subject names, in order of appearance, e.g. KL-2026-000123 or [KL-2026-000123]. */
export function caseReferencesIn(subject: string | undefined | null, prefix: string): string[] {
  if (!subject) return [];
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![A-Za-z0-9])${escaped}-(\\d{4})-(\\d{6,})(?![A-Za-z0-9])`, 'gi');
  const refs = [...subject.matchAll(re)].map((m) => `${prefix}-${m[1]}-${m[2]}`);
  return [...new Set(refs)];
}
