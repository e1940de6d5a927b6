import { createHash } from 'node:crypto';
import querystring from 'node:querystring';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../openapi/document.ts';

/**
 * The document tells the truth: in tests only (the harness installs this), every request and answer
 * through the app is checked against the OpenAPI document the app serves. A difference is a violation:
 *
 *  - a status code the operation does not document, a missing documented header, a content type or
 *    body that does not match the documented schema;
 *  - a request the server accepted (2xx/3xx) that the document would refuse: a parameter, query
 *    style or body it does not describe or describes more strictly ("document stricter than server");
 *  - a 400 the server gave although the document accepts the request: a constraint the server
 *    enforces that the document does not state ("document looser than server").
 *
 * Violations are collected per app and thrown from the harness's close() (so the test that owned
 * the app fails, naming each one), and counted per process. Validators are compiled once per process
 * and operation. Routes outside the document (HTML pages, assets) are not checked.
 */

export type Violation = { operation: string; status: number; problem: string };

type Json = Record<string, unknown>;
type Operation = {
  key: string;
  pointer: string;
  op: Json;
  params: Map<string, { in: string; required: boolean; validate: ValidateFunction; array: boolean; explode: boolean }>;
};

/** One compiled document per distinct document text, per process. */
const compiled = new Map<string, { ajv: Ajv2020; ops: Map<string, Operation | null>; validators: Map<string, ValidateFunction> }>();
let processViolations = 0;

function compiledFor(doc: Json) {
  const text = JSON.stringify(doc);
  const hash = createHash('sha256').update(text).digest('hex');
  let c = compiled.get(hash);
  if (!c) {
    const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true, coerceTypes: false });
    addFormats.default(ajv);
    ajv.addSchema(JSON.parse(text), 'openapi.json');
    c = { ajv, ops: new Map(), validators: new Map() };
    compiled.set(hash, c);
  }
  return c;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function validatorAt(c: ReturnType<typeof compiledFor>, pointer: string, coerce = false): ValidateFunction {
  const key = `${coerce ? 'c' : 'v'}${pointer}`;
  let v = c.validators.get(key);
  if (!v) {
    if (coerce) {
      // Path and query values arrive as text: the parameter's schema, with types coerced from it.
      const a = new Ajv2020({ strict: false, coerceTypes: 'array', validateFormats: true });
      addFormats.default(a);
      v = a.compile(c.ajv.getSchema(`openapi.json#${pointer}`)!.schema as object);
    } else {
      v = c.ajv.compile({ $ref: `openapi.json#${pointer}` });
    }
    c.validators.set(key, v);
  }
  return v;
}

function operationFor(c: ReturnType<typeof compiledFor>, doc: Json, method: string, routeUrl: string): Operation | null {
  const key = `${method} ${routeUrl}`;
  if (c.ops.has(key)) return c.ops.get(key)!;
  let result: Operation | null = null;
  if (routeUrl.startsWith(`${API_PREFIX}/`)) {
    const path = routeUrl.slice(API_PREFIX.length).replace(/:(\w+)/g, '{$1}');
    const op = (doc.paths as Record<string, Record<string, Json>> | undefined)?.[path]?.[method.toLowerCase()];
    if (op) {
      const pointer = `/paths/${escapePointer(path)}/${method.toLowerCase()}`;
      const params: Operation['params'] = new Map();
      ((op.parameters as Json[] | undefined) ?? []).forEach((p, i) => {
        const schema = p.schema as Json;
        const array = schema?.type === 'array' || (Array.isArray(schema?.type) && (schema.type as string[]).includes('array'));
        params.set(`${p.in}:${p.name}`, {
          in: p.in as string,
          required: !!p.required,
          validate: validatorAt(c, `${pointer}/parameters/${i}/schema`, true),
          array,
          explode: p.explode === undefined ? (p.style ?? 'form') === 'form' : !!p.explode,
        });
      });
      result = { key: `${method} ${path}`, pointer, op, params };
    }
  }
  c.ops.set(key, result);
  return result;
}

