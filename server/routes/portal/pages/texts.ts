import { z } from 'zod';
import type { Organisation } from '../../../config/organisation.ts';
import { en } from './texts.en.ts';
import { nl, type PortalTexts } from './texts.nl.ts';

/**
 * The portal's words in the visitor's language: the shipped catalogue (Dutch first, English second),
 * with the organisation's own wording of any plain-text key on top, per language, as its
 * configuration says (`portal.texts`, like `citizenTexts` for mail). The Dutch privacy statement may
 * still come from the older `portal.privacyStatement`.
 */
export type Language = 'nl' | 'en';
export type { PortalTexts };
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
export const isLanguage = (v: unknown): v is Language => v === 'nl' || v === 'en';
const SHIPPED: Record<Language, PortalTexts> = { nl, en };

/** The keys an organisation may word its own way: those whose value is plain text. */
export const OVERRIDABLE_KEYS = Object.keys(nl).filter((k) => typeof nl[k as keyof PortalTexts] === 'string');

export const portalTextsSchema = z
  .partialRecord(z.enum(['nl', 'en']), z.record(z.string(), z.string().trim().min(1)))
  .default({})
  .superRefine((config, ctx) => {
    for (const [language, texts] of Object.entries(config)) {
      for (const key of Object.keys(texts ?? {})) {
        if (!OVERRIDABLE_KEYS.includes(key))
          ctx.addIssue({ code: 'custom', path: [language, key], message: `"${key}" is not a portal text` });
      }
    }
  });

const resolved = new WeakMap<Organisation, Partial<Record<Language, PortalTexts>>>();

export function portalTexts(org: Organisation, lang: Language): PortalTexts {
  const cached = resolved.get(org)?.[lang];
  if (cached) return cached;
  const own: Record<string, string> = {
    ...(lang === 'nl' && org.portal.privacyStatement ? { privacyStatement: org.portal.privacyStatement } : {}),
  };
  Object.assign(own, org.portal.texts?.[lang]);
  const texts = { ...SHIPPED[lang], ...own } as PortalTexts;
  resolved.set(org, { ...resolved.get(org), [lang]: texts });
  return texts;
}

/**
 * What every page is rendered with: the organisation, the language and its words, and `here`, the
 * address this page has for a GET, which the language switch links to in the other language.
 */
export type Portal = { org: Organisation; lang: Language; t: PortalTexts; here: string };

export const portalFor = (org: Organisation, lang: Language, here: string): Portal => ({ org, lang, t: portalTexts(org, lang), here });

export const LANGUAGE_PARAM = 'taal';

/** `path` with `?taal=` set to `lang` (any earlier one replaced). */
export function withLanguage(path: string, lang: Language): string {
  const url = new URL(path, 'http://portal.invalid');
  url.searchParams.delete(LANGUAGE_PARAM);
  url.searchParams.set(LANGUAGE_PARAM, lang);
  return `${url.pathname}${url.search}`;
}

/**
 * A link to another portal page. English carries `?taal=en` along, so the language holds even where
 * the browser keeps no cookie; Dutch, the default, needs nothing.
 */
export const hrefIn = (p: Pick<Portal, 'lang'>, path: string) => (p.lang === 'nl' ? path : withLanguage(path, p.lang));
