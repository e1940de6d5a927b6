import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from './appRoot.ts';
import { z } from 'zod';
import { clockConfigSchema } from '../domain/calendar/clockConfig.ts';
import { durationSchema } from '../domain/process/definition.ts';
import { letterheadSchema, lettersConfigSchema, plainLanguageSchema, resolveLetterhead } from '../letters/letterConfig.ts';
import { resolveTheme, themeSchema } from './theme.ts';
import { checkOidcMapping, oidcMappingSchema } from './oidcMapping.ts';
import { citizenTextsSchema, paperFallbackSchema } from '../post/paperPolicy.ts';
import { portalTextsSchema } from '../routes/portal/pages/texts.ts';
import { retentionConfigSchema } from '../retention/retentionConfig.ts';
import { zgwConfigSchema } from '../zgw/zgwConfig.ts';

/**
 * What an organisation differs in: its name, reference prefix, teams, chosen processes, upload
 * limits and texts. Read from a JSON file (ORG_CONFIG), validated at start-up.
 */
export const organisationSchema = z.object({
  name: z.string().min(1),
  referencePrefix: z.string().regex(/^[A-Z]{1,6}$/),
  contact: z
    .object({ email: z.string().email().optional(), phone: z.string().optional(), website: z.string().url().optional() })
    .default({}),
  /** `manager`: who a process step may inform about a complaint on this unit (seed 001: the department's manager). */
  orgUnits: z
    .array(
      z.object({
        key: z.string().min(1),
        name: z.string().min(1),
        parent: z.string().optional(),
        manager: z.object({ name: z.string().min(1), email: z.email() }).optional(),
      }),
    )
    .default([]),
  teams: z.array(z.object({ key: z.string().min(1), name: z.string().min(1), orgUnit: z.string().optional() })).min(1),
  /** Shipped preset keys (config/processes/) or the organisation's own definition files (.json, relative to this file). */
  processes: z.array(z.string().min(1)).min(1),
  /** Set by loadOrganisation: the configuration file's folder, which own definition files are relative to. */
  configDir: z.string().optional(),
  /** Per process: periods that override the preset's (e.g. a longer information wait). */
  processSettings: z.record(z.string(), z.object({ periods: z.record(z.string(), durationSchema).default({}) })).default({}),
  clocks: clockConfigSchema.prefault({}),
  /** The citizen portal: which team's queue web complaints land in, and its texts. */
  portal: z
    .object({
      intakeTeam: z.string().optional(),
      /** The Dutch privacy statement (the shipped one otherwise); per language: `texts.<lang>.privacyStatement`. */
      privacyStatement: z.string().trim().min(1).optional(),
      otherRequestsUrl: z.string().url().optional(),
      /** The organisation's own wording of the portal's plain-text keys, per language: `{"en": {"intro": "…"}}` (pages/texts.nl.ts). */
      texts: portalTextsSchema,
    })
    .prefault({}),
  /** Which staff notifications also go by e-mail (they are always in the app's notification list). */
  staffMail: z
    .object({
      assignment: z.boolean().default(false),
      deadlineWarning: z.boolean().default(true),
      measureNotice: z.boolean().default(false),
      measureReminder: z.boolean().default(true),
      /** Scheduled report mail (report_subscription): off, nothing is sent and nobody can subscribe; existing subscriptions wait. */
      reportMail: z.boolean().default(true),
    })
    .prefault({}),
  /**
   * Improvement measures (seed 002): the owner is reminded this many working days before the due date;
   * the check counts complaints of the measure's ground over these many months before and after.
   */
  measures: z
    .object({
      reminderLeadWorkingDays: z.number().int().min(0).max(60).default(5),
      monthsBefore: z.number().int().min(1).max(24).default(3),
      monthsAfter: z.number().int().min(1).max(24).default(3),
    })
    .prefault({}),
  /**
   * The satisfaction survey (seed 000 business rule 5): an answer at or below this score asks for the
   * case to be looked at again, as a task for `reviewTeam`, due within `reviewWithinWorkingDays`.
   * Off (null) by default.
   */
  survey: z
    .object({
      reviewWhenScoreAtMost: z.number().int().min(1).max(5).nullable().default(null),
      reviewTeam: z.string().min(1).optional(),
      reviewWithinWorkingDays: z.number().int().min(1).max(60).default(5),
    })
    .prefault({}),
  documents: z
    .object({
      maxBytes: z
        .number()
        .int()
        .positive()
        .default(10 * 1024 * 1024),
      allowedTypes: z
        .array(z.string())
        .default([
          'application/pdf',
          'image/jpeg',
          'image/png',
          'text/plain',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'message/rfc822',
        ]),
    })
    .prefault({}),
  /** Letters: the letterhead, the plain-language warning level, and the bodies and texts letters name. */
  letterhead: letterheadSchema.optional(),
  plainLanguage: plainLanguageSchema.prefault({}),
  letters: lettersConfigSchema.prefault({}),
  /** A message for a complainant without e-mail (or consent): "post" (default) or "phoneTask", per template (README "Paper"). */
  paperFallback: paperFallbackSchema,
  /** The organisation's own texts of citizen mail per language (README "Paper"); the shipped ones otherwise. */
  citizenTexts: citizenTextsSchema,
  /** The apps' look: design-token overrides and a logo (theme.ts); absent, the default voorbeeld theme. */
  theme: themeSchema.optional(),
  /** Staff accounts from the OpenID provider: groups → roles and teams (oidcMapping.ts, docs/oidc.md); absent, accounts are made in Klachtflow. */
  oidc: oidcMappingSchema.optional(),
  /** Retention periods per case type and outcome, and quarantined mail's period (retention/retentionConfig.ts). */
  retention: retentionConfigSchema.prefault({}),
  /** Registering cases as zaken in a zaaksysteem through the ZGW APIs (zgw/zgwConfig.ts, docs/zgw.md); absent or not enabled: off. */
  zgw: zgwConfigSchema.optional(),
});
export type Organisation = z.output<typeof organisationSchema>;

export const DEMO_ORGANISATION_FILE = path.join(APP_ROOT, 'config/demo-organisation.json');

export function loadOrganisation(file = DEMO_ORGANISATION_FILE): Organisation {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read the organisation configuration ${file}: ${(err as Error).message}`);
  }
  const parsed = organisationSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid organisation configuration ${file}:\n${lines.join('\n')}`);
  }
  const org = parsed.data;
  org.configDir = path.dirname(path.resolve(file));
  org.letterhead = resolveLetterhead(org.letterhead, path.dirname(path.resolve(file)));
  org.theme = resolveTheme(org.theme, path.dirname(path.resolve(file)), org.name);
  const units = new Set(org.orgUnits.map((u) => u.key));
  for (const t of org.teams) {
    if (t.orgUnit && !units.has(t.orgUnit)) throw new Error(`Team "${t.key}" names unknown org unit "${t.orgUnit}"`);
  }
  checkOidcMapping(org.oidc, new Set(org.teams.map((t) => t.key)));
  if (org.portal.intakeTeam && !org.teams.some((t) => t.key === org.portal.intakeTeam)) {
    throw new Error(`portal.intakeTeam names unknown team "${org.portal.intakeTeam}"`);
  }
  if (org.survey.reviewWhenScoreAtMost !== null && !org.teams.some((t) => t.key === org.survey.reviewTeam)) {
    throw new Error(
      `survey.reviewTeam must name a configured team when survey.reviewWhenScoreAtMost is set (got "${org.survey.reviewTeam ?? ''}")`,
    );
  }
  return org;
}
