import type { FastifyInstance } from 'fastify';
import type { Services } from '../../commands/context.ts';
import type { Env } from '../../config/env.ts';
import { registerActivityRoutes } from './activityRoutes.ts';
import { registerCaseRoutes } from './caseRoutes.ts';
import { registerExportRoutes } from './exportRoutes.ts';
import { registerDirectoryRoutes } from './directoryRoutes.ts';
import { registerDocumentRoutes } from './documentRoutes.ts';
import { registerSessionRoutes } from './sessionRoutes.ts';
import { registerNotificationRoutes } from './notificationRoutes.ts';
import { registerCaseHandlingRoutes } from './caseHandlingRoutes.ts';
import { registerMailboxRoutes } from './mailboxRoutes.ts';
import { registerLetterRoutes } from './letterRoutes.ts';
import { registerOidcRoutes } from './oidcRoutes.ts';
import { registerSavedFilterRoutes } from './savedFilterRoutes.ts';
import { registerProcessRoutes } from './processRoutes.ts';
import { registerDossierRoutes } from './dossierRoutes.ts';
import { registerPersonRoutes } from './personRoutes.ts';
import { registerMandateRoutes } from './mandateRoutes.ts';
import { registerPostRoutes } from './postRoutes.ts';
import { registerMeasureRoutes } from './measureRoutes.ts';
import { registerSurveyRoutes } from './surveyRoutes.ts';
import { registerAnalysisRoutes } from './analysisRoutes.ts';
import { registerReportRoutes } from './reportRoutes.ts';
import { registerReportSubscriptionRoutes } from './reportSubscriptionRoutes.ts';
import { registerImportRoutes } from './importRoutes.ts';
import { registerRetentionRoutes } from './retentionRoutes.ts';
import { registerSubjectRequestRoutes } from './subjectRequestRoutes.ts';
import { registerAdminRoutes } from './adminRoutes.ts';
import { registerAuditRoutes } from './auditRoutes.ts';
import { registerApiClientRoutes } from './apiClientRoutes.ts';
import { registerZgwRoutes } from './zgwRoutes.ts';
import { registerEventSubscriptionRoutes } from './eventSubscriptionRoutes.ts';

export function registerStaffRoutes(
  api: FastifyInstance,
  services: Services,
  env: Pick<Env, 'demo' | 'sessionTtlHours' | 'cookieSecure' | 'oidc' | 'publicUrl' | 'smtp'>,
) {
  registerSessionRoutes(api, services, env);
  // Without a configured provider the OIDC routes do not exist at all.
  if (env.oidc) registerOidcRoutes(api, services, env, env.oidc);
  registerActivityRoutes(api, services);
  registerExportRoutes(api, services);
  registerCaseRoutes(api, services);
  registerDocumentRoutes(api, services);
  registerDirectoryRoutes(api, services);
  registerNotificationRoutes(api, services);
  registerCaseHandlingRoutes(api, services);
  registerMailboxRoutes(api, services, env);
  registerLetterRoutes(api, services);
  registerSavedFilterRoutes(api, services);
  registerProcessRoutes(api, services);
  registerDossierRoutes(api, services);
  registerPersonRoutes(api, services);
  registerMandateRoutes(api, services);
  registerPostRoutes(api, services);
  registerMeasureRoutes(api, services);
  registerSurveyRoutes(api, services);
  registerAnalysisRoutes(api, services);
  registerReportRoutes(api, services);
  registerReportSubscriptionRoutes(api, services);
  registerImportRoutes(api, services);
  registerRetentionRoutes(api, services);
  registerSubjectRequestRoutes(api, services);
  registerAdminRoutes(api, services);
  registerAuditRoutes(api, services);
  registerApiClientRoutes(api, services);
  registerZgwRoutes(api, services);
  registerEventSubscriptionRoutes(api, services);
}
