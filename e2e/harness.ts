/**
 * What every tier of the end-to-end suite shares: the run's settings (from
 * the environment e2e/run.sh prepares), checks with pass/fail/skip counts,
 * running the CLIs, and a small client for the server's API.
 */
import { spawn, SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';

/** The run's settings. */
export interface Settings {
  /** Whether this is CI (`CI=true`), where a skip is a failure. */
  readonly ci: boolean;
  /** The run's private work directory. */
  readonly work: string;
  /** The repository's root. */
  readonly root: string;
  /** terraform 1.5.7 and tofu, built by e2e/toolchain.sh. */
  readonly terraform: string;
  readonly tofu: string;
  /** The version of `tofu` (e.g. 1.10.6), as it reports it. */
  readonly tofuVersion: string;
  /** The machine's own terraform (e.g. 1.11.4 in /usr/local/bin), when it has one. */
  readonly systemTerraform?: { readonly bin: string; readonly version: string };
  /** The provider mirror, when found. */
  readonly mirror?: string;
  /** Why the server is not running, when it is not. */
  readonly serverMissing?: string;
  /** The server, when it runs. */
  readonly server?: Server;
  /** The CLI configuration file: the provider mirror and the server's credentials. */
  readonly cliConfig: string;
}

/** The TFE-API server of this run. */
export interface Server {
  /** `localhost:PORT`. */
  readonly hostname: string;
  /** The site token (full access). */
  readonly token: string;
  /** The server's self-signed certificate. */
  readonly cert: string;
  /** The system CAs plus that certificate, for Go programs (SSL_CERT_FILE). */
  readonly caBundle: string;
  /** otfd's log, with one line per HTTP request it served (`--log-http-requests`). */
  readonly log?: string;
}

/** Reads the settings from the environment; writes the CLI configuration file. */
export function loadSettings(): Settings {
  const env = process.env;
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`${name} is not set: run the suite through e2e/run.sh (npm run test:e2e)`);
    return v;
  };
  const work = need('E2E_WORK');
  const mirror = env.TFE_PROVIDER_MIRROR || undefined;
  const server: Server | undefined = env.OTF_HOSTNAME
    ? { hostname: env.OTF_HOSTNAME, token: need('OTF_TOKEN'), cert: need('OTF_CERT'), caBundle: need('OTF_CA_BUNDLE'), log: env.OTF_LOG || undefined }
    : undefined;
  const cliConfig = path.join(work, 'cli.tfrc');
  const lines = [
    'provider_installation {',
    '  filesystem_mirror {',
    // Without a mirror, nothing may be downloaded either: the tfe stacks are then skipped.
    `    path = ${JSON.stringify(mirror ?? path.join(work, 'no-mirror'))}`,
    '  }',
    '}',
  ];
  if (server) lines.push(`credentials ${JSON.stringify(server.hostname)} {`, `  token = ${JSON.stringify(server.token)}`, '}');
  fs.writeFileSync(cliConfig, lines.join('\n') + '\n', { mode: 0o600 });
  return {
    ci: env.CI === 'true' || env.CI === '1',
    work,
    root: path.resolve(__dirname, '..'),
    terraform: need('TERRAFORM'),
    tofu: need('TOFU'),
    tofuVersion: env.TOFU_VERSION_FOUND || 'unknown',
    systemTerraform: env.SYSTEM_TERRAFORM ? { bin: env.SYSTEM_TERRAFORM, version: env.SYSTEM_TERRAFORM_VERSION || 'system' } : undefined,
    mirror,
    serverMissing: server ? undefined : env.OTF_MISSING || 'no TFE-API server',
    server,
    cliConfig,
  };
}

/** The environment for terraform, tofu and the provider. */
export function cliEnv(settings: Settings, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: settings.cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
  };
  // Settings of the caller's shell that would change what the tiers run.
  for (const name of Object.keys(env)) {
    if (name === 'TF_WORKSPACE' || name === 'TF_PLUGIN_CACHE_DIR' || name.startsWith('TF_TOKEN_') || name.startsWith('TF_VAR_') || name === 'TF_DATA_DIR') delete env[name];
  }
  if (settings.server) {
    env.SSL_CERT_FILE = settings.server.caBundle;
    env.TFE_TOKEN = settings.server.token;
  }
  return { ...env, ...extra };
}

/** The result of running a program. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/**
 * Runs a program to completion, never throwing for a non-zero exit. With
 * `timeoutSeconds`, the program and everything it started are killed after
 * that long (exit code 124, and a line saying so on stderr).
 */
