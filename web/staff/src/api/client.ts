/**
 * The one way the app talks to Klachtflow: same origin, cookie session, the CSRF token on every
 * state-changing call, and problem+json errors turned into ApiError (with every invalid field).
 */
export type InvalidParam = { name: string; reason: string; code?: string };
/** Work that holds a step back (problem member `openWork`): what is still open, one by one. */
export type OpenWork = { id: string; kind: 'actionLine' | 'task'; subject: string; status: string }[];

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly invalidParams: InvalidParam[];
  /** Set when the step waits for work that is still open (not a change by someone else). */
  readonly openWork: OpenWork | null;
  constructor(status: number, title: string, detail: string, invalidParams: InvalidParam[] = [], openWork: OpenWork | null = null) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.invalidParams = invalidParams;
    this.openWork = openWork;
  }
}

export const API = '/api/v1';
let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
/** Called when the server says the session is gone (401): the app shows the login page. */
export function onUnauthenticated(listener: () => void) {
  unauthenticatedListeners.add(listener);
  return () => void unauthenticatedListeners.delete(listener);
}

type Options = { body?: unknown; signal?: AbortSignal; quiet401?: boolean };

export async function request<T>(method: string, path: string, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(API + path, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', '');
  }
  if (res.status === 204) return undefined as T;
  const isJson = /json/.test(res.headers.get('content-type') ?? '');
  const data: unknown = isJson ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const p = (data ?? {}) as { title?: string; detail?: string; invalidParams?: InvalidParam[]; openWork?: OpenWork };
    if (res.status === 401 && !opts.quiet401) for (const f of unauthenticatedListeners) f();
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', p.invalidParams ?? [], p.openWork ?? null);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, opts?: Options) => request<T>('GET', path, opts),
  // A step without input (pick up, revoke, undo) is a POST without a body, as the OpenAPI document says.
  post: <T>(path: string, body?: unknown, opts?: Options) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** A query string from the defined values only; arrays become comma lists (the API's csv). */
export function query(params: Record<string, string | number | string[] | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
