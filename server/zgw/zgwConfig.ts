import { z } from 'zod';

/**
 * Registering cases in a zaaksysteem through the ZGW APIs (organisation JSON `zgw`; docs/zgw.md).
 * Off by default. The URLs of the catalogue's objects (zaaktype, statustypen, resultaattypen,
 * informatieobjecttype) are copied from the zaaksysteem (Open Zaak's admin shows them). Statuses are
 * mapped from the processes' citizen steps (the steps a complainant sees in the portal), results from
 * the standard fact `outcome`; the credentials come from the environment, never from this file.
 */
const url = z.string().url();
const rsin = z.string().regex(/^\d{9}$/, 'een RSIN van 9 cijfers');
const vertrouwelijkheid = z.enum([
  'openbaar',
  'beperkt_openbaar',
  'intern',
  'zaakvertrouwelijk',
  'vertrouwelijk',
  'confidentieel',
  'geheim',
  'zeer_geheim',
]);
export const zgwResultSchema = z.strictObject({
  resultaattype: url,
  /** The archive class sent with the result (Selectielijst): destroy after the period, or keep permanently. */
  archiefnominatie: z.enum(['vernietigen', 'blijvend_bewaren']),
  /** The Selectielijst's resultaat (e.g. https://selectielijst.openzaak.nl/api/v1/resultaten/…). */
  selectielijstklasse: url.optional(),
});
export type ZgwResult = z.output<typeof zgwResultSchema>;

export const zgwConfigSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Base URLs, e.g. https://openzaak.example.nl/zaken/api/v1 (no trailing slash needed). */
  zakenApi: url,
  documentenApi: url,
  catalogiApi: url,
  /** The RSIN of the organisation that registers the zaak (and of its documents). */
  bronorganisatie: rsin,
  /** The RSIN of the organisation responsible for handling; the bronorganisatie when absent. */
  verantwoordelijkeOrganisatie: rsin.optional(),
  zaaktype: url,
  /** The informatieobjecttype of documents on the case, and of letters (the documents' one when absent). */
  informatieobjecttype: url,
  letterInformatieobjecttype: url.optional(),
  /** Citizen step key (the process definition's `citizenSteps`) → statustype URL. A step without one is not sent. */
  statusTypes: z.record(z.string().min(1), url),
  /** Value of the standard fact `outcome` → resultaattype with its archive class; `default` for any other. */
  results: z.record(z.string().min(1), zgwResultSchema),
  vertrouwelijkheidaanduiding: vertrouwelijkheid.default('zaakvertrouwelijk'),
  /** Only cases of these processes are registered; all when absent. */
  processes: z.array(z.string().min(1)).optional(),
  /** The environment variables holding the Applicatie's client_id and secret. */
  clientIdEnv: z.string().default('ZGW_CLIENT_ID'),
  secretEnv: z.string().default('ZGW_SECRET'),
});
export type ZgwConfig = z.output<typeof zgwConfigSchema>;

export type ZgwCredentials = { clientId: string; secret: string };

/** The credentials from the environment; refused with the variable's name when ZGW is on and one is missing. */
export function zgwCredentialsFromEnv(config: ZgwConfig, env: NodeJS.ProcessEnv = process.env): ZgwCredentials {
  const clientId = env[config.clientIdEnv]?.trim();
  const secret = env[config.secretEnv]?.trim();
  if (!clientId) throw new Error(`zgw is enabled but ${config.clientIdEnv} (the Applicatie's client_id) is not set`);
  if (!secret) throw new Error(`zgw is enabled but ${config.secretEnv} (the Applicatie's secret) is not set`);
  return { clientId, secret };
}

/** Which result a closed case gets: its outcome's, else `default`; undefined when neither is configured. */
export const resultFor = (config: ZgwConfig, outcome: unknown): ZgwResult | undefined =>
  (typeof outcome === 'string' ? config.results[outcome] : undefined) ?? config.results.default;

/** Checks the mapping against the processes: every mapped step must be a citizen step of one of them. */
export function checkZgwConfig(config: ZgwConfig, citizenStepKeys: ReadonlySet<string>): void {
  for (const step of Object.keys(config.statusTypes)) {
    if (!citizenStepKeys.has(step)) throw new Error(`zgw.statusTypes names "${step}", which is no citizen step of the processes`);
  }
}
