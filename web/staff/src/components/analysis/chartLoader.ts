/**
 * The only module that imports Chart.js. ChartFigure loads it with a dynamic import(), so the bundler
 * puts Chart.js in a chunk of its own that only the analysis pages fetch (e2e/bundle.spec.ts checks).
 * Only the parts these charts use are registered: bars, lines, two axes, legend and tooltip.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * Colours with at least 3:1 against white (WCAG 1.4.11) and, because colour must not be the only cue,
 * a fill pattern per bar series and a dash and point style per line series.
 */
export const SERIES_COLOURS = ['#1d4f91', '#a64b00', '#2c6e2f', '#6b2c91'] as const;
const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4]];
const POINTS = ['circle', 'rectRot', 'triangle', 'rect'] as const;

function pattern(colour: string, n: number): CanvasPattern | string {
  if (n === 0) return colour;
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const c = tile.getContext('2d');
  if (!c) return colour;
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, 8, 8);
  c.strokeStyle = colour;
  c.fillStyle = colour;
  c.lineWidth = 2;
  if (n === 1) {
    // diagonal stripes
    c.beginPath();
    c.moveTo(0, 8);
    c.lineTo(8, 0);
    c.moveTo(-2, 2);
    c.lineTo(2, -2);
    c.moveTo(6, 10);
    c.lineTo(10, 6);
    c.stroke();
  } else if (n === 2) {
    // dots
    c.beginPath();
    c.arc(4, 4, 2, 0, Math.PI * 2);
    c.fill();
  } else {
    // cross-hatch
    c.strokeRect(0, 0, 8, 8);
  }
  return c.createPattern(tile, 'repeat') ?? colour;
}

export type DrawSeries = { label: string; values: (number | null)[] };
export type DrawOptions = {
  kind: 'bar' | 'line';
  horizontal: boolean;
  categories: string[];
  series: DrawSeries[];
  /** Whole numbers (counts) or not (days, percentages). */
  integers: boolean;
  suffix: string;
  locale: string;
  onPick: (seriesIndex: number, categoryIndex: number) => void;
};

/** Draws a chart on the canvas; the caller destroys it when the figure changes or the page goes. */
export function draw(canvas: HTMLCanvasElement, o: DrawOptions): { destroy: () => void } {
  const number = new Intl.NumberFormat(o.locale, { maximumFractionDigits: o.integers ? 0 : 1 });
  const valueAxis = {
    beginAtZero: true,
    ticks: { precision: o.integers ? 0 : undefined, callback: (v: number | string) => `${number.format(Number(v))}${o.suffix}` },
    grid: { color: '#d9d9d9' },
  };
  const categoryAxis = { grid: { display: false } };
  const config: ChartConfiguration<'bar' | 'line', (number | null)[], string> = {
    type: o.kind,
    data: {
      labels: o.categories,
      datasets: o.series.map((s, i) => {
        const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
        return o.kind === 'bar'
          ? { label: s.label, data: s.values, backgroundColor: pattern(colour, i), borderColor: colour, borderWidth: 2 }
          : {
              label: s.label,
              data: s.values,
              borderColor: colour,
              backgroundColor: colour,
              borderDash: DASHES[i % DASHES.length],
              pointStyle: POINTS[i % POINTS.length],
              pointRadius: 4,
              borderWidth: 2,
              tension: 0,
            };
      }),
    },
    options: {
      indexAxis: o.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: '#1a1a1a',
      font: { family: 'inherit' },
      scales: o.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: o.series.length > 1, labels: { usePointStyle: o.kind === 'line', color: '#1a1a1a' } },
        tooltip: {
          callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${number.format(Number(item.raw ?? 0))}${o.suffix}` },
        },
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (hit) o.onPick(hit.datasetIndex, hit.index);
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
  };
  return new Chart(canvas, config);
}