const firstError = (v: ValidateFunction) => {
  const e = v.errors?.[0];
  return e ? `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}` : 'invalid';
};

/** What the client sent, before the route's own (zod) schema transformed it. */
type Sent = { query: Record<string, string | string[]>; params: Json; body: unknown; contentType: string; hasBody: boolean };
const sentOf = new WeakMap<FastifyRequest, Sent>();

/** Installs the check on an app that is not ready yet; returns what close() asks for. */
export function installContractCheck(app: FastifyInstance) {
  const violations: Violation[] = [];
  let doc: Json | null = null;
  const add = (operation: string, status: number, problem: string) => {
    if (KNOWN.some((k) => `${operation} → ${status}: ${problem}`.startsWith(k))) {
      knownSeen.add(`${operation} → ${status}: ${problem}`);
      return;
    }
    processViolations++;
    violations.push({ operation, status, problem });
  };

  app.addHook('preValidation', async (request) => {
    const q = request.url.indexOf('?');
    const contentType = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const length = Number(request.headers['content-length'] ?? 0);
    let body: unknown;
    try {
      body = request.body === undefined ? undefined : structuredClone(request.body);
    } catch (err) {
      // A body nested thousands deep (the bad-input property test) is beyond copying: the server refuses
      // it with its own 400; this check, which runs only in tests, must not turn that into a 500.
      if (err instanceof RangeError) return;
      throw err;
    }
    sentOf.set(request, {
      query: q >= 0 ? (querystring.parse(request.url.slice(q + 1)) as Record<string, string | string[]>) : {},
      params: { ...(request.params as Json) },
      body,
      contentType,
      hasBody: length > 0 || request.headers['transfer-encoding'] !== undefined || request.body !== undefined,
    });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const routeUrl = request.routeOptions.url;
    if (!routeUrl || request.is404) return payload;
    doc ??= app.swagger() as unknown as Json;
    const c = compiledFor(doc);
    const op = operationFor(c, doc, request.method, routeUrl);
    if (!op) return payload;
    const status = reply.statusCode;
    const sent = sentOf.get(request);
    try {
      if (sent) checkRequest(c, op, sent, status, (p) => add(op.key, status, p), payload);
      checkResponse(c, op, status, reply.getHeaders(), payload, (p) => add(op.key, status, p));
    } catch (err) {
      // The validators recurse: a request nested too deep for them is left unchecked, never answered with a 500.
      if (!(err instanceof RangeError)) throw err;
    }
    return payload;
  });

  return {
    violations,
    /** Throws when the app saw any violation: the test that owned the app fails with the list. */
    assertClean() {
      if (!violations.length) return;
      const lines = violations.map((v) => `  ${v.operation} → ${v.status}: ${v.problem}`);
      throw new Error(
        `The OpenAPI document does not tell the truth (${violations.length} contract violations; fix the route's ` +
          `schema or server/openapi/document.ts, or the server):\n${[...new Set(lines)].join('\n')}`,
      );
    },
  };
}

export const contractViolationsInProcess = () => processViolations;

/**
 * Differences known when the check was introduced and not yet fixed (each a line of the report, by
 * prefix). They are printed at the end of the process, not failed; a new one fails. Shrink this list,
 * never grow it: fix the document (the route's schema, an `x-kf-rule`) or the server instead.
 */
const KNOWN: string[] = [];
const knownSeen = new Set<string>();
process.on('exit', () => {
  if (knownSeen.size)
    process.stderr.write(
      `contract check: ${knownSeen.size} known differences (server/test/contract.ts KNOWN):\n  ${[...knownSeen].join('\n  ')}\n`,
    );
});

