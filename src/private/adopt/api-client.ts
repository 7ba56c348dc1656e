/**
 * A small client for the TFE API (`/api/v2`, JSON:API) as the adoption
 * generator reads it: GET only, pages of 100 (`page[size]=100`), at most 30
 * requests per second (the documented limit per token), waiting out a 429
 * for as long as its `Retry-After` says, and counting what it does.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as os from 'os';

/** An HTTP answer, as the client needs it. */
export interface HttpAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: { readonly [name: string]: string | undefined };
  readonly body: string;
}

/** Sends one GET request (the network, or recorded answers in tests and `--from-recording`). */
export type Transport = (url: string, headers: { [name: string]: string }) => Promise<HttpAnswer>;

/** A JSON:API resource object. */
export interface ApiObject {
  readonly id: string;
  readonly type: string;
  readonly attributes: { readonly [name: string]: any };
  readonly relationships?: { readonly [name: string]: { readonly data?: any; readonly links?: any } };
}

/** The result of reading a collection: its objects, or why the server would not serve it. */
export type ListResult = { readonly objects: ApiObject[] } | { readonly notServed: string };

export interface ApiClientOptions {
  /** e.g. `app.terraform.io` or `tfe.example.com:8443`. */
  readonly hostname: string;
  readonly token: string;
  /** Requests per second at most (default 30). */
  readonly ratePerSecond?: number;
  /** Defaults to HTTPS through Node (CA bundle from `SSL_CERT_FILE`, as Terraform uses it). */
  readonly transport?: Transport;
  /** Called after each request. */
  readonly onRequest?: (requests: number) => void;
  /** Waits (tests replace it). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock for the rate limit (tests replace it). */
  readonly now?: () => number;
}

/** Requests at most `rate` per second: each request takes the next free slot. */
class RateLimiter {
  private next = 0;
  constructor(private readonly interval: number, private readonly now: () => number, private readonly sleep: (ms: number) => Promise<void>) {}

  public async slot(): Promise<void> {
    const now = this.now();
    const at = Math.max(now, this.next);
    this.next = at + this.interval;
    if (at > now) await this.sleep(at - now);
  }

  /** Nothing starts before `ms` from now (after a 429). */
  public pause(ms: number): void {
    this.next = Math.max(this.next, this.now() + ms);
  }
}

