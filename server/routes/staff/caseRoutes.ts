import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addNote, updateCaseData } from '../../commands/caseEditor.ts';
import { registerCase } from '../../commands/caseRegistrar.ts';
import { transitionCase } from '../../commands/caseTransitioner.ts';
import { recordCommitteeAdvice, setCaseRegime } from '../../commands/caseRegime.ts';
import { runCommand, type Services } from '../../commands/context.ts';
import { formalCompleteness } from '../../domain/completeness.ts';
import { notFound } from '../../domain/errors.ts';
import { asReader, caseAbilities } from '../../policies/casePolicy.ts';
import { caseClocks } from '../../commands/caseClock.ts';
import { presentCaseDetail, presentCaseSummary, presentTimelineEvent } from '../../presenters/staff/present.ts';
import { caseDetailOut, caseSummaryOut, pageOf, timelineEventOut } from '../../presenters/staff/schemas.ts';
import { searchCases } from '../../queries/caseSearch.ts';
import { caseDetail, caseListPage, caseTimeline } from '../../queries/cases.ts';
import { suggestMatches } from '../../queries/matchSuggestions.ts';
import { activityContactAndText } from '../../queries/activities.ts';
import { staffActor, staffMember } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import {
  caseDataBody,
  caseListQuery,
  matchBody,
  noteBody,
  registerCaseBody,
  searchBody,
  timelineQuery,
  transitionBody,
} from './case.schema.ts';
import { committeeAdviceBody, regimeBody } from './regime.schema.ts';
import { confirmIntake } from '../../post/intakeConfirmation.ts';
import { startOfDay } from '../../domain/calendar/durations.ts';
import { drillDownFilter } from '../../analysis/figureFilter.ts';

/** The registered case, and how its confirmation went (a letter to print at the counter). */
const registeredCaseOut = caseDetailOut.extend({
  confirmation: z
    .object({ channel: z.enum(['email', 'post', 'phoneTask']), postalItemId: z.uuid().nullable(), documentId: z.uuid().nullable() })
    .nullable(),
});

const tags = ['Meldingen'];

