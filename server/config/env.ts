import path from 'node:path';
import { z } from 'zod';
import type { S3Config } from '../storage/s3Storage.ts';
import { parsePinnedClock } from './pinnedClock.ts';

/**
 * Everything an installation differs in at start-up comes from the environment (README lists it).
 * Parsed once, validated, and refused with a message naming the variable when wrong.
 */
const boolish = z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no', '']).transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  DEMO: boolish.default(false),
  PUBLIC_URL: z.string().url().optional(),
  ORG_CONFIG: z.string().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(10),
  COOKIE_SECURE: boolish.optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: boolish.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Incoming mail by SMTP (server/mail/inbound/smtpListener.ts): on when INBOUND_SMTP_PORT is set.
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().default('127.0.0.1'),
  INBOUND_SMTP_DOMAINS: z.string().default(''),
  INBOUND_SMTP_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  // Incoming mail by IMAP (server/mail/inbound/imapReader.ts): on when IMAP_HOST is set.
  IMAP_HOST: z.string().optional(),
  IMAP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  IMAP_SECURE: boolish.default(true),
  IMAP_USER: z.string().optional(),
  IMAP_PASSWORD: z.string().optional(),
  IMAP_MAILBOX: z.string().default('INBOX'),
  IMAP_INTERVAL_SECONDS: z.coerce.number().positive().default(60),
  // Documents and raw mail in S3-compatible object storage (server/storage/s3Storage.ts): on when S3_BUCKET is set.
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: boolish.default(false),
  // GET /metrics answers only with this bearer token; without it the route is not there (404).
  METRICS_TOKEN: z.string().min(16).optional(),
  // Tests only (server/config/pinnedClock.ts): the server's clock starts at this instant.
  KLACHTFLOW_PINNED_CLOCK: z.string().optional(),
  NODE_ENV: z.string().optional(),
});

export type Env = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  publicUrl: string;
  orgConfigPath: string | undefined;
  oidc: { issuer: string; clientId: string; clientSecret: string } | undefined;
  sessionTtlHours: number;
  cookieSecure: boolean;
  logLevel: string;
  /** Which proxies may set X-Forwarded-For (addresses or a hop count); none by default. */
  trustProxy: string | number | boolean;
  /** Outgoing mail; absent → in DEMO the built-in mailbox, otherwise start-up refuses. */
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string } | undefined;
  mailFrom: string;
  /** Incoming SMTP listener; undefined when INBOUND_SMTP_PORT is not set. */
  inboundSmtp: { host: string; port: number; domains: string[]; maxBytes: number } | undefined;
  /** Mailbox reader; undefined when IMAP_HOST is not set. */
  imap: { host: string; port: number; secure: boolean; user: string; password: string; mailbox: string; intervalMs: number } | undefined;
  /** Object storage for documents and raw mail; undefined → files under DATA_DIR/files. */
  s3: S3Config | undefined;
  /** The bearer token /metrics asks for; undefined → /metrics answers 404 (fail closed). */
  metricsToken: string | undefined;
  /** Tests only: the instant the server's clock starts at (it runs on from there); never in production. */
  pinnedClock?: Date;
};

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new Error('Invalid configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together');
  }
  if (e.OIDC_ISSUER) {
    // The redirect URI is built from PUBLIC_URL; a default of localhost would break production logins.
    if (!e.PUBLIC_URL) throw new Error('Invalid configuration: OIDC needs PUBLIC_URL (the address users reach Klachtflow on)');
    const issuer = new URL(e.OIDC_ISSUER);
    if (issuer.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname)) {
      throw new Error('Invalid configuration: OIDC_ISSUER must use https (http only for a provider on this machine)');
    }
  }
  if ((e.S3_ENDPOINT || e.S3_ACCESS_KEY_ID || e.S3_SECRET_ACCESS_KEY) && !e.S3_BUCKET) {
    throw new Error('Invalid configuration: S3_ENDPOINT and the S3 keys need S3_BUCKET');
  }
  if (!!e.S3_ACCESS_KEY_ID !== !!e.S3_SECRET_ACCESS_KEY) {
    throw new Error('Invalid configuration: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  }
  if (e.IMAP_HOST && (!e.IMAP_USER || e.IMAP_PASSWORD === undefined)) {
    throw new Error('Invalid configuration: IMAP_HOST needs IMAP_USER and IMAP_PASSWORD');
  }
  const pinnedClock = parsePinnedClock(e.KLACHTFLOW_PINNED_CLOCK, { demo: e.DEMO, test: e.NODE_ENV === 'test' });
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    demo: e.DEMO,
    publicUrl,
    orgConfigPath: e.ORG_CONFIG,
    oidc: e.OIDC_ISSUER ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET! } : undefined,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    logLevel: e.LOG_LEVEL,
    trustProxy:
      e.TRUST_PROXY === undefined
        ? false
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY === 'true'
            ? true
            : e.TRUST_PROXY,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, password: e.SMTP_PASSWORD }
      : undefined,
    mailFrom: e.MAIL_FROM ?? `klachten@${new URL(publicUrl).hostname}`,
    inboundSmtp:
      e.INBOUND_SMTP_PORT === undefined
        ? undefined
        : {
            host: e.INBOUND_SMTP_HOST,
            port: e.INBOUND_SMTP_PORT,
            domains: e.INBOUND_SMTP_DOMAINS.split(',')
              .map((d) => d.trim())
              .filter(Boolean),
            maxBytes: e.INBOUND_SMTP_MAX_BYTES,
          },
    imap: e.IMAP_HOST
      ? {
          host: e.IMAP_HOST,
          port: e.IMAP_PORT ?? (e.IMAP_SECURE ? 993 : 143),
          secure: e.IMAP_SECURE,
          user: e.IMAP_USER!,
          password: e.IMAP_PASSWORD!,
          mailbox: e.IMAP_MAILBOX,
          intervalMs: e.IMAP_INTERVAL_SECONDS * 1000,
        }
      : undefined,
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT,
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          credentials: e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY! } : undefined,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : undefined,
    metricsToken: e.METRICS_TOKEN,
    pinnedClock,
  };
}