export class ApiClient {
  /** Requests sent, retries included. */
  public requests = 0;
  /** 429 answers waited out. */
  public throttled = 0;
  private readonly transport: Transport;
  private readonly limiter: RateLimiter;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ApiClientOptions) {
    const rate = Math.min(options.ratePerSecond ?? 30, 30);
    if (!(rate > 0)) throw new Error(`the request rate must be above 0 and at most 30 per second, got ${options.ratePerSecond}`);
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    // Whole milliseconds, rounded up: never above the rate.
    this.limiter = new RateLimiter(Math.ceil(1000 / rate), options.now ?? Date.now, this.sleep);
    this.transport = options.transport ?? httpsTransport();
  }

  /** GETs `/api/v2<path>`: the status and the parsed body. */
  public async get(path: string): Promise<{ readonly status: number; readonly body: any }> {
    const url = `https://${this.options.hostname}/api/v2${path}`;
    for (let attempt = 0; ; attempt++) {
      await this.limiter.slot();
      this.requests++;
      const answer = await this.transport(url, {
        'Authorization': `Bearer ${this.options.token}`,
        'Content-Type': 'application/vnd.api+json',
        'Accept': 'application/vnd.api+json',
      });
      this.options.onRequest?.(this.requests);
      if ((answer.status === 429 || answer.status >= 500) && attempt < 8) {
        // Retry-After is in seconds (the API sends a number; a date is honoured too).
        const retryAfter = answer.headers['retry-after'];
        let wait = retryAfter === undefined ? 1000 * 2 ** attempt : Number(retryAfter) * 1000;
        if (Number.isNaN(wait)) wait = Math.max(0, Date.parse(retryAfter!) - Date.now());
        if (answer.status === 429) this.throttled++;
        this.limiter.pause(Math.min(wait, 60_000));
        continue;
      }
      let body: any = undefined;
      try {
        body = answer.body ? JSON.parse(answer.body) : undefined;
      } catch {
        body = answer.body;
      }
      return { status: answer.status, body };
    }
  }

  /** GETs one object; undefined on 404. */
  public async object(path: string): Promise<ApiObject | undefined> {
    const { status, body } = await this.get(path);
    if (status === 404) return undefined;
    if (status !== 200) throw new ApiError(path, status, body);
    return body.data;
  }

  /**
   * Every object of a collection, page by page (`page[size]=100`), following
   * `meta.pagination.next-page` (or `links.next`). A 404 (or 403/501) on the
   * first page means the server does not serve the type for this
   * organization (an entitlement it lacks, or an API the server does not
   * have): reported, not fatal.
   */
  public async list(path: string): Promise<ListResult> {
    const objects: ApiObject[] = [];
    const sep = path.includes('?') ? '&' : '?';
    for (let page = 1; ; page++) {
      const { status, body } = await this.get(`${path}${sep}page%5Bnumber%5D=${page}&page%5Bsize%5D=100`);
      if (page === 1 && (status === 404 || status === 403 || status === 501 || status === 400)) {
        return { notServed: `GET ${path} answered ${status}` };
      }
      if (status !== 200) throw new ApiError(path, status, body);
      const data: ApiObject[] = Array.isArray(body?.data) ? body.data : [];
      objects.push(...data);
      const pagination = body?.meta?.pagination;
      const next = pagination ? pagination['next-page'] : (body?.links?.next ? page + 1 : null);
      if (!next || data.length === 0) return { objects };
    }
  }
}

export class ApiError extends Error {
  constructor(path: string, public readonly status: number, body: unknown) {
    const detail = typeof body === 'object' && body !== null && Array.isArray((body as any).errors)
      ? (body as any).errors.map((e: any) => e.detail ?? e.title ?? JSON.stringify(e)).join('; ')
      : String(body ?? '').slice(0, 200);
    super(`GET /api/v2${path} answered ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'ApiError';
  }
}

/** HTTPS through Node, trusting the CA bundle in `SSL_CERT_FILE` when set (as Terraform and the provider do). */
export function httpsTransport(): Transport {
  const caFile = process.env.SSL_CERT_FILE;
  const ca = caFile && fs.existsSync(caFile) ? fs.readFileSync(caFile) : undefined;
  const agent = new https.Agent({ keepAlive: true, maxSockets: 8, ca });
  return (url, headers) => new Promise<HttpAnswer>((resolve, reject) => {
    const req = https.get(url, { headers, agent }, (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const out: { [name: string]: string | undefined } = {};
        for (const [k, v] of Object.entries(res.headers)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`no answer from ${new URL(url).host} in 120 s`)));
    req.on('error', reject);
  });
}

/**
 * The API token: `TFE_TOKEN`, else `TF_TOKEN_<host>` (dots as underscores),
 * else the Terraform CLI credentials file
 * (`~/.terraform.d/credentials.tfrc.json`, or `TF_CLI_CONFIG_DIR`).
 */
export function findToken(hostname: string, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string | undefined {
  if (env.TFE_TOKEN) return env.TFE_TOKEN;
  const hostVar = `TF_TOKEN_${hostname.replace(/\./g, '_').replace(/-/g, '__').replace(/:/g, '_')}`;
  if (env[hostVar]) return env[hostVar];
  const dir = env.TF_CLI_CONFIG_DIR ?? `${home}/.terraform.d`;
  const file = `${dir}/credentials.tfrc.json`;
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).credentials?.[hostname]?.token;
  } catch {
    return undefined;
  }
}
