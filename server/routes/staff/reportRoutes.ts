import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services, StaffActor } from '../../commands/context.ts';
import {
  compareReports,
  createReport,
  finaliseReport,
  listReports,
  reportDetail,
  reportFile,
  updateReportText,
} from '../../analysis/reports/reports.ts';
import { compareOut, presentReport, reportDetailOut, reportOut } from '../../presenters/staff/reportPresenter.ts';
import { staffMember } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { compareQuery, createReportBody, reportListQuery, updateReportBody } from './report.schema.ts';

const tags = ['Rapportages'];

const detail = async (services: Services, actor: StaffActor, id: string) => {
  const d = await reportDetail(services, actor, id);
  return { ...presentReport(d.report), document: d.document, readability: d.readability };
};

/**
 * Issue 12 points 3 and 4: the periodic analysis report and the annual complaints report (Awb 9:12a),
 * kept as documents: made for a period, the analyst's text saved while a draft, finalised once, as
 * PDF and HTML, compared period to period.
 */
export function registerReportRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/reports',
    {
      config: { permission: 'analysis:read' },
      schema: {
        tags,
        summary: 'Rapportages: analyses en jaarverslagen, nieuwste eerst',
        querystring: reportListQuery,
        response: { 200: z.object({ items: z.array(reportOut) }) },
      },
    },
    async (req) => ({ items: (await listReports(services, staffMember(req), req.query)).map(presentReport) }),
  );

  r.post(
    '/reports',
    {
      config: { permission: 'report:manage' },
      schema: {
        tags,
        summary: 'Een rapportage maken voor een periode: de cijfers worden nu vastgelegd (jaarverslag: alleen wie alle klachten ziet)',
        body: createReportBody,
        response: { 201: reportDetailOut },
      },
    },
    async (req, reply) => {
      const actor = staffMember(req);
      const made = await createReport(services, actor, req.body);
      return reply.code(201).send(await detail(services, actor, made.id));
    },
  );

  r.get(
    '/reports/:id',
    {
      config: { permission: 'analysis:read' },
      schema: {
        tags,
        summary: 'Eén rapportage met haar cijfers, conclusies en aanbevelingen',
        params: idParams,
        response: { 200: reportDetailOut },
      },
    },
    async (req) => detail(services, staffMember(req), req.params.id),
  );

  r.patch(
    '/reports/:id',
    {
      config: { permission: 'report:manage' },
      schema: {
        tags,
        summary: 'Conclusies, aanbevelingen of titel opslaan (alleen een concept)',
        params: idParams,
        body: updateReportBody,
        response: { 200: reportDetailOut },
      },
    },
    async (req) => {
      const actor = staffMember(req);
      await updateReportText(services, actor, req.params.id, req.body);
      return detail(services, actor, req.params.id);
    },
  );

  r.post(
    '/reports/:id/finalise',
    {
      config: { permission: 'report:manage' },
      schema: {
        tags,
        summary: 'Vaststellen: de PDF en HTML worden bewaard en de rapportage verandert daarna niet meer',
        params: idParams,
        response: { 200: reportDetailOut },
      },
    },
    async (req) => {
      const actor = staffMember(req);
      await finaliseReport(services, actor, req.params.id);
      return detail(services, actor, req.params.id);
    },
  );

  for (const format of ['pdf', 'html'] as const)
    r.get(
      `/reports/:id/${format}`,
      {
        config: { permission: 'analysis:read', openapi: { produces: [format === 'pdf' ? 'application/pdf' : 'text/html'] } },
        schema: {
          tags,
          summary: format === 'pdf' ? 'De rapportage als PDF (toegankelijk, met tags)' : 'De rapportage als toegankelijke HTML-pagina',
          params: idParams,
        },
      },
      async (req, reply) => {
        const out = await reportFile(services, staffMember(req), req.params.id, format);
        return reply
          .type(format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8')
          .header(
            'Content-Disposition',
            `${format === 'pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
          )
          .send(out.body);
      },
    );

  r.get(
    '/reports/:id/compare',
    {
      config: { permission: 'analysis:read' },
      schema: {
        tags,
        summary: 'Deze rapportage naast een andere: de cijfers en het verschil',
        params: idParams,
        querystring: compareQuery,
        response: { 200: compareOut },
      },
    },
    async (req) => {
      const c = await compareReports(services, staffMember(req), req.params.id, req.query.with);
      return { report: presentReport(c.report), other: presentReport(c.other), rows: c.rows };
    },
  );
}
