import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/connect.ts';
import type { CommandContext } from './context.ts';
import { recordEvent } from './timeline.ts';

/**
 * The complainant's secret link: an unguessable token (256 bits) that opens one case in the portal
 * and nothing else. Only its hash is stored; links expire (retention) and can be revoked. A new link
 * is issued whenever a message needs one, so a link is never reconstructed from the database.
 */
const hash = (token: string) => createHash('sha256').update(token).digest('base64url');
export const LINK_VALID_DAYS = 2 * 365;

export async function issueCaseLink(ctx: CommandContext, caseId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await ctx.tx
    .insertInto('case_access')
    .values({
      case_id: caseId,
      token_hash: hash(token),
      created_at: ctx.now,
      expires_at: new Date(ctx.now.getTime() + LINK_VALID_DAYS * 86_400_000),
    })
    .execute();
  return `${ctx.services.publicUrl}/volgen/${token}`;
}

export async function revokeCaseLinks(ctx: CommandContext, caseId: string) {
  await ctx.tx
    .updateTable('case_access')
    .set({ revoked_at: ctx.now })
    .where('case_id', '=', caseId)
    .where('revoked_at', 'is', null)
    .execute();
  await recordEvent(ctx, { type: 'caseLinksRevoked', caseId });
}

/** What a working link opens: the case, and the link itself (its row id, the citizen's pseudonym in the audit log). */
export type CaseLink = { caseId: string; accessId: string };

/** The case a token opens, or null: unknown, expired and revoked tokens look the same. */
export async function caseLinkForToken(db: Database, token: string, now: Date): Promise<CaseLink | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db
    .selectFrom('case_access')
    .select(['id', 'case_id'])
    .where('token_hash', '=', hash(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return null;
  await db.updateTable('case_access').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return { caseId: row.case_id, accessId: row.id };
}
