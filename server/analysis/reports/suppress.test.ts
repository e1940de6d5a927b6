import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HIDDEN, protectList, protectTable, SMALL, shownCount } from './suppress.ts';

/** The annual report's small-count rule: 1–4 is "< 5", 0 stays 0, and no hidden count comes back by subtraction. */
describe('small counts in the annual report', () => {
  test('a count of 1 to 4 is "< 5", 0 and 5 are shown', () => {
    assert.deepEqual(
      [0, 1, 4, 5, 12].map((n) => shownCount(n).text),
      ['0', SMALL, SMALL, '5', '12'],
    );
  });

  test('a list with its total hides a second count when only one is small, so the small one cannot be worked out', () => {
    const p = protectList([9, 3, 20]);
    assert.deepEqual(
      p.items.map((i) => i.text),
      ['verborgen', SMALL, '20'],
    );
    assert.equal(p.total.text, '32');
    // Two small counts already protect each other.
    assert.deepEqual(
      protectList([2, 3, 20]).items.map((i) => i.text),
      [SMALL, SMALL, '20'],
    );
    // Nothing small: nothing hidden; zeros stay.
    assert.deepEqual(
      protectList([0, 7, 20]).items.map((i) => i.text),
      ['0', '7', '20'],
    );
  });

  test('a list whose only other count is the total hides the total', () => {
    const p = protectList([3, 0]);
    assert.deepEqual([...p.items.map((i) => i.text), p.total.text], [SMALL, '0', SMALL]);
    const q = protectList([3], 3);
    assert.equal(q.total.text, SMALL);
  });

  test('in a table no row or column hides exactly one count', () => {
    const rows = [
      [10, 3, 7],
      [8, 6, 9],
      [5, 0, 12],
    ];
    const t = protectTable(rows);
    const hiddenIn = (line: { hidden: boolean; value: number }[]) => line.filter((c) => c.hidden && c.value > 0).length;
    for (const [i, r] of t.cells.entries()) assert.notEqual(hiddenIn([...r, t.rowTotals[i]!]), 1, `row ${i}`);
    for (let j = 0; j < 3; j++) assert.notEqual(hiddenIn([...t.cells.map((r) => r[j]!), t.columnTotals[j]!]), 1, `column ${j}`);
    assert.equal(t.cells[0]![1]!.text, SMALL);
    assert.ok(t.cells.flat().some((c) => c.text === HIDDEN));
    assert.ok(!t.cells.flat().some((c) => c.text === '3'));
    assert.equal(t.total.text, '60');
  });
});
