import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { getTemplate, LETTER_KINDS, LETTER_TEMPLATE_KEYS } from './templates/index.ts';

/**
 * What an organisation configures about its letters (part of organisation.ts). Nothing about an
 * organisation is hard-coded: the letterhead, the external bodies named in the closing section and
 * the standard texts all come from here; the shipped defaults are only the national bodies.
 */
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB');

export const letterheadSchema = z.object({
  /** Printed at the top; defaults to the organisation's name. */
  name: z.string().min(1).optional(),
  addressLines: z.array(z.string().min(1)).max(6).default([]),
  phone: z.string().min(1).optional(),
  email: z.string().email().optional(),
  website: z.string().min(1).optional(),
  /** PNG or JPEG, relative to the configuration file; checked at start-up. */
  logoPath: z
    .string()
    .regex(/\.(png|jpe?g)$/i, 'a .png, .jpg or .jpeg file')
    .optional(),
  accentColour: hexColour.default('#1f4e79'),
});
export type Letterhead = z.output<typeof letterheadSchema>;

/**
 * The plain-language levels an organisation can choose (seed 003: "taalniveau B1/A2"). Each sets a
 * Flesch-Douma floor and a ceiling for the average sentence; both are measured per section and for
 * the whole letter, so one hard passage cannot hide behind an easy average.
 */
export const PLAIN_LANGUAGE_LEVELS = {
  B1: { minFleschDouma: 60, maxAverageSentenceWords: 15 },
  A2: { minFleschDouma: 70, maxAverageSentenceWords: 12 },
} as const;

export const plainLanguageSchema = z
  .object({
    level: z.enum(['B1', 'A2']).default('B1'),
    /** Overrides of the level's figures. The check only warns; it never blocks (legal-requirements §8). */
    minFleschDouma: z.number().min(0).max(120).optional(),
    maxAverageSentenceWords: z.int().min(5).max(40).optional(),
    /** A single sentence longer than this is pointed out. */
    maxSentenceWords: z.int().min(5).max(60).default(20),
    extraWords: z.array(z.object({ words: z.array(z.string().min(1)).min(1), alternatives: z.array(z.string()) })).default([]),
    ignoreWords: z.array(z.string()).default([]),
  })
  .transform((p) => ({
    ...p,
    minFleschDouma: p.minFleschDouma ?? PLAIN_LANGUAGE_LEVELS[p.level].minFleschDouma,
    maxAverageSentenceWords: p.maxAverageSentenceWords ?? PLAIN_LANGUAGE_LEVELS[p.level].maxAverageSentenceWords,
  }));

/** An external body the complainant may turn to after our answer (Awb 9:12 lid 2, Wkkgz 18, WON-02). */
export const externalBodySchema = z.object({
  name: z.string().min(1),
  addressLines: z.array(z.string().min(1)).max(4).default([]),
  phone: z.string().min(1).optional(),
  website: z.string().min(1).optional(),
  /** The body's own filing term in plain words, e.g. "binnen één jaar nadat u de klacht bij ons meldde". */
  term: z.string().min(1).optional(),
});
export type ExternalBody = z.output<typeof externalBodySchema>;

export const standardResponseSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/),
  title: z.string().min(1),
  text: z.string().min(1),
  /** Letter kinds it is meant for; empty means all. */
  kinds: z.array(z.enum(LETTER_KINDS)).default([]),
});
export type StandardResponse = z.output<typeof standardResponseSchema>;

export const lettersConfigSchema = z
  .object({
    /** Who may approve and send a letter (seed 000 §4.3: the coordinator checks, edits and sends). */
    approverRoles: z.array(z.enum(ROLES)).min(1).default(['coordinator']),
    /** Per process key, per letter kind: which template to use instead of the regime's default. */
    templates: z.record(z.string(), z.partialRecord(z.enum(LETTER_KINDS), z.enum(LETTER_TEMPLATE_KEYS))).default({}),
    /** Awb 9:17: the Nationale ombudsman unless the organisation has its own ombudsman(commissie). */
    ombudsman: externalBodySchema.optional(),
    /** Wkkgz art. 18: the recognised geschilleninstantie the care provider is affiliated with. */
    disputesBody: externalBodySchema.optional(),
    /** Housing (WON-02): the Huurcommissie. */
    rentTribunal: externalBodySchema.optional(),
    standardResponses: z.array(standardResponseSchema).default([]),
  })
  .superRefine((c, ctx) => {
    // A decision letter configured with a referral template would lose its mandatory sections.
    for (const [processKey, byKind] of Object.entries(c.templates)) {
      for (const [kind, key] of Object.entries(byKind)) {
        if (key && getTemplate(key)?.kind !== kind)
          ctx.addIssue({ code: 'custom', path: ['templates', processKey, kind], message: `template "${key}" is not a ${kind} letter` });
      }
    }
  });
export type LettersConfig = z.output<typeof lettersConfigSchema>;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** Resolves the logo against the configuration file's folder and fails start-up on a missing or non-image file. */
export function resolveLetterhead(letterhead: Letterhead | undefined, configDir: string): Letterhead | undefined {
  if (!letterhead?.logoPath) return letterhead;
  const file = path.resolve(configDir, letterhead.logoPath);
  let head: Buffer;
  try {
    head = fs.readFileSync(file).subarray(0, 4);
  } catch {
    throw new Error(`letterhead.logoPath: cannot read ${file}`);
  }
  if (!head.subarray(0, 4).equals(PNG) && !head.subarray(0, 3).equals(JPEG))
    throw new Error(`letterhead.logoPath: ${file} is not a PNG or JPEG image`);
  return { ...letterhead, logoPath: file };
}
