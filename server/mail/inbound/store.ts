import { Readable } from 'node:stream';
import type { Services } from '../../commands/context.ts';
import { inboundMailReceived } from '../../metrics/instruments.ts';
import { contentHash, firstHeader, normaliseMessageId, readHeaders } from './rawMessage.ts';

export type InboundSource = 'smtp' | 'imap';

/**
 * Step one of incoming mail, and the only one a listener or reader waits for: the raw bytes go to
 * blob storage and a 'stored' row is written, nothing else. No MIME parsing happens here, so this
 * succeeds for any bytes at all; the listener answers 250 (the reader flags \Seen) only after it.
 *
 * Returns the row id. With `sourceRef` (an IMAP UID) a second store of the same item returns the
 * first row and stores nothing. A message with the same Message-ID and content as an earlier one
 * gets its own row pointing at the first (`duplicate_of`), so every arrival stays on record while
 * the processor ignores the copy.
 */
export async function storeRawMessage(
  services: Services,
  raw: Buffer,
  source: InboundSource,
  opts: { sourceRef?: string } = {},
): Promise<string> {
  if (opts.sourceRef) {
    const known = await findBySourceRef(services, opts.sourceRef);
    if (known) return known;
  }
  const headers = readHeaders(raw);
  const messageId = normaliseMessageId(firstHeader(headers, 'message-id'));
  const sha = contentHash(raw);
  // The size limit is the listener's (SMTP SIZE) or the mailbox's: whatever arrived is kept whole.
  const blob = await services.storage.put(Readable.from([raw]), Math.max(raw.length, 1));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = {
        source,
        source_ref: opts.sourceRef ?? null,
        message_id: messageId,
        content_sha256: sha,
        raw_storage_key: blob.key,
        size_bytes: blob.sizeBytes,
        received_at: services.clock.now(),
      };
      // Any unique conflict (same source item, or same Message-ID + content) inserts nothing.
      const inserted = await services.db
        .insertInto('inbound_message')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        inboundMailReceived.inc({ source });
        return inserted.id;
      }
      if (opts.sourceRef) {
        const known = await findBySourceRef(services, opts.sourceRef);
        if (known) {
          await services.storage.remove(blob.key);
          return known;
        }
      }
      const original = await services.db
        .selectFrom('inbound_message')
        .select('id')
        .where((eb) => eb(eb.fn.coalesce('message_id', eb.val('')), '=', messageId ?? ''))
        .where('content_sha256', '=', sha)
        .where('duplicate_of', 'is', null)
        .executeTakeFirst();
      // Gone between the two statements (never deleted today): try the insert again.
      if (!original) continue;
      const dup = await services.db
        .insertInto('inbound_message')
        .values({ ...row, duplicate_of: original.id })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (dup) {
        inboundMailReceived.inc({ source });
        return dup.id;
      }
    }
    throw new Error('could not record the inbound message');
  } catch (err) {
    await services.storage.remove(blob.key).catch(() => undefined);
    throw err;
  }
}

async function findBySourceRef(services: Services, sourceRef: string) {
  const row = await services.db.selectFrom('inbound_message').select('id').where('source_ref', '=', sourceRef).executeTakeFirst();
  return row?.id;
}

/** The raw bytes of a stored message, as they arrived. */
export async function readRawMessage(services: Services, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of services.storage.open(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
