import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { jwtVerify } from 'jose';
import zakenSpec from './spec/zaken-1.5.1.json' with { type: 'json' };
import documentenSpec from './spec/documenten-1.4.3.json' with { type: 'json' };
import catalogiSpec from './spec/catalogi-1.3.1.json' with { type: 'json' };

/**
 * Test code: an in-process zaaksysteem speaking the published ZGW contract (Open Zaak cannot run
 * here). Every request is checked against the vendored OpenAPI documents (spec/: Zaken API 1.5.1,
 * Documenten API 1.4.3, Catalogi API 1.3.1) — path and method, required headers, query parameters,
 * and the body against the request schema (read-only fields left out, unknown fields refused) — and
 * so is every answer this server gives. A difference is a `violation`, answered 400 like a ZGW API;
 * tests assert there are none. The JWT is verified with `jose` (HS256, client_id), independently of
 * the client's own signing.
 *
 * Behaviour follows the standard's rules that matter to a client: identificatie is unique per
 * bronorganisatie (zaak, informatieobject), one result per zaak, the zaak's last statustype (the
 * highest volgnummer in the catalogue) closes it and needs a result first. `dropResponse` makes the
 * server do the work and then cut the connection before answering: the lost-answer retry case.
 */
type Spec = {
  operations: Record<string, { query: string[]; requiredHeaders: string[]; requestBody: unknown; responses: Record<string, unknown> }>;
  schemas: Record<string, unknown>;
};
type Obj = Record<string, unknown> & { url: string; uuid: string };

/** OpenAPI 3.0 → JSON Schema for ajv: `nullable` as a union with null; for requests without read-only fields, closed. */
function convert(node: unknown, request: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, request));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === 'properties' || k === 'items' || typeof v === 'object' ? convert(v, request) : v;
  if (request && out.properties && typeof out.properties === 'object') {
    const props = out.properties as Record<string, { readOnly?: boolean }>;
    const readOnly = Object.keys(props).filter(
      (k) => (node as { properties: Record<string, { readOnly?: boolean }> }).properties[k]?.readOnly,
    );
    for (const k of readOnly) delete props[k];
    if (Array.isArray(out.required)) out.required = out.required.filter((r) => !readOnly.includes(r as string));
    if (out.additionalProperties === undefined) out.additionalProperties = false;
  }
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function validators(name: string, spec: Spec) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const converted = (request: boolean) => ({
    $id: `${name}-${request ? 'request' : 'response'}`,
    components: { schemas: convert(spec.schemas, request) },
  });
  ajv.addSchema(converted(true));
  ajv.addSchema(converted(false));
  const cache = new Map<string, ValidateFunction>();
  const compile = (schema: unknown, request: boolean) => {
    const key = `${request}:${JSON.stringify(schema)}`;
    let v = cache.get(key);
    if (!v) {
      const rebased = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components', `"${name}-${request ? 'request' : 'response'}#/components`),
      );
      v = ajv.compile(convert(rebased, request) as object);
      cache.set(key, v);
    }
    return v;
  };
  return { compile, ajv };
}

const apis = {
  zaken: { prefix: '/zaken/api/v1', spec: zakenSpec as unknown as Spec },
  documenten: { prefix: '/documenten/api/v1', spec: documentenSpec as unknown as Spec },
  catalogi: { prefix: '/catalogi/api/v1', spec: catalogiSpec as unknown as Spec },
};

export type ZgwTestServer = Awaited<ReturnType<typeof startZgwTestServer>>;

