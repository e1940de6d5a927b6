import type { FastifyRequest } from 'fastify';
import type { Services } from '../../../commands/context.ts';
import type { UploadedFile } from '../../../commands/portalAttachments.ts';
import { AppError, invalid } from '../../../domain/errors.ts';
import { megabytes, typeNames } from './complaintPages.ts';
import type { PortalTexts } from './texts.ts';

/**
 * Reads a plain HTML form, urlencoded or multipart, into string fields plus uploaded files. Files
 * stream straight into blob storage (never held in memory) and are checked for type and size as
 * they arrive; the caller attaches them to the case in the command's transaction
 * (commands/portalAttachments.ts), or discards them when the form is shown again with errors.
 * What is wrong with a file is said in the page's language, which the form's own hidden field names
 * (`textsFor`, asked once the form is read).
 */
export type StoredFile = UploadedFile;
export type FormInput = { fields: Record<string, string>; files: StoredFile[]; fileError?: string };

const LIMIT_CODES = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT', 'FST_REQ_FILE_TOO_LARGE']);

export async function readForm(
  req: FastifyRequest,
  services: Services,
  opts: { maxFiles: number; fileField?: string; textsFor: (fields: Record<string, string>) => PortalTexts },
): Promise<FormInput> {
  const fields: Record<string, string> = {};
  const files: StoredFile[] = [];
  if (!req.isMultipart()) {
    for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (typeof first === 'string') fields[k] = first;
    }
    return { fields, files };
  }
  const { maxBytes, allowedTypes } = services.org.documents;
  const problems: ((t: PortalTexts) => string)[] = [];
  try {
    // Limits per request: the app-wide multipart limits (1 file, 10 fields) suit the staff API.
    // throwFileSizeLimit is a per-call option the types leave out: a too-large file is cut off and reported, not thrown.
    const options = { limits: { fields: 40, fieldSize: 100_000, files: 10, parts: 60, fileSize: maxBytes }, throwFileSizeLimit: false };
    const parts = req.parts(options as Parameters<typeof req.parts>[0]);
    for await (const part of parts) {
      if (part.type === 'field') {
        if (!(part.fieldname in fields) && typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const filename = part.filename.replace(/[\\/\0\r\n]/g, '_').slice(0, 200);
      // An empty file input still sends a part without a name: nothing was chosen.
      if (part.fieldname !== (opts.fileField ?? 'attachments') || !filename) {
        part.file.resume();
        continue;
      }
      if (files.length >= opts.maxFiles) {
        part.file.resume();
        problems.push((t) => t.tooManyFiles(opts.maxFiles));
        continue;
      }
      if (!allowedTypes.includes(part.mimetype)) {
        part.file.resume();
        problems.push((t) => t.wrongFileType(filename, typeNames(allowedTypes, t)));
        continue;
      }
      const stored = await services.storage.put(part.file, maxBytes);
      if (part.file.truncated || stored.sizeBytes === 0) {
        await services.storage.remove(stored.key);
        problems.push(stored.sizeBytes === 0 ? (t) => t.emptyFile(filename) : (t) => t.fileTooLarge(filename, megabytes(maxBytes)));
        continue;
      }
      files.push({ ...stored, filename, mediaType: part.mimetype });
    }
  } catch (err) {
    await discardFiles(services, files);
    if (LIMIT_CODES.has((err as { code?: string }).code ?? '')) throw new AppError('too_large', opts.textsFor(fields).formTooLarge);
    throw err;
  }
  // PostgreSQL text cannot hold a NUL character: refused at its field like a JSON body's
  // (app.ts), before anything is stored, instead of failing at the database with a 500.
  const withNul = Object.keys(fields).find((k) => fields[k]!.includes('\u0000'));
  if (withNul) {
    await discardFiles(services, files);
    throw invalid(`body.${withNul}`, 'Dit veld bevat een teken dat niet is toegestaan.', 'invalidCharacter');
  }
  const t = opts.textsFor(fields);
  return { fields, files, fileError: [...new Set(problems.map((say) => say(t)))].join(' ') || undefined };
}

export async function discardFiles(services: Services, files: StoredFile[]) {
  for (const f of files) await services.storage.remove(f.key).catch(() => {});
}
