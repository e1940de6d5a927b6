import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSeparator, parseCsv } from './csv.ts';

test('a Dutch Excel CSV: BOM dropped, semicolons, quoted fields with separators, quotes and line breaks', () => {
  const r = parseCsv(
    '\uFEFFNummer;Onderwerp;Datum\r\n1;"Lang wachten; geen reactie";31-12-2023\r\n2;"Hij zei ""nee""\r\nen hing op";2023-12-30\r\n',
  );
  assert.ok('rows' in r);
  assert.equal(r.separator, ';');
  assert.deepEqual(r.rows, [
    ['Nummer', 'Onderwerp', 'Datum'],
    ['1', 'Lang wachten; geen reactie', '31-12-2023'],
    ['2', 'Hij zei "nee"\r\nen hing op', '2023-12-30'],
  ]);
});

test('commas when the header line has more of them than semicolons; the last line needs no line break', () => {
  assert.equal(detectSeparator('a,b,"c;d"\n1;2'), ',');
  const r = parseCsv('a,b\n"x, y",2');
  assert.ok('rows' in r);
  assert.deepEqual(r.rows, [
    ['a', 'b'],
    ['x, y', '2'],
  ]);
});

test('an unclosed quote is an error naming its line, not a silently swallowed file', () => {
  assert.deepEqual(parseCsv('a;b\n1;"open\n2;3\n'), { error: 'unclosedQuote', line: 2 });
});
