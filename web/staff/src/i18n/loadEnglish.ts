import type { MessageKey } from './i18n.tsx';
import { en } from './en.ts';
import { enCase } from './enCase.ts';
import { enFirstScreens } from './enFirstScreens.ts';
import { enClocks } from './enClocks.ts';
import { enDossier } from './enDossier.ts';
import { enHome } from './enHome.ts';
import { enLetters } from './enLetters.ts';
import { enMeasures } from './enMeasures.ts';
import { enPersons } from './enPersons.ts';
import { enPost } from './enPost.ts';
import { enSurveys } from './enSurveys.ts';
import { enImport } from './enImport.ts';
import { enReports } from './enReports.ts';
import { enAnalysisShell } from './enAnalysisShell.ts';
import { enAdminShell } from './enAdminShell.ts';
import { enAdminUsers } from './enAdminUsers.ts';
import { enSubjectRequests } from './enSubjectRequests.ts';
import { enAudit } from './enAudit.ts';
import { enApiClients } from './enApiClients.ts';
import { enEvents } from './enEvents.ts';
import { enRetention } from './enRetention.ts';
import { enZgw } from './enZgw.ts';

/**
 * The English dictionary: a chunk of its own, fetched only when someone chooses English (i18n.tsx),
 * so the first load carries the Dutch words alone.
 */
export const english: Record<MessageKey, string> = {
  ...en,
  ...enCase,
  ...enFirstScreens,
  ...enHome,
  ...enLetters,
  ...enClocks,
  ...enPersons,
  ...enPost,
  ...enDossier,
  ...enMeasures,
  ...enSurveys,
  ...enReports,
  ...enImport,
  ...enAnalysisShell,
  ...enAdminShell,
  ...enAdminUsers,
  ...enSubjectRequests,
  ...enAudit,
  ...enApiClients,
  ...enEvents,
  ...enZgw,
  ...enRetention,
};