function checkRequest(
  c: ReturnType<typeof compiledFor>,
  op: Operation,
  sent: Sent,
  status: number,
  add: (p: string) => void,
  payload: unknown,
) {
  const problems: string[] = [];
  // Path parameters.
  for (const [name, value] of Object.entries(sent.params)) {
    const p = op.params.get(`path:${name}`);
    if (!p) problems.push(`path parameter ${name} is not documented`);
    else if (!p.validate(value)) problems.push(`path parameter ${name}=${JSON.stringify(value)}: ${firstError(p.validate)}`);
  }
  // Query parameters, in the documented style (form, exploded unless explode: false).
  for (const [name, raw] of Object.entries(sent.query)) {
    const p = op.params.get(`query:${name}`);
    if (!p) {
      problems.push(`query parameter ${name} is not documented`);
      continue;
    }
    let value: unknown = raw;
    if (p.array) {
      const list = Array.isArray(raw) ? raw : [raw];
      value = p.explode ? list : list.flatMap((v) => v.split(','));
    } else if (Array.isArray(raw)) {
      problems.push(`query parameter ${name} is sent more than once but is not an array`);
      continue;
    }
    if (!p.validate(value)) problems.push(`query parameter ${name}=${JSON.stringify(raw)}: ${firstError(p.validate)}`);
  }
  for (const [key, p] of op.params) {
    if (!p.required) continue;
    const [where, name] = key.split(':') as [string, string];
    if (where === 'query' && !(name in sent.query)) problems.push(`required query parameter ${name} is missing`);
  }
  // The body.
  const requestBody = op.op.requestBody as { required?: boolean; content?: Record<string, Json> } | undefined;
  if (sent.hasBody && sent.body !== undefined && sent.body !== null && sent.body !== '') {
    const media = requestBody?.content?.[sent.contentType];
    if (!requestBody) problems.push('a request body was sent but the operation documents none');
    else if (!media) problems.push(`request body of type ${sent.contentType} is not documented`);
    else if (media.schema && sent.contentType.endsWith('json')) {
      const v = validatorAt(c, `${op.pointer}/requestBody/content/${escapePointer(sent.contentType)}/schema`);
      if (!v(sent.body)) problems.push(`request body: ${firstError(v)}`);
    }
  } else if (sent.hasBody && requestBody?.content && !requestBody.content[sent.contentType]) {
    // A body the route reads itself (multipart): at least its type is documented.
    if (sent.contentType && status < 400) problems.push(`request body of type ${sent.contentType} is not documented`);
  } else if (requestBody?.required && status < 400 && !sent.hasBody) {
    problems.push('the documented request body is required but none was sent');
  }

  if (status < 400 && problems.length) for (const p of problems) add(`document stricter than the server: ${p}`);
  if (status === 400 && !problems.length) {
    // The document accepts this request, yet the server refused it as invalid input: fine only when the
    // document states that rule for the field (`x-kf-rule`, a sentence saying what the server checks
    // beyond the schema: a reference that must exist, the process's own fields, a phone number, …).
    const unstated = invalidParamsOf(payload).filter((p) => !ruleStated(c, op, sent, p.name));
    if (unstated.length || !invalidParamsOf(payload).length)
      add(
        `document looser than the server: it accepts the request, the server refuses ${
          unstated.map((p) => `${p.name}${p.code ? ` (${p.code})` : ''}`).join(', ') || 'it'
        } — state the constraint in the schema, or as x-kf-rule on the field`,
      );
  }
}

function invalidParamsOf(payload: unknown): Array<{ name: string; code?: string }> {
  try {
    return (JSON.parse(String(payload)) as { invalidParams?: Array<{ name: string; code?: string }> }).invalidParams ?? [];
  } catch {
    return [];
  }
}

