import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApiDocument } from '../../scripts/lintApi.ts';

/**
 * Guard: the OpenAPI document stays NL API Design Rules clean as routes are added (npm run lint:api runs
 * Logius's full ruleset in test.sh; this names what a ROUTE must declare). server/openapi/document.ts
 * adds operationIds, descriptions, security, API-Version and the problem responses to every route by
 * itself; a route declares its summary, tags and success response. No database: the app is built bare.
 */
type Json = Record<string, unknown>;

test('every API operation says what it answers, in Dutch, and nothing but the API is in the document', async () => {
  const doc = (await openApiDocument()) as Json & { paths: Record<string, Record<string, Json>> };
  assert.deepEqual(
    (doc.servers as Json[]).map((s) => s.url),
    ['/api/v1'],
  );
  assert.ok((doc.info as { contact: Json }).contact.url, 'info.contact has a url');
  const problems: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (/[:*]|\/\{\*\}/.test(path)) problems.push(`${path}: not a valid OpenAPI path (a wildcard route outside /api/v1 must not be in it)`);
    for (const [method, op] of Object.entries(item)) {
      const name = `${method.toUpperCase()} /api/v1${path}`;
      const responses = op.responses as Record<string, Json & { content?: Record<string, Json> }>;
      if (!op.summary) problems.push(`${name}: declare schema.summary (a short Dutch line)`);
      if (!(op.tags as string[] | undefined)?.length) problems.push(`${name}: declare schema.tags`);
      if (!op.operationId || !op.description)
        problems.push(`${name}: no operationId/description (is server/openapi/document.ts the transform?)`);
      if (!responses['400']) problems.push(`${name}: no 400 problem response`);
      const success = Object.keys(responses).filter((s) => /^[23]/.test(s));
      if (!success.length)
        problems.push(`${name}: declare schema.response with its success status (e.g. { 200: schema } or { 204: noContent })`);
      for (const s of success) {
        const content = responses[s]!.content;
        if (
          s !== '204' &&
          s !== '304' &&
          !/^3/.test(s) &&
          content?.['application/json']?.schema &&
          (content['application/json'].schema as Json).description === 'Nog zonder beschreven schema.'
        )
          problems.push(
            `${name}: declare schema.response { ${s}: zodSchema } (a file: config.openapi.produces; no body: { 204: noContent })`,
          );
      }
      for (const [s, r] of Object.entries(responses)) {
        if (!(r.headers as Json | undefined)?.['API-Version']) problems.push(`${name} ${s}: no API-Version header`);
        if (Number(s) >= 400 && !r.content?.['application/problem+json']) problems.push(`${name} ${s}: an error that is not problem+json`);
      }
    }
  }
  assert.deepEqual(problems, [], `Routes must declare (see server/openapi/document.ts):\n${problems.join('\n')}`);
});
