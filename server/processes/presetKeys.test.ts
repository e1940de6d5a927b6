import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { EFFECTS, FACTS, GUARDS, LETTER_KINDS, STATUS_ROLES, TRIGGERS } from '../domain/process/vocabulary.ts';
import { ROLES, SYSTEM_ROLE } from '../domain/roles.ts';
import { PRESET_DIR, presetKeys } from './index.ts';

/**
 * The process is the contract: engine code asks a definition (server/domain/process/roles.ts, the
 * standard facts) which status or step plays a part, and never names a preset's own keys. This test
 * collects every status, step and input key of the shipped presets and fails when a string literal
 * (quotes, backticks, JSX attribute, literal type) or a property name in engine code equals one.
 * Comments do not count. Only the vocabulary's own names and a few generic words below are allowed.
 */
const root = path.resolve(import.meta.dirname, '../..');

/** Engine words: a preset may reuse them as keys, and engine code names them for its own meaning. */
const VOCABULARY = new Set<string>([
  ...Object.keys(FACTS),
  ...Object.values(FACTS).flatMap((f) => ('values' in f ? [...f.values] : [])),
  ...Object.keys(STATUS_ROLES),
  ...Object.keys(TRIGGERS),
  ...Object.keys(GUARDS),
  ...Object.keys(EFFECTS),
  ...LETTER_KINDS,
  ...ROLES,
  SYSTEM_ROLE,
]);

/** Words that are not a preset's concepts, each with what it means in engine code. Keep this list short. */
const GENERIC = new Map<string, string>([
  ['note', "an internal note on a case: the note table, an input's target 'note', the note field of commands and forms"],
  ['closed', 'a closed case or activity in general (closed_at is set), as in queue filters and texts'],
  [
    'received',
    "a case's receipt in general (received_at, the day its terms start), as in the analysis figures' cases received in a period beside closed",
  ],
]);

/**
 * Ordinary property names that happen to equal a preset key: allowed as property names only (never as
 * a string), and where `file` is given only in that file.
 */
const PROPERTY_WORDS = new Map<string, { why: string; file?: string }>([
  ['close', { why: 'the close() of a database, server or listener' }],
  ['complete', { why: 'completeness.ts and its presenters: whether a complaint has its formal parts (Awb 9:4)' }],
  ['decided', { why: 'whether a letter has fixed the regime', file: 'server/commands/caseRegime.ts' }],
  ['registered', { why: 'whether the contact was registered', file: 'web/staff/src/components/intake/ContactForm.tsx' }],
  [
    'solution',
    {
      why: 'a merge field of the informalConfirmation mail template, which a definition fills through sendMessage vars',
      file: 'server/mail/templates.nl.ts',
    },
  ],
]);

/**
 * Hits whose fix needs files another change is editing: the case's abilities (policies/casePolicy.ts)
 * and their response schema (presenters/staff/schemas.ts) must first tell the app what the step
 * is. Reported; remove an entry with its fix (the test fails once an entry no longer occurs).
 */
const PENDING: { file: string; key: string; fix: string }[] = [];
const isPending = (h: Hit) => PENDING.some((p) => p.file === h.file && p.key === h.key);

type Hit = { file: string; line: number; key: string; how: string };

/** Engine code: the server and the staff app, without tests, test helpers, demo content and migrations. */
function engineFiles(): string[] {
  // testSupport.ts files are helpers only tests import (letters/testSupport.ts walks the KCC preset).
  const skip = [/\.test\.tsx?$/, /(^|\/)testSupport\.ts$/, /^server\/demo\//, /^server\/test\//, /^server\/db\/migrations\//];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(rel);
      } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') && !skip.some((r) => r.test(rel))) out.push(rel);
    }
  };
  walk('server');
  walk('web/staff/src');
  return out.sort();
}

/** Every status, step (transition) and input key of the shipped presets, with where each comes from. */
function presetVocabulary(): { keys: Map<string, string[]>; inputs: Set<string> } {
  const keys = new Map<string, string[]>();
  const inputs = new Set<string>();
  const add = (key: string, what: string) => keys.set(key, [...(keys.get(key) ?? []), what]);
  for (const preset of presetKeys()) {
    const def = JSON.parse(fs.readFileSync(path.join(PRESET_DIR, `${preset}.json`), 'utf8')) as {
      statuses: { key: string }[];
      transitions: { key: string; inputs?: { key: string }[] }[];
    };
    for (const s of def.statuses) add(s.key, `status of ${preset}`);
    for (const t of def.transitions) {
      add(t.key, `step of ${preset}`);
      for (const i of t.inputs ?? []) {
        add(i.key, `input of ${preset}.${t.key}`);
        inputs.add(i.key);
      }
    }
  }
  return { keys, inputs };
}

/**
 * Where a file names a preset key: a string literal equal to any of them; a member access
 * (`values.contactMethod`) or property name (`{ contactMethod: … }`) equal to an input key, since
 * inputs are the keys of a step's values and of the case's data.
 */
function namesIn(file: string, keys: ReadonlySet<string>, inputKeys: ReadonlySet<string>): Hit[] {
  const allowed = (k: string) => PROPERTY_WORDS.has(k) && (!PROPERTY_WORDS.get(k)!.file || PROPERTY_WORDS.get(k)!.file === file);
  const asProperty = new Set([...keys].filter((k) => !allowed(k)));
  const inputsAsProperty = new Set([...inputKeys].filter((k) => asProperty.has(k)));
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const hits: Hit[] = [];
  const hit = (node: ts.Node, key: string, how: string, among = keys) => {
    if (!among.has(key)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    hits.push({ file, line, key, how });
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) hit(node, node.text, 'string');
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) hit(node, node.text, 'template text');
    else if (ts.isPropertyAccessExpression(node)) hit(node.name, node.name.text, 'member access', inputsAsProperty);
    else if ((ts.isPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isMethodDeclaration(node)) && ts.isIdentifier(node.name))
      hit(node.name, node.name.text, 'property name', asProperty);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return hits;
}

test('engine code names no status, step or input key of a preset', () => {
  const { keys: presetKeysFound, inputs } = presetVocabulary();
  assert.ok(presetKeysFound.size > 50, `preset keys collected: ${presetKeysFound.size}`);
  const forbidden = new Set([...presetKeysFound.keys()].filter((k) => !VOCABULARY.has(k) && !GENERIC.has(k)));
  const files = engineFiles();
  assert.ok(files.length > 100, `engine files scanned: ${files.length}`);
  const found = files.flatMap((f) => namesIn(f, forbidden, new Set([...inputs].filter((k) => forbidden.has(k)))));
  const hits = found.filter((h) => !isPending(h));
  const report = hits.map((h) => `  ${h.file}:${h.line}  "${h.key}" (${h.how}; ${presetKeysFound.get(h.key)![0]})`);
  assert.equal(
    hits.length,
    0,
    `Engine code names preset keys; ask the definition instead (server/domain/process/roles.ts: status roles, triggers, facts):\n${report.join('\n')}`,
  );
  const fixed = PENDING.filter((p) => !found.some((h) => h.file === p.file && h.key === p.key));
  assert.deepEqual(fixed, [], 'fixed: remove these from PENDING');
});

test('the allowed words are still preset keys (otherwise drop them from the lists)', () => {
  const { keys } = presetVocabulary();
  for (const word of [...GENERIC.keys(), ...PROPERTY_WORDS.keys()])
    assert.ok(keys.has(word) && !VOCABULARY.has(word) && !(GENERIC.has(word) && PROPERTY_WORDS.has(word)), `"${word}" need not be listed`);
});