/** Whether the document states a rule (`x-kf-rule`) on the named field or on one that holds it. */
function ruleStated(c: ReturnType<typeof compiledFor>, op: Operation, sent: Sent, name: string): boolean {
  const doc = (c.ajv.getSchema('openapi.json')?.schema ?? {}) as Json;
  const deref = (node: unknown): Json | undefined => {
    let n = node as Json | undefined;
    for (let i = 0; i < 10 && typeof n?.$ref === 'string'; i++) {
      n = (n.$ref as string)
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((o, k) => (o as Json | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Json | undefined;
    }
    return n;
  };
  const ruled = (n: Json) => !!n['x-kf-rule'];
  // True when a node on the way to the field (through any alternative) states a rule.
  const walk = (root: unknown, path: string[], depth = 0): boolean => {
    const node = deref(root);
    if (!node || depth > 30) return false;
    if (ruled(node)) return true;
    const alternatives = ['anyOf', 'oneOf', 'allOf'].flatMap((k) => (node[k] as Json[] | undefined) ?? []);
    if (alternatives.some((a) => walk(a, path, depth + 1))) return true;
    if (!path.length) return false;
    const [seg, ...rest] = path as [string, ...string[]];
    const props = node.properties as Record<string, unknown> | undefined;
    const next = props?.[seg] ?? (/^\d+$/.test(seg) ? node.items : undefined) ?? node.additionalProperties;
    return typeof next === 'object' && walk(next, rest, depth + 1);
  };
  const parts = name.split('.');
  const first = parts[0] === 'query' ? 'querystring' : parts[0];
  const where = first === 'body' || first === 'querystring' || first === 'params' ? (parts.shift(), first) : undefined;
  const requestBody = op.op.requestBody as { content?: Record<string, Json> } | undefined;
  const bodySchema = requestBody?.content?.[sent.contentType]?.schema ?? Object.values(requestBody?.content ?? {})[0]?.schema;
  const paramSchema = (inn: string) =>
    ((op.op.parameters as Json[] | undefined) ?? []).find((p) => p.in === inn && p.name === parts[0])?.schema;
  // A multipart form is read by the route itself: the document's form schema is all there is to check.
  if (sent.contentType === 'multipart/form-data' && bodySchema) return true;
  // A command may name a field by its place in the domain (complainant.phone for the form's phone).
  if ((where === undefined || where === 'body') && bodySchema && parts.some((_, i) => walk(bodySchema, parts.slice(i)))) return true;
  if ((where === undefined || where === 'querystring') && walk(paramSchema('query'), parts.slice(1))) return true;
  if ((where === undefined || where === 'params') && walk(paramSchema('path'), parts.slice(1))) return true;
  return false;
}

function checkResponse(
  c: ReturnType<typeof compiledFor>,
  op: Operation,
  status: number,
  headers: Record<string, unknown>,
  payload: unknown,
  add: (p: string) => void,
) {
  const responses = (op.op.responses ?? {}) as Record<string, Json>;
  const key = responses[String(status)] ? String(status) : responses[`${String(status)[0]}XX`] ? `${String(status)[0]}XX` : 'default';
  const response = responses[key];
  if (!response) {
    add(`status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`);
    return;
  }
  for (const [name, h] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
    if (h.required && headers[name.toLowerCase()] === undefined) add(`documented header ${name} is missing`);
  }
  const content = response.content as Record<string, Json> | undefined;
  const type = String(headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const empty = payload === null || payload === undefined || payload === '' || (Buffer.isBuffer(payload) && payload.length === 0);
  if (!content) {
    if (!empty && status !== 204 && status !== 304) add(`a ${type || 'body'} is answered but no content is documented`);
    return;
  }
  if (empty) return;
  const media = content[type] ?? content['*/*'];
  if (!media) {
    add(`content type ${type || '(none)'} is not documented (documented: ${Object.keys(content).join(', ')})`);
    return;
  }
  if (!type.endsWith('json') || !(typeof payload === 'string' || Buffer.isBuffer(payload)) || !media.schema) return;
  let body: unknown;
  try {
    body = JSON.parse(String(payload));
  } catch {
    add('the body is not JSON');
    return;
  }
  const v = validatorAt(c, `${op.pointer}/responses/${key}/content/${escapePointer(content[type] ? type : '*/*')}/schema`);
  if (!v(body)) add(`response body: ${firstError(v)}`);
}

/**
 * On in the PGlite run (and any run that does not say TEST_DATABASE=postgres): the document is the
 * same on both databases, so once is enough. KF_CONTRACT=on|off overrides.
 */
export function contractCheckEnabled(): boolean {
  if (process.env.KF_CONTRACT === 'on') return true;
  if (process.env.KF_CONTRACT === 'off') return false;
  return process.env.TEST_DATABASE !== 'postgres';
}
