import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { grantsFromClaims, groupsLeftOut, oidcMappingSchema } from '../../config/oidcMapping.ts';
import { DEMO_ORGANISATION_FILE, loadOrganisation } from '../../config/organisation.ts';
import { buildStaff, createTestApp } from '../../test/harness.ts';
import { type App, browser, CLIENT, startTestProvider, type TestProvider } from '../../test/oidcProvider.ts';

/**
 * Accounts from the organisation's OpenID provider (organisation JSON `oidc`): the first login makes
 * the account, every login sets roles and teams from the provider's groups, a login without a mapped
 * role is refused with a page and leaves no active account, and an administrator's deactivation
 * holds. Against a real provider (test/oidcProvider.ts) whose `groups` claim needs its own scope.
 */
const MAPPING = {
  groupsClaim: 'groups',
  scopes: ['groups'],
  roles: { 'klachten-coordinatoren': ['coordinator'], 'kcc-medewerkers': ['firstLineAgent'], 'kcc-leiding': ['teamLead'] },
  teams: { 'klachten-coordinatoren': ['coordinators'], 'kcc-medewerkers': ['kcc'], 'kcc-leiding': ['kcc'] },
};

describe('staff accounts provisioned by the OpenID provider', () => {
  let t: App;
  let idp: TestProvider;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-oidc-'));
    const org = { ...JSON.parse(fs.readFileSync(DEMO_ORGANISATION_FILE, 'utf8')), oidc: MAPPING };
    fs.writeFileSync(path.join(dir, 'org.json'), JSON.stringify(org));
    idp = await startTestProvider();
    t = await createTestApp({ oidc: { issuer: idp.issuer, ...CLIENT }, orgFile: path.join(dir, 'org.json') });
  });
  after(async () => {
    await t.close();
    await idp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Logs `sub` in through the provider; the final answer of Klachtflow's callback. */
  async function login(sub: string) {
    idp.who = sub;
    const b = browser(t);
    const callback = await b.toCallback('/werkvoorraad');
    const res = await b.get(callback.href);
    return { res, b };
  }
  const account = (sub: string) =>
    t.services.db
      .selectFrom('staff_user')
      .select(['id', 'name', 'email', 'roles', 'active', 'managed_by_provider'])
      .select((eb) =>
        eb
          .selectFrom('team_member')
          .innerJoin('team', 'team.id', 'team_member.team_id')
          .select((e) => e.fn.agg<string[]>('array_agg', ['team.key']).as('k'))
          .whereRef('team_member.user_id', '=', 'staff_user.id')
          .as('teams'),
      )
      .where('oidc_subject', '=', sub)
      .executeTakeFirst();
  const changes = (userId: string) =>
    t.services.db
      .selectFrom('admin_change')
      .select(['action', 'actor_id', 'actor_name', 'before', 'after'])
      .where('subject_type', '=', 'user')
      .where('subject_id', '=', userId)
      .orderBy('id')
      .execute();
  const refusedPage = (res: { status: number; contentType: string; body: string }) => {
    assert.equal(res.status, 403, res.body);
    assert.match(res.contentType, /^text\/html/);
    assert.match(res.body, /<html lang="nl"/);
    assert.match(res.body, /<h1[^>]*>U heeft geen toegang tot Klachtflow<\/h1>/);
    assert.match(res.body, /Vraag de beheerder van Klachtflow om u toegang te geven/);
  };

  test('the first login makes the account from the claims, with the mapped roles and teams, and asks the groups scope', async () => {
    idp.accounts.set('sub-fatima', {
      email: 'fatima.el.amrani@voorbeeld.example',
      email_verified: true,
      name: 'Fatima El Amrani',
      groups: ['klachten-coordinatoren', 'een-groep-zonder-betekenis'],
    });
    idp.who = 'sub-fatima';
    const b = browser(t);
    const start = await b.get('/api/v1/oidc/login?returnTo=%2Fwerkvoorraad');
    const scope = new URL(start.location!).searchParams.get('scope')!.split(' ');
    assert.deepEqual(scope.sort(), ['email', 'groups', 'openid', 'profile']);

    const { res, b: browsed } = await login('sub-fatima');
    assert.equal(res.status, 302, res.body);
    assert.equal(res.location, '/werkvoorraad');
    const me = JSON.parse((await browsed.get('/api/v1/session')).body);
    assert.equal(me.user.name, 'Fatima El Amrani');
    const row = await account('sub-fatima');
    assert.deepEqual(
      { name: row?.name, email: row?.email, roles: row?.roles, teams: row?.teams, active: row?.active, managed: row?.managed_by_provider },
      {
        name: 'Fatima El Amrani',
        email: 'fatima.el.amrani@voorbeeld.example',
        roles: ['coordinator'],
        teams: ['coordinators'],
        active: true,
        managed: true,
      },
    );
    const [made, ...more] = await changes(row!.id);
    assert.equal(more.length, 0);
    assert.equal(made!.action, 'userCreated');
    assert.equal(made!.actor_id, null);
    assert.equal(made!.actor_name, 'Identiteitsprovider (bij inloggen)');
    // The same account snapshot administration records: the provider gives no unit, job title or phone.
    assert.deepEqual(made!.after, {
      name: 'Fatima El Amrani',
      email: 'fatima.el.amrani@voorbeeld.example',
      roles: ['coordinator'],
      teams: ['Klachtencoördinatoren'],
      orgUnit: null,
      jobTitle: null,
      phone: null,
      active: true,
    });
  });

  test('at each later login the roles and teams follow the groups, and the change is in the change record', async () => {
    idp.accounts.set('sub-gijs', {
      email: 'gijs@voorbeeld.example',
      email_verified: true,
      name: 'Gijs Bakker',
      groups: ['kcc-medewerkers'],
    });
    assert.equal((await login('sub-gijs')).res.status, 302);
    const { id } = (await account('sub-gijs'))!;
    assert.equal((await login('sub-gijs')).res.status, 302); // nothing changed: nothing recorded
    assert.equal((await changes(id)).length, 1);

    idp.accounts.set('sub-gijs', { email: 'gijs@voorbeeld.example', email_verified: true, name: 'Gijs Bakker', groups: ['kcc-leiding'] });
    const { res, b } = await login('sub-gijs');
    assert.equal(res.status, 302, res.body);
    assert.deepEqual(JSON.parse((await b.get('/api/v1/session')).body).user.roles, ['teamLead']);
    const row = (await account('sub-gijs'))!;
    assert.deepEqual([row.roles, row.teams], [['teamLead'], ['kcc']]);
    const last = (await changes(id)).at(-1)!;
    assert.equal(last.action, 'userChanged');
    assert.deepEqual([last.before, last.after], [{ roles: ['firstLineAgent'] }, { roles: ['teamLead'] }]);
  });

  test('an account made in Klachtflow is taken over at its first login: the groups decide from then on', async () => {
    const hanna = await buildStaff(t.services, { roles: ['backOffice', 'administrator'], teams: ['backOffice'] });
    idp.accounts.set('sub-hanna', { email: hanna.email, email_verified: true, name: 'Hanna Smit', groups: ['klachten-coordinatoren'] });
    assert.equal((await login('sub-hanna')).res.status, 302);
    const row = (await account('sub-hanna'))!;
    assert.deepEqual([row.id, row.roles, row.teams, row.managed_by_provider], [hanna.id, ['coordinator'], ['coordinators'], true]);
  });

  test('no mapped role: a page saying whom to ask, no account made; losing the last role deactivates the account until a group returns', async () => {
    idp.accounts.set('sub-ivo', {
      email: 'ivo@voorbeeld.example',
      email_verified: true,
      name: 'Ivo Jansen',
      groups: ['een-groep-zonder-betekenis'],
    });
    const first = await login('sub-ivo');
    refusedPage(first.res);
    assert.equal(first.b.cookie('kf_session'), undefined);
    assert.equal(await account('sub-ivo'), undefined);
    assert.equal(
      await t.services.db.selectFrom('staff_user').select('id').where('email', '=', 'ivo@voorbeeld.example').executeTakeFirst(),
      undefined,
    );

    // Ivo gets a group, works, and then leaves it: his open session ends and the account is off.
    idp.accounts.set('sub-ivo', { email: 'ivo@voorbeeld.example', email_verified: true, name: 'Ivo Jansen', groups: ['kcc-medewerkers'] });
    const working = await login('sub-ivo');
    assert.equal(working.res.status, 302);
    idp.accounts.set('sub-ivo', { email: 'ivo@voorbeeld.example', email_verified: true, name: 'Ivo Jansen', groups: [] });
    refusedPage((await login('sub-ivo')).res);
    const off = (await account('sub-ivo'))!;
    assert.deepEqual([off.active, off.roles, off.teams], [false, [], null]);
    assert.equal((await working.b.get('/api/v1/session')).status, 401);
    const withdrawn = (await changes(off.id)).at(-1)!;
    assert.equal(withdrawn.action, 'userDeactivated');
    assert.deepEqual(withdrawn.after, { roles: [], teams: [], active: false });

    // The provider is the source of truth: back in the group, back in Klachtflow.
    idp.accounts.set('sub-ivo', { email: 'ivo@voorbeeld.example', email_verified: true, name: 'Ivo Jansen', groups: ['kcc-medewerkers'] });
    assert.equal((await login('sub-ivo')).res.status, 302);
    assert.deepEqual((await account('sub-ivo'))!.active, true);
    assert.equal((await changes(off.id)).at(-1)!.action, 'userReactivated');
  });

  test('an account an administrator deactivated stays refused, whatever the groups say', async () => {
    idp.accounts.set('sub-jet', { email: 'jet@voorbeeld.example', email_verified: true, name: 'Jet de Boer', groups: ['kcc-medewerkers'] });
    assert.equal((await login('sub-jet')).res.status, 302);
    const { id } = (await account('sub-jet'))!;
    const recorded = (await changes(id)).length;
    await t.services.db.updateTable('staff_user').set({ active: false }).where('id', '=', id).execute();
    refusedPage((await login('sub-jet')).res);
    assert.equal((await account('sub-jet'))!.active, false);
    assert.equal((await changes(id)).length, recorded);

    // Withdrawn by the provider, then reactivated and deactivated again by an administrator: the
    // administrator's word holds (the mark of the provider's withdrawal went with the reactivation).
    idp.accounts.set('sub-kees', { email: 'kees@voorbeeld.example', email_verified: true, name: 'Kees Vos', groups: ['kcc-medewerkers'] });
    assert.equal((await login('sub-kees')).res.status, 302);
    idp.accounts.set('sub-kees', { email: 'kees@voorbeeld.example', email_verified: true, name: 'Kees Vos', groups: [] });
    refusedPage((await login('sub-kees')).res);
    const kees = (await account('sub-kees'))!.id;
    await t.services.db.updateTable('staff_user').set({ active: true }).where('id', '=', kees).execute();
    await t.services.db.updateTable('staff_user').set({ active: false }).where('id', '=', kees).execute();
    idp.accounts.set('sub-kees', { email: 'kees@voorbeeld.example', email_verified: true, name: 'Kees Vos', groups: ['kcc-medewerkers'] });
    refusedPage((await login('sub-kees')).res);
    assert.equal((await account('sub-kees'))!.active, false);
  });
});

