import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripMarkup } from './stripMarkup.ts';

describe('stripMarkup', () => {
  it('drops merge fields, tags, comments, scripts and styles', () => {
    const s = stripMarkup(
      '<p>Beste {{naam}},</p><!-- nb --><style>p{color:red}</style><p>Uw klacht {{{ref}}} is <b>binnen</b>.</p><script>x()</script>',
    );
    assert.equal(s.text, '\nBeste ,\n\nUw klacht  is binnen.\n');
  });

  it('turns block tags into line breaks and keeps inline tags out of the way', () => {
    assert.equal(stripMarkup('een<br/>twee<li>drie</li>vi<i>er</i>').text, 'een\ntwee\ndrie\nvier');
  });

  it('decodes entities', () => {
    assert.equal(stripMarkup('idee&euml;n&nbsp;&amp; caf&#233; &#x20AC;5 &bogus;').text, 'ideeën & café €5 &bogus;');
  });

  it('maps spans back to the original', () => {
    const source = '<p>{{x}}Idee&euml;n zijn welkom</p>';
    const s = stripMarkup(source);
    const at = s.text.indexOf('Ideeën');
    const span = s.toOriginal(at, 'Ideeën'.length);
    assert.equal(source.slice(span.offset, span.offset + span.length), 'Idee&euml;n');
  });

  it('leaves unclosed markup as text, in linear time', () => {
    assert.equal(stripMarkup('a < b en {{ c').text, 'a < b en {{ c');
    const nasty = '<a {{'.repeat(50_000);
    const started = performance.now();
    stripMarkup(nasty);
    assert.ok(performance.now() - started < 1000);
  });
});
