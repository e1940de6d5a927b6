/**
 * Vendors the part of a published ZGW OpenAPI document that Klachtflow uses (server/zgw/spec/*.json):
 * the operations the client calls, with their request/response schemas, query parameters and every
 * schema they reference. The test server (server/zgw/testServer.ts) validates each request and its
 * own responses against these with ajv, so the client cannot drift from the published contract.
 *
 *   node --import tsx scripts/vendorZgwSpec.ts <openapi.yaml> <out.json> <source url> <licence> "<METHOD /path>"...
 */
import fs from 'node:fs';
import { parse } from 'yaml';

const [file, out, source, licence, ...ops] = process.argv.slice(2);
if (!file || !out || !source || !licence || !ops.length) throw new Error('usage: see the comment at the top');
type Param = { in: string; name: string; required?: boolean };
const doc = parse(fs.readFileSync(file, 'utf8'));
const schemas: Record<string, unknown> = {};
const want = (node: unknown): void => {
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
      const name = v.slice('#/components/schemas/'.length);
      if (!(name in schemas)) {
        schemas[name] = doc.components.schemas[name];
        want(schemas[name]);
      }
    } else want(v);
  }
};
const operations: Record<string, unknown> = {};
for (const op of ops) {
  const [method = '', path = ''] = op.split(' ');
  const o = doc.paths[path]?.[method.toLowerCase()];
  if (!o) throw new Error(`${op} is not in ${file}`);
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries<{ content?: Record<string, { schema?: unknown }> }>(o.responses)) {
    if (status.startsWith('2')) responses[status] = r.content?.['application/json']?.schema ?? null;
  }
  const entry = {
    operationId: o.operationId,
    query: (o.parameters ?? []).filter((p: Param) => p.in === 'query').map((p: Param) => p.name),
    requiredHeaders: (o.parameters ?? []).filter((p: Param) => p.in === 'header' && p.required).map((p: Param) => p.name),
    requestBody: o.requestBody?.content?.['application/json']?.schema ?? null,
    responses,
  };
  want(entry);
  operations[op] = entry;
}
const vendored = {
  title: doc.info.title,
  version: doc.info.version,
  source,
  licence,
  note: 'A subset of the published OpenAPI document: the operations Klachtflow calls and the schemas they reference, unchanged.',
  securitySchemes: doc.components.securitySchemes,
  operations,
  schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
};
fs.writeFileSync(out, `${JSON.stringify(vendored, null, 1)}\n`);
