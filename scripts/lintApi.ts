/**
 * npm run lint:api — the served OpenAPI document against the NL API Design Rules (Logius's Spectral
 * ruleset, vendored in config/adr/) plus Spectral's own OpenAPI rules. Builds the app in-process
 * without a database (nothing is started or listened on), with an OIDC provider configured (never
 * contacted) so the login routes are in it, writes `app.swagger()` to a temporary file
 * and runs the Spectral CLI on it. Exit 1 on any error (warnings are printed, and fail too).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildApp } from '../server/app.ts';
import type { Services } from '../server/commands/context.ts';
import { loadOrganisation } from '../server/config/organisation.ts';
import { createBusinessCalendar } from '../server/domain/calendar/workingDays.ts';
import { registerFeatures } from '../server/engine/features.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RULESET = path.join(ROOT, 'config/adr/spectral.yaml');

export type Finding = { code: string; message: string; path: string[]; severity: 'error' | 'warning' | 'info' | 'hint' };

/** The document the server serves at /api/v1/openapi.json, from an app with no database behind it. */
export async function openApiDocument(orgFile?: string): Promise<Record<string, unknown>> {
  const org = loadOrganisation(orgFile);
  registerFeatures();
  const unused = new Proxy(
    {},
    {
      get: () => {
        throw new Error('lint:api builds the app without a database');
      },
    },
  );
  const services = {
    db: unused,
    processes: unused,
    storage: unused,
    clock: { now: () => new Date(0) },
    org,
    calendar: createBusinessCalendar({ timeZone: 'Europe/Amsterdam', extraHolidays: org.clocks.extraHolidays }),
    publicUrl: 'http://localhost',
  } as unknown as Services;
  const app = await buildApp({
    services,
    env: {
      demo: false,
      sessionTtlHours: 8,
      cookieSecure: false,
      publicUrl: 'http://localhost',
      // The OIDC routes exist only with a provider configured; discovery waits for the first login, so
      // a provider that is never contacted is enough for them to be in the document (and linted).
      oidc: { issuer: 'https://idp.example.invalid', clientId: 'klachtflow', clientSecret: 'lint-api' },
      smtp: undefined,
      logLevel: 'silent',
    },
    logger: false,
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

/** Spectral's findings on a document (its CLI, so the ruleset runs exactly as in anyone's terminal). */
export async function lintDocument(doc: unknown): Promise<Finding[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-lint-api-'));
  try {
    const file = path.join(dir, 'openapi.json');
    const out = path.join(dir, 'findings.json');
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    const bin = path.join(ROOT, 'node_modules/.bin/spectral');
    await promisify(execFile)(bin, ['lint', '-q', '-r', RULESET, '-f', 'json', '-o', out, '--fail-severity', 'error', file]).catch(
      (error: { code?: number }) => {
        if (error.code !== 1) throw error; // 1: findings at or above the fail severity, read below
      },
    );
    const raw = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<{ code: string; message: string; path: string[]; severity: number }>;
    return raw.map((r) => ({ code: r.code, message: r.message, path: r.path.map(String), severity: SEVERITY[r.severity] ?? 'error' }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const findings = await lintDocument(await openApiDocument());
  for (const f of findings) console.log(`${f.severity.padEnd(7)} ${f.code}  ${f.path.join(' › ')}\n        ${f.message}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  console.log(`lint:api — NL API Design Rules + spectral:oas: ${errors} errors, ${warnings} warnings`);
  process.exit(findings.length ? 1 : 0);
}
