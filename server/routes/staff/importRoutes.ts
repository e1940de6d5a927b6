import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCommand, type Services } from '../../commands/context.ts';
import { checkRegisterImport, startRegisterImport, uploadRegister } from '../../commands/registerImport.ts';
import { saveImportMapping } from '../../commands/registerImportMappings.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { MAX_IMPORT_BYTES } from '../../import/readSheet.ts';
import { importBatch, importedCases, importFieldList, importMappings } from '../../queries/registerImports.ts';
import { staffActor, staffMember } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';
import { batchOut, dryRunBody, importedCasesOut, mappingBody, mappingOut, mappingsQuery, reportOut, uploadOut } from './import.schema.ts';

const tags = ['Import'];
const tooLarge = () =>
  new AppError('too_large', `Het bestand is groter dan ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, [
    { name: 'file', code: 'maxSize', reason: `Het bestand is groter dan ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Splits het in delen.` },
  ]);

/** Import of an existing register: upload, dry run, import (polled), and named column mappings. */
export function registerImportRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/imports',
    {
      config: {
        permission: 'case:import',
        openapi: {
          multipart: {
            properties: {
              processKey: { type: 'string', maxLength: 100, description: 'Het proces van de meldingen; eerst, vóór het bestand.' },
              file: { type: 'string', format: 'binary', description: 'Het register: .xlsx of .csv.' },
            },
            required: ['file'],
          },
        },
      },
      schema: {
        tags,
        summary: `Register uploaden (multipart: veld processKey, dan bestand file; .xlsx of .csv, hoogstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`,
        consumes: ['multipart/form-data'],
        response: { 201: uploadOut },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('invalid', 'Stuur het bestand als multipart/form-data.', [
          { name: 'file', code: 'required', reason: 'Kies een bestand.' },
        ]);
      let processKey: string | null = null;
      for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } })) {
        if (part.type === 'field') {
          if (part.fieldname === 'processKey' && String(part.value)) processKey = String(part.value).slice(0, 100);
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        const fileName = part.filename.replace(/[\\/\0]/g, '_').slice(0, 200) || 'register';
        let content: Buffer;
        try {
          content = await part.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw err;
        }
        if (part.file.truncated) throw tooLarge();
        const out = await runCommand(services, staffActor(req), (ctx) =>
          uploadRegister(ctx, { fileName, mediaType: part.mimetype, content, processKey }),
        );
        return reply.code(201).send({ ...out, fields: importFieldList() });
      }
      throw invalid('file', 'Kies een bestand.');
    },
  );

  r.get(
    '/imports/:id',
    {
      config: { permission: 'case:import', audit: 'import.read' },
      schema: {
        tags,
        summary: 'Een import: stand (gecontroleerd, bezig, klaar, mislukt), aantallen en voortgang',
        params: idParams,
        response: { 200: batchOut },
      },
    },
    async (req) => {
      const b = await importBatch(services, staffActor(req), req.params.id);
      if (!b) throw notFound('Deze import');
      return b;
    },
  );

  r.get(
    '/imports/:id/cases',
    {
      config: { permission: 'case:import', audit: 'import.cases.read' },
      schema: {
        tags,
        summary: 'De meldingen die deze import heeft ingelezen (de eerste 50 op kenmerk) en hoeveel het er zijn',
        params: idParams,
        response: { 200: importedCasesOut },
      },
    },
    async (req) => {
      const actor = staffActor(req);
      if (!(await importBatch(services, actor, req.params.id))) throw notFound('Deze import');
      return importedCases(services, actor, req.params.id);
    },
  );

  r.post(
    '/imports/:id/dry-run',
    {
      config: { permission: 'case:import' },
      schema: {
        tags,
        summary: 'Proefimport: elke rij gecontroleerd met de koppeling van kolommen aan velden; er wordt niets ingelezen',
        params: idParams,
        body: dryRunBody,
        response: { 200: reportOut },
      },
    },
    async (req) => runCommand(services, staffActor(req), (ctx) => checkRegisterImport(ctx, req.params.id, req.body.columns)),
  );

  r.post(
    '/imports/:id/run',
    {
      config: { permission: 'case:import' },
      schema: {
        tags,
        summary: 'Import starten na een proefimport zonder fouten: alles of niets; volg de voortgang met GET /imports/{id}',
        params: idParams,
        response: { 202: z.object({ id: z.uuid(), state: z.literal('running'), totalRows: z.number() }) },
      },
    },
    async (req, reply) => {
      const started = await startRegisterImport(services, staffMember(req), req.params.id);
      void started.done;
      return reply.code(202).send({ id: started.id, state: 'running' as const, totalRows: started.totalRows });
    },
  );

  r.get(
    '/import-mappings',
    {
      config: { permission: 'case:import' },
      schema: {
        tags,
        summary: 'Bewaarde koppelingen van kolommen aan velden',
        querystring: mappingsQuery,
        response: { 200: z.object({ items: z.array(mappingOut) }) },
      },
    },
    async (req) => ({ items: await importMappings(services, req.query.processKey ?? services.processes.defaultProcess.key) }),
  );

  r.post(
    '/import-mappings',
    {
      config: { permission: 'case:import' },
      schema: {
        tags,
        summary: 'Koppeling bewaren onder een naam (dezelfde naam vervangt de vorige)',
        body: mappingBody,
        response: { 201: z.object({ id: z.uuid(), name: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await runCommand(services, staffActor(req), (ctx) => saveImportMapping(ctx, req.body))),
  );
}