export function registerCaseRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const today = () => services.calendar.toDate(services.clock.now());

  async function detail(actor: ReturnType<typeof staffActor>, id: string) {
    const d = await caseDetail(services, actor, id);
    const def = services.processes.forCase(d.case);
    const now = services.clock.now();
    return presentCaseDetail(
      services.processes,
      services.calendar.toDate(now),
      d,
      caseAbilities(d.case.may_work && !d.restricted ? actor : asReader(actor), def, d.case, d.letters, {
        complete: formalCompleteness({ complainant: d.complainant, receivedAt: d.case.received_at, description: d.case.description })
          .complete,
        teamName: (key) => services.org.teams.find((t) => t.key === key)?.name,
      }),
      caseClocks(services, d.case, now),
    );
  }

  r.post(
    '/cases',
    {
      config: { permission: 'case:create' },
      schema: {
        tags,
        summary: 'Melding registreren (direct of vanuit een activiteit)',
        body: registerCaseBody,
        response: { 201: registeredCaseOut },
      },
    },
    async (req, reply) => {
      const actor = staffActor(req);
      const { sendConfirmation, ...b } = req.body;
      const created = await runCommand(services, actor, async (ctx) => {
        const c = await registerCase(ctx, { ...b, receivedAt: b.receivedAt ? new Date(b.receivedAt) : undefined });
        return { ...c, confirmation: sendConfirmation ? await confirmIntake(ctx, c.id) : null };
      });
      return reply.code(201).send({ ...(await detail(actor, created.id)), confirmation: created.confirmation });
    },
  );

  r.get(
    '/cases',
    {
      config: { permission: 'case:read', audit: 'case.list' },
      schema: {
        tags,
        summary: 'Meldingen, laatst gewijzigd eerst (met een termijnfilter: vroegste termijn eerst)',
        querystring: caseListQuery,
        response: { 200: pageOf(caseSummaryOut) },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      const day = today();
      const { status, open, teamId, processKey, deadline, channel, cursor, limit, receivedFrom, receivedBefore } = req.query;
      const page = await caseListPage(services, actor, {
        ...{ status, open, teamId, processKey, deadline, channel, cursor, limit },
        assigneeUserId: req.query.handler === 'me' ? staffMember(req).id : req.query.assigneeId,
        receivedFrom: receivedFrom ? startOfDay(receivedFrom) : undefined,
        receivedBefore: receivedBefore ? startOfDay(receivedBefore) : undefined,
        figure: drillDownFilter(req.query),
        today: day,
      });
      return { items: page.rows.map((row) => presentCaseSummary(services.processes, day, row)), nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/case-searches',
    {
      config: { permission: 'case:read', audit: 'case.search' },
      schema: {
        tags,
        summary: 'Zoeken in meldingen (in de body: geen persoonsgegevens in de URL)',
        body: searchBody,
        response: { 200: z.object({ items: z.array(caseSummaryOut) }) },
      },
    },
    async (req) => {
      const rows = await searchCases(services, staffActor(req), req.body.q, req.body.limit);
      const day = today();
      return { items: rows.map((row) => presentCaseSummary(services.processes, day, row)) };
    },
  );

  r.post(
    '/case-match-suggestions',
    {
      config: { permission: 'case:read', audit: 'case.matchSuggestions.read' },
      schema: {
        tags,
        summary: 'Mogelijke bestaande meldingen bij een nieuw contact',
        body: matchBody,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                reference: z.string(),
                subject: z.string(),
                status: z.string(),
                complainantName: z.string(),
                open: z.boolean(),
                reasons: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      let criteria = req.body;
      if (req.body.activityId) {
        const a = await activityContactAndText(services, actor, req.body.activityId);
        if (!a) throw notFound('Deze activiteit');
        criteria = { ...a.contact, text: `${a.subject} ${a.body}`, ...stripEmpty(req.body) };
      }
      const rows = await suggestMatches(services, actor, criteria);
      return {
        items: rows.map((m) => ({
          id: m.id,
          reference: m.reference,
          subject: m.subject,
          status: m.status,
          complainantName: m.complainant_name,
          open: m.closed_at === null,
          reasons: m.reasons,
        })),
      };
    },
  );

  r.get(
    '/cases/:id',
    {
      config: { permission: 'case:read', audit: 'case.read' },
      schema: {
        tags,
        summary: 'Eén melding met notities, documenten, activiteiten en mogelijke stappen',
        params: idParams,
        response: { 200: caseDetailOut },
      },
    },
    async (req) => detail(staffActor(req), req.params.id),
  );

  r.get(
    '/cases/:id/timeline',
    {
      config: { permission: 'case:read', audit: 'case.timeline.read' },
      schema: {
        tags,
        summary: 'Tijdlijn: wie deed wat, wanneer',
        params: idParams,
        querystring: timelineQuery,
        response: { 200: pageOf(timelineEventOut) },
      },
    },
    async (req) => {
      const page = await caseTimeline(services, staffActor(req), req.params.id, { after: req.query.cursor, limit: req.query.limit });
      return { items: page.rows.map(presentTimelineEvent), nextCursor: page.nextCursor };
    },
  );

  r.post(
    '/cases/:id/transitions',
    {
      config: { permission: 'case:transition' },
      schema: { tags, summary: 'Processtap zetten', params: idParams, body: transitionBody, response: { 200: caseDetailOut } },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => transitionCase(ctx, { caseId: req.params.id, ...req.body }));
      return detail(actor, req.params.id);
    },
  );

  r.patch(
    '/cases/:id',
    {
      config: { permission: 'case:edit' },
      schema: { tags, summary: 'Gegevensvelden aanpassen', params: idParams, body: caseDataBody, response: { 200: caseDetailOut } },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => updateCaseData(ctx, req.params.id, req.body.data, req.body.expectedVersion));
      return detail(actor, req.params.id);
    },
  );

  r.put(
    '/cases/:id/regime',
    {
      config: { permission: 'case:regime' },
      schema: {
        tags,
        summary: 'Klachtregeling van de melding kiezen (uit de regelingen van het proces; de termijnen volgen)',
        params: idParams,
        body: regimeBody,
        response: { 200: caseDetailOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => setCaseRegime(ctx, { caseId: req.params.id, ...req.body }));
      return detail(actor, req.params.id);
    },
  );

  r.put(
    '/cases/:id/committee-advice',
    {
      config: { permission: 'case:edit' },
      schema: {
        tags,
        summary: 'Vastleggen of het besluit het advies van de klachtadviescommissie volgt, en zo niet waarom (Awb 9:16)',
        params: idParams,
        body: committeeAdviceBody,
        response: { 200: caseDetailOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      await runCommand(services, actor, (ctx) => recordCommitteeAdvice(ctx, { caseId: req.params.id, ...req.body }));
      return detail(actor, req.params.id);
    },
  );

  r.post(
    '/cases/:id/notes',
    {
      config: { permission: 'case:note' },
      schema: {
        tags,
        summary: 'Interne notitie toevoegen',
        params: idParams,
        body: noteBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (req, reply) => {
      const id = await runCommand(services, staffActor(req), (ctx) => addNote(ctx, req.params.id, req.body.body));
      return reply.code(201).send({ id });
    },
  );
}

function stripEmpty<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => k !== 'activityId' && v !== undefined && v !== '')) as Partial<T>;
}
