/**
 * Turns an HTML letter or a template into the plain text a reader will see, for checking only.
 *
 * - Merge fields ({{caseReference}}, {{{raw}}}, {{#if x}} … {{/if}}) are dropped: their value is
 *   unknown while editing, and a reference number or name says nothing about the writing. Text in
 *   both branches of an {{#if}} is kept, so such templates are measured a little pessimistically.
 * - Tags are dropped; block tags (p, br, li, h1 …) become a line break, so a paragraph, heading or
 *   list item ends its sentence, as it does on paper. Script, style and comments are dropped whole.
 * - Common entities are decoded (&nbsp; &amp; &euml; &#233; …).
 *
 * The result remembers where each character came from, so a report on the stripped text can
 * point into the original for the editor to highlight.
 *
 * This is a single left-to-right pass; every search for a closing "}}" or ">" that fails is
 * remembered, so malformed input cannot make it quadratic.
 */
export type Stripped = {
  text: string;
  /** Maps a span of `text` to the span in the original it came from. */
  toOriginal(offset: number, length: number): { offset: number; length: number };
};

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'title',
  'tr',
  'ul',
]);
const SKIP_CONTENT = new Set(['script', 'style']);

const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  euro: '€',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  shy: '',
  euml: 'ë',
  iuml: 'ï',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  Euml: 'Ë',
  Iuml: 'Ï',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  aacute: 'á',
  agrave: 'à',
  oacute: 'ó',
  uacute: 'ú',
  Eacute: 'É',
};

const TAG_START = /<\/?([a-zA-Z][\w-]*)/y;
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/y;

export function stripMarkup(source: string): Stripped {
  const out: string[] = [];
  const from: number[] = []; // original start of each output character
  const to: number[] = []; // original end of each output character
  const emit = (s: string, start: number, end: number) => {
    // Per UTF-16 unit, so indices into the joined text line up with `from` and `to`.
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]!);
      from.push(start);
      to.push(end);
    }
  };
  const missing = new Set<string>(); // closers known not to occur after the current position
  const find = (needle: string, at: number): number => {
    if (missing.has(needle)) return -1;
    const re = new RegExp(needle.replace(/[^\w]/g, '\\$&'), 'gi');
    re.lastIndex = at;
    const found = re.exec(source)?.index ?? -1;
    if (found < 0) missing.add(needle);
    return found;
  };

  let i = 0;
  while (i < source.length) {
    if (source.startsWith('{{', i)) {
      const close = find('}}', i + 2);
      if (close >= 0) {
        i = source[close + 2] === '}' ? close + 3 : close + 2;
        continue;
      }
    } else if (source.startsWith('<!--', i)) {
      const close = find('-->', i + 4);
      i = close >= 0 ? close + 3 : source.length;
      continue;
    } else if (source[i] === '<') {
      TAG_START.lastIndex = i;
      const tag = TAG_START.exec(source);
      const gt = tag || source[i + 1] === '!' ? find('>', i) : -1;
      if (gt >= 0) {
        const name = tag?.[1]?.toLowerCase() ?? '';
        let next = gt + 1;
        if (SKIP_CONTENT.has(name) && !tag![0].startsWith('</')) {
          const end = find(`</${name}`, next);
          next = end < 0 ? source.length : find('>', end) + 1 || source.length;
        }
        if (BLOCK_TAGS.has(name)) emit('\n', i, next);
        i = next;
        continue;
      }
    } else if (source[i] === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(source);
      const decoded = m ? decodeEntity(m[1]!) : undefined;
      if (m && decoded !== undefined) {
        emit(decoded, i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    emit(source[i]!, i, i + 1);
    i++;
  }

  const text = out.join('');
  return {
    text,
    toOriginal(offset, length) {
      const start = from[offset] ?? source.length;
      const end = length > 0 ? (to[offset + length - 1] ?? source.length) : start;
      return { offset: start, length: end - start };
    },
  };
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return Object.hasOwn(NAMED, body) ? NAMED[body] : undefined;
}
