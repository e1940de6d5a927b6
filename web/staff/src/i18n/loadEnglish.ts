import type { FirstKey } from './i18n.tsx';
import { en } from './en.ts';
import { enAdminShell } from './enAdminShell.ts';
import { enAnalysisShell } from './enAnalysisShell.ts';
import { enCase } from './enCase.ts';
import { enFirstScreens } from './enFirstScreens.ts';
import { enClocks } from './enClocks.ts';
import { enDossier } from './enDossier.ts';
import { enHome } from './enHome.ts';
import { enLetters } from './enLetters.ts';
import { enPersons } from './enPersons.ts';
import { enZgw } from './enZgw.ts';

/**
 * The English dictionary of the first screens: a chunk of its own, fetched only when someone chooses
 * English (i18n.tsx), so the first load carries the Dutch words alone. A lazily loaded section's
 * English comes with that section (i18n/sections/).
 */
export const english: Record<FirstKey, string> = {
  ...en,
  ...enCase,
  ...enFirstScreens,
  ...enHome,
  ...enLetters,
  ...enClocks,
  ...enPersons,
  ...enDossier,
  ...enAnalysisShell,
  ...enAdminShell,
  ...enZgw,
};
