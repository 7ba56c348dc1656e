/**
 * The deploy-cost model (`cdktf-tfe cost`): from a synthesized app
 * (cdktf.out), per stack, the resources and data sources, the API requests a
 * first deploy (create) and a plan with nothing to change (refresh) make, and
 * the time they take at the API's rate limit, serially and with the stacks
 * that do not depend on each other running in parallel.
 *
 * Requests per resource type follow the tfe provider v0.71.0's Create and
 * Read functions (internal/provider/resource_tfe_*.go at that tag): e.g. a
 * `tfe_workspace` is created with one POST and read back, a read being the
 * workspace and its remote state consumers (3), a `tfe_team_access` reads
 * the workspace and the team first (4), a `tfe_variable` is one POST; a
 * refresh is one GET, two for a workspace. Each
 * Terraform run also makes requests of its own (provider set-up, and with a
 * `remote` or `cloud` backend: the workspace, its lock, its state), counted
 * per stack. `for_each` blocks count as their instances (a `WorkspaceFleet`'s
 * rows, read from its data file).
 */
import * as fs from 'fs';
import * as path from 'path';

/** The API's rate limit per user, requests per second. */
export const RATE_LIMIT = 30;

/** Requests to create one resource of a type (the provider's Create, with the reads it makes). */
const CREATE: Record<string, number> = {
  tfe_organization: 1,
  tfe_project: 1,
  tfe_variable: 1,
  tfe_notification_configuration: 1,
  tfe_workspace: 3,
  tfe_team: 2,
  tfe_variable_set: 2,
  tfe_workspace_variable_set: 2,
  tfe_project_variable_set: 2,
  tfe_run_trigger: 2,
  tfe_workspace_settings: 3,
  tfe_team_access: 4,
};
const CREATE_DEFAULT = 2;

/** Requests to refresh one resource: one GET, and for a workspace also the list of its remote state consumers. */
const REFRESH: Record<string, number> = { tfe_workspace: 2 };
const REFRESH_DEFAULT = 1;

/**
 * Requests a Terraform run makes besides its resources and data sources,
 * as OTF 0.6.3's request log shows them for a plan: the provider reads the
 * organization's entitlements (2); with a `remote` or `cloud` backend, the
 * API version check (3 pings), the workspace (2), its lock and unlock, its
 * current state version and the state (9). An apply also writes a new state
 * version and uploads it (2 more).
 */
export const RUN_OVERHEAD = { provider: 2, remoteBackendPlan: 9, remoteBackendApply: 11 };

/** A `terraform_remote_state` read through the remote backend: the workspace, its current state version, the state. */
const REMOTE_STATE_READ = 3;

export interface StackCost {
  readonly stack: string;
  readonly dependencies: string[];
  readonly resources: number;
  /** Resources per type. */
  readonly byType: Record<string, number>;
  readonly dataSources: number;
  readonly remoteStateReads: number;
  readonly remoteBackend: boolean;
  /** Requests of a first deploy (every resource created). */
  readonly createRequests: number;
  /** Requests of a plan with nothing to change (every resource refreshed). */
  readonly refreshRequests: number;
}

export interface CostReport {
  readonly stacks: StackCost[];
  /** Seconds at the rate limit, the stacks one after the other. */
  readonly serialCreateSeconds: number;
  readonly serialRefreshSeconds: number;
  /** Seconds with independent stacks in parallel, each with its own API identity (the longest chain of dependent stacks). */
  readonly parallelCreateSeconds: number;
  readonly parallelRefreshSeconds: number;
}

