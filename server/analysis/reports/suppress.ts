/**
 * Small counts in the public annual report (Awb 9:12a). A count of 1 to 4 could point to a person,
 * so it is shown as "< 5"; 0 stays 0. A suppressed count must not come back by subtraction: in a
 * line of counts whose total is shown (a row, a column, a list with its total), one hidden count
 * could be worked out from the others. So when a line hides exactly one count, the smallest other
 * count above 0 in that line is hidden too ("verborgen"; the total itself when nothing else is
 * left), and this repeats until no line hides exactly one count (rows and columns together).
 */
export const SMALL = '< 5';
export const HIDDEN = 'verborgen';

export type Shown = { value: number; text: string; hidden: boolean };

export const isSmall = (n: number) => n >= 1 && n <= 4;

/** One count on its own (no total next to it to subtract from). */
export function shownCount(n: number): Shown {
  return isSmall(n) ? { value: n, text: SMALL, hidden: true } : { value: n, text: String(n), hidden: false };
}

type Cell = { value: number; hidden: boolean; small: boolean };

/**
 * Lines of cells that must add up (each line's last cell is its total). Cells are shared between
 * lines by identity (a row total and a column total meet at the grand total). Returns nothing:
 * marks the cells hidden in place.
 */
function protect(lines: Cell[][]) {
  for (const c of new Set(lines.flat())) if (isSmall(c.value)) Object.assign(c, { hidden: true, small: true });
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter((c) => c.hidden && c.value > 0);
      if (hidden.length !== 1) continue;
      const candidates = line.filter((c) => !c.hidden && c.value > 0).sort((a, b) => a.value - b.value);
      const next = candidates[0];
      if (!next) continue;
      next.hidden = true;
      changed = true;
    }
  }
}

const text = (c: Cell): Shown => ({ value: c.value, hidden: c.hidden, text: c.small ? SMALL : c.hidden ? HIDDEN : String(c.value) });
const cell = (value: number): Cell => ({ value, hidden: false, small: false });

/** A list of counts and their total (e.g. complaints per channel). */
export function protectList(counts: readonly number[], total = counts.reduce((a, b) => a + b, 0)): { items: Shown[]; total: Shown } {
  const cells = counts.map(cell);
  const t = cell(total);
  protect([[...cells, t]]);
  return { items: cells.map(text), total: text(t) };
}

/** A table of counts with row totals, column totals and the grand total (e.g. outcome per category). */
export function protectTable(rows: readonly (readonly number[])[]): {
  cells: Shown[][];
  rowTotals: Shown[];
  columnTotals: Shown[];
  total: Shown;
} {
  const width = rows[0]?.length ?? 0;
  const cells = rows.map((r) => r.map(cell));
  const rowTotals = rows.map((r) => cell(r.reduce((a, b) => a + b, 0)));
  const columnTotals = Array.from({ length: width }, (_, j) => cell(rows.reduce((a, r) => a + (r[j] ?? 0), 0)));
  const total = cell(rowTotals.reduce((a, c) => a + c.value, 0));
  const lines: Cell[][] = [
    ...cells.map((r, i) => [...r, rowTotals[i]!]),
    ...columnTotals.map((ct, j) => [...cells.map((r) => r[j]!), ct]),
    [...rowTotals, total],
    [...columnTotals, total],
  ];
  protect(lines);
  return { cells: cells.map((r) => r.map(text)), rowTotals: rowTotals.map(text), columnTotals: columnTotals.map(text), total: text(total) };
}
