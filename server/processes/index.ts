import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../config/appRoot.ts';
import type { Organisation } from '../config/organisation.ts';
import type { ProcessDefinition } from '../domain/process/definition.ts';
import { ProcessDefinitionError, validateProcess } from '../domain/process/validateProcess.ts';
import { CASELESS_TEMPLATES, STAFF_TEMPLATES, TEMPLATE_KEYS } from '../mail/templates.nl.ts';

/**
 * The shipped presets are JSON files in config/processes/, one per seed organisation. An
 * organisation's configuration names a preset by its key or its own definition file (a path ending
 * in .json, relative to the configuration file): copy a preset, adapt it, and name the copy.
 */
export const PRESET_DIR = path.join(APP_ROOT, 'config/processes');
export const SCHEMA_FILE = path.join(PRESET_DIR, 'process-definition.schema.json');

/** The keys of the shipped presets (their file names). */
export const presetKeys = () =>
  fs
    .readdirSync(PRESET_DIR)
    .filter((f) => f.endsWith('.json') && f !== path.basename(SCHEMA_FILE))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();

const isFileRef = (ref: string) => ref.endsWith('.json') || ref.includes('/');

/** Where a configuration's process reference points: a shipped preset, or the organisation's own file. */
export function definitionFile(ref: string, configDir: string | undefined) {
  if (isFileRef(ref)) return path.resolve(configDir ?? process.cwd(), ref);
  return path.join(PRESET_DIR, `${ref}.json`);
}

export function readDefinitionFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ProcessDefinitionError(path.basename(file, '.json'), ['(file): cannot be read; name a shipped preset or a .json file'], file);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ProcessDefinitionError(path.basename(file, '.json'), [`(file): not valid JSON: ${(err as Error).message}`], file);
  }
}

export type ProcessRegistry = {
  get(key: string): ProcessDefinition | undefined;
  all(): ProcessDefinition[];
  defaultProcess: ProcessDefinition;
};

/** What a definition is checked against besides itself: the organisation's teams and the mail templates. */
export const validationContextOf = (org: Organisation, file?: string) => ({
  teams: org.teams.map((t) => t.key),
  templates: TEMPLATE_KEYS.filter((k) => !CASELESS_TEMPLATES.includes(k)),
  staffTemplates: STAFF_TEMPLATES,
  file,
});

/** Applies the organisation's period overrides to a raw definition; an unknown period is a problem of the configuration. */
export function withOrganisationSettings(org: Organisation, raw: unknown, ref: string): unknown {
  const def = raw as { key?: string; periods?: Record<string, unknown> };
  const key = typeof def?.key === 'string' ? def.key : ref;
  const overrides = org.processSettings[key]?.periods ?? {};
  for (const period of Object.keys(overrides)) {
    if (!def.periods || !(period in def.periods))
      throw new Error(`The organisation configuration sets unknown period "${period}" of process "${key}"`);
  }
  return { ...def, periods: { ...def.periods, ...overrides } };
}

/**
 * Checks one definition against this organisation exactly as start-up does: the same validation for
 * a shipped file and for a definition changed in the app (the process owner's page).
 */
export function validateForOrganisation(org: Organisation, raw: unknown, file?: string): ProcessDefinition {
  const def = validateProcess(raw, validationContextOf(org, file));
  // A case may be given any of the process's regimes: a housing regulation's terms are needed for each.
  if ([def.regime, ...def.otherRegimes].includes('reglement') && !org.clocks.reglement)
    throw new ProcessDefinitionError(def.key, ['regime: "reglement" needs clocks.reglement terms in the organisation configuration'], file);
  return def;
}

/** The processes as their files give them: validated, and as written (with the configuration's periods) for the version store. */
export type LoadedProcesses = ProcessRegistry & {
  files: { key: string; input: Record<string, unknown> }[];
  validate: (raw: unknown) => ProcessDefinition;
};

/**
 * Reads and validates the organisation's processes at start-up; a problem stops the server with file,
 * path and reason. Which version of each runs is then decided by the version store
 * (versionedRegistry.ts): these files are recorded there as versions when they change.
 */
export function loadProcesses(org: Organisation): LoadedProcesses {
  const loaded = org.processes.map((ref) => {
    const file = definitionFile(ref, org.configDir);
    const raw = withOrganisationSettings(org, readDefinitionFile(file), ref) as Record<string, unknown>;
    return { def: validateForOrganisation(org, raw, file), raw };
  });
  const defs = loaded.map((l) => l.def);
  const byKey = new Map<string, ProcessDefinition>();
  for (const d of defs) {
    if (byKey.has(d.key)) throw new Error(`The organisation configuration names process "${d.key}" twice`);
    byKey.set(d.key, d);
  }
  return {
    get: (key) => byKey.get(key),
    all: () => defs,
    defaultProcess: defs[0]!,
    files: loaded.map((l) => ({ key: l.def.key, input: l.raw })),
    validate: (raw) => validateForOrganisation(org, raw),
  };
}
