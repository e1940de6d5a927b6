import { Button, Paragraph } from '@utrecht/component-library-react';
import { TableWrap } from '../../../../ui/index.ts';
import { useEffect, useMemo, useState } from 'react';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { useProcessI18n as useI18n } from './useProcessI18n.ts';
import { fromStatuses, type EffectKind, type ProcessModel, type StatusView, type StepView } from './processModel.ts';
import { durationText, guardText, roleText, statusRoleText, type Words } from './processText.ts';

/**
 * The process drawn from its definition: statuses (rectangles; end statuses doubled), steps
 * (rounded boxes with who takes them and symbols for timers, messages and letters), arrows from a
 * status through a step to the next. ELK (elkjs, in a Web Worker) lays it out; this component draws
 * the SVG. elkjs is loaded here only, when the diagram is first shown, never with the app's first load.
 * The picture has a text alternative; the Statuses and Steps tables next to it hold the same content.
 */
type Line = { text: string; cls: string };
type Badge = 'timer' | 'message' | 'letter' | 'trigger';
type Box = {
  id: string;
  kind: 'start' | 'any' | 'status' | 'end' | 'step' | 'systemStep';
  lines: Line[];
  badges: Badge[];
  width: number;
  height: number;
};
type Placed = Box & { x: number; y: number };
type Laid = { width: number; height: number; boxes: Placed[]; edges: { id: string; d: string }[] };

const FONT = { title: 14, text: 12 };
const LINE = { title: 18, text: 16 };
const PAD = 10;
const MAX_TEXT = 200;
const BADGE = 18;

/** Text width in the page's own font (canvas), so boxes fit their words. */
function measurer() {
  const ctx = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return (text: string, size: number, bold: boolean) => {
    if (!ctx) return text.length * size * 0.58;
    ctx.font = `${bold ? 700 : 400} ${size}px ${family}`;
    return ctx.measureText(text).width;
  };
}
type Measure = ReturnType<typeof measurer>;

function wrap(measure: Measure, text: string, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, bold) > MAX_TEXT) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const BADGE_OF: Partial<Record<EffectKind, Badge>> = { timer: 'timer', message: 'message', letter: 'letter' };

function boxes(m: ProcessModel, w: Words, measure: Measure): { boxes: Box[]; edges: ElkExtendedEdge[] } {
  const size = (id: string, kind: Box['kind'], parts: Line[], badges: Badge[]): Box => {
    const lines = parts.flatMap((p) =>
      wrap(measure, p.text, p.cls === 'title' ? FONT.title : FONT.text, p.cls === 'title').map((text) => ({ text, cls: p.cls })),
    );
    const textWidth = Math.max(
      ...lines.map((l) => measure(l.text, l.cls === 'title' ? FONT.title : FONT.text, l.cls === 'title')),
      badges.length * (BADGE + 4),
    );
    const height = lines.reduce((h, l) => h + (l.cls === 'title' ? LINE.title : LINE.text), 0) + (badges.length ? BADGE + 4 : 0);
    return { id, kind, lines, badges, width: Math.ceil(textWidth) + 2 * PAD, height: height + 2 * PAD - 4 };
  };
  const out: Box[] = [size('start', 'start', [{ text: w.t('process.start'), cls: 'text' }], [])];
  const edges: ElkExtendedEdge[] = [];
  const statusIds = new Set(m.statuses.map((s) => s.key));
  const stepBox = (step: StepView) => {
    const roles = step.roles.map((r) => roleText(w, r)).join(', ');
    const badges = [
      ...new Set<Badge>([
        ...step.effects.map((e) => BADGE_OF[e.kind]).filter((b): b is Badge => !!b),
        ...(step.guards.some((g) => g.type === 'letter') ? (['letter'] as const) : []),
        ...(step.trigger || step.firedBy.length ? (['trigger'] as const) : []),
      ]),
    ];
    const system = step.roles.length > 0 && step.roles.every((r) => r === 'system');
    return size(
      `t:${step.key}`,
      system ? 'systemStep' : 'step',
      [
        { text: w.l(step.label), cls: 'title' },
        { text: roles, cls: 'text' },
        // Steps that fit only some cases (a statutory complaint, not a signal) say for which.
        ...step.guards.filter((g) => g.type === 'fact').map((g) => ({ text: guardText(w, g), cls: 'muted' as const })),
      ],
      badges,
    );
  };
  // Model order: each status followed by the steps that leave it first, in the definition's order,
  // so the layout reads from the start down and only steps back (e.g. "return to first line") point up.
  const placed = new Set<string>();
  const firstFrom = (step: StepView) => (step.from === 'any' ? null : step.from.find((k) => statusIds.has(k)));
  // The initial status first, end statuses last, so every way to an end points down.
  const rank = (s: StatusView) => (s.initial ? 0 : s.terminal ? 2 : 1);
  const ordered = [...m.statuses].sort((a, b) => rank(a) - rank(b));
  const statusBox = (s: StatusView) => {
    const remind = s.remindAfter ? m.periods.find((p) => p.key === s.remindAfter) : undefined;
    const reminder = s.remindAfter
      ? [`⟳ ${w.t('process.reminder', { period: remind ? durationText(w, remind.duration) : s.remindAfter })}`]
      : [];
    const extra = [...s.roles.map((r) => statusRoleText(w, r)), ...reminder].join(' · ');
    return size(
      `s:${s.key}`,
      s.terminal ? 'end' : 'status',
      [{ text: w.l(s.label), cls: 'title' }, ...(extra ? [{ text: extra, cls: 'muted' }] : [])],
      [],
    );
  };
  for (const s of ordered.filter((x) => !x.terminal)) {
    out.push(statusBox(s));
    for (const step of m.steps)
      if (firstFrom(step) === s.key && !placed.has(step.key)) {
        placed.add(step.key);
        out.push(stepBox(step));
      }
  }
  if (m.steps.some((s) => s.from === 'any')) out.push(size('any', 'any', [{ text: w.t('process.anyOpen'), cls: 'text' }], []));
  for (const step of m.steps) if (!placed.has(step.key)) out.push(stepBox(step));
  for (const s of ordered.filter((x) => x.terminal)) out.push(statusBox(s));
  if (statusIds.has(m.initialStatus)) edges.push({ id: 'e:start', sources: ['start'], targets: [`s:${m.initialStatus}`] });
  for (const step of m.steps) {
    const from =
      step.from === 'any'
        ? ['any']
        : fromStatuses(m, step)
            .filter((k) => statusIds.has(k))
            .map((k) => `s:${k}`);
    for (const f of from) edges.push({ id: `e:${f}>${step.key}`, sources: [f], targets: [`t:${step.key}`] });
    if (statusIds.has(step.to)) edges.push({ id: `e:${step.key}>${step.to}`, sources: [`t:${step.key}`], targets: [`s:${step.to}`] });
  }
  return { boxes: out, edges };
}

