/**
 * Application errors, free of HTTP. Domain code and commands throw these; routes/problem.ts maps
 * each code to one `application/problem+json` response. The set of codes is closed on purpose.
 */
export type ErrorCode =
  | 'invalid' // input breaks a rule (400)
  | 'unauthenticated' // no valid session (401)
  | 'forbidden' // the actor may not do this (403)
  | 'not_found' // does not exist, or the actor may not see it (404)
  | 'conflict' // someone else changed it first, or the state does not allow it (409)
  | 'too_large' // upload over its limit (413)
  | 'unsupported_media' // upload type not allowed (415)
  | 'rate_limited'; // too many requests (429)

export type InvalidParam = { name: string; code: string; reason: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly invalidParams: InvalidParam[];
  readonly detail: string;
  /** Extension members of the problem (RFC 9457 §3.2), e.g. the open work that holds a step back. */
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, detail: string, invalidParams: InvalidParam[] = [], extensions: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.invalidParams = invalidParams;
    this.extensions = extensions;
  }
}

export const invalid = (name: string, reason: string, code = 'invalid') =>
  new AppError('invalid', 'De invoer is niet geldig.', [{ name, code, reason }]);
export const notFound = (what = 'Dit item') => new AppError('not_found', `${what} bestaat niet of u heeft er geen toegang toe.`);
export const forbidden = (detail = 'U mag deze actie niet uitvoeren.') => new AppError('forbidden', detail);
export const conflict = (detail: string) => new AppError('conflict', detail);

/** Work on a case that is still open (action lines, tasks), named one by one, so a screen can list it. */
export type OpenWorkItem = { id: string; kind: 'actionLine' | 'task'; subject: string; status: string };
/**
 * A step that needs all work done, refused while some is open: 409 like any state that does not
 * allow the step, but with `openWork` naming what is open (not "someone else changed it").
 */
export const workStillOpen = (detail: string, openWork: OpenWorkItem[]) => new AppError('conflict', detail, [], { openWork });