export function run(file: string, args: string[], options: SpawnOptions & { input?: string; timeoutSeconds?: number } = {}): Promise<Ran> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const { timeoutSeconds, input, ...spawnOptions } = options;
    // Its own process group, so a timeout takes its children too.
    const child = spawn(file, args, { ...spawnOptions, stdio: ['pipe', 'pipe', 'pipe'], detached: timeoutSeconds !== undefined });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = timeoutSeconds === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch { /* already gone */ }
    }, timeoutSeconds * 1000);
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({
        code: timedOut ? 124 : code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + (timedOut ? `\n${path.basename(file)} killed after ${timeoutSeconds} s\n` : ''),
        seconds: (Date.now() - start) / 1000,
      });
    });
    child.stdin!.end(input ?? '');
  });
}

/** Runs a program and throws with its output when it fails. */
export async function runOk(file: string, args: string[], options: SpawnOptions = {}): Promise<Ran> {
  const r = await run(file, args, options);
  if (r.code !== 0) {
    throw new Error(`${path.basename(file)} ${args.join(' ')} exited with ${r.code}:\n${tail(r.stdout + r.stderr)}`);
  }
  return r;
}

/**
 * Whether a CLI of `version` meets a stack's `required_version`. The library
 * writes `>= X.Y.Z` constraints only (for write-only arguments); anything else
 * is an error of the suite, not a guess.
 */
export function meetsRequiredVersion(version: string, constraint: string | undefined): boolean {
  if (constraint === undefined) return true;
  const have = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!have) throw new Error(`cannot compare version ${JSON.stringify(version)} with required_version ${JSON.stringify(constraint)}`);
  return constraint.split(',').every((part) => {
    const want = /^\s*>=\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
    if (!want) throw new Error(`required_version ${JSON.stringify(constraint)}: only ">= X.Y.Z" constraints are understood here`);
    for (let i = 1; i <= 3; i++) {
      if (Number(have[i]) !== Number(want[i])) return Number(have[i]) > Number(want[i]);
    }
    return true;
  });
}

/** The last lines of a program's output, for failure details. */
export function tail(text: string, lines = 25): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;]*m/g, '').trimEnd().split('\n');
  return clean.slice(-lines).join('\n');
}

/**
 * What explains a failed run of a CLI: the lines from each `Error:` on (a few
 * each), or the last lines when there is no such line.
 */
export function failureText(text: string, lines = 40): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;]*m/g, '').trimEnd().split('\n');
  const picked = new Set<number>();
  clean.forEach((l, i) => {
    if (/\bError:/.test(l)) for (let j = i; j < Math.min(clean.length, i + 8); j++) picked.add(j);
  });
  if (picked.size === 0) return tail(text, lines);
  return [...picked].sort((a, b) => a - b).slice(0, lines).map((i) => clean[i]).join('\n');
}

/** Runs tasks with at most `limit` at a time, keeping their order in the result. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One check's outcome. */
export interface Outcome {
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly name: string;
  readonly detail?: string;
}

/**
 * A tier: a named list of checks, printed as they finish and counted at the
 * end. In CI a skip counts as a failure.
 */
export class Tier {
  public readonly outcomes: Outcome[] = [];
  private readonly started = Date.now();

  constructor(public readonly number: number, public readonly title: string, private readonly ci: boolean) {
    console.log(`\n== tier ${number}: ${title}`);
  }

  public pass(name: string, detail?: string): void {
    this.record({ status: 'passed', name, detail });
  }

  public fail(name: string, detail: string): void {
    this.record({ status: 'failed', name, detail });
  }

  /** Records a check that could not run; in CI, a failure. */
  public skip(name: string, reason: string): void {
    if (this.ci) this.record({ status: 'failed', name, detail: `not run, and CI=true forbids skipping: ${reason}` });
    else this.record({ status: 'skipped', name, detail: reason });
  }

