import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signing as the Standard Webhooks specification 1.0.0 describes
 * (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md): three headers,
 * `webhook-id` (the CloudEvent's id: the same on every attempt, so a receiver deduplicates on it),
 * `webhook-timestamp` (Unix seconds of this attempt, against replays) and `webhook-signature`
 * (`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret's bytes). The secret is
 * `whsec_` and base64 of 32 random bytes. Receivers can use any Standard Webhooks library.
 */
export const SECRET_PREFIX = 'whsec_';
export const newSigningSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

const keyOf = (secret: string) => Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');

export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export function signatureHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': sign(secret, id, timestamp, body) };
}

/**
 * A receiver's check (for tests and as the example in the documentation): one of the space-separated
 * signatures matches, and the timestamp lies within `toleranceSeconds` of the receiver's `now`.
 */
export function verify(
  secret: string,
  headers: { id?: string; timestamp?: string; signature?: string },
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, id, Number(timestamp), body).slice(3), 'base64');
  return signature.split(' ').some((candidate) => {
    if (!candidate.startsWith('v1,')) return false;
    const given = Buffer.from(candidate.slice(3), 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
