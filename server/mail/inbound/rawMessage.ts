import { createHash } from 'node:crypto';

/**
 * Reading a raw message's header block without a MIME parser: the store step needs the Message-ID
 * and a content hash even for a message that no parser accepts, and the structure check decides
 * what the lenient parser would silently paper over (it returns an empty body for a multipart
 * whose boundary never occurs, and skips header lines that are binary garbage).
 * Bytes are read as latin1, which maps every byte to one char and never throws.
 */
export type RawHeaders = Map<string, string[]>;

function splitMessage(raw: Buffer): { headerLines: string[]; body: string } {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  // A message of headers only (RFC 5322 allows no body) ends with the last field's line end.
  const head = m ? text.slice(0, m.index) : text.replace(/\r?\n$/, '');
  const body = m ? text.slice(m.index + m[0].length) : '';
  return { headerLines: head.length ? head.split(/\r?\n/) : [], body };
}

/** Header fields, unfolded, keyed by lower-case name; lines that are not fields are skipped here. */
export function readHeaders(raw: Buffer): RawHeaders {
  const headers: RawHeaders = new Map();
  let current: { name: string; value: string } | null = null;
  const flush = () => {
    if (!current) return;
    const list = headers.get(current.name) ?? [];
    list.push(current.value.trim());
    headers.set(current.name, list);
    current = null;
  };
  for (const line of splitMessage(raw).headerLines) {
    if (/^[ \t]/.test(line) && current) {
      current.value += ' ' + line.trim();
      continue;
    }
    flush();
    const m = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)$/.exec(line);
    if (m) current = { name: m[1]!.toLowerCase(), value: m[2]! };
  }
  flush();
  return headers;
}

export const firstHeader = (headers: RawHeaders, name: string) => headers.get(name)?.[0];

/** `<abc@host>` → `abc@host`; what both sides of a Message-ID comparison are reduced to. */
export function normaliseMessageId(value: string | undefined | null): string | null {
  if (!value) return null;
  const m = /<([^<>\s]+)>/.exec(value);
  const id = (m ? m[1]! : (value.trim().split(/\s+/)[0] ?? '')).trim();
  return id.length > 0 && id.length <= 500 ? id : null;
}

/** Every Message-ID named in In-Reply-To and References, most recent first, at most 30. */
export function referencedMessageIds(headers: RawHeaders): string[] {
  const idsIn = (values: string[] | undefined) => {
    const text = (values ?? []).join(' ');
    const ids = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
    return ids.length ? ids : text.split(/\s+/).filter((t) => t.includes('@'));
  };
  // References lists the thread oldest first; the newest entries are the likeliest to be ours.
  const ids = [...idsIn(headers.get('in-reply-to')), ...idsIn(headers.get('references')).reverse()];
  return [...new Set(ids)].slice(0, 30);
}

/** Added on the way in (by every relay, by our listener, by the mailbox): not part of the content. */
const TRACE =
  /^(received|x-received|return-path|delivered-to|x-delivered-to|x-original-to|authentication-results|arc-[a-z-]+|received-spf|x-spam-[a-z-]+|x-virus-[a-z-]+)[ \t]*:/i;

/** SHA-256 over the message without trace headers and with line endings normalised. */
export function contentHash(raw: Buffer): string {
  const { headerLines, body } = splitMessage(raw);
  const kept: string[] = [];
  let skipping = false;
  for (const line of headerLines) {
    if (/^[ \t]/.test(line)) {
      if (!skipping) kept.push(line);
      continue;
    }
    skipping = TRACE.test(line);
    if (!skipping) kept.push(line);
  }
  const normalised = `${kept.join('\n')}\n\n${body.replace(/\r\n/g, '\n').replace(/\s+$/, '')}`;
  return createHash('sha256').update(Buffer.from(normalised, 'latin1')).digest('hex');
}

/**
 * Why this message cannot be read reliably, or null when it can. Only faults that lose content
 * count: a missing closing boundary is tolerated (the parser reads up to the end), a missing
 * boundary is not (nothing of the body would be shown).
 */
export function structuralFault(raw: Buffer): string | null {
  if (raw.length === 0) return 'empty message';
  const { headerLines, body } = splitMessage(raw);
  if (!headerLines.length) return 'no header block';
  for (const [i, line] of headerLines.entries()) {
    if (line.includes('\0')) return `NUL byte in header line ${i + 1}`;
    if (/^[ \t]/.test(line)) {
      if (i === 0) return 'header block starts with a continuation line';
      continue;
    }
    if (!/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(line)) return `header line ${i + 1} is not a header field`;
  }
  const headers = readHeaders(raw);
  const contentType = firstHeader(headers, 'content-type') ?? '';
  if (/^\s*multipart\//i.test(contentType)) {
    const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const value = boundary?.[1] ?? boundary?.[2];
    if (!value) return 'multipart without boundary';
    const delimiter = new RegExp(`(^|\\r?\\n)--${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*(--)?[ \\t]*(\\r?\\n|$)`);
    if (!delimiter.test(body)) return `MIME boundary "${value}" does not occur in the body`;
  }
  return null;
}
