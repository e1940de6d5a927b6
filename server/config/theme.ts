import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The organisation's look (part of organisation.ts): design-token overrides for the NL Design
 * System "voorbeeld" theme and a logo, for the staff app and the citizen portal alike. Served as
 * /theme.css and /branding/logo (routes/brandingRoutes.ts). A token value can only ever be a value:
 * no characters that end a declaration or rule, no comments or escapes, balanced quotes and
 * brackets, and only the CSS functions that compute a value (never one that loads something).
 */
const MAX_TOKENS = 200;
const MAX_VALUE = 200;
export const MAX_LOGO_BYTES = 512 * 1024;

const VALUE_FUNCTIONS = new Set([
  'var',
  'calc',
  'min',
  'max',
  'clamp',
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
  'color-mix',
  'light-dark',
]);

/** Why a token value is refused, or null when it is a plain value. */
export function tokenValueProblem(value: string): string | null {
  if (/[;{}<>\\@]/.test(value)) return 'may not contain ; { } < > \\ or @';
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'may not contain line breaks or control characters';
  if (/\/\*|\*\//.test(value)) return 'may not contain a CSS comment';
  if (/\burl\s*\(/i.test(value)) return 'url( is not allowed';
  if (/\bexpression\s*\(/i.test(value)) return 'expression( is not allowed';
  if (!/^(?:[^"']|"[^"]*"|'[^']*')*$/.test(value)) return 'quotes must be closed';
  let depth = 0;
  for (const ch of value.replace(/"[^"]*"|'[^']*'/g, '')) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (depth < 0) break;
  }
  if (depth !== 0) return 'brackets must be balanced';
  for (const m of value.replace(/"[^"]*"|'[^']*'/g, '').matchAll(/([\w-]*[a-zA-Z_][\w-]*)\(/g)) {
    // A name straight before ( is a function (a bare ( is only grouping): only those that compute a value.
    if (!VALUE_FUNCTIONS.has(m[1]!.toLowerCase()))
      return `the function ${m[1]}( is not allowed (allowed: ${[...VALUE_FUNCTIONS].join(', ')})`;
  }
  return null;
}

const tokenName = z
  .string()
  .max(100)
  .regex(/^--[a-z0-9-]+$/, 'a CSS custom property name such as --basis-color-accent-1-color-default');
const tokenValue = z
  .string()
  .trim()
  .min(1)
  .max(MAX_VALUE)
  .superRefine((v, ctx) => {
    const problem = tokenValueProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: `invalid token value: ${problem}` });
  });

export const themeSchema = z
  .object({
    /** CSS custom property → value, applied on `.voorbeeld-theme` after the shipped tokens. */
    tokens: z
      .record(tokenName, tokenValue)
      .default({})
      .refine((t) => Object.keys(t).length <= MAX_TOKENS, `at most ${MAX_TOKENS} tokens`),
    /** PNG, JPEG or SVG, relative to the configuration file; checked at start-up. */
    logoPath: z
      .string()
      .regex(/\.(png|jpe?g|svg)$/i, 'a .png, .jpg, .jpeg or .svg file')
      .optional(),
    /** The logo's text alternative; defaults to the organisation's name. */
    logoAlt: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type Theme = z.output<typeof themeSchema>;

export type LogoType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export function logoType(file: string): LogoType {
  const ext = path.extname(file).toLowerCase();
  return ext === '.png' ? 'image/png' : ext === '.svg' ? 'image/svg+xml' : 'image/jpeg';
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * Resolves the logo against the configuration file's folder and fails start-up on a missing,
 * over-large or mislabelled file; fills in the text alternative.
 */
export function resolveTheme(theme: Theme | undefined, configDir: string, orgName: string): Theme | undefined {
  if (!theme) return theme;
  const resolved: Theme = { ...theme, logoAlt: theme.logoAlt ?? orgName };
  if (!theme.logoPath) return resolved;
  const file = path.resolve(configDir, theme.logoPath);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new Error(`theme.logoPath: cannot read ${file} (the path is relative to the organisation configuration file)`);
  }
  if (bytes.length > MAX_LOGO_BYTES) throw new Error(`theme.logoPath: ${file} is ${bytes.length} bytes; at most ${MAX_LOGO_BYTES} allowed`);
  const type = logoType(file);
  const ok =
    type === 'image/png'
      ? bytes.subarray(0, 4).equals(PNG)
      : type === 'image/jpeg'
        ? bytes.subarray(0, 3).equals(JPEG)
        : /<svg[\s>]/.test(bytes.subarray(0, 4096).toString('utf8'));
  if (!ok) throw new Error(`theme.logoPath: ${file} is not a ${type.slice(6).replace('+xml', '').toUpperCase()} image`);
  return { ...resolved, logoPath: file };
}
