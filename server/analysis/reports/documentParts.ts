import type { Block } from './documentModel.ts';
import { SMALL, type Shown } from './suppress.ts';

// The small pieces both report documents are made of: Dutch dates and numbers, paragraphs, bar charts.

/** A count inside a sentence: "minder dan 5" reads better than "< 5". */
export const inWords = (s: Shown) => (s.text === SMALL ? 'minder dan 5' : s.text);

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
export const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
export const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
export const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
export const num = (n: number | null) => (n === null ? '–' : nl.format(n));
export const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t): Block => ({ type: 'p', text: t }));

/** "2026-Q1" → "1e kwartaal 2026"; "2026-03" → "maart 2026". */
export function bucketName(key: string): string {
  const q = key.match(/^(\d{4})-Q(\d)$/);
  if (q) return `${q[2]}e kwartaal ${q[1]}`;
  const h = key.match(/^(\d{4})-H(\d)$/);
  if (h) return `${h[2]}e halfjaar ${h[1]}`;
  const m = key.match(/^(\d{4})-(\d{2})$/);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return key;
}

/** A bar chart, or nothing when fewer than two bars would show (a chart of one bar tells nothing the table does not). */
export const bars = (title: string, items: { label: string; shown: Shown }[]): Block[] => {
  const chart = items.map((i) => ({ label: i.label, value: i.shown.hidden ? null : i.shown.value, text: i.shown.text }));
  return chart.filter((b) => b.value).length >= 2 ? [{ type: 'bars', title, items: chart }] : [];
};
export const plain = (n: number): Shown => ({ value: n, text: String(n), hidden: false });
