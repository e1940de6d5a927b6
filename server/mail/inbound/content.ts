import { createRequire } from 'node:module';
import type { ParsedMail } from 'mailparser';
import { structuralFault } from './rawMessage.ts';

/**
 * One message read for its content: sender, subject and text as a person should see them, plus the
 * structural fault that sends it to quarantine (processor.ts decides what wins). Pure: no database,
 * no clock. Never throws for the bytes it is given.
 *
 * Two repairs on top of the MIME parser (mailparser), each for mail the world really sends:
 * - header fields with raw 8-bit bytes and no RFC 2047 encoding are read as UTF-8 when they are
 *   valid UTF-8, else in the charset the message declares, else as windows-1252;
 * - a message whose only text is HTML (a multipart/alternative without its text/plain part, or one
 *   whose text part is empty) gets readable text from that HTML.
 */
export type ReadMail = {
  mail: ParsedMail | null;
  fault: string | null;
  from: { address: string | null; name: string | null };
  subject: string;
  text: string;
};

/** PostgreSQL text cannot hold NUL, and a decoded header or body may contain one. */
export const noNul = (s: string) => s.replace(/\u0000/g, '');

/**
 * C1 control characters (U+0080–U+009F) never stand in a written text: they come from windows-1252
 * bytes (€ “ ” – …) decoded as ISO-8859-1, as mail programs that declare ISO-8859-1 write them.
 * Browsers read that label as windows-1252 for the same reason (WHATWG Encoding).
 */
let c1Table: string[] | null = null;
export function repairC1(s: string): string {
  if (!/[\u0080-\u009f]/.test(s)) return s;
  c1Table ??= cp1252High();
  return s.replace(/[\u0080-\u009f]/g, (c) => c1Table![c.charCodeAt(0) - 0x80]!);
}
function cp1252High(): string[] {
  // iconv-lite maps the five bytes windows-1252 leaves undefined to U+FFFD; keep those as they were.
  const decoded = decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), 'windows-1252');
  return [...decoded].map((c, i) => (c === '\ufffd' ? String.fromCharCode(0x80 + i) : c));
}

const load = <T>(name: string) => createRequire(import.meta.url)(name) as T;
// iconv-lite is loaded with mailparser (libmime decodes with it), so this costs nothing extra.
let iconv: typeof import('iconv-lite') | null = null;
function decode(bytes: Buffer, charset: string): string {
  iconv ??= load<typeof import('iconv-lite')>('iconv-lite');
  return iconv.decode(bytes, charset);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const isUtf8 = (bytes: Buffer) => {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The charset a header with raw 8-bit bytes is read in when they are not UTF-8. */
function headerFallbackCharset(headerBlock: string): string {
  const declared = /^content-type[ \t]*:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*?charset\s*=\s*"?([A-Za-z0-9_.:-]+)/im.exec(headerBlock)?.[1];
  const charset = declared?.toLowerCase();
  // ISO-8859-1 and ASCII labels are windows-1252 in practice; UTF-8 was already tried.
  if (!charset || /^(us-)?ascii$|^iso[-_]?8859[-_]1$|^latin-?1$|^utf-?8$/.test(charset)) return 'windows-1252';
  if (!iconvKnows(charset)) return 'windows-1252';
  return charset;
}
function iconvKnows(charset: string) {
  iconv ??= load<typeof import('iconv-lite')>('iconv-lite');
  return iconv.encodingExists(charset);
}

/**
 * The top-level header block with every line that holds raw bytes > 0x7F, that are not valid
 * UTF-8, rewritten as UTF-8 (what the MIME parser assumes for raw header bytes, RFC 6532). The
 * body and the stored raw message are untouched.
 */
export function utf8Headers(raw: Buffer): Buffer {
  const separator = /\r?\n\r?\n/.exec(raw.toString('latin1'));
  const end = separator ? separator.index : raw.length;
  let has8bit = false;
  for (let i = 0; i < end; i++) {
    if (raw[i]! > 0x7f) {
      has8bit = true;
      break;
    }
  }
  if (!has8bit) return raw;
  const head = raw.subarray(0, end);
  let charset: string | null = null;
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= head.length; i++) {
    if (i < head.length && head[i] !== 0x0a) continue;
    const line = head.subarray(start, i);
    if (line.some((b) => b > 0x7f) && !isUtf8(line)) {
      charset ??= headerFallbackCharset(head.toString('latin1'));
      lines.push(Buffer.from(repairC1(decode(line, charset)), 'utf8'));
    } else {
      lines.push(line);
    }
    start = i + 1;
  }
  const joined: Buffer[] = [];
  for (const [i, line] of lines.entries()) joined.push(i ? Buffer.from('\n') : Buffer.alloc(0), line);
  return Buffer.concat([...joined, raw.subarray(end)]);
}

/**
 * Bounds on converting HTML, each found the hard way: html-to-text's recursive walk overflows the
 * call stack past about 2000 levels and building the tree is quadratic in the nesting depth (100,000
 * nested <div> took 25 s before it failed), and a megabyte of small elements takes seconds. Beyond
 * MAX_HTML only the beginning is converted (where a person's words are); beyond MAX_NESTING the text
 * says the raw message is kept, instead of holding up the mail behind it.
 */
export const MAX_HTML = 500_000;
const MAX_NESTING = 1000;
export const HTML_NOT_CONVERTED = '(De tekst van dit HTML-bericht is te diep genest om te tonen; het volledige bericht is bewaard.)';
const HTML_CUT = '[Alleen het begin van dit grote HTML-bericht is als tekst getoond; het volledige bericht is bewaard.]';

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Closed by the parser when a sibling opens (p after p, td after td): a run of them does not nest. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);
const TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9:_-]*)/y;

