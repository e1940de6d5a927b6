import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../commands/context.ts';
import type { Env } from '../../config/env.ts';
import { AppError } from '../../domain/errors.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import { permissionsFor } from '../../policies/permissions.ts';
import { activeStaff, activeStaffMember } from '../../queries/directory.ts';
import { createSession, destroySession, staffMember } from '../plugins/auth.ts';
import { noContent } from '../../openapi/document.ts';

const tags = ['Inloggen'];
type SessionEnv = Pick<Env, 'demo' | 'sessionTtlHours' | 'cookieSecure' | 'oidc'> & Partial<Pick<Env, 'smtp'>>;

export const sessionOut = z.object({
  user: z.object({ id: z.uuid(), name: z.string(), email: z.string(), roles: z.array(z.string()), teamIds: z.array(z.uuid()) }),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});

export function registerSessionRoutes(api: FastifyInstance, services: Services, env: SessionEnv) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/session',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Wie ben ik; geeft ook het CSRF-token', response: { 200: sessionOut } },
    },
    async (req) => {
      const a = staffMember(req);
      return {
        user: { id: a.id, name: a.name, email: a.email, roles: a.roles, teamIds: a.teamIds },
        permissions: [...a.permissions].sort(),
        csrfToken: req.sessionCsrf!,
      };
    },
  );

  r.delete(
    '/session',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Uitloggen', response: { 204: noContent } },
    },
    async (req, reply) => {
      await destroySession(services, req, reply);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/login-options',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Hoe kan ik inloggen (OIDC en/of demo-login)',
        response: {
          200: z.object({
            oidc: z.boolean(),
            demo: z.boolean(),
            /** DEMO without SMTP: sent mail is in the built-in mailbox (/mailbox). */ demoMailbox: z.boolean(),
            demoUsers: z.array(
              z.object({ id: z.uuid(), name: z.string(), roles: z.array(z.object({ key: z.string(), label: z.string() })) }),
            ),
          }),
        },
      },
    },
    async () => {
      const demoUsers = env.demo
        ? (await activeStaff(services, 100)).map((u) => ({
            id: u.id,
            name: u.name,
            roles: u.roles.map((key) => ({ key, label: ROLE_LABELS[key as keyof typeof ROLE_LABELS]?.nl ?? key })),
          }))
        : [];
      return { oidc: !!env.oidc, demo: env.demo, demoMailbox: env.demo && !env.smtp, demoUsers };
    },
  );

  // The development login exists only when DEMO is on: without it the route is not even registered.
  if (env.demo) {
    r.post(
      '/dev-login',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Demo: inloggen als een demogebruiker (alleen met DEMO aan)',
          body: z.object({ userId: z.uuid() }),
          response: { 200: sessionOut },
        },
      },
      async (req, reply) => {
        const user = await activeStaffMember(services, req.body.userId);
        if (!user)
          throw new AppError('invalid', 'Deze gebruiker bestaat niet.', [
            { name: 'body.userId', code: 'unknown', reason: 'Onbekende gebruiker.' },
          ]);
        const s = await createSession(services, user.id, reply, { ttlHours: env.sessionTtlHours, secure: env.cookieSecure });
        const roles = user.roles as Parameters<typeof permissionsFor>[0];
        return {
          user,
          permissions: [...permissionsFor(roles)].sort(),
          csrfToken: s.csrfToken,
        };
      },
    );
  }
}