export async function startZgwTestServer(opts: { clientId: string; secret: string; statustypen: number }) {
  const v = Object.fromEntries(Object.entries(apis).map(([k, a]) => [k, validators(k, a.spec)])) as Record<
    keyof typeof apis,
    ReturnType<typeof validators>
  >;
  const violations: string[] = [];
  const requests: { method: string; path: string; status: number }[] = [];
  const drop = new Map<string, number>();
  const store = {
    zaken: new Map<string, Obj>(),
    statussen: new Map<string, Obj>(),
    resultaten: new Map<string, Obj>(),
    zaakinformatieobjecten: new Map<string, Obj>(),
    enkelvoudiginformatieobjecten: new Map<string, Obj>(),
    statustypen: new Map<string, Obj>(),
    /** The documents' content as sent, by informatieobject URL (the answer gives a download URL instead). */
    inhoud: new Map<string, Buffer>(),
  };
  let base = '';
  const url = (api: keyof typeof apis, resource: string, uuid: string) => `${base}${apis[api].prefix}/${resource}/${uuid}`;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const u = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const reply = (status: number, body: unknown, op?: { api: keyof typeof apis; key: string }) => {
      if (op && status < 300) {
        const schema = apis[op.api].spec.operations[op.key]?.responses[String(status)];
        const check = schema ? v[op.api].compile(schema, false) : null;
        if (!check) violations.push(`${op.key}: answered ${status}, which the document does not list`);
        else if (!check(body)) violations.push(`${op.key} response: ${v[op.api].ajv.errorsText(check.errors)}`);
      }
      requests.push({ method, path: u.pathname, status });
      const dropKey = op ? op.key : '';
      const left = drop.get(dropKey) ?? 0;
      if (left > 0 && status < 300) {
        // The work is done, the answer never arrives.
        drop.set(dropKey, left - 1);
        req.socket.destroy();
        return;
      }
      res.writeHead(status, { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', 'API-version': '1.5.1' });
      res.end(JSON.stringify(body));
    };
    const problem = (status: number, code: string, title: string, invalidParams: { name: string; code: string; reason: string }[] = []) =>
      reply(status, { type: `https://zgw.test/fouten/${code}`, code, title, status, detail: title, instance: randomUUID(), invalidParams });

    // Route: the API by prefix, the operation by path template.
    const api = (Object.keys(apis) as (keyof typeof apis)[]).find((k) => u.pathname.startsWith(`${apis[k].prefix}/`));
    if (!api) return problem(404, 'not_found', 'Niet gevonden.');
    const rest = u.pathname.slice(apis[api].prefix.length);
    const m = /^\/([a-z]+)(?:\/([0-9a-f-]{36}))?$/.exec(rest);
    if (!m) return problem(404, 'not_found', 'Niet gevonden.');
    const [, resource, uuid] = m as unknown as [string, string, string | undefined];
    const key = `${method} /${resource}${uuid ? '/{uuid}' : ''}`;
    const op = apis[api].spec.operations[key];
    if (!op) {
      violations.push(`${api}: ${key} is not an operation of the document (or not vendored)`);
      return problem(405, 'method_not_allowed', 'Niet toegestaan.');
    }
    // Authorisation: the Applicatie's JWT.
    try {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const { payload } = await jwtVerify(token, new TextEncoder().encode(opts.secret), { algorithms: ['HS256'] });
      if (payload.client_id !== opts.clientId) throw new Error('unknown client_id');
    } catch {
      return problem(403, 'permission_denied', 'Je hebt geen toestemming om deze actie uit te voeren.');
    }
    for (const h of op.requiredHeaders) {
      if (!req.headers[h.toLowerCase()]) violations.push(`${key}: required header ${h} missing`);
    }
    for (const q of u.searchParams.keys()) if (!op.query.includes(q)) violations.push(`${key}: unknown query parameter ${q}`);
    let body: Record<string, unknown> = {};
    if (op.requestBody) {
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        violations.push(`${key}: body is not JSON`);
        return problem(400, 'parse_error', 'Ongeldige JSON.');
      }
      const check = v[api].compile(op.requestBody, true);
      if (!check(body)) {
        const text = v[api].ajv.errorsText(check.errors);
        violations.push(`${key} request: ${text}`);
        return problem(400, 'invalid', 'Invalid input.', [{ name: 'body', code: 'invalid', reason: text }]);
      }
    }
    const opRef = { api, key };
    const q = (name: string) => u.searchParams.get(name);
    const page = (items: Obj[]) => ({ count: items.length, next: null, previous: null, results: items });
    const now = new Date().toISOString(); // the zaaksysteem's own clock; tests assert on what Klachtflow sent, not on this

    switch (key) {
      case 'GET /zaken':
        return reply(
          200,
          page(
            [...store.zaken.values()].filter(
              (z) =>
                (!q('identificatie') || z.identificatie === q('identificatie')) &&
                (!q('bronorganisatie') || z.bronorganisatie === q('bronorganisatie')),
            ),
          ),
          opRef,
        );
      case 'GET /zaken/{uuid}':
      case 'PATCH /zaken/{uuid}': {
        const zaak = store.zaken.get(uuid!);
        if (!zaak) return problem(404, 'not_found', 'Niet gevonden.');
        if (method === 'PATCH') Object.assign(zaak, body);
        return reply(200, zaak, opRef);
      }
      case 'POST /zaken': {
        if ([...store.zaken.values()].some((z) => z.identificatie === body.identificatie && z.bronorganisatie === body.bronorganisatie))
          return problem(400, 'invalid', 'Invalid input.', [
            { name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al voor deze bronorganisatie' },
          ]);
        const id = randomUUID();
        const zaak: Obj = {
          url: url('zaken', 'zaken', id),
          uuid: id,
          betalingsindicatieWeergave: '',
          deelzaken: [],
          eigenschappen: [],
          einddatum: null,
          resultaat: null,
          rollen: [],
          status: null,
          zaakinformatieobjecten: [],
          zaakobjecten: [],
          archiefnominatie: null,
          archiefstatus: 'nog_te_archiveren',
          archiefactiedatum: null,
          ...body,
        };
        store.zaken.set(id, zaak);
        return reply(201, zaak, opRef);
      }
      case 'GET /statussen':
        return reply(200, page([...store.statussen.values()].filter((s) => !q('zaak') || s.zaak === q('zaak'))), opRef);
      case 'POST /statussen': {
        const zaak = [...store.zaken.values()].find((z) => z.url === body.zaak);
        const type = [...store.statustypen.values()].find((t) => t.url === body.statustype);
        if (!zaak || !type)
          return problem(400, 'invalid', 'Invalid input.', [{ name: zaak ? 'statustype' : 'zaak', code: 'bad-url', reason: 'Onbekend.' }]);
        const last = type.volgnummer === opts.statustypen;
        if (last && !zaak.resultaat)
          return problem(400, 'invalid', 'Invalid input.', [
            { name: 'nonFieldErrors', code: 'resultaat-does-not-exist', reason: 'De zaak heeft geen resultaat.' },
          ]);
        const id = randomUUID();
        const status: Obj = {
          url: url('zaken', 'statussen', id),
          uuid: id,
          indicatieLaatstGezetteStatus: true,
          zaakinformatieobjecten: [],
          ...body,
        };
        for (const s of store.statussen.values()) if (s.zaak === zaak.url) s.indicatieLaatstGezetteStatus = false;
        store.statussen.set(id, status);
        zaak.status = status.url;
        if (last) zaak.einddatum = String(body.datumStatusGezet).slice(0, 10);
        return reply(201, status, opRef);
      }
      case 'GET /resultaten':
        return reply(200, page([...store.resultaten.values()].filter((r) => !q('zaak') || r.zaak === q('zaak'))), opRef);
      case 'POST /resultaten': {
        const zaak = [...store.zaken.values()].find((z) => z.url === body.zaak);
        if (!zaak) return problem(400, 'invalid', 'Invalid input.', [{ name: 'zaak', code: 'bad-url', reason: 'Onbekend.' }]);
        if (zaak.resultaat)
          return problem(400, 'invalid', 'Invalid input.', [{ name: 'zaak', code: 'unique', reason: 'De zaak heeft al een resultaat.' }]);
        const id = randomUUID();
        const r: Obj = { url: url('zaken', 'resultaten', id), uuid: id, ...body };
        store.resultaten.set(id, r);
        zaak.resultaat = r.url;
        return reply(201, r, opRef);
      }
      case 'GET /zaakinformatieobjecten':
        return reply(
          200,
          [...store.zaakinformatieobjecten.values()].filter(
            (z) => (!q('zaak') || z.zaak === q('zaak')) && (!q('informatieobject') || z.informatieobject === q('informatieobject')),
          ),
          opRef,
        );
      case 'POST /zaakinformatieobjecten': {
        const zaak = [...store.zaken.values()].find((z) => z.url === body.zaak);
        const io = [...store.enkelvoudiginformatieobjecten.values()].find((i) => i.url === body.informatieobject);
        if (!zaak || !io)
          return problem(400, 'invalid', 'Invalid input.', [
            { name: zaak ? 'informatieobject' : 'zaak', code: 'bad-url', reason: 'Onbekend.' },
          ]);
        if ([...store.zaakinformatieobjecten.values()].some((z) => z.zaak === zaak.url && z.informatieobject === io.url))
          return problem(400, 'invalid', 'Invalid input.', [{ name: 'nonFieldErrors', code: 'unique', reason: 'Al gekoppeld.' }]);
        const id = randomUUID();
        const zio: Obj = {
          url: url('zaken', 'zaakinformatieobjecten', id),
          uuid: id,
          aardRelatieWeergave: 'Hoort bij, omgekeerd: kent',
          registratiedatum: now,
          ...body,
        };
        store.zaakinformatieobjecten.set(id, zio);
        (zaak.zaakinformatieobjecten as string[]).push(zio.url);
        return reply(201, zio, opRef);
      }
      case 'GET /enkelvoudiginformatieobjecten':
        return reply(
          200,
          page(
            [...store.enkelvoudiginformatieobjecten.values()].filter(
              (i) =>
                (!q('identificatie') || i.identificatie === q('identificatie')) &&
                (!q('bronorganisatie') || i.bronorganisatie === q('bronorganisatie')),
            ),
          ),
          opRef,
        );
      case 'POST /enkelvoudiginformatieobjecten': {
        if (
          [...store.enkelvoudiginformatieobjecten.values()].some(
            (i) => i.identificatie === body.identificatie && i.bronorganisatie === body.bronorganisatie,
          )
        )
          return problem(400, 'invalid', 'Invalid input.', [
            { name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Bestaat al.' },
          ]);
        const id = randomUUID();
        const io: Obj = {
          url: url('documenten', 'enkelvoudiginformatieobjecten', id),
          uuid: id,
          versie: 1,
          beginRegistratie: now,
          locked: false,
          bestandsdelen: [],
          ...body,
          inhoud: `${url('documenten', 'enkelvoudiginformatieobjecten', id)}/download?versie=1`,
        };
        store.enkelvoudiginformatieobjecten.set(id, io);
        store.inhoud.set(io.url, Buffer.from(String(body.inhoud), 'base64'));
        return reply(201, io, opRef);
      }
      case 'GET /statustypen/{uuid}': {
        const t = store.statustypen.get(uuid!);
        if (!t) return problem(404, 'not_found', 'Niet gevonden.');
        return reply(200, t, opRef);
      }
      default:
        return problem(405, 'method_not_allowed', 'Niet toegestaan.');
    }
  });
  // Longer than a slow test's pause between calls: an idle connection the server closed could meet the
  // client's next request (ECONNRESET), which the worker would retry but the test counts as a failure.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const zaaktype = `${base}/catalogi/api/v1/zaaktypen/${randomUUID()}`;
  // The catalogue: statustypen 1..n of one zaaktype; the last one closes the zaak.
  const statustypeUrls: string[] = [];
  for (let i = 1; i <= opts.statustypen; i++) {
    const id = randomUUID();
    const t: Obj = {
      url: url('catalogi', 'statustypen', id),
      uuid: id,
      omschrijving: `Status ${i}`,
      omschrijvingGeneriek: '',
      statustekst: '',
      zaaktype,
      zaaktypeIdentificatie: 'KLACHT',
      volgnummer: i,
      isEindstatus: i === opts.statustypen,
      informeren: false,
      doorlooptijd: null,
      toelichting: '',
      checklistitemStatustype: [],
      catalogus: `${base}/catalogi/api/v1/catalogussen/${randomUUID()}`,
      eigenschappen: [],
      zaakobjecttypen: [],
      beginGeldigheid: null,
      eindeGeldigheid: null,
      beginObject: null,
      eindeObject: null,
    };
    store.statustypen.set(id, t);
    statustypeUrls.push(t.url);
  }
  return {
    base,
    zakenApi: `${base}${apis.zaken.prefix}`,
    documentenApi: `${base}${apis.documenten.prefix}`,
    catalogiApi: `${base}${apis.catalogi.prefix}`,
    zaaktype,
    statustypeUrls,
    store,
    violations,
    requests,
    /** The next `times` successful answers to this operation ('POST /zaken') are lost after the work is done. */
    dropResponse(operation: string, times = 1) {
      drop.set(operation, times);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