/** Whether the HTML parser would nest elements deeper than `max`: one linear pass over the tags. */
export function nestsDeeperThan(html: string, max: number): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let i = html.indexOf('<');
  while (i >= 0) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = html.indexOf('<', end + 3);
      continue;
    }
    TAG_NAME.lastIndex = i;
    const m = TAG_NAME.exec(html);
    if (!m) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const end = html.indexOf('>', TAG_NAME.lastIndex);
    if (end < 0) return false;
    const name = m[2]!.toLowerCase();
    if (!VOID_ELEMENTS.has(name) && !IMPLIED_END.has(name)) {
      if (!m[1]) {
        stack.push(name);
        open.set(name, (open.get(name) ?? 0) + 1);
        if (stack.length > max) return true;
      } else if (open.get(name)) {
        for (let popped = stack.pop(); popped !== undefined; popped = stack.pop()) {
          open.set(popped, open.get(popped)! - 1);
          if (popped === name) break;
        }
      }
    }
    i = html.indexOf('<', end + 1);
  }
  return false;
}

let converter: ((html: string) => string) | null = null;
/** HTML as readable text: paragraphs and line breaks kept, no markup, no script or style, entities decoded. */
export function htmlToText(html: string): string {
  const cut = html.length > MAX_HTML;
  const input = cut ? html.slice(0, MAX_HTML) : html;
  if (nestsDeeperThan(input, MAX_NESTING)) return HTML_NOT_CONVERTED;
  if (!converter) {
    // Loaded on first use, like mailparser (which brings this very package).
    const { compile } = load<typeof import('html-to-text')>('html-to-text');
    converter = compile({
      wordwrap: false,
      limits: { maxInputLength: MAX_HTML + 1, maxDepth: MAX_NESTING },
      selectors: [
        { selector: 'script', format: 'skip' },
        { selector: 'style', format: 'skip' },
        { selector: 'head', format: 'skip' },
        { selector: 'img', format: 'skip' },
        { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
        ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
        // Mail uses tables for layout far more than for data: each cell on its own line stays readable.
        { selector: 'table', format: 'block' },
        ...['tr', 'td', 'th'].map((selector) => ({ selector, format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } })),
      ],
    });
  }
  // Soft hyphens are invisible and break searching; a no-break space is a space to the reader.
  const text = converter(input)
    .replace(/\u00ad/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cut ? `${text}\n\n${HTML_CUT}` : text;
}

/** The text a person wrote: the text part, or the HTML's text when there is no (non-empty) text part. */
function textOf(mail: ParsedMail): string {
  const text = mail.text ?? '';
  if (text.trim() || typeof mail.html !== 'string' || !mail.html.trim()) return text;
  try {
    return htmlToText(mail.html);
  } catch {
    return HTML_NOT_CONVERTED;
  }
}

export async function readMessage(raw: Buffer): Promise<ReadMail> {
  let mail: ParsedMail | null = null;
  let fault: string | null = null;
  try {
    // Loaded on first use: mailparser takes a third of a second to load, and most processes never parse mail.
    const { simpleParser } = await import('mailparser');
    mail = await simpleParser(utf8Headers(raw), {
      skipImageLinks: true,
      skipTextLinks: true,
      skipTextToHtml: true,
      maxHtmlLengthToParse: MAX_HTML,
    });
  } catch (err) {
    fault = `unparseable: ${(err as Error).message}`.slice(0, 300);
  }
  if (!fault) {
    const structural = structuralFault(raw);
    if (structural) fault = `malformed: ${structural}`;
  }
  const fromValue = mail?.from?.value[0];
  const address =
    noNul(fromValue?.address ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 320) || null;
  return {
    mail,
    fault,
    from: { address, name: repairC1(noNul(fromValue?.name ?? '')).trim() || null },
    subject: repairC1(noNul(mail?.subject ?? '')).slice(0, 1000),
    text: mail ? repairC1(noNul(textOf(mail))) : '',
  };
}
