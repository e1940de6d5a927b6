import { createHmac } from 'node:crypto';

/**
 * The ZGW APIs as Klachtflow uses them: the Zaken API (1.5) and the Documenten API (1.4), one
 * interface with one implementation over HTTP. Tests run this same implementation against an
 * in-process server that checks every request against the published OpenAPI documents
 * (testServer.ts, spec/), so the bodies built here cannot drift from the contract.
 *
 * Only the fields Klachtflow sends or reads are typed; the server's answers carry more.
 */
export type Zaak = {
  url: string;
  identificatie: string;
  zaaktype: string;
  einddatum: string | null;
  archiefnominatie?: string | null;
  archiefactiedatum?: string | null;
};
export type NewZaak = {
  identificatie: string;
  bronorganisatie: string;
  verantwoordelijkeOrganisatie: string;
  zaaktype: string;
  omschrijving: string;
  registratiedatum: string;
  startdatum: string;
  vertrouwelijkheidaanduiding: string;
};
export type ZaakPatch = {
  archiefnominatie?: 'vernietigen' | 'blijvend_bewaren';
  selectielijstklasse?: string;
  archiefactiedatum?: string;
};
export type Status = { url: string; zaak: string; statustype: string; datumStatusGezet: string };
export type NewStatus = Omit<Status, 'url'>;
export type Resultaat = { url: string; zaak: string; resultaattype: string };
export type NewResultaat = Omit<Resultaat, 'url'>;
export type Informatieobject = { url: string; identificatie: string };
export type NewInformatieobject = {
  identificatie: string;
  bronorganisatie: string;
  creatiedatum: string;
  titel: string;
  auteur: string;
  taal: string;
  bestandsnaam: string;
  formaat: string;
  inhoud: string;
  bestandsomvang: number;
  informatieobjecttype: string;
  vertrouwelijkheidaanduiding: string;
  indicatieGebruiksrecht: boolean;
  verzenddatum?: string;
};
export type ZaakInformatieobject = { url: string; zaak: string; informatieobject: string };
export type NewZaakInformatieobject = { zaak: string; informatieobject: string; titel: string };

export interface ZgwClient {
  findZaak(bronorganisatie: string, identificatie: string): Promise<Zaak | null>;
  createZaak(zaak: NewZaak): Promise<Zaak>;
  patchZaak(url: string, patch: ZaakPatch): Promise<Zaak>;
  listStatussen(zaakUrl: string): Promise<Status[]>;
  createStatus(status: NewStatus): Promise<Status>;
  listResultaten(zaakUrl: string): Promise<Resultaat[]>;
  createResultaat(resultaat: NewResultaat): Promise<Resultaat>;
  findInformatieobject(bronorganisatie: string, identificatie: string): Promise<Informatieobject | null>;
  createInformatieobject(io: NewInformatieobject): Promise<Informatieobject>;
  listZaakinformatieobjecten(zaakUrl: string, informatieobjectUrl: string): Promise<ZaakInformatieobject[]>;
  createZaakinformatieobject(zio: NewZaakInformatieobject): Promise<ZaakInformatieobject>;
}

/** An answer other than the expected one, or no answer. Carries no request body (it may hold personal data). */
export class ZgwError extends Error {
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.status = status;
  }
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/**
 * The ZGW authorisation token: a JWT signed with the Applicatie's secret (HS256), with `client_id`
 * and `iat` as the Autorisaties API expects (Open Zaak's "JWT-Claims"). Made per request with the
 * given time, so it never goes stale between retries.
 */
