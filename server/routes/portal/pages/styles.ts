import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { transform } from 'lightningcss';
import { APP_ROOT } from '../../../config/appRoot.ts';
import { UTRECHT_COMPONENTS } from './components.ts';

/**
 * The portal's stylesheet: one small, minified file per kind of page instead of 36. A page asks for
 * the sheet of the NL Design System classes its HTML uses (read from its class attributes): only
 * the rules of those components and variants, so the question page does not load the text area and
 * no page the button's dozen appearances.
 * Each sheet holds, in this order: the fonts (latin only, font-display: swap, with metric-compatible
 * local fallbacks so nothing moves when they arrive), the voorbeeld theme's tokens that those
 * components and the portal's own rules reach (of 2,780), the components, and web/portal/portal.css
 * (its print rules inside). Built on first use, kept in memory, named by a hash of its content, so
 * it is cached for a year. The organisation's tokens stay in /theme.css (brandingRoutes.ts), linked
 * after this sheet: the second and last stylesheet request.
 */
const MODULES = path.join(APP_ROOT, 'node_modules');
const PORTAL_CSS = path.join(APP_ROOT, 'web/portal/portal.css');
const THEME_CSS = path.join(MODULES, '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css');
export const SHEET_PREFIX = '/portal-assets/page-';

/** Always in a page: the root (on <html>, outside the body that is read). */
const ALWAYS = ['utrecht-root'];

type Sheet = { href: string; css: string };

let inputs: { components: Map<string, string>; theme: Map<string, string>; portal: string; fonts: string } | null = null;
const byKey = new Map<string, Sheet>();
/** The portal's templates make a handful of sets; an address could name any: the cache stops growing here. */
const MAX_SHEETS = 64;

function readInputs() {
  if (inputs) return inputs;
  const files = new Map(
    UTRECHT_COMPONENTS.map((c) => [c, fs.readFileSync(path.join(MODULES, `@utrecht/${c}-css/dist/index.css`), 'utf8')]),
  );
  const theme = new Map<string, string>();
  for (const m of fs.readFileSync(THEME_CSS, 'utf8').matchAll(/^\s*(--[\w-]+)\s*:\s*([^;]*);/gm)) theme.set(m[1]!, m[2]!);
  inputs = { components: files, theme, portal: fs.readFileSync(PORTAL_CSS, 'utf8'), fonts: fontFaces() };
  return inputs;
}

const FONTSOURCE_VERSION = () => JSON.parse(fs.readFileSync(path.join(MODULES, '@fontsource/noto-sans/package.json'), 'utf8')).version;

/**
 * Noto Sans 400/700 and Noto Serif 700, latin and latin-ext (a face downloads only when its range
 * occurs), woff2 only. The fallbacks are the local Arial / Times New Roman (or their metric twins
 * Liberation Sans / Serif) scaled to Noto's width and line box: size-adjust is the width of Dutch
 * text set in Noto over its width in the fallback, the overrides Noto's ascent and descent
 * (1069/293 per 1000) over that scale — measured in Chromium.
 */
function fontFaces(): string {
  const version = FONTSOURCE_VERSION();
  const faces: string[] = [];
  for (const [family, weight] of [
    ['noto-sans', 400],
    ['noto-sans', 700],
    ['noto-serif', 700],
  ] as const) {
    const css = fs.readFileSync(path.join(MODULES, `@fontsource/${family}/${weight}.css`), 'utf8');
    for (const subset of ['latin-ext', 'latin']) {
      const file = `${family}-${subset}-${weight}-normal.woff2`;
      const range = new RegExp(`/\\* ${family}-${subset}-${weight}-normal \\*/[^}]*unicode-range:\\s*([^;]+);`).exec(css)?.[1];
      if (!range) throw new Error(`@fontsource/${family}: no ${subset} face for ${weight}`);
      faces.push(
        `@font-face{font-family:'${family === 'noto-sans' ? 'Noto Sans' : 'Noto Serif'}';font-style:normal;font-display:swap;font-weight:${weight};` +
          `src:url(/portal-assets/fonts/${family}/files/${file}?v=${version}) format('woff2');unicode-range:${range}}`,
      );
    }
  }
  const fallback = (name: string, weight: number, locals: string[], m: [number, number, number]) =>
    `@font-face{font-family:'${name}';font-weight:${weight};src:${locals.map((l) => `local('${l}')`).join(',')};` +
    `size-adjust:${m[0]}%;ascent-override:${m[1]}%;descent-override:${m[2]}%;line-gap-override:0%}`;
  faces.push(
    fallback('Noto Sans fallback', 400, ['Arial', 'ArialMT', 'Liberation Sans', 'LiberationSans'], [103.09, 103.7, 28.42]),
    fallback(
      'Noto Sans fallback',
      700,
      ['Arial Bold', 'Arial-BoldMT', 'Liberation Sans Bold', 'LiberationSans-Bold'],
      [103.13, 103.66, 28.41],
    ),
    fallback(
      'Noto Serif fallback',
      700,
      ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold', 'LiberationSerif-Bold'],
      [113.77, 93.96, 25.75],
    ),
  );
  return faces.join('\n');
}