test('the mapping reads a claim by name, a nested one, a single string, and stops start-up on an unknown role or team', () => {
  const entra = oidcMappingSchema.parse({
    groupsClaim: ['groups', 'roles'],
    roles: { 'Klachtflow.Beheer': ['administrator'], '6f1c…': ['backOffice'] },
  });
  assert.deepEqual(grantsFromClaims(entra, { roles: 'Klachtflow.Beheer', groups: ['6f1c…', 7] }), {
    roles: ['administrator', 'backOffice'],
    teams: [],
  });
  assert.equal(groupsLeftOut(entra, { _claim_names: { groups: 'src1' } }), true);
  const keycloak = oidcMappingSchema.parse({ groupsClaim: 'realm_access.roles', roles: { klachtflow: ['coordinator'] } });
  assert.deepEqual(grantsFromClaims(keycloak, { realm_access: { roles: ['klachtflow'] } }).roles, ['coordinator']);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-oidc-'));
  try {
    const demo = JSON.parse(fs.readFileSync(DEMO_ORGANISATION_FILE, 'utf8'));
    const file = path.join(dir, 'org.json');
    fs.writeFileSync(file, JSON.stringify({ ...demo, oidc: { roles: { g: ['boss'] } } }));
    assert.throws(() => loadOrganisation(file), /oidc\.roles\.g\.0/);
    fs.writeFileSync(file, JSON.stringify({ ...demo, oidc: { roles: { g: ['coordinator'] }, teams: { g: ['nope'] } } }));
    assert.throws(() => loadOrganisation(file), /oidc\.teams\["g"\] names unknown team "nope"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
