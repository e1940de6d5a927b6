import { z } from 'zod';
import { templateProblems } from '../mail/render.ts';
import { STAFF_TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from '../mail/templates.nl.ts';

/**
 * Which way a message reaches a complainant. E-mail only with an address they gave and their
 * consent; otherwise paper. A notice the law wants in writing always goes by post (acknowledgment,
 * Awb 9:6; extension, 9:11; the letters: not handling 9:8, decision 9:12 / Wkkgz art. 17), and so
 * does the confirmation, which carries the step plan and the tracking link. Any other message goes
 * by post too, unless the organisation configures a task to phone instead (`paperFallback`).
 */
export type Delivery = 'email' | 'post' | 'phoneTask';
export type PaperFallback = 'post' | 'phoneTask';

export const ALWAYS_ON_PAPER: readonly TemplateKey[] = ['confirmation', 'acknowledgment', 'extensionNotice', 'letter'];

const citizenTemplates = TEMPLATE_KEYS.filter((k) => !STAFF_TEMPLATES.includes(k));

export const paperFallbackSchema = z
  .record(z.string(), z.enum(['post', 'phoneTask']))
  .default({})
  .superRefine((config, ctx) => {
    for (const [key, value] of Object.entries(config)) {
      if (!citizenTemplates.includes(key as TemplateKey))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${key}" is not a message to the complainant (${citizenTemplates.join(', ')})`,
        });
      else if (value === 'phoneTask' && ALWAYS_ON_PAPER.includes(key as TemplateKey))
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" must be in writing: it always goes by post without e-mail` });
    }
  });

/**
 * The organisation's own wording of citizen mail (and of the letters made from it), per language:
 * `{"en": {"confirmation": {"subject": "…", "text": "…"}}}`. Checked at start-up like the shipped
 * ones: only known templates and merge fields.
 */
export const citizenTextsSchema = z
  .partialRecord(z.enum(['nl', 'en']), z.record(z.string(), z.object({ subject: z.string().min(1), text: z.string().min(1) })))
  .default({})
  .superRefine((config, ctx) => {
    for (const [language, templates] of Object.entries(config)) {
      for (const [key, template] of Object.entries(templates ?? {})) {
        if (!citizenTemplates.includes(key as TemplateKey))
          ctx.addIssue({ code: 'custom', path: [language, key], message: `"${key}" is not a message to the complainant` });
        else for (const problem of templateProblems(template)) ctx.addIssue({ code: 'custom', path: [language, key], message: problem });
      }
    }
  });

/** Consent as recorded at intake; cases from before it was asked keep mail unless they asked for letters. */
export function mayEmail(c: { email_consent: boolean | null; contact_preference: string | null }): boolean {
  return c.email_consent ?? c.contact_preference !== 'letter';
}

export function paperDelivery(fallback: Partial<Record<string, PaperFallback>>, template: TemplateKey): PaperFallback {
  if (ALWAYS_ON_PAPER.includes(template)) return 'post';
  return fallback[template] ?? 'post';
}
