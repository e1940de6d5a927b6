import { firstHeader, type RawHeaders } from './rawMessage.ts';

/**
 * Pure decisions about one message: is it machine-sent (an auto-reply, delivery or abuse report, a
 * loop: it must never change a case or be answered), is it bulk or list mail (kept, marked, never
 * answered), which case references its subject names, and what subject a person should see. Each
 * rule answers one failure other helpdesks are known for (anchors c.2, e.1; issue 14 point 5).
 */

/**
 * Subjects automatic replies start with: Outlook and Exchange write "<label>: <original subject>" in
 * the mailbox owner's language (French with a space before the colon), Gmail and others their own.
 * Words a person might also start a subject with ("Afwezig", "Abwesenheit") count only with a colon.
 */
const AUTO_REPLY_SUBJECTS = [
  // Dutch
  /^afwezigheidsbericht\b/iu,
  /^afwezigheidsmelding\b/iu,
  /^automatisch antwoord\b/iu,
  /^automatisch beantwoord\b/iu,
  /^automatische reactie\b/iu,
  /^(afwezig|afwezigheid|niet aanwezig|niet op kantoor)\s*:/iu,
  // English
  /^out of (the )?office\b/iu,
  /^automatic reply\b/iu,
  /^auto[- ]?reply\b/iu,
  /^autoreply\b/iu,
  /^auto[- ]?response\b/iu,
  /^away from (the )?office\s*:/iu,
  // German
  /^automatische antwort\b/iu,
  /^automatische rückantwort\b/iu,
  /^abwesenheitsnotiz\b/iu,
  /^(abwesend|abwesenheit|nicht im büro)\s*:/iu,
  // French
  /^r[ée]ponse automatique\b/iu,
  /^(absence du bureau|absente? du bureau|message d'absence)\s*:/iu,
  // Polish
  /^odpowied[źz] automatyczna\b/iu,
  /^automatyczna odpowied[źz](?!\p{L})/iu,
  /^(poza biurem|nieobecno[śs][ćc])\s*:/iu,
  // Turkish (the dotless ı and dotted İ do not case-fold to i)
  /^otomat[iıİ]k (yan[ıiİ]t|cevap)\b/iu,
  /^of[iİı]s d[ıiİ]ş[ıiİ]nda\s*:/iu,
  // Arabic
  /^(ال)?رد (ال)?تلقائي/u,
  /^خارج المكتب\s*:/u,
  // Spanish, Italian, Portuguese
  /^respuesta autom[áa]tica\b/iu,
  /^risposta automatica\b/iu,
  /^resposta autom[áa]tica\b/iu,
];

/** Subjects non-delivery reports start with (Exchange in several languages, Postfix, Exim, qmail, sendmail, Notes). */
const BOUNCE_SUBJECTS = [
  /^undeliverable\b/iu,
  /^undelivered mail returned to sender\b/iu,
  /^delivery[- ]status\b/iu,
  /^(message )?delivery (failure|has failed|notification\s*:)/iu,
  /^mail delivery (failed|failure|system|subsystem)\b/iu,
  /^returned mail\s*:/iu,
  /^failure notice\b/iu,
  /^non[- ]?delivery (report|notification)\b/iu,
  /^warning: could not send message\b/iu,
  /^(onbestelbaar|niet bezorgd)\s*:/iu,
  /^(unzustellbar|nicht zustellbar)\b/iu,
  /^non remis\b/iu,
  /^non distribuable\s*:/iu,
  /^niedostarczalne\b/iu,
  /^teslim edilemedi\b/iu,
  /^غير قابل للتسليم/u,
  /^no se puede entregar\s*:/iu,
];

/** Left of the @ in the addresses delivery reports come from. */
const BOUNCE_SENDERS = /^(mailer[-_]?daemon|mail[-_]daemon|post[-_]?master)$/;
/** Amazon SES and SNS send bounce and complaint notices from their own domains, never a person's mail. */
const AMAZON_NOTICES = /@(?:[a-z0-9-]+\.)*(amazonses\.com|sns\.amazonaws\.com)$/;

/** Zero-width and direction marks an Arabic or Hebrew subject may start with; gateway tags. */
const LEADING_MARKS = /^[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/;

const AUTO_REPLY_PRECEDENCE = new Set(['auto_reply', 'auto-reply']);
const BULK_PRECEDENCE = new Set(['bulk', 'list', 'junk']);

/**
 * Why this message was sent by a machine and must never change a case or be answered, or null.
 * Reads only the header block (and the parsed sender and subject when there are any), so it also
 * decides mail the structure check would quarantine: delivery reports are often malformed.
 */
export function machineSentReason(input: {
  headers: RawHeaders;
  fromAddress: string | null;
  subject: string;
  ownAddresses: readonly string[];
}): string | null {
  const h = (name: string) => firstHeader(input.headers, name)?.trim();
  const own = input.ownAddresses.map((a) => a.toLowerCase());

  // Reports first: they usually carry Auto-Submitted too, and 'bounce' is the more useful reason.
  const contentType = (h('content-type') ?? '').toLowerCase();
  if (/^multipart\/report\b/.test(contentType)) {
    if (/report-type\s*=\s*"?delivery-status/.test(contentType)) return 'bounce: delivery status report';
    if (/report-type\s*=\s*"?feedback-report/.test(contentType)) return 'report: abuse report (ARF)';
    if (/report-type\s*=\s*"?disposition-notification/.test(contentType)) return 'receipt: disposition notification';
    return 'bounce: report';
  }
  const from = input.fromAddress?.toLowerCase() ?? '';
  const local = from.split('@')[0] ?? '';
  if (BOUNCE_SENDERS.test(local)) return `bounce: sender ${local}`;
  if (AMAZON_NOTICES.test(from)) return 'report: Amazon SES/SNS notice';
  // RFC 5321/3834: notifications go out with an empty envelope sender, which the receiver records here.
  if ((input.headers.get('return-path') ?? []).some((v) => /^<\s*>$/.test(v.trim()))) return 'bounce: empty return path';
  if (h('x-failed-recipients')) return 'bounce: X-Failed-Recipients';
  const autoSubmitted = h('auto-submitted')?.split(';')[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `auto-reply: Auto-Submitted: ${autoSubmitted}`;
  const precedence = (h('precedence') ?? h('x-precedence'))?.toLowerCase();
  if (precedence && AUTO_REPLY_PRECEDENCE.has(precedence)) return `auto-reply: Precedence: ${precedence}`;
  // Exchange puts this on its own out-of-office replies and receipts ("All", "OOF, AutoReply").
  const suppress = h('x-auto-response-suppress');
  if (suppress && /\b(all|oof|autoreply)\b/i.test(suppress)) return `auto-reply: X-Auto-Response-Suppress: ${suppress}`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-autogenerated']) {
    const v = h(name);
    if (v !== undefined && v.toLowerCase() !== 'no') return `auto-reply: ${name}`;
  }
  for (const loop of input.headers.get('x-loop') ?? []) {
    if (own.some((a) => loop.toLowerCase().includes(a))) return 'loop: X-Loop names our address';
  }
  if (from && own.includes(from)) return 'loop: sent from our own address';
  let subject = input.subject.replace(LEADING_MARKS, '');
  for (let next = subject.replace(GATEWAY_TAG, ''); next !== subject; next = subject.replace(GATEWAY_TAG, '')) subject = next;
  subject = subject.replace(LEADING_MARKS, '');
  const quoted = `"${input.subject.trim().slice(0, 80)}"`;
  if (BOUNCE_SUBJECTS.some((re) => re.test(subject))) return `bounce: subject ${quoted}`;
  if (AUTO_REPLY_SUBJECTS.some((re) => re.test(subject))) return `auto-reply: subject ${quoted}`;
  return null;
}

/**
 * Why this is bulk or list mail (a newsletter, a mailing list), or null. Such mail is kept as an
 * activity, marked, but never linked to a case or answered automatically (RFC 3834 §2).
 */
export function bulkMailReason(headers: RawHeaders): string | null {
  const h = (name: string) => firstHeader(headers, name)?.trim();
  const precedence = (h('precedence') ?? h('x-precedence'))?.toLowerCase();
  if (precedence && BULK_PRECEDENCE.has(precedence)) return `bulk: Precedence: ${precedence}`;
  if (h('list-id')) return 'bulk: List-Id';
  if (h('list-unsubscribe')) return 'bulk: List-Unsubscribe';
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