const LAYOUT = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '28',
  'elk.spacing.nodeNode': '20',
  'elk.spacing.edgeNode': '12',
  'elk.spacing.edgeEdge': '8',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.padding': '[top=8,left=8,bottom=8,right=8]',
};

async function layOut(parts: { boxes: Box[]; edges: ElkExtendedEdge[] }): Promise<Laid> {
  // ELK runs in a Web Worker (its own file, same origin): the page stays responsive while it lays out.
  const [{ default: ELK }, { default: workerUrl }] = await Promise.all([
    import('elkjs/lib/elk-api.js'),
    import('elkjs/lib/elk-worker.min.js?url'),
  ]);
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT,
    children: parts.boxes.map((b) => ({ id: b.id, width: b.width, height: b.height })),
    edges: parts.edges,
  };
  const elk = new ELK({ workerUrl });
  const result = await elk.layout(graph).finally(() => elk.terminateWorker());
  const pos = new Map((result.children ?? []).map((c) => [c.id, c]));
  const edges = ((result.edges ?? []) as ElkExtendedEdge[]).flatMap((e) =>
    (e.sections ?? []).map((s, i) => ({
      id: `${e.id}:${i}`,
      d: [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p, j) => `${j ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' '),
    })),
  );
  return {
    width: Math.ceil(result.width ?? 0),
    height: Math.ceil(result.height ?? 0),
    boxes: parts.boxes.map((b) => ({ ...b, x: pos.get(b.id)?.x ?? 0, y: pos.get(b.id)?.y ?? 0 })),
    edges,
  };
}

function BadgeIcon({ badge, x, y }: { badge: Badge; x: number; y: number }) {
  const t = `translate(${x} ${y})`;
  if (badge === 'timer')
    return (
      <g transform={t} className="kf-pd__icon">
        <circle cx="8" cy="9" r="7" />
        <path d="M8 5v4l3 2M6 1h4" />
      </g>
    );
  if (badge === 'message')
    return (
      <g transform={t} className="kf-pd__icon">
        <rect x="1" y="3" width="14" height="11" rx="1" />
        <path d="M1 4l7 6 7-6" />
      </g>
    );
  if (badge === 'letter')
    return (
      <g transform={t} className="kf-pd__icon">
        <path d="M3 1h7l4 4v11H3z M10 1v4h4 M5.5 9h6 M5.5 12h6" />
      </g>
    );
  return (
    <g transform={t} className="kf-pd__icon kf-pd__icon--filled">
      <path d="M9 1L3 10h5l-1 7 6-9H8z" />
    </g>
  );
}

function Node({ b }: { b: Placed }) {
  if (b.kind === 'start')
    return (
      <g className="kf-pd__start" transform={`translate(${b.x} ${b.y})`}>
        <rect width={b.width} height={b.height} rx={b.height / 2} />
        <text x={b.width / 2} y={PAD + 10} textAnchor="middle">
          {b.lines[0]?.text}
        </text>
      </g>
    );
  let y = PAD;
  return (
    <g className={`kf-pd__node kf-pd__node--${b.kind}`} transform={`translate(${b.x} ${b.y})`}>
      {b.kind === 'end' ? <rect className="kf-pd__outer" x={-3} y={-3} width={b.width + 6} height={b.height + 6} /> : null}
      <rect width={b.width} height={b.height} rx={b.kind === 'step' || b.kind === 'systemStep' ? 10 : b.kind === 'any' ? 4 : 0} />
      {b.lines.map((l, i) => {
        y += l.cls === 'title' ? LINE.title : LINE.text;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: wrapped lines of one box, never reordered.
          <text key={i} x={PAD} y={y - 4} className={`kf-pd__${l.cls}`}>
            {l.text}
          </text>
        );
      })}
      {b.badges.map((badge, i) => (
        <BadgeIcon key={badge} badge={badge} x={PAD + i * (BADGE + 4)} y={y + 2} />
      ))}
    </g>
  );
}

export function ProcessDiagram({ model, version }: { model: ProcessModel; version: number }) {
  const { t, l, has, locale } = useI18n();
  const [laid, setLaid] = useState<Laid | null>(null);
  const [failed, setFailed] = useState(false);
  // Fitted to the column by default (the whole process at a glance); at full size it scrolls sideways.
  const [fit, setFit] = useState(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the locale, which t and l follow.
  const parts = useMemo(() => boxes(model, { t, l, has }, measurer()), [model, locale]);
  useEffect(() => {
    let live = true;
    setFailed(false);
    layOut(parts).then(
      (r) => live && setLaid(r),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [parts]);
  const label = t('process.diagramLabel', { label: l(model.label), version, statuses: model.statuses.length, steps: model.steps.length });
  if (failed) return <Paragraph>{t('process.diagramFailed')}</Paragraph>;
  if (!laid) return <Paragraph className="kf-muted">{t('process.diagramDrawing')}</Paragraph>;
  return (
    <figure className="kf-pd">
      <Button appearance="subtle-button" aria-pressed={!fit} onClick={() => setFit(!fit)}>
        {t('process.fullSize')}
      </Button>
      <TableWrap label={t('process.diagramRegion')}>
        <svg
          className="kf-pd__svg"
          role="img"
          aria-label={label}
          width={fit ? '100%' : laid.width}
          height={fit ? undefined : laid.height}
          style={fit ? { maxWidth: laid.width, height: 'auto' } : undefined}
          viewBox={`0 0 ${laid.width} ${laid.height}`}
          data-testid="process-diagram"
        >
          <defs>
            <marker id="kf-pd-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M0 0L10 5L0 10z" className="kf-pd__arrowhead" />
            </marker>
          </defs>
          {laid.edges.map((e) => (
            <path key={e.id} d={e.d} className="kf-pd__edge" markerEnd="url(#kf-pd-arrow)" />
          ))}
          {laid.boxes.map((b) => (
            <Node key={b.id} b={b} />
          ))}
        </svg>
      </TableWrap>
      <figcaption>
        <ul className="kf-pd__legend" aria-label={t('process.legend')}>
          <li>
            <svg width="22" height="14" aria-hidden="true" className="kf-pd__node kf-pd__node--status">
              <rect x="1" y="1" width="20" height="12" />
            </svg>
            {t('process.legend.status')}
          </li>
          <li>
            <svg width="24" height="16" aria-hidden="true" className="kf-pd__node kf-pd__node--end">
              <rect x="0.5" y="0.5" width="23" height="15" className="kf-pd__outer" />
              <rect x="3" y="3" width="18" height="10" />
            </svg>
            {t('process.legend.end')}
          </li>
          <li>
            <svg width="22" height="14" aria-hidden="true" className="kf-pd__node kf-pd__node--step">
              <rect x="1" y="1" width="20" height="12" rx="5" />
            </svg>
            {t('process.legend.step')}
          </li>
          <li>
            <svg width="22" height="14" aria-hidden="true" className="kf-pd__node kf-pd__node--systemStep">
              <rect x="1" y="1" width="20" height="12" rx="5" />
            </svg>
            {t('process.legend.system')}
          </li>
          <li>
            <svg width="18" height="18" aria-hidden="true">
              <BadgeIcon badge="timer" x={0} y={0} />
            </svg>
            {t('process.legend.timer')}
          </li>
          <li>
            <svg width="36" height="18" aria-hidden="true">
              <BadgeIcon badge="message" x={0} y={0} />
              <BadgeIcon badge="letter" x={18} y={0} />
            </svg>
            {t('process.legend.message')}
          </li>
          <li>
            <svg width="18" height="18" aria-hidden="true">
              <BadgeIcon badge="trigger" x={0} y={0} />
            </svg>
            {t('process.trigger', { what: '…' })}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
