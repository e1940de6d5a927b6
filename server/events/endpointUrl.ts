/**
 * Where events may go: https to a host name, or http to this machine only (a receiver beside
 * Klachtflow, in development and tests), since a signature proves who sent an event but not that
 * nobody read it on the way. No credentials in the URL (they would show on the administrator's
 * screen), no fragment, no spaces or control characters. One pattern, so the OpenAPI document
 * states exactly what the server accepts; everything it matches is a URL `fetch` can post to.
 */
export const ENDPOINT_URL_PATTERN =
  /^(https:\/\/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z][A-Za-z0-9-]*|http:\/\/(localhost|127\.0\.0\.1|\[::1\]))(:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}))?([/?][^\s#\u0000-\u001f\u007f]*)?$/u;

export const ENDPOINT_URL_MESSAGE =
  'Gebruik een https-adres, bijvoorbeeld https://zaken.example.nl/klachtflow-berichten (http alleen voor een ontvanger op deze machine), zonder gebruikersnaam, wachtwoord of #.';

export const endpointUrlProblem = (value: string): string | null => (ENDPOINT_URL_PATTERN.test(value) ? null : ENDPOINT_URL_MESSAGE);
