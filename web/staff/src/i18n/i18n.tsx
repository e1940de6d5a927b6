import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nl } from './nl.ts';
import { nlAdminShell } from './nlAdminShell.ts';
import type { nlAdminUsers } from './nlAdminUsers.ts';
import { nlAnalysisShell } from './nlAnalysisShell.ts';
import type { nlApiClients } from './nlApiClients.ts';
import type { nlAudit } from './nlAudit.ts';
import { nlCase } from './nlCase.ts';
import { nlFirstScreens } from './nlFirstScreens.ts';
import { nlClocks } from './nlClocks.ts';
import { nlDossier } from './nlDossier.ts';
import type { nlEvents } from './nlEvents.ts';
import { nlHome } from './nlHome.ts';
import type { nlImport } from './nlImport.ts';
import { nlLetters } from './nlLetters.ts';
import type { nlMeasures } from './nlMeasures.ts';
import { nlPersons } from './nlPersons.ts';
import type { nlPost } from './nlPost.ts';
import type { nlReports } from './nlReports.ts';
import type { nlRetention } from './nlRetention.ts';
import type { nlSubjectRequests } from './nlSubjectRequests.ts';
import type { nlSurveys } from './nlSurveys.ts';
import { nlZgw } from './nlZgw.ts';

/** A tiny dictionary i18n: Dutch by default, English as second locale, no library. */
export type Locale = 'nl' | 'en';
/**
 * The words of the first screens (login, start page, work queue, case page, the menus): in the first
 * load. Each lazily loaded section's own words come with its chunk (i18n/sections/*.ts registers them
 * with addWords when its page's code loads, before the page renders).
 */
const firstWords = {
  ...nl,
  ...nlCase,
  ...nlFirstScreens,
  ...nlHome,
  ...nlLetters,
  ...nlClocks,
  ...nlPersons,
  ...nlDossier,
  ...nlAnalysisShell,
  ...nlAdminShell,
  ...nlZgw,
};
/** The words of the sections that load on demand: their keys type `t`, their text is not in this chunk. */
type SectionWords = typeof nlMeasures &
  typeof nlPost &
  typeof nlReports &
  typeof nlImport &
  typeof nlSurveys &
  typeof nlAdminUsers &
  typeof nlSubjectRequests &
  typeof nlAudit &
  typeof nlApiClients &
  typeof nlEvents &
  typeof nlRetention;
/** The keys of the first load's dictionary: loadEnglish.ts gives English for each. */
export type FirstKey = keyof typeof firstWords;
export type MessageKey = FirstKey | keyof SectionWords;
type Dictionary = Record<MessageKey, string>;
/** Dutch: the first words, and each section's once its chunk has loaded. */
const dutch: Record<string, string> = { ...firstWords };
/** The loaded sections' English, kept for when English itself arrives. */
const sectionEnglish: Record<string, string> = {};

/**
 * A lazily loaded section adds its words (both languages, so switching language needs no second
 * fetch); the compiler checks the English has every Dutch key.
 */
export function addWords<const W extends Record<string, string>>(nlWords: W, enWords: Record<keyof W, string>): void {
  Object.assign(dutch, nlWords);
  Object.assign(sectionEnglish, enWords);
  if (english) Object.assign(english, enWords);
}

/** English comes on request: its chunk is fetched the first time someone chooses it (or had chosen it). */
let english: Dictionary | null = null;
let englishLoad: Promise<Dictionary> | null = null;
function loadEnglish(): Promise<Dictionary> {
  // The sections loaded before English keep their English (it came with them).
  englishLoad ??= import('./loadEnglish.ts').then((m) => (english = { ...m.english, ...sectionEnglish } as Dictionary));
  return englishLoad;
}
/** The English words once loaded (api/errors.ts words the server's field errors in English with them). */
export const englishWords = (): Dictionary | null => english;
export type Vars = Record<string, string | number>;
export type Bilingual = { nl: string; en: string };

const STORAGE_KEY = 'klachtflow.locale';
const TIME_ZONE = 'Europe/Amsterdam';

export function format(template: string, vars?: Vars): string {
  return vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;
}

type I18n = {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** A text the server sends in both languages (process labels, status names). */
  l: (label: Bilingual | null | undefined) => string;
  has: (key: string) => key is MessageKey;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  // Someone who chose English last time: nothing is shown until its words are here (no Dutch flash).
  const [ready, setReady] = useState(() => locale === 'nl' || !!english);
  useEffect(() => {
    if (!ready) loadEnglish().then(() => setReady(true));
  }, [ready]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    const apply = () => {
      setLocaleState(l);
      try {
        localStorage.setItem(STORAGE_KEY, l);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
    };
    if (l === 'en' && !english) loadEnglish().then(apply);
    else apply();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: ready is when the English words (a module variable) have arrived.
  const value = useMemo<I18n>(() => {
    const dict = (locale === 'en' && english ? english : dutch) as Dictionary;
    const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
    const dateFmt = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
    const dateTimeFmt = new Intl.DateTimeFormat(tag, {
      timeZone: TIME_ZONE,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    // A civil date ("2026-12-28") is a day, not an instant: format it at noon UTC so no zone shifts it.
    const asInstant = (iso: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
    return {
      locale,
      setLocale,
      t: (key, vars) => format(dict[key] ?? key, vars),
      l: (label) => (label ? label[locale] || label.nl : ''),
      has: (key): key is MessageKey => key in dict,
      date: (iso) => (iso ? dateFmt.format(asInstant(iso)) : ''),
      dateTime: (iso) => (iso ? dateTimeFmt.format(asInstant(iso)) : ''),
    };
  }, [locale, setLocale, ready]);
  if (!ready) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