/** The font tokens with the fallbacks in the stack (after the theme's, so these win; an organisation's /theme.css still wins). */
const FONT_TOKENS = `.voorbeeld-theme{--basis-text-font-family-default:'Noto Sans','Noto Sans fallback',sans-serif;--basis-heading-font-family:'Noto Serif','Noto Serif fallback',serif}`;

/** The theme's tokens that `css` (and what they name in turn) reaches through var(). */
function reachableTokens(theme: Map<string, string>, css: string): string {
  const keep = new Set<string>();
  const queue = [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]!);
  while (queue.length) {
    const name = queue.pop()!;
    if (keep.has(name) || !theme.has(name)) continue;
    keep.add(name);
    for (const m of theme.get(name)!.matchAll(/var\(\s*(--[\w-]+)/g)) queue.push(m[1]!);
  }
  const lines = [...theme].filter(([name]) => keep.has(name)).map(([name, value]) => `${name}:${value};`);
  return `.voorbeeld-theme{${lines.join('')}}`;
}

/** Every utrecht-… class the components' rules name, in a fixed order (the bits of a sheet's address). */
let universe: string[] | null = null;
function classUniverse(): string[] {
  if (universe) return universe;
  const names = new Set<string>();
  for (const css of readInputs().components.values()) for (const m of css.matchAll(/\.(utrecht-[\w-]+)/g)) names.add(m[1]!);
  universe = [...names].sort();
  return universe;
}

/** The utrecht-… classes a page uses: those in its body's class attributes, and the root on <html>. */
export function classesIn(bodyHtml: string): string[] {
  const known = new Set(classUniverse());
  const used = new Set(ALWAYS);
  for (const m of bodyHtml.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (known.has(c)) used.add(c);
  return [...used].sort();
}

type SelectorPart = { type: string; name?: string };

/** The components' rules with a selector that names only classes the page uses (a :not(…) or :is(…) inside may name others). */
function rulesFor(used: ReadonlySet<string>): string {
  const source = [...readInputs().components.values()].join('\n');
  return transform({
    code: Buffer.from(source),
    filename: 'components.css',
    minify: true,
    visitor: {
      Rule: {
        style(rule) {
          const selectors = (rule.value.selectors as SelectorPart[][]).filter((sel) =>
            sel.every((part) => part.type !== 'class' || !part.name!.startsWith('utrecht-') || used.has(part.name!)),
          );
          // A rule none of whose selectors can match goes; others stay whole (lightningcss cannot write
          // every selector it reads back from JavaScript).
          return selectors.length ? undefined : [];
        },
      },
    },
  }).code.toString();
}

/** A set of classes in an address: a bit per class of the universe, in base 36. */
function codeOf(classes: readonly string[]): string {
  const set = new Set(classes);
  return classUniverse()
    .reduce((bits, c, i) => (set.has(c) ? bits | (1n << BigInt(i)) : bits), 0n)
    .toString(36);
}

function setOf(code: string): string[] | null {
  const all = classUniverse();
  if (!/^[0-9a-z]{1,200}$/.test(code)) return null;
  let bits = 0n;
  for (const ch of code) bits = bits * 36n + BigInt(Number.parseInt(ch, 36));
  if (bits >> BigInt(all.length) !== 0n) return null;
  return all.filter((_c, i) => (bits >> BigInt(i)) & 1n);
}

/**
 * The stylesheet for a page that uses these classes, at /portal-assets/page-<set>-<hash>.css: the
 * set in the address, so any instance can build the sheet a page of another named. `extraCss`: the
 * token values the organisation's theme sets (they may name other shipped tokens, which must then be
 * in the sheet).
 */
export function stylesheetFor(classes: readonly string[], extraCss = ''): Sheet {
  const code = codeOf(classes);
  const key = `${code}|${extraCss}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const { theme, portal, fonts } = readInputs();
  const rules = rulesFor(new Set(classes));
  const tokens = reachableTokens(
    theme,
    `${rules}\n${portal}\n${extraCss}\nvar(--basis-text-font-family-default) var(--basis-heading-font-family)`,
  );
  const source = [fonts, tokens, FONT_TOKENS, rules, portal].join('\n');
  const css = transform({ code: Buffer.from(source), filename: 'portal.css', minify: true }).code.toString();
  const hash = createHash('sha256').update(css).digest('base64url').slice(0, 12);
  const sheet = { href: `${SHEET_PREFIX}${code}-${hash}.css`, css };
  if (byKey.size < MAX_SHEETS) byKey.set(key, sheet);
  return sheet;
}

/**
 * The sheet at an address (the part after /portal-assets/page-), or null. `current` is false when
 * the address names another build's content (a page from before an upgrade): serve it, not for a year.
 */
export function sheetAt(rest: string, extraCss = ''): { sheet: Sheet; current: boolean } | null {
  const m = /^([0-9a-z]{1,200})-([\w-]{12})\.css$/.exec(rest);
  const set = m && setOf(m[1]!);
  if (!m || !set) return null;
  // Only sets a page could name (the root is in every page) and, past the cache's size, only known ones.
  if (!ALWAYS.every((c) => set.includes(c))) return null;
  if (byKey.size >= MAX_SHEETS && !byKey.has(`${m[1]}|${extraCss}`)) return null;
  const sheet = stylesheetFor(set, extraCss);
  return { sheet, current: sheet.href === `${SHEET_PREFIX}${rest}` };
}
