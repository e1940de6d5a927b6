import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { bulkMailReason, machineSentReason } from './classify.ts';
import { HTML_NOT_CONVERTED, htmlToText, readMessage } from './content.ts';
import { contentHash, readHeaders, referencedMessageIds, structuralFault } from './rawMessage.ts';
import { corpusFiles, readCorpus } from './testSupport.ts';

/** Pure reading of one message: no database, no clock. The corpus test runs the same through SMTP and the processor. */
const crlf = (s: string) => Buffer.from(s.replace(/\r?\n/g, '\r\n'), 'latin1');

describe('a message without a body', () => {
  const head = 'From: "Priya Ramdin" <p.ramdin@example.nl>\nSubject: Klacht\nMessage-ID: <a@example.nl>\n';
  for (const [label, raw] of [
    ['headers, then nothing', crlf(head)],
    ['headers without a final line end', crlf(head.trimEnd())],
    ['headers, an empty line, nothing', crlf(`${head}\n`)],
  ] as const) {
    test(`${label}: readable, no fault, no text`, async () => {
      assert.equal(structuralFault(raw), null);
      const m = await readMessage(raw);
      assert.equal(m.fault, null);
      assert.equal(m.subject, 'Klacht');
      assert.equal(m.from.address, 'p.ramdin@example.nl');
      assert.equal(m.text, '');
    });
  }
  test('a header line that is no header field is still a fault', () => {
    assert.match(structuralFault(crlf(`${head}geen kopregel\n`)) ?? '', /header line 4 is not a header field/);
  });
});

describe('text from HTML-only mail', () => {
  test('paragraphs and line breaks kept, no tags, no script or style, entities decoded', () => {
    const text = htmlToText(
      '<html><head><title>T</title><style>p{color:red}</style><script>alert(1)</script></head><body>' +
        '<p>Geachte&nbsp;heer,</p><p>Het systeem&shy;werk <b>faalde</b> &amp; ik betaalde &euro;&#160;95 &#8220;te veel&#8221;.</p>' +
        '<p>Groet,<br>Sanne</p><ul><li>één</li><li>twee</li></ul><img src="cid:x" alt="logo"><a href="https://example.nl/x">hier</a></body></html>',
    );
    assert.equal(
      text,
      'Geachte heer,\n\nHet systeemwerk faalde & ik betaalde € 95 “te veel”.\n\nGroet,\nSanne\n\n * één\n * twee\n\nhier [https://example.nl/x]',
    );
  });
  test('multipart/alternative with only an HTML part: its text', async () => {
    const m = await readMessage(readCorpus('32-alternative-alleen-html.eml'));
    assert.equal(m.fault, null);
    assert.match(m.text, /^Geachte heer, mevrouw,\n\nOp 3 maart heb ik twee uur gewacht/);
    assert.match(m.text, /Het nummersysteem werkte niet & niemand wist/);
    assert.match(m.text, /één dag vrij genomen: € 95 aan loon\. Ik vraag u om “excuses”/);
    assert.match(m.text, /Met vriendelijke groet,\nSanne de Boer\nTelefoon/);
    assert.doesNotMatch(m.text, /[<>]|onzin|font-family|&[a-z#0-9]+;/);
  });
  test('table cells on lines of their own; of a very large message the beginning, said so', () => {
    assert.equal(
      htmlToText('<table><tr><th>Datum</th><th>Bedrag</th></tr><tr><td>3 maart</td><td>€ 45</td></tr></table>'),
      'Datum\nBedrag\n3 maart\n€ 45',
    );
    const big = htmlToText(`<p>Mijn klacht gaat over de factuur.</p><p>${'bijlage '.repeat(70_000)}</p>`);
    assert.match(big, /^Mijn klacht gaat over de factuur\.\n\nbijlage bijlage/);
    assert.match(big, /\n\n\[Alleen het begin van dit grote HTML-bericht is als tekst getoond; het volledige bericht is bewaard\.\]$/);
  });
  test('an empty text part beside the HTML does not hide the HTML', async () => {
    const raw = crlf(
      'From: a@example.nl\nSubject: x\nContent-Type: multipart/alternative; boundary=q\n\n--q\nContent-Type: text/plain\n\n \n--q\nContent-Type: text/html\n\n<p>Mijn klacht</p>\n--q--\n',
    );
    assert.equal((await readMessage(raw)).text, 'Mijn klacht');
  });
});

describe('undeclared 8-bit headers', () => {
  test('windows-1252 bytes: decoded as windows-1252, the body too where it claims ISO-8859-1', async () => {
    const m = await readMessage(readCorpus('33-8bit-kopregels-windows-1252.eml'));
    assert.equal(m.from.name, 'Zoë Müller');
    assert.equal(m.subject, 'Klacht over één factuur – “dubbel” betaald € 45');
    assert.match(m.text, /twee keer betaald \(€ 45\)/);
  });
  test('valid UTF-8 bytes: read as UTF-8', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: "'),
      Buffer.from('Zoë Müller', 'utf8'),
      Buffer.from('" <z@example.nl>\r\nSubject: '),
      Buffer.from('Klacht: één € – “x”', 'utf8'),
      Buffer.from('\r\n\r\nhoi\r\n'),
    ]);
    const m = await readMessage(raw);
    assert.deepEqual([m.from.name, m.subject], ['Zoë Müller', 'Klacht: één € – “x”']);
  });
  test('the charset the message declares is used before the fallback', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: a@example.pl\r\nSubject: Skarga: '),
      Buffer.from([0xb1, 0xea]), // ISO-8859-2 "ąę"
      Buffer.from('\r\nContent-Type: text/plain; charset=iso-8859-2\r\n\r\nhoi\r\n'),
    ]);
    assert.equal((await readMessage(raw)).subject, 'Skarga: ąę');
  });
  test('RFC 2047 encoded words still decode beside raw bytes', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: a@example.nl\r\nSubject: =?utf-8?q?caf=C3=A9?= '),
      Buffer.from([0xe9]),
      Buffer.from('\r\n\r\nx'),
    ]);
    assert.equal((await readMessage(raw)).subject, 'café é');
  });
});

