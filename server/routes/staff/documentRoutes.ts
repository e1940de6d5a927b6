import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDocument } from '../../commands/caseEditor.ts';
import type { Services } from '../../commands/context.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { documentForDownload } from '../../queries/documents.ts';
import { TooLargeError } from '../../storage/blobStorage.ts';
import { staffActor } from '../plugins/auth.ts';
import { idParams } from './activity.schema.ts';

const tags = ['Documenten'];
export const DOC_TYPES = ['attachment', 'scan', 'hearingReport', 'committeeAdvice', 'letter', 'correspondence', 'other'] as const;

export function registerDocumentRoutes(api: FastifyInstance, services: Services) {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/cases/:id/documents',
    {
      config: {
        permission: 'case:edit',
        openapi: {
          multipart: {
            properties: {
              docType: {
                type: 'string',
                enum: [...DOC_TYPES],
                default: 'attachment',
                description: 'Soort document; eerst, vóór het bestand.',
              },
              file: { type: 'string', format: 'binary', description: 'Het bestand (een toegestaan type, niet te groot).' },
            },
            required: ['file'],
          },
        },
      },
      schema: {
        tags,
        summary: 'Document toevoegen (multipart: veld docType, dan bestand file)',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ id: z.uuid(), sha256: z.string(), sizeBytes: z.number() }) },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('unsupported_media', 'Stuur het document als multipart/form-data.', [
          { name: 'file', code: 'required', reason: 'Bestand ontbreekt.' },
        ]);
      let docType: string = 'attachment';
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === 'docType') {
            if (!(DOC_TYPES as readonly string[]).includes(String(part.value)))
              throw invalid('docType', `Kies een van: ${DOC_TYPES.join(', ')}.`);
            docType = String(part.value);
          }
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        const filename = part.filename.replace(/[\\/\0]/g, '_').slice(0, 200) || 'document';
        // The parser cuts a file off at the limit (the same as storage's) and marks it truncated; storage
        // would keep the first maxBytes as if complete. So a file cut off already is refused before
        // storing, and one cut off while streaming fails its stream: either way nothing is stored.
        if (part.file.truncated) {
          part.file.resume();
          throw new AppError('too_large', 'Het bestand is te groot.', [{ name: 'file', code: 'maxSize', reason: 'Bestand te groot.' }]);
        }
        part.file.once('limit', () => part.file.destroy(new TooLargeError()));
        const result = await addDocument(services, staffActor(req), req.params.id, {
          filename,
          mediaType: part.mimetype,
          docType,
          content: part.file,
        });
        return reply.code(201).send(result);
      }
      throw invalid('file', 'Bestand ontbreekt.');
    },
  );

  r.get(
    '/documents/:id/content',
    {
      // The stored file in the type it was uploaded with.
      config: { permission: 'case:read', audit: 'document.read', openapi: { produces: ['*/*'] } },
      schema: { tags, summary: 'Document downloaden', params: idParams },
    },
    async (req, reply) => {
      const doc = await documentForDownload(services, staffActor(req), req.params.id);
      if (!doc) throw notFound('Dit document');
      return reply
        .type(doc.media_type)
        .header('Content-Length', String(doc.size_bytes))
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
        .header('Digest', `sha-256=${Buffer.from(doc.sha256, 'hex').toString('base64')}`)
        .send(services.storage.open(doc.storage_key));
    },
  );
}
