import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { Database } from '../db/connect.ts';
import { issueCaseLink } from './caseAccess.ts';
import type { CommandContext } from './context.ts';

/**
 * A tracking link short enough to type from paper: /v/<code>. The code is 20 characters of
 * Crockford base32 (100 random bits), shown in groups of four. The 256-bit link stays the only key
 * to the case: the code opens nothing itself, it unseals that link's token (AES-256-GCM under a key
 * derived from the code), and the database keeps only the code's hash and the sealed token. So a
 * copy of the database yields neither, guessing needs ~2^99 tries against a rate-limited page, and
 * revoking or expiring the link closes the short one too (the redirect lands on /volgen/…).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = 20;

const derive = (code: string, info: string) => Buffer.from(hkdfSync('sha256', code, 'klachtflow-short-link', info, 32));
const lookupHash = (code: string) => derive(code, 'lookup').toString('base64url');

/** Upper case, no separators, and the letters people mistake for digits read as those digits. */
export function normaliseShortCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_CHARS && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

function newCode(): string {
  const bytes = randomBytes(CODE_CHARS);
  // 256 is a multiple of 32, so each byte mod 32 is uniform: 5 random bits per character.
  return [...bytes].map((b) => ALPHABET[b % 32]).join('');
}

export const formatShortCode = (code: string) => code.match(/.{4}/g)!.join('-');

function seal(code: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(code, 'seal'), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function unseal(code: string, sealed: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', derive(code, 'seal'), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** A new tracking link and its short form, for paper (the confirmation letter and its QR code). */
export async function issueShortCaseLink(
  ctx: CommandContext,
  caseId: string,
): Promise<{ trackingUrl: string; shortUrl: string; code: string }> {
  const trackingUrl = await issueCaseLink(ctx, caseId);
  const token = trackingUrl.slice(trackingUrl.lastIndexOf('/') + 1);
  const code = newCode();
  const tokenHash = createHash('sha256').update(token).digest('base64url');
  await ctx.tx
    .updateTable('case_access')
    .set({ short_code_hash: lookupHash(code), sealed_token: seal(code, token) })
    .where('token_hash', '=', tokenHash)
    .execute();
  return { trackingUrl, shortUrl: `${ctx.services.publicUrl}/v/${formatShortCode(code)}`, code };
}

/**
 * The survey invitation on paper (business rule 5): a short link to the survey, made the same way.
 * It unseals the survey's own token, so the survey page decides as for the long link (open, already
 * answered, gone); the code opens nothing else.
 */
export async function issueShortSurveyLink(ctx: CommandContext, surveyId: string, token: string): Promise<string> {
  const code = newCode();
  await ctx.tx
    .updateTable('survey')
    .set({ short_code_hash: lookupHash(code), sealed_token: seal(code, token) })
    .where('id', '=', surveyId)
    .execute();
  return `${ctx.services.publicUrl}/v/${formatShortCode(code)}`;
}

/** Where a short code on paper leads: the case's tracking page or its survey; null when it leads nowhere. */
export async function pathForShortCode(db: Database, raw: string, now: Date): Promise<string | null> {
  const tracking = await trackingPathForShortCode(db, raw, now);
  if (tracking) return tracking;
  const code = normaliseShortCode(raw);
  if (!code) return null;
  const row = await db.selectFrom('survey').select('sealed_token').where('short_code_hash', '=', lookupHash(code)).executeTakeFirst();
  const token = row?.sealed_token ? unseal(code, row.sealed_token) : null;
  return token ? `/enquete/${token}` : null;
}

/** The tracking path a short code leads to, or null (unknown, malformed, revoked or expired look the same). */
export async function trackingPathForShortCode(db: Database, raw: string, now: Date): Promise<string | null> {
  const code = normaliseShortCode(raw);
  if (!code) return null;
  const row = await db
    .selectFrom('case_access')
    .select(['sealed_token'])
    .where('short_code_hash', '=', lookupHash(code))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  const token = row?.sealed_token ? unseal(code, row.sealed_token) : null;
  return token ? `/volgen/${token}` : null;
}
