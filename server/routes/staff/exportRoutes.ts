import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../commands/context.ts';
import { startOfDay } from '../../domain/calendar/durations.ts';
import { registerExport } from '../../export/registerExport.ts';
import { staffActor, staffMember } from '../plugins/auth.ts';
import { caseExportQuery } from './case.schema.ts';
import { drillDownFilter } from '../../analysis/figureFilter.ts';

const tags = ['Meldingen'];

export function registerExportRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/export',
    {
      config: { permission: 'case:export', audit: 'case.export' },
      schema: {
        tags,
        summary:
          'Klachtenregister downloaden als CSV (UTF-8 met BOM, puntkomma) of Excel (.xlsx): de meldingen die u mag zien, met dezelfde filters als de lijsten, met data en standaardfeiten',
        querystring: caseExportQuery,
        // A stream, not JSON: the file in one of two media types, one row per case.
        response: {
          200: {
            description: 'Het register, gestreamd: een kopregel en een regel per melding',
            content: {
              'text/csv': { schema: z.string() },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const actor = staffActor(req);
      const {
        format,
        lang,
        handler,
        assigneeId,
        receivedFrom,
        receivedBefore,
        status,
        open,
        teamId,
        processKey,
        deadline,
        queue,
        channel,
      } = req.query;
      const filter = { status, open, teamId, processKey, deadline, queue, channel, figure: drillDownFilter(req.query) };
      const out = await registerExport(services, actor, {
        format,
        lang,
        filter: {
          ...filter,
          assigneeUserId: handler === 'me' ? staffMember(req).id : assigneeId,
          receivedFrom: receivedFrom ? startOfDay(receivedFrom) : undefined,
          receivedBefore: receivedBefore ? startOfDay(receivedBefore) : undefined,
        },
      });
      return reply
        .type(out.contentType)
        .header('Content-Disposition', `attachment; filename="${out.filename}"`)
        .send(out.body as unknown as string); // a stream goes out as it is: the schema above documents it, nothing serialises it
    },
  );
}