export function zgwToken(clientId: string, secret: string, now: Date): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({
      iss: clientId,
      iat: Math.floor(now.getTime() / 1000),
      client_id: clientId,
      user_id: clientId,
      user_representation: 'Klachtflow',
    }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export type HttpZgwClientOptions = {
  zakenApi: string;
  documentenApi: string;
  clientId: string;
  secret: string;
  /** The time for the token's iat (the services' clock). */
  now: () => Date;
  timeoutMs?: number;
};

type Paginated<T> = { count: number; next: string | null; results: T[] };
const MAX_PAGES = 20;

export class HttpZgwClient implements ZgwClient {
  private readonly zaken: string;
  private readonly documenten: string;
  private readonly opts: HttpZgwClientOptions;
  constructor(opts: HttpZgwClientOptions) {
    this.opts = opts;
    this.zaken = opts.zakenApi.replace(/\/+$/, '');
    this.documenten = opts.documentenApi.replace(/\/+$/, '');
  }

  private async call<T>(method: string, url: string, body: unknown, expect: number, crs: boolean): Promise<T> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${zgwToken(this.opts.clientId, this.opts.secret, this.opts.now())}`,
      Accept: 'application/json',
    };
    // The Zaken API asks for the geometry's reference system on every zaak call, also without geometry.
    if (crs) Object.assign(headers, { 'Accept-Crs': 'EPSG:4326', 'Content-Crs': 'EPSG:4326' });
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000),
      });
    } catch (err) {
      // The request may or may not have reached the server: the caller treats this as an unknown outcome.
      throw new ZgwError(`${method} ${new URL(url).pathname}: no answer (${(err as Error).cause ?? (err as Error).message})`, null);
    }
    const text = await res.text();
    if (res.status !== expect) {
      // A problem+json's title and invalidParams' names and codes; never the request body.
      let detail = '';
      try {
        const p = JSON.parse(text) as { title?: string; invalidParams?: { name: string; code: string }[] };
        detail = [p.title, ...(p.invalidParams ?? []).map((i) => `${i.name}: ${i.code}`)].filter(Boolean).join('; ');
      } catch {
        detail = text.slice(0, 200);
      }
      throw new ZgwError(`${method} ${new URL(url).pathname}: ${res.status} ${detail}`.trim(), res.status);
    }
    return JSON.parse(text) as T;
  }

  private async all<T>(url: string, crs: boolean): Promise<T[]> {
    const out: T[] = [];
    let next: string | null = url;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const answer: Paginated<T> | T[] = await this.call<Paginated<T> | T[]>('GET', next, undefined, 200, crs);
      if (Array.isArray(answer)) return answer; // unpaginated lists (zaakinformatieobjecten)
      out.push(...answer.results);
      next = answer.next;
    }
    return out;
  }

  private q(base: string, path: string, params: Record<string, string>) {
    return `${base}${path}?${new URLSearchParams(params).toString()}`;
  }

  async findZaak(bronorganisatie: string, identificatie: string) {
    const found = await this.all<Zaak>(this.q(this.zaken, '/zaken', { bronorganisatie, identificatie }), true);
    return found[0] ?? null;
  }
  createZaak(zaak: NewZaak) {
    return this.call<Zaak>('POST', `${this.zaken}/zaken`, zaak, 201, true);
  }
  patchZaak(url: string, patch: ZaakPatch) {
    return this.call<Zaak>('PATCH', url, patch, 200, true);
  }
  listStatussen(zaak: string) {
    return this.all<Status>(this.q(this.zaken, '/statussen', { zaak }), false);
  }
  createStatus(status: NewStatus) {
    return this.call<Status>('POST', `${this.zaken}/statussen`, status, 201, false);
  }
  listResultaten(zaak: string) {
    return this.all<Resultaat>(this.q(this.zaken, '/resultaten', { zaak }), false);
  }
  createResultaat(resultaat: NewResultaat) {
    return this.call<Resultaat>('POST', `${this.zaken}/resultaten`, resultaat, 201, false);
  }
  async findInformatieobject(bronorganisatie: string, identificatie: string) {
    const found = await this.all<Informatieobject>(
      this.q(this.documenten, '/enkelvoudiginformatieobjecten', { bronorganisatie, identificatie }),
      false,
    );
    return found[0] ?? null;
  }
  createInformatieobject(io: NewInformatieobject) {
    return this.call<Informatieobject>('POST', `${this.documenten}/enkelvoudiginformatieobjecten`, io, 201, false);
  }
  listZaakinformatieobjecten(zaak: string, informatieobject: string) {
    return this.all<ZaakInformatieobject>(this.q(this.zaken, '/zaakinformatieobjecten', { zaak, informatieobject }), false);
  }
  createZaakinformatieobject(zio: NewZaakInformatieobject) {
    return this.call<ZaakInformatieobject>('POST', `${this.zaken}/zaakinformatieobjecten`, zio, 201, false);
  }
}