  /** Runs a check: passes with its returned detail, fails with the error it throws. */
  public async check(name: string, body: () => Promise<string | void> | string | void): Promise<boolean> {
    try {
      const detail = await body();
      this.pass(name, detail || undefined);
      return true;
    } catch (e) {
      this.fail(name, e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  public count(status: Outcome['status']): number {
    return this.outcomes.filter((o) => o.status === status).length;
  }

  /** Prints the tier's counts. */
  public close(): void {
    const skipped = this.count('skipped');
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    console.log(`tier ${this.number} ${this.title}: ${this.count('passed')} passed, ${this.count('failed')} failed` +
      `${skipped ? `, ${skipped} skipped` : ''} (${seconds}s)`);
  }

  private record(outcome: Outcome): void {
    this.outcomes.push(outcome);
    const detail = outcome.detail ? `  ${outcome.detail.includes('\n') ? '\n' + indent(outcome.detail) : `(${outcome.detail})`}` : '';
    console.log(`  ${outcome.status.padEnd(7)} ${outcome.name}${detail}`);
  }
}

function indent(text: string): string {
  return text.split('\n').map((l) => `            ${l}`).join('\n');
}

/** A JSON:API response. */
export interface ApiResponse {
  readonly status: number;
  readonly body: any;
}

/** Calls the server's API (`/api/v2/...`) with the site token. */
export function api(server: Server, method: string, apiPath: string, body?: unknown): Promise<ApiResponse> {
  const [host, port] = server.hostname.split(':');
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request({
      host,
      port: Number(port ?? 443),
      method,
      path: `/api/v2${apiPath}`,
      ca: fs.readFileSync(server.cert),
      headers: {
        'Authorization': `Bearer ${server.token}`,
        'Content-Type': 'application/vnd.api+json',
        ...(payload ? { 'Content-Length': Buffer.byteLength(payload) } : {}),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: any = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch { /* not JSON: keep the text */ }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Values for a synthesized stack's input variables, by type, as TF_VAR_ environment variables. */
export function dummyVariables(stackJson: any, values: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries<any>(stackJson.variable ?? {})) {
    const type = String(spec.type ?? 'string');
    env[`TF_VAR_${name}`] = values[name] ?? (type === 'number' ? '1' : type === 'bool' ? 'true' : `e2e-${name}`);
  }
  return env;
}

/** Every resource address a synthesized stack declares (`type.name`). */
export function resourceAddresses(stackJson: any): string[] {
  const out: string[] = [];
  for (const [type, byName] of Object.entries<any>(stackJson.resource ?? {})) {
    for (const name of Object.keys(byName)) out.push(`${type}.${name}`);
  }
  return out.sort();
}

/** Reads a synthesized app's stacks: name to parsed JSON and the file's directory. */
export function readStacks(outdir: string): Map<string, { json: any; dir: string; file: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const stacks = new Map<string, { json: any; dir: string; file: string }>();
  for (const stack of Object.values<any>(manifest.stacks)) {
    const file = path.join(outdir, stack.synthesizedStackPath);
    stacks.set(stack.name, { json: JSON.parse(fs.readFileSync(file, 'utf8')), dir: path.dirname(file), file });
  }
  return stacks;
}

/** A fresh directory holding one stack's cdk.tf.json, for running a CLI on it. */
export function stackDir(settings: Settings, label: string, file: string): string {
  const dir = fs.mkdtempSync(path.join(settings.work, `${label.replace(/[^A-Za-z0-9_-]/g, '_')}-`));
  fs.copyFileSync(file, path.join(dir, 'cdk.tf.json'));
  return dir;
}

/**
 * The tsconfig.json that type-checks a generated program outside the checkout
 * (`cdktf-tfe adopt`'s main.ts) against the checkout's packages; run it with
 * `NODE_PATH=<root>/node_modules`.
 */
export function checkoutTsconfig(root: string): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2020',
      module: 'commonjs',
      strict: true,
      skipLibCheck: true,
      baseUrl: '.',
      paths: { '*': [path.join(root, 'node_modules', '*')] },
      typeRoots: [path.join(root, 'node_modules', '@types')],
      types: ['node'],
    },
    include: ['main.ts'],
  });
}

/**
 * A cdktf project in `dir` whose app is `e2e/<entry>` (run with ts-node), writing to
 * `dir/cdktf.out`, with `terraform` on the PATH of `dir/bin` (cdktf runs the one it finds there).
 * Returns the output directory and the PATH to run cdktf with.
 */
export function cdktfProject(settings: Settings, dir: string, entry: string, terraform: string): { outdir: string; path: string } {
  const outdir = path.join(dir, 'cdktf.out');
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  fs.symlinkSync(terraform, path.join(dir, 'bin', 'terraform'));
  const quoteArg = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({
    language: 'typescript',
    app: [path.join(settings.root, 'node_modules', '.bin', 'ts-node'), '--transpile-only', '--project',
      path.join(settings.root, 'e2e', 'tsconfig.json'), path.join(settings.root, 'e2e', entry)].map(quoteArg).join(' '),
    output: outdir,
    sendCrashReports: 'false',
    terraformProviders: [],
    terraformModules: [],
  }, null, 2));
  return { outdir, path: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}` };
}
