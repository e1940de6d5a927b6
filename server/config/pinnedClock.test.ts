import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { startServer } from '../server.ts';
import { createTestDatabase } from '../test/database.ts';
import { fakeClock } from '../test/harness.ts';
import { readEnv } from './env.ts';
import { offsetClock } from './pinnedClock.ts';

/**
 * KLACHTFLOW_PINNED_CLOCK pins the server's clock for tests (the browser journeys run on chosen
 * dates), and a production server refuses it.
 */
const root = path.resolve(import.meta.dirname, '../..');
const SATURDAY = '2026-12-05T09:00:00+01:00';

describe('KLACHTFLOW_PINNED_CLOCK', () => {
  test('is refused unless DEMO is on or NODE_ENV=test, with a message that names it', () => {
    for (const env of [{}, { NODE_ENV: 'production' }, { DEMO: '0', NODE_ENV: 'development' }]) {
      assert.throws(
        () => readEnv({ ...env, KLACHTFLOW_PINNED_CLOCK: SATURDAY }),
        /KLACHTFLOW_PINNED_CLOCK is for tests only and is refused unless DEMO is on or NODE_ENV=test/,
      );
    }
    assert.equal(readEnv({}).pinnedClock, undefined);
    assert.equal(readEnv({ KLACHTFLOW_PINNED_CLOCK: '' }).pinnedClock, undefined, 'empty is not set');
  });

  test('is accepted in demo and test mode as an instant with its offset', () => {
    assert.equal(readEnv({ DEMO: '1', KLACHTFLOW_PINNED_CLOCK: SATURDAY }).pinnedClock?.toISOString(), '2026-12-05T08:00:00.000Z');
    assert.equal(
      readEnv({ NODE_ENV: 'test', KLACHTFLOW_PINNED_CLOCK: '2026-12-28T23:30:00Z' }).pinnedClock?.toISOString(),
      '2026-12-28T23:30:00.000Z',
    );
    // Without an offset the instant would depend on the machine's time zone; not a date at all is refused too.
    for (const bad of ['2026-12-05', '2026-12-05T09:00:00', 'zaterdag', '2026-13-05T09:00:00Z'])
      assert.throws(
        () => readEnv({ DEMO: '1', KLACHTFLOW_PINNED_CLOCK: bad }),
        /KLACHTFLOW_PINNED_CLOCK must be a date and time with its offset/,
      );
  });

  test('starts at the pinned instant and runs on from there', () => {
    const real = fakeClock('2031-07-01T12:00:00Z');
    const clock = offsetClock(new Date(SATURDAY), real);
    assert.equal(clock.now().toISOString(), '2026-12-05T08:00:00.000Z');
    real.advance(90 * 60_000);
    assert.equal(clock.now().toISOString(), '2026-12-05T09:30:00.000Z');
  });

  test('a server started without demo or test mode refuses it and says why', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { ...process.env, DEMO: '0', NODE_ENV: 'production', PORT: '0', KLACHTFLOW_PINNED_CLOCK: SATURDAY, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1, output);
    assert.match(output, /KLACHTFLOW_PINNED_CLOCK is for tests only/);
    assert.doesNotMatch(output, /Klachtflow draait/);
  });

  test('a pinned server dates what it does on that day: a complaint on a Saturday is due on the Monday after six weeks', {
    timeout: 60_000,
  }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-pinned-'));
    const env = readEnv({
      NODE_ENV: 'test',
      KLACHTFLOW_PINNED_CLOCK: SATURDAY,
      DATA_DIR: dataDir,
      PORT: '0',
      // Not DEMO, so outgoing mail needs a server; nothing listens there and nothing needs to arrive.
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: '9',
      LOG_LEVEL: 'silent',
    });
    const server = await startServer(env, { logger: false, database: await createTestDatabase() });
    try {
      const now = server.services.clock.now();
      assert.ok(now.getTime() >= Date.parse(SATURDAY) && now.getTime() < Date.parse(SATURDAY) + 60_000, now.toISOString());
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/portal/complaints',
        payload: {
          kind: 'complaint',
          subject: 'Niemand belt terug',
          description: 'Ik heb drie keer gebeld en wacht nog steeds.',
          contactPreference: 'email',
          name: 'Evi Jangha',
          email: 'evi.jangha@example.org',
          privacyAccepted: true,
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      // Six weeks after Saturday 5 December 2026 is Saturday 16 January 2027: moved to Monday (Atw art. 1).
      assert.equal(res.json().expectedBy, '2027-01-18');
      const kase = await server.services.db.selectFrom('cases').select('received_at').executeTakeFirstOrThrow();
      assert.equal(server.services.calendar.toDate(kase.received_at), '2026-12-05');
    } finally {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
