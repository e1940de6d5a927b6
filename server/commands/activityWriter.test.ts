import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const serverDir = path.resolve(import.meta.dirname, '..');
const WRITER = path.join(serverDir, 'commands', 'activityWriter.ts');

/** Every .ts file under server/ except tests and migrations (they may shape data in bulk). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

test('activity rows are written in one place: commands/activityWriter.ts', () => {
  const writes = /insertInto\(\s*['"]activity['"]\s*\)|\binsert\s+into\s+activity\b/i;
  const others = sourceFiles(serverDir)
    .filter((f) => f !== WRITER && writes.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(serverDir, f));
  assert.deepEqual(others, [], 'write activities through writeActivity or writeRegisteredActivity');
  assert.match(fs.readFileSync(WRITER, 'utf8'), writes, 'the writer itself was found');
});
