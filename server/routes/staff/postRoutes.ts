import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCommand, type Services } from '../../commands/context.ts';
import { markPosted } from '../../post/markPosted.ts';
import { postalItemOut, presentPostalItem } from '../../presenters/staff/postPresenter.ts';
import { postalItems } from '../../queries/postalItems.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';

const tags = ['Post'];
const listQuery = z.object({
  /** `true`: recently posted letters instead of those still to post. */
  posted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

/** The letters to post (Te versturen post): the list, and marking one posted (the day it counts as sent). */
export function registerPostRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/postal-items',
    {
      config: { permission: 'post:handle', audit: 'post.list' },
      schema: {
        tags,
        summary: 'Te versturen post: brieven die op papier naar de klager gaan',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(postalItemOut) }) },
      },
    },
    async (req) => ({ items: (await postalItems(services, staffActor(req), req.query)).map(presentPostalItem) }),
  );

  r.post(
    '/postal-items/:id/posted',
    {
      config: { permission: 'post:handle' },
      schema: {
        tags,
        summary: 'Brief is op de post gedaan (telt vanaf vandaag als verstuurd)',
        params: idParams,
        response: { 200: z.object({ postedAt: z.iso.datetime() }) },
      },
    },
    async (req) => {
      const out = await runCommand(services, staffActor(req), (ctx) => markPosted(ctx, req.params.id));
      return { postedAt: out.postedAt.toISOString() };
    },
  );
}