/** The model of one stack, from its synthesized configuration and the files beside it. */
export function stackCost(stack: string, dir: string, dependencies: string[] = []): StackCost {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8'));
  const rows = fs.readdirSync(dir).filter((f) => f.endsWith('.fleet.json'))
    .flatMap((f) => Object.values<any>(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).workspaces ?? {}));
  const size = (o: object | undefined) => Object.keys(o ?? {}).length;
  // The instances of a fleet's for_each blocks, by type.
  const fleetInstances: Record<string, number> = {
    tfe_workspace: rows.length,
    tfe_workspace_settings: rows.length,
    tfe_variable: rows.reduce((n, r) => n + size(r.terraform_variables) + size(r.environment_variables), 0),
    tfe_team_access: rows.reduce((n, r) => n + size(r.team_access), 0),
  };
  const byType: Record<string, number> = {};
  for (const [type, blocks] of Object.entries<any>(json.resource ?? {})) {
    for (const block of Object.values<any>(blocks)) {
      const count = block.for_each === undefined ? 1 : fleetInstances[type] ?? 0;
      byType[type] = (byType[type] ?? 0) + count;
    }
  }
  const resources = Object.values(byType).reduce((a, b) => a + b, 0);
  let dataSources = 0;
  let remoteStateReads = 0;
  for (const [type, blocks] of Object.entries<any>(json.data ?? {})) {
    const n = Object.keys(blocks).length;
    if (type === 'terraform_remote_state') remoteStateReads += n;
    else dataSources += n;
  }
  const backend = json.terraform?.backend ?? {};
  const remoteBackend = 'remote' in backend || json.terraform?.cloud !== undefined;
  const backendRequests = (apply: boolean) => (remoteBackend ? (apply ? RUN_OVERHEAD.remoteBackendApply : RUN_OVERHEAD.remoteBackendPlan) : 0);
  const runRequests = (apply: boolean) => RUN_OVERHEAD.provider + backendRequests(apply)
    + dataSources + remoteStateReads * REMOTE_STATE_READ;
  const createRequests = Object.entries(byType).reduce((n, [type, count]) => n + count * (CREATE[type] ?? CREATE_DEFAULT), 0) + runRequests(true);
  const refreshRequests = Object.entries(byType).reduce((n, [type, count]) => n + count * (REFRESH[type] ?? REFRESH_DEFAULT), 0) + runRequests(false);
  return { stack, dependencies, resources, byType, dataSources, remoteStateReads, remoteBackend, createRequests, refreshRequests };
}

/** The model of a synthesized app (the directory `cdktf synth` writes). */
export function appCost(outdir: string): CostReport {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const stacks: StackCost[] = Object.values<any>(manifest.stacks).map((s) =>
    stackCost(s.name, path.join(outdir, s.workingDirectory), s.dependencies ?? []));
  const seconds = (requests: number) => requests / RATE_LIMIT;
  const finish = (pick: (s: StackCost) => number) => {
    const done = new Map<string, number>();
    const at = (s: StackCost): number => {
      const known = done.get(s.stack);
      if (known !== undefined) return known;
      const deps = s.dependencies.map((d) => stacks.find((x) => x.stack === d)).filter((x): x is StackCost => x !== undefined);
      const t = Math.max(0, ...deps.map(at)) + seconds(pick(s));
      done.set(s.stack, t);
      return t;
    };
    return Math.max(0, ...stacks.map(at));
  };
  return {
    stacks,
    serialCreateSeconds: seconds(stacks.reduce((n, s) => n + s.createRequests, 0)),
    serialRefreshSeconds: seconds(stacks.reduce((n, s) => n + s.refreshRequests, 0)),
    parallelCreateSeconds: finish((s) => s.createRequests),
    parallelRefreshSeconds: finish((s) => s.refreshRequests),
  };
}

/** The report as a table. */
export function renderCost(report: CostReport): string {
  const header = ['stack', 'resources', 'data sources', 'create requests', 'create s', 'refresh requests', 'refresh s'];
  const rows = report.stacks.map((s) => [
    s.stack, String(s.resources), String(s.dataSources + s.remoteStateReads), String(s.createRequests),
    (s.createRequests / RATE_LIMIT).toFixed(1), String(s.refreshRequests), (s.refreshRequests / RATE_LIMIT).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const minutes = (s: number) => `${s.toFixed(0)} s (${(s / 60).toFixed(1)} min)`;
  return [
    `Deploy cost at ${RATE_LIMIT} requests per second (the API's limit per user):`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `first deploy: ${minutes(report.serialCreateSeconds)} one stack after the other; ${minutes(report.parallelCreateSeconds)} with independent stacks in parallel`,
    `plan with nothing to change: ${minutes(report.serialRefreshSeconds)} one stack after the other; ${minutes(report.parallelRefreshSeconds)} with independent stacks in parallel`,
    'The parallel times assume each stack\'s runs use their own API identity (e.g. a team token per management workspace):',
    'the limit is per user, so stacks that run as one user share its 30 requests per second and take the serial time.',
    '',
  ].join('\n');
}