/**
 * The corpus of ~900 public mails cannot be fetched here; this feeds the reader what the
 * world sends worse: random bytes, and corpus mails cut, spliced and with bytes changed. Nothing
 * may throw, and each message must be read within a bound (a hang fails the test).
 */
describe('garbled mail never throws or hangs', () => {
  const corpus = corpusFiles().map(readCorpus);
  const withinBound = <T>(p: Promise<T>, ms: number) =>
    Promise.race([
      p,
      new Promise<never>((_, reject) => {
        const timer = setTimeout(() => reject(new Error(`not read within ${ms} ms`)), ms);
        timer.unref();
      }),
    ]);
  const everything = async (raw: Buffer) => {
    const headers = readHeaders(raw);
    structuralFault(raw);
    contentHash(raw);
    referencedMessageIds(headers);
    bulkMailReason(headers);
    const m = await withinBound(readMessage(raw), 5000);
    machineSentReason({ headers, fromAddress: m.from.address, subject: m.subject, ownAddresses: ['klachten@voorbeeld.example'] });
    assert.equal(typeof m.text, 'string');
    assert.ok(m.fault !== null || m.mail !== null);
  };
  const mangled = fc
    .tuple(
      fc.constantFrom(...corpus),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
      fc.nat(),
      fc.constantFrom(...corpus),
      fc.boolean(),
    )
    .map(([base, flips, cut, other, splice]) => {
      const bytes = Buffer.from(base);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      const head = bytes.subarray(0, cut % (bytes.length + 1));
      return splice ? Buffer.concat([head, other.subarray(cut % (other.length + 1))]) : head;
    });
  const nasty = fc
    .array(
      fc.constantFrom(
        'From: a@b\r\n',
        'Content-Type: multipart/mixed; boundary=q\r\n',
        'Content-Type: text/html\r\n',
        'Content-Type: multipart/report; report-type=delivery-status; boundary=q\r\n',
        'Content-Transfer-Encoding: base64\r\n',
        'Subject: =?utf-8?B?',
        '\r\n',
        '--q\r\n',
        '--q--\r\n',
        '<div><p><b>',
        '&#x1F600;&amp',
        '\u00e9\u00ff\u0080',
        '\0',
        ' \t',
      ),
      { maxLength: 60 },
    )
    .map((parts) => Buffer.from(parts.join(''), 'latin1'));
  test('random bytes, corpus mails mangled, and MIME fragments strung together', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 4000 }).map(Buffer.from), mangled, nasty), everything), {
      numRuns: 300,
      seed: 14_05,
    });
  });
  test('deeply nested HTML and MIME are read within the bound', async () => {
    const deep = crlf(`From: a@b\nSubject: x\nContent-Type: text/html\n\n${'<div>'.repeat(20_000)}tekst${'</div>'.repeat(20_000)}\n`);
    assert.equal((await withinBound(readMessage(deep), 5000)).text, HTML_NOT_CONVERTED);
    const layout = '<table><tr><td><table><tr><td>'.repeat(100);
    assert.match(htmlToText(`${layout}Mijn klacht`), /^Mijn klacht$/, 'layout tables nest, but not that deep');
    let nested = 'tekst';
    for (let i = 0; i < 200; i++) nested = `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--\r\n`;
    await everything(Buffer.from(`From: a@b\r\nSubject: x\r\n${nested}`));
  });
});
