import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LETTER_KINDS, LETTER_STAGES, STATUS_ROLES } from '../../domain/process/vocabulary.ts';
import { TEMPLATES_NL } from '../../mail/templates.nl.ts';

/**
 * No raw code or key reaches a screen: every name the server can send to the staff app (timeline
 * event types, mail templates, status roles, letter kinds and stages, notification kinds, channels,
 * activity statuses, document types) has words in both dictionaries, and the two dictionaries hold
 * the same keys. A new event type or template without words fails here, not in front of a user.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const I18N = path.join(root, 'web/staff/src/i18n');

async function dictionary(lang: 'nl' | 'en'): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of fs.readdirSync(I18N).filter((f) => new RegExp(`^${lang}[A-Z]?\\w*\\.ts$`).test(f))) {
    const mod = (await import(path.join(I18N, file))) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (value && typeof value === 'object') Object.assign(out, value);
  }
  return out;
}

function serverFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' || e.name === 'demo' ? [] : serverFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The event types server code records: `recordEvent(ctx, { type: '…'` (also when the type is chosen between literals). */
function timelineEventTypes(): Set<string> {
  const types = new Set<string>();
  for (const file of serverFiles(path.join(root, 'server'))) {
    const src = fs.readFileSync(file, 'utf8');
    for (const call of src.matchAll(/recordEvent\(\s*\w+,\s*\{\s*type:\s*([^,\n]+)/g)) {
      // Literals compared with (=== 'done') choose the type; they are not one.
      for (const literal of call[1]!.matchAll(/(?<![=!]==\s*)'([a-zA-Z]+)'/g)) types.add(literal[1]!);
    }
  }
  return types;
}

const staffNoticeKinds = () => {
  const src = fs.readFileSync(path.join(root, 'server/commands/staffNotifications.ts'), 'utf8');
  const union = src.match(/export type StaffNoticeKind = ([^;]+);/)![1]!;
  return [...union.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
};

test('every name the server can send to the staff app has words in Dutch and in English', async () => {
  const nl = await dictionary('nl');
  const en = await dictionary('en');
  const events = timelineEventTypes();
  assert.ok(events.has('statusChanged') && events.has('deadlineWarningSent'), [...events].join());
  const { CHANNELS, ACTIVITY_STATUSES, DOC_TYPES } = await import(path.join(I18N, 'labels.ts'));
  const needed = [
    ...[...events].map((type) => `tl.${type}`),
    ...Object.keys(TEMPLATES_NL).map((key) => `tl.tpl.${key}`),
    ...Object.keys(STATUS_ROLES).map((role) => `process.statusRole.${role}`),
    ...LETTER_KINDS.map((kind) => `letters.kind.${kind}`),
    ...LETTER_STAGES.map((stage) => `letters.status.${stage}`),
    ...staffNoticeKinds().map((kind) => `notifications.kind.${kind}`),
    ...(CHANNELS as string[]).map((c) => `channel.${c}`),
    ...(ACTIVITY_STATUSES as string[]).map((s) => `activityStatus.${s}`),
    ...(DOC_TYPES as string[]).map((d) => `docType.${d}`),
  ];
  const missing = needed.flatMap((key) => [...(key in nl ? [] : [`nl: ${key}`]), ...(key in en ? [] : [`en: ${key}`])]);
  assert.deepEqual(missing, [], `words missing for:\n${missing.join('\n')}`);
});

test('the Dutch and English dictionaries hold the same keys', async () => {
  const nl = await dictionary('nl');
  const en = await dictionary('en');
  const onlyNl = Object.keys(nl).filter((k) => !(k in en));
  const onlyEn = Object.keys(en).filter((k) => !(k in nl));
  assert.deepEqual({ onlyNl, onlyEn }, { onlyNl: [], onlyEn: [] });
});
