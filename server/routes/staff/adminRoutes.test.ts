import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { writeActivity } from '../../commands/activityWriter.ts';
import type { StaffActor } from '../../commands/context.ts';
import { asActor, buildStaff, createTestApp, loginHeaders } from '../../test/harness.ts';

/**
 * Administration over HTTP (issue 13 point 1): users made, changed, given roles and teams, and
 * deactivated (no login, sessions ended, not offered for assignment); teams and units; a substitute
 * who sees the absent colleague's work while they are away, except where Awb 9:7 keeps a case from
 * them; every change in the change record; nothing of it for anyone without user:manage.
 */
describe('administration over HTTP', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: StaffActor;
  let coordinator: StaffActor;
  const h: Record<string, Record<string, string>> = {};
  before(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-11T09:00:00Z'); // a Wednesday
    admin = await buildStaff(t.services, { roles: ['administrator'], name: 'Bea Beheer' });
    coordinator = await buildStaff(t.services, { roles: ['coordinator'], teams: ['coordinators'], name: 'Cor Coördinator' });
    h.admin = await loginHeaders(t.services, admin);
    h.coordinator = await loginHeaders(t.services, coordinator);
  });
  after(() => t.close());

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (method: Method, url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (method: Method, url: string, payload?: unknown, as = h.admin!) => {
    const res = await call(method, url, as, payload);
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  type Change = { action: string; by: string; at: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };
  const teamOf = async (key: string) =>
    ((await ok('GET', '/admin/teams')).items as { id: string; key: string; name: string }[]).find((x) => x.key === key)!;

  test('create a user with roles, a team and a unit; change them; every change recorded before → after', async () => {
    const unit = await ok('POST', '/admin/org-units', { name: 'Afdeling Wonen' });
    assert.deepEqual([unit.key, unit.fromConfig, unit.parent], ['afdeling-wonen', false, null]);
    const sub = await ok('POST', '/admin/org-units', { name: 'Bouwtoezicht', parentId: unit.id });
    assert.equal(sub.parent.name, 'Afdeling Wonen');
    const circle = await call('PATCH', `/admin/org-units/${unit.id}`, h.admin!, { parentId: sub.id });
    assert.equal(circle.statusCode, 400);
    assert.equal(circle.json().invalidParams[0].name, 'parentId');

    const team = await ok('POST', '/admin/teams', { name: 'Team Vergunningen', orgUnitId: unit.id });
    assert.deepEqual([team.key, team.fromConfig, team.orgUnit.name, team.memberCount], ['team-vergunningen', false, 'Afdeling Wonen', 0]);
    const created = await call('POST', '/admin/users', h.admin!, {
      name: 'Ilse Jansen',
      email: ' Ilse.Jansen@Gemeente.example ',
      roles: ['backOffice'],
      teamIds: [team.id],
      orgUnitId: unit.id,
      jobTitle: 'Klachtbehandelaar',
    });
    assert.equal(created.statusCode, 201, created.body);
    const u = created.json();
    assert.deepEqual(
      [u.name, u.email, u.roles, u.active, u.orgUnit.name, u.teams.map((x: { name: string }) => x.name), u.linked],
      ['Ilse Jansen', 'Ilse.Jansen@Gemeente.example', ['backOffice'], true, 'Afdeling Wonen', ['Team Vergunningen'], false],
    );

    const dup = await call('POST', '/admin/users', h.admin!, {
      name: 'Ander',
      email: 'ilse.jansen@gemeente.example',
      roles: ['department'],
    });
    assert.equal(dup.statusCode, 400);
    assert.match(dup.headers['content-type'] as string, /problem\+json/);
    assert.deepEqual(
      dup.json().invalidParams.map((p: { name: string }) => p.name),
      ['email'],
    );
    const noRole = await call('POST', '/admin/users', h.admin!, { name: 'Ander', email: 'a@b.example', roles: [] });
    assert.equal(noRole.json().invalidParams[0].name, 'body.roles');

    t.clock.advance(60_000);
    const { id: kcc, name: kccName } = await teamOf('kcc');
    const changed = await ok('PATCH', `/admin/users/${u.id}`, { roles: ['backOffice', 'teamLead'], teamIds: [team.id, kcc] });
    assert.deepEqual(changed.roles, ['backOffice', 'teamLead']);
    assert.deepEqual(changed.teams.map((x: { name: string }) => x.name).sort(), [kccName, 'Team Vergunningen'].sort());
    const changes = changed.changes as Change[];
    assert.deepEqual(
      changes.map((c) => c.action),
      ['userChanged', 'userCreated'],
    );
    assert.deepEqual(changes[0]!.before, { roles: ['backOffice'], teams: ['Team Vergunningen'] });
    assert.deepEqual(changes[0]!.after, { roles: ['backOffice', 'teamLead'], teams: [kccName, 'Team Vergunningen'].sort() });
    assert.equal(changes[0]!.by, 'Bea Beheer');
    assert.equal(changes[0]!.at, '2026-03-11T09:01:00.000Z');
    // The team keeps who joined, the config team too; its name is the configuration's.
    const kccTeam = await ok('GET', `/admin/teams/${kcc}`);
    assert.equal(kccTeam.fromConfig, true);
    assert.deepEqual(
      (kccTeam.changes as Change[]).map((c) => [c.action, c.after]),
      [['memberAdded', { member: 'Ilse Jansen' }]],
    );
    assert.ok(kccTeam.members.some((m: { name: string }) => m.name === 'Ilse Jansen'));
    const rename = await call('PATCH', `/admin/teams/${kcc}`, h.admin!, { name: 'Klantcontact' });
    assert.equal(rename.statusCode, 409, 'a configured team is renamed in the configuration');
    const renamed = await ok('PATCH', `/admin/teams/${team.id}`, { name: 'Team Vergunningen en Toezicht' });
    assert.deepEqual((renamed.changes as Change[])[0]!.after, { name: 'Team Vergunningen en Toezicht' });
    const list = await ok('GET', '/admin/users?q=ilse');
    assert.deepEqual(
      list.items.map((x: { name: string }) => x.name),
      ['Ilse Jansen'],
    );

    // An account the identity provider keeps (031) gets its roles and teams from the provider's groups.
    await t.services.db.updateTable('staff_user').set({ managed_by_provider: true }).where('id', '=', u.id).execute();
    assert.equal((await call('PATCH', `/admin/users/${u.id}`, h.admin!, { roles: ['backOffice'] })).statusCode, 409);
    assert.equal((await call('PATCH', `/admin/users/${u.id}`, h.admin!, { phone: '088 123 45 67' })).statusCode, 200);

    // Four eyes: one's own roles are given by someone else.
    const self = await call('PATCH', `/admin/users/${admin.id}`, h.admin!, { roles: ['administrator', 'coordinator'] });
    assert.equal(self.statusCode, 403);
    assert.equal((await call('PATCH', `/admin/users/${admin.id}`, h.admin!, { name: 'Bea de Beheerder' })).statusCode, 200);
    assert.equal((await call('POST', `/admin/users/${admin.id}/deactivation`, h.admin!)).statusCode, 403);
  });

  test('deactivated: sessions ended, no login, not offered or accepted for assignment; reactivated: back', async () => {
    const leaver = await buildStaff(t.services, { roles: ['backOffice'], teams: ['backOffice'], name: 'Vera Vertrek' });
    const session = await loginHeaders(t.services, leaver);
    assert.equal((await call('GET', '/session', session)).statusCode, 200);
    const u = await ok('POST', `/admin/users/${leaver.id}/deactivation`);
    assert.equal(u.active, false);
    assert.equal((await call('GET', '/session', session)).statusCode, 401, 'the open session has ended');
    assert.equal((await call('GET', '/session', await loginHeaders(t.services, leaver))).statusCode, 401, 'no new session either');
    const offered = (await ok('GET', '/users', undefined, h.coordinator)).items as { id: string }[];
    assert.ok(!offered.some((x) => x.id === leaver.id), 'not offered for assignment');
    const activity = await asActor(t.services, coordinator, (ctx) =>
      writeActivity(ctx, { kind: 'intake', channel: 'phone', subject: 'Terugbellen' }),
    );
    const assign = await call('POST', `/activities/${activity}/assignment`, h.coordinator!, { userId: leaver.id });
    assert.equal(assign.statusCode, 400, 'nor accepted');
    assert.equal((await call('POST', `/admin/users/${leaver.id}/deactivation`, h.admin!)).statusCode, 409);
    const inactive = await ok('GET', '/admin/users?status=inactive');
    assert.ok(inactive.items.some((x: { id: string }) => x.id === leaver.id));

    const back = await ok('POST', `/admin/users/${leaver.id}/reactivation`);
    assert.equal(back.active, true);
    assert.deepEqual(
      (back.changes as Change[]).map((c) => [c.action, c.before, c.after]),
      [
        ['userReactivated', { active: false }, { active: true }],
        ['userDeactivated', { active: true }, { active: false }],
      ],
    );
    assert.equal((await call('GET', '/session', await loginHeaders(t.services, leaver))).statusCode, 200);
  });

  test("a substitute sees the absent colleague's work in their queue, except a case about themselves (Awb 9:7)", async () => {
    const absent = await buildStaff(t.services, { roles: ['department'], teams: ['department'], name: 'Arie Afwezig' });
    const substitute = await buildStaff(t.services, { roles: ['department'], name: 'Vincent Vervanger' });
    const newCase = async (subject: string) =>
      (
        await ok(
          'POST',
          '/cases',
          {
            subject,
            description: 'De medewerker aan de balie was onbeleefd.',
            channel: 'letter',
            complainant: { name: 'Ria de Vries', email: 'ria@example.org', street: 'Dorpsstraat 1', postcode: '1234 AB', city: 'Dorp' },
          },
          h.coordinator,
        )
      ).id as string;
    const caseA = await newCase('Onbeleefd behandeld');
    const caseB = await newCase('Over de vervanger');
    await ok('POST', `/cases/${caseB}/complained-persons`, { userId: substitute.id }, h.coordinator);
    const task = (caseId: string, subject: string) =>
      asActor(t.services, coordinator, (ctx) =>
        writeActivity(ctx, {
          kind: 'task',
          channel: 'internal',
          subject,
          case: { id: caseId, caseType: 'complaint' },
          assignee: { userId: absent.id, teamId: null },
        }),
      );
    const taskA = await task(caseA, 'Advies geven over de klacht');
    const taskB = await task(caseB, 'Advies over de vervanger');

    const withSubstitute = await ok('POST', `/admin/users/${absent.id}/substitutions`, {
      substituteId: substitute.id,
      startsOn: '2026-03-09',
      endsOn: '2026-03-20',
    });
    assert.deepEqual(
      withSubstitute.substitutions.map((s: { substitute: { name: string }; startsOn: string; endsOn: string }) => [
        s.substitute.name,
        s.startsOn,
        s.endsOn,
      ]),
      [['Vincent Vervanger', '2026-03-09', '2026-03-20']],
    );
    assert.deepEqual((withSubstitute.changes as Change[])[0]!.after, {
      substitute: 'Vincent Vervanger',
      startsOn: '2026-03-09',
      endsOn: '2026-03-20',
    });

    const hs = await loginHeaders(t.services, substitute);
    const mine = (await ok('GET', '/activities?queue=mine', undefined, hs)).items as { id: string; assignee: { name: string } | null }[];
    assert.deepEqual(
      mine.map((a) => a.id),
      [taskA],
      'the absent colleague’s work, without the case about the substitute',
    );
    assert.equal(mine[0]!.assignee?.name, 'Arie Afwezig', 'still on the absent colleague’s name');
    assert.equal((await call('GET', `/cases/${caseA}`, hs)).statusCode, 200, 'the substitute may open the case');
    assert.equal((await call('GET', `/cases/${caseB}`, hs)).statusCode, 404, 'Awb 9:7: not the case about them');
    assert.equal((await call('GET', `/activities/${taskB}`, hs)).statusCode, 404);
    // Overlapping, a past period, oneself, someone who works no queue: refused, naming the field.
    const refused = async (body: object, field: string) => {
      const res = await call('POST', `/admin/users/${absent.id}/substitutions`, h.admin!, body);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().invalidParams[0].name, field, res.body);
    };
    await refused({ substituteId: coordinator.id, startsOn: '2026-03-19', endsOn: '2026-03-27' }, 'startsOn');
    await refused({ substituteId: coordinator.id, startsOn: '2026-02-01', endsOn: '2026-02-10' }, 'endsOn');
    await refused({ substituteId: absent.id, startsOn: '2026-04-01', endsOn: '2026-04-10' }, 'substituteId');
    await refused({ substituteId: admin.id, startsOn: '2026-04-01', endsOn: '2026-04-10' }, 'substituteId');

    // After the last day the work is no longer theirs.
    t.clock.set('2026-03-21T09:00:00Z');
    const later = await loginHeaders(t.services, substitute);
    assert.deepEqual((await ok('GET', '/activities?queue=mine', undefined, later)).items, []);
    assert.equal((await call('GET', `/cases/${caseA}`, later)).statusCode, 404);
    t.clock.set('2026-03-11T09:00:00Z');
    await ok('DELETE', `/admin/substitutions/${withSubstitute.substitutions[0].id}`);
    const gone = await ok('GET', `/admin/users/${absent.id}`);
    assert.deepEqual(gone.substitutions, []);
    assert.equal((gone.changes as Change[])[0]!.action, 'substituteRemoved');
  });

  test('only an administrator: 403 for everyone else, before the body is looked at; bad input is 400 naming the field', async () => {
    for (const [method, url] of [
      ['GET', '/admin/users'],
      ['POST', '/admin/users'],
      ['GET', '/admin/teams'],
      ['POST', '/admin/org-units'],
      ['POST', `/admin/users/${admin.id}/deactivation`],
    ] as const) {
      const res = await call(method, url, h.coordinator!, method === 'POST' ? {} : undefined);
      assert.equal(res.statusCode, 403, `${method} ${url}`);
      assert.match(res.headers['content-type'] as string, /problem\+json/);
    }
    const bad = await call('POST', '/admin/users', h.admin!, { name: '', email: 'geen-adres', roles: ['koning'] });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.email', 'body.name', 'body.roles.0'],
    );
    assert.equal((await call('GET', '/admin/users/00000000-0000-4000-8000-000000000000', h.admin!)).statusCode, 404);
  });
});
