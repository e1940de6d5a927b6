import { createHash, randomBytes } from 'node:crypto';

/**
 * An API key: `kf_` and 256 random bits (base64url). Only its sha256 is stored. A slow password
 * hash (bcrypt, argon2) is for secrets people choose and reuse; 256 random bits cannot be guessed
 * or looked up in a table, so one fast hash is enough, and it lets every call find its key by an
 * index probe.
 */
export const API_KEY_PREFIX = 'kf_';
export function newApiKey() {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, API_KEY_PREFIX.length + 4) };
}
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('base64url');
/** A key as a client sends it: the prefix and 43 base64url characters; anything else is not looked up. */
export const looksLikeApiKey = (value: string) => /^kf_[A-Za-z0-9_-]{43}$/.test(value);
