import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runCommand, type Services } from '../../commands/context.ts';
import { changeStaffAccount, createStaffAccount, deactivateStaffAccount, reactivateStaffAccount } from '../../commands/staffAccounts.ts';
import { addSubstitution, removeSubstitution } from '../../commands/substitutions.ts';
import { changeOrgUnit, changeTeam, createOrgUnit, createTeam } from '../../commands/teamAdmin.ts';
import { notFound } from '../../domain/errors.ts';
import {
  orgUnitOut,
  orgUnitsOut,
  presentOrgUnit,
  presentOrgUnits,
  presentRoles,
  presentTeam,
  presentTeams,
  presentUser,
  presentUsers,
  rolesOut,
  teamOut,
  teamsOut,
  userOut,
  usersOut,
} from '../../presenters/staff/adminPresenter.ts';
import { listOrgUnits, listStaffAccounts, listTeams, orgUnitDetail, staffAccount, teamDetail } from '../../queries/administration.ts';
import { staffActor } from '../plugins/auth.ts';
import { evictSession } from '../plugins/sessionCache.ts';
import { idParams } from './activity.schema.ts';
import {
  changeOrgUnitBody,
  changeTeamBody,
  changeUserBody,
  createOrgUnitBody,
  createTeamBody,
  createUserBody,
  substitutionBody,
  userListQuery,
} from './admin.schema.ts';
import { noContent } from '../../openapi/document.ts';

const tags = ['Beheer'];

/**
 * Administration (issue 13 point 1): users and their roles, teams, organisation units, substitutes
 * while someone is away, and every change in a change record. Only for `user:manage` (administrator).
 */
export function registerAdminRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'user:manage' } as const;
  const user = async (id: string) => {
    const u = await staffAccount(services, id);
    if (!u) throw notFound('Deze medewerker');
    return presentUser(u);
  };
  const team = async (id: string) => {
    const t = await teamDetail(services, id);
    if (!t) throw notFound('Dit team');
    return presentTeam(t);
  };
  const unit = async (id: string) => {
    const u = await orgUnitDetail(services, id);
    if (!u) throw notFound('Deze afdeling');
    return presentOrgUnit(u);
  };

  r.get(
    '/admin/roles',
    { config, schema: { tags, summary: 'De rollen die een medewerker kan krijgen', response: { 200: rolesOut } } },
    async () => presentRoles(),
  );

  r.get(
    '/admin/users',
    { config, schema: { tags, summary: 'Medewerkers met hun rollen en teams', querystring: userListQuery, response: { 200: usersOut } } },
    async (req) => presentUsers(await listStaffAccounts(services, req.query)),
  );

  r.post(
    '/admin/users',
    { config, schema: { tags, summary: 'Een medewerker toevoegen', body: createUserBody, response: { 201: userOut } } },
    async (req, reply) => {
      const b = req.body;
      const id = await runCommand(services, staffActor(req), (ctx) =>
        createStaffAccount(ctx, { ...b, orgUnitId: b.orgUnitId ?? null, jobTitle: b.jobTitle, phone: b.phone }),
      );
      return reply.code(201).send(await user(id));
    },
  );

  r.get(
    '/admin/users/:id',
    { config, schema: { tags, summary: 'Een medewerker, met vervanging en wijzigingen', params: idParams, response: { 200: userOut } } },
    async (req) => user(req.params.id),
  );

  r.patch(
    '/admin/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Gegevens, rollen of teams van een medewerker wijzigen',
        params: idParams,
        body: changeUserBody,
        response: { 200: userOut },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => changeStaffAccount(ctx, req.params.id, req.body));
      return user(req.params.id);
    },
  );

  r.post(
    '/admin/users/:id/deactivation',
    {
      config,
      schema: { tags, summary: 'Een medewerker deactiveren (uitloggen, niet meer inloggen)', params: idParams, response: { 200: userOut } },
    },
    async (req) => {
      const ended = await runCommand(services, staffActor(req), (ctx) => deactivateStaffAccount(ctx, req.params.id));
      // Ended at once on this instance too, not only when its session cache expires.
      for (const sessionId of ended) evictSession(services, sessionId);
      return user(req.params.id);
    },
  );

  r.post(
    '/admin/users/:id/reactivation',
    { config, schema: { tags, summary: 'Een gedeactiveerde medewerker weer toegang geven', params: idParams, response: { 200: userOut } } },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => reactivateStaffAccount(ctx, req.params.id));
      return user(req.params.id);
    },
  );

  r.post(
    '/admin/users/:id/substitutions',
    {
      config,
      schema: {
        tags,
        summary: 'Een vervanger regelen voor de tijd dat iemand weg is',
        params: idParams,
        body: substitutionBody,
        response: { 201: userOut },
      },
    },
    async (req, reply) => {
      await runCommand(services, staffActor(req), (ctx) => addSubstitution(ctx, req.params.id, req.body));
      return reply.code(201).send(await user(req.params.id));
    },
  );

  r.delete(
    '/admin/substitutions/:id',
    { config, schema: { tags, summary: 'Een vervanging schrappen', params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await runCommand(services, staffActor(req), (ctx) => removeSubstitution(ctx, req.params.id));
      return reply.code(204).send(null);
    },
  );

  r.get('/admin/teams', { config, schema: { tags, summary: 'Teams', response: { 200: teamsOut } } }, async () =>
    presentTeams(await listTeams(services)),
  );

  r.post(
    '/admin/teams',
    { config, schema: { tags, summary: 'Een team toevoegen', body: createTeamBody, response: { 201: teamOut } } },
    async (req, reply) => {
      const b = req.body;
      const id = await runCommand(services, staffActor(req), (ctx) => createTeam(ctx, { ...b, orgUnitId: b.orgUnitId ?? null }));
      return reply.code(201).send(await team(id));
    },
  );

  r.get(
    '/admin/teams/:id',
    { config, schema: { tags, summary: 'Een team met zijn leden en wijzigingen', params: idParams, response: { 200: teamOut } } },
    async (req) => team(req.params.id),
  );

  r.patch(
    '/admin/teams/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Naam of afdeling van een team wijzigen',
        params: idParams,
        body: changeTeamBody,
        response: { 200: teamOut },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => changeTeam(ctx, req.params.id, req.body));
      return team(req.params.id);
    },
  );

  r.get('/admin/org-units', { config, schema: { tags, summary: 'Afdelingen', response: { 200: orgUnitsOut } } }, async () =>
    presentOrgUnits(await listOrgUnits(services)),
  );

  r.post(
    '/admin/org-units',
    { config, schema: { tags, summary: 'Een afdeling toevoegen', body: createOrgUnitBody, response: { 201: orgUnitOut } } },
    async (req, reply) => {
      const b = req.body;
      const id = await runCommand(services, staffActor(req), (ctx) => createOrgUnit(ctx, { ...b, parentId: b.parentId ?? null }));
      return reply.code(201).send(await unit(id));
    },
  );

  r.get(
    '/admin/org-units/:id',
    {
      config,
      schema: { tags, summary: 'Een afdeling met wie erin werkt en wijzigingen', params: idParams, response: { 200: orgUnitOut } },
    },
    async (req) => unit(req.params.id),
  );

  r.patch(
    '/admin/org-units/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Naam of bovenliggende afdeling wijzigen',
        params: idParams,
        body: changeOrgUnitBody,
        response: { 200: orgUnitOut },
      },
    },
    async (req) => {
      await runCommand(services, staffActor(req), (ctx) => changeOrgUnit(ctx, req.params.id, req.body));
      return unit(req.params.id);
    },
  );
}
