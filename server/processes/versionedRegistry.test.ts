import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publishProcessVersion, saveProcessDraft, type ProcessFile } from '../commands/processVersions.ts';
import type { AppError } from '../domain/errors.ts';
import { asActor, buildStaff, createTestServices, type TestEnv } from '../test/harness.ts';
import { openProcessRegistry } from './versionedRegistry.ts';

/**
 * The versions store on both databases: start-up records a shipped file once and again only when
 * it changes; a version published in the app wins over an unchanged file; a draft keeps the next
 * number; a second instance on the same database finds a version published elsewhere.
 */
let t: TestEnv;
let kcc: ProcessFile;
const KEY = 'kcc-complaint';

before(async () => {
  t = await createTestServices();
  const def = t.services.processes.get(KEY)!;
  // The definition as its file gives it: take it from the version start-up recorded.
  const row = await t.services.db
    .selectFrom('process_version')
    .select('definition')
    .where('process_key', '=', KEY)
    .where('version', '=', 1)
    .executeTakeFirstOrThrow();
  const { version: _v, ...input } = row.definition as Record<string, unknown>;
  kcc = { key: def.key, input: { ...input, version: 1 } };
});
after(() => t.close());

const open = (files: ProcessFile[]) =>
  openProcessRegistry({ db: t.services.db, files, validate: t.services.processes.validate, now: t.clock.now() });
const states = async () =>
  (
    await t.services.db
      .selectFrom('process_version')
      .select(['version', 'state', 'source'])
      .where('process_key', '=', KEY)
      .orderBy('version')
      .execute()
  ).map((r) => `${r.version}:${r.state}:${r.source}`);
const withPeriod = (days: number): ProcessFile => ({
  key: KEY,
  input: { ...kcc.input, periods: { ...(kcc.input.periods as object), informationWait: { days } } },
});
/** A changed definition as the process owner uploads it: another label of the first status. */
function relabelled(label: string) {
  const input = structuredClone(kcc.input) as { statuses: { label: { nl: string; en: string } }[] };
  input.statuses[0]!.label = { nl: label, en: label };
  return input as unknown as Record<string, unknown>;
}

describe('process versions', () => {
  test('the first start-up recorded the file as version 1; the same file again records nothing', async () => {
    assert.deepEqual(await states(), ['1:published:file']);
    const again = await open([kcc]);
    assert.deepEqual(again.recorded, []);
    assert.equal(again.get(KEY)!.version, 1);
    assert.equal(again.forCase({ process_key: KEY, process_version: 1 }).key, KEY);
  });

  test('a changed file becomes the next published version; the old one is retired and still serves its cases', async () => {
    const reg = await open([withPeriod(21)]);
    assert.deepEqual(reg.recorded, [{ key: KEY, version: 2 }]);
    assert.deepEqual(await states(), ['1:retired:file', '2:published:file']);
    assert.deepEqual(reg.get(KEY)!.periods.informationWait, { days: 21 });
    assert.deepEqual(reg.forCase({ process_key: KEY, process_version: 1 }).periods.informationWait, { days: 14 });
    assert.deepEqual(reg.forCase({ process_key: KEY, process_version: 2 }).periods.informationWait, { days: 21 });
  });

  test('a version published in the app wins over an unchanged file, until the file changes again', async () => {
    const owner = await buildStaff(t.services, { roles: ['processOwner'], name: 'Henk Peters' });
    const draft = await asActor(t.services, owner, (ctx) => saveProcessDraft(ctx, KEY, relabelled('Eerst kijken')));
    assert.equal(draft.version, 3);
    assert.equal(draft.state, 'draft');
    await asActor(t.services, owner, (ctx) => publishProcessVersion(ctx, KEY, 3));
    assert.deepEqual(await states(), ['1:retired:file', '2:retired:file', '3:published:upload']);

    const restarted = await open([withPeriod(21)]);
    assert.deepEqual(restarted.recorded, [], 'the file has not changed since version 2');
    assert.equal(restarted.get(KEY)!.version, 3);
    assert.equal(restarted.get(KEY)!.statuses[0]!.label.nl, 'Eerst kijken');

    const changed = await open([withPeriod(28)]);
    assert.deepEqual(changed.recorded, [{ key: KEY, version: 4 }]);
    assert.equal(changed.get(KEY)!.version, 4);
    assert.notEqual(changed.get(KEY)!.statuses[0]!.label.nl, 'Eerst kijken');
  });

  test('a draft keeps the next number: a file recorded meanwhile takes it and the draft moves up', async () => {
    const owner = await buildStaff(t.services, { roles: ['processOwner'] });
    const draft = await asActor(t.services, owner, (ctx) => saveProcessDraft(ctx, KEY, relabelled('Concept')));
    assert.equal(draft.version, 5);
    const again = await asActor(t.services, owner, (ctx) => saveProcessDraft(ctx, KEY, relabelled('Concept, tweede poging')));
    assert.equal(again.version, 5, 'saving again replaces the one draft');
    const reg = await open([withPeriod(35)]);
    assert.deepEqual(reg.recorded, [{ key: KEY, version: 5 }]);
    assert.deepEqual((await states()).slice(-2), ['5:published:file', '6:draft:upload']);
    await asActor(t.services, owner, (ctx) => publishProcessVersion(ctx, KEY, 6));
    await reg.refresh();
    assert.equal(reg.get(KEY)!.version, 6);
    assert.equal(reg.get(KEY)!.statuses[0]!.label.nl, 'Concept, tweede poging');
  });

  test('publishing twice, or a version that does not exist, is refused', async () => {
    const owner = await buildStaff(t.services, { roles: ['processOwner'] });
    await assert.rejects(
      asActor(t.services, owner, (ctx) => publishProcessVersion(ctx, KEY, 6)),
      (e: AppError) => e.code === 'conflict',
    );
    await assert.rejects(
      asActor(t.services, owner, (ctx) => publishProcessVersion(ctx, KEY, 99)),
      (e: AppError) => e.code === 'not_found',
    );
  });

  test('a broken definition is not saved: every problem is named', async () => {
    const owner = await buildStaff(t.services, { roles: ['processOwner'] });
    const broken = { ...relabelled('x'), initialStatus: 'nowhere', transitions: [] };
    await assert.rejects(
      asActor(t.services, owner, (ctx) => saveProcessDraft(ctx, KEY, broken)),
      (e: AppError) => e.code === 'invalid' && e.invalidParams.length >= 1 && e.invalidParams.every((p) => p.name === 'body.definition'),
    );
    assert.ok(!(await states()).some((s) => s.endsWith(':draft:upload')));
  });

  test('another instance on the same database: a miss asks to try again and fetches the version; the interval refresh switches new cases', async () => {
    const other = await open([withPeriod(35)]);
    const owner = await buildStaff(t.services, { roles: ['processOwner'] });
    await asActor(t.services, owner, (ctx) => saveProcessDraft(ctx, KEY, relabelled('Elders gepubliceerd')));
    await asActor(t.services, owner, (ctx) => publishProcessVersion(ctx, KEY, 7));
    assert.equal(other.get(KEY)!.version, 6, 'not yet seen');
    assert.throws(
      () => other.forCase({ process_key: KEY, process_version: 7 }),
      (e: AppError) => e.code === 'conflict',
    );
    await other.refresh();
    assert.equal(other.forCase({ process_key: KEY, process_version: 7 }).statuses[0]!.label.nl, 'Elders gepubliceerd');
    assert.equal(other.get(KEY)!.version, 7);
    assert.equal(other.defaultProcess.version, 7);
  });
});
