import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import * as foundation from './migrations/001_foundation.ts';
import * as time from './migrations/002_time.ts';
import * as inboundMail from './migrations/004_inbound_mail.ts';
import * as letters from './migrations/005_letters.ts';
import * as handling from './migrations/006_handling.ts';
import * as outbox from './migrations/007_outbox.ts';
import * as savedFilters from './migrations/008_saved_filters.ts';
import * as queueIndexes from './migrations/009_queue_indexes.ts';
import * as deadlineWarnings from './migrations/010_deadline_warnings.ts';
import * as rateLimits from './migrations/011_rate_limits.ts';
import * as processVersions from './migrations/012_process_versions.ts';
import * as caseFacts from './migrations/013_case_facts.ts';
import * as caseHandlers from './migrations/018_case_handlers.ts';
import * as actionLines from './migrations/015_action_lines.ts';
import * as paperPath from './migrations/016_paper_path.ts';
import * as queueDeadlines from './migrations/017_queue_deadlines.ts';
import * as personIdentity from './migrations/014_person_identity.ts';
import * as staffContact from './migrations/020_staff_contact.ts';
import * as mandates from './migrations/021_mandates.ts';
import * as improvementMeasures from './migrations/022_improvement_measures.ts';
import * as surveyResults from './migrations/024_survey_results.ts';
import * as surveyShortLinks from './migrations/025_survey_short_links.ts';
import * as registerImport from './migrations/026_register_import.ts';
import * as caseFigures from './migrations/027_case_figures.ts';
import * as analysisReports from './migrations/028_analysis_reports.ts';
import * as reportSubscriptions from './migrations/029_report_subscriptions.ts';
import * as administration from './migrations/030_administration.ts';
import * as auditLog from './migrations/032_audit_log.ts';
import * as oidcProvisioning from './migrations/031_oidc_provisioning.ts';
import * as retention from './migrations/033_retention.ts';
import * as subjectRequests from './migrations/034_subject_requests.ts';
import * as apiClients from './migrations/035_api_clients.ts';
import * as bulkMail from './migrations/038_bulk_mail.ts';
import * as citizenAudit from './migrations/039_citizen_audit.ts';
import * as zgw from './migrations/037_zgw.ts';
import * as eventSubscriptions from './migrations/036_event_subscriptions.ts';

/** Migrations are listed here in order, so the bundle needs no file-system scan. */
const migrations: Record<string, Migration> = {
  '001_foundation': foundation,
  '002_time': time,
  '004_inbound_mail': inboundMail,
  '005_letters': letters,
  '006_handling': handling,
  '007_outbox': outbox,
  '008_saved_filters': savedFilters,
  '009_queue_indexes': queueIndexes,
  '010_deadline_warnings': deadlineWarnings,
  '011_rate_limits': rateLimits,
  '012_process_versions': processVersions,
  '013_case_facts': caseFacts,
  '018_case_handlers': caseHandlers,
  '015_action_lines': actionLines,
  '016_paper_path': paperPath,
  '017_queue_deadlines': queueDeadlines,
  '014_person_identity': personIdentity,
  '020_staff_contact': staffContact,
  '021_mandates': mandates,
  '022_improvement_measures': improvementMeasures,
  '024_survey_results': surveyResults,
  '025_survey_short_links': surveyShortLinks,
  '026_register_import': registerImport,
  '027_case_figures': caseFigures,
  '028_analysis_reports': analysisReports,
  '029_report_subscriptions': reportSubscriptions,
  '030_administration': administration,
  '032_audit_log': auditLog,
  '031_oidc_provisioning': oidcProvisioning,
  '033_retention': retention,
  '034_subject_requests': subjectRequests,
  '035_api_clients': apiClients,
  '038_bulk_mail': bulkMail,
  '037_zgw': zgw,
  '036_event_subscriptions': eventSubscriptions,
  '039_citizen_audit': citizenAudit,
};

/**
 * Whether the database has recorded exactly these migrations, read in one query. Kysely's Migrator
 * first introspects every table to find its own: about 300 ms on the embedded database at every
 * start (and in every test's database) when there is nothing to do, most of a restart's budget.
 */
async function upToDate(db: Kysely<any>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const known = Object.keys(migrations);
    return rows.length === known.length && rows.every((r) => r.name in migrations);
  } catch {
    return false; // a new database: no migration table yet
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  if (await upToDate(db)) return;
  // Parallel branches add migrations with lower numbers; each runs once whatever the order.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
