/**
 * The path of a request as the log may hold it: a log line must not open a case. The secret link
 * (256 bits, after /cases/, /surveys/, /volgen/ or /enquete/) and the paper short link's code
 * (after /v/) become "***", also when sent percent-encoded (Fastify decodes the parameter, so an
 * encoded link opens the case just the same). Query strings never reach the log.
 */
const SECRET_AFTER = new Set(['cases', 'surveys', 'volgen', 'enquete']);
/** A secret link is 43 base64url characters; a case id (a UUID, 36) stays readable for debugging. */
const SECRET_LENGTH = 40;

const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export function loggablePath(url: string): string {
  const segments = url.split('?')[0]!.split('/');
  return segments
    .map((segment, i) => {
      const before = i > 0 ? decoded(segments[i - 1]!) : '';
      if (before === 'v' && segment) return '***';
      if (SECRET_AFTER.has(before) && decoded(segment).length >= SECRET_LENGTH) return '***';
      return segment;
    })
    .join('/');
}
