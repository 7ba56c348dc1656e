/**
 * One process, one variant of the benchmark scenario: builds an organization of
 * N workspaces, synthesizes it, and prints one JSON line with the measurements.
 *
 *   node -r ts-node/register bench/scenario.ts <l2|l1-typical|l1-careful|l2-compact> <N>
 *
 * The organization: prefix families of three members (dev, staging, prod) for
 * 60% of the workspaces, standalone workspaces for the rest; every workspace
 * has 10 variables and 2 team grants; 10 teams, 10 projects and one variable
 * set applied to every project. All variants emit the same resources with the
 * same attributes, except that the L2 also tags each group member with its
 * group's tag (`tag_names`), and the addresses differ (the L2's follow its
 * construct tree, e.g. `Group0_dev_V4_<hash>`; the L1 variants' are flat).
 *
 * The L2 variant loads the library from lib/ (the compiled JavaScript a user's
 * program loads); `npm run bench` compiles it first when needed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PerformanceObserver } from 'perf_hooks';
import { Organization as TfeOrganization } from '@cdktf/provider-tfe/lib/organization';
import { Project as TfeProject } from '@cdktf/provider-tfe/lib/project';
import { ProjectVariableSet } from '@cdktf/provider-tfe/lib/project-variable-set';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Team as TfeTeam } from '@cdktf/provider-tfe/lib/team';
import { TeamAccess } from '@cdktf/provider-tfe/lib/team-access';
import { Variable as TfeVariable } from '@cdktf/provider-tfe/lib/variable';
import { VariableSet as TfeVariableSet } from '@cdktf/provider-tfe/lib/variable-set';
import { Workspace as TfeWorkspace } from '@cdktf/provider-tfe/lib/workspace';
import { WorkspaceSettings } from '@cdktf/provider-tfe/lib/workspace-settings';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// Typed against the sources, loaded from lib/ at run time (`npm run bench` builds it), so
// the lint and type checks of a fresh clone need no build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib: typeof import('../src') = require('../lib');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const costModel: typeof import('../src/private/cost/model') = require('../lib/private/cost/model');
type Workspace = import('../src').Workspace;
const {
  Organization, Project, Team, VariableSet, VariableValue, Workspace, WorkspaceAccess, WorkspaceFleet, WorkspaceGroup,
} = lib;

const TEAMS = 10;
const PROJECTS = 10;
const VARIABLES = 10;
const MEMBERS = ['dev', 'staging', 'prod'];

/** The workspaces of the scenario: [projectIndex, groupIndex | -1, name]. */
export function plan(n: number): { groups: { prefix: string; project: number }[]; standalone: { name: string; project: number }[] } {
  const groupCount = Math.floor((n * 0.6) / MEMBERS.length);
  const groups = Array.from({ length: groupCount }, (_, i) => ({ prefix: `svc${i}-`, project: i % PROJECTS }));
  const standalone = Array.from({ length: n - groupCount * MEMBERS.length }, (_, i) => ({ name: `app${i}`, project: i % PROJECTS }));
  return { groups, standalone };
}

const varValue = (ws: string, i: number) => `value-${i}-of-${ws}`;

function l2(stack: TerraformStack, n: number): void {
  const org = new Organization(stack, 'Org', { name: 'bench-org', email: 'bench@example.com' });
  const teams = Array.from({ length: TEAMS }, (_, i) => new Team(stack, `Team${i}`, { organization: org, name: `team${i}` }));
  const projects = Array.from({ length: PROJECTS }, (_, i) => new Project(stack, `Project${i}`, { organization: org, name: `project${i}` }));
  const set = new VariableSet(stack, 'Defaults', { organization: org, name: 'defaults', projects });
  set.addVariable('Owner', { key: 'owner', value: VariableValue.string('platform') });
  const { groups, standalone } = plan(n);
  const configure = (ws: Workspace, index: number) => {
    for (let v = 0; v < VARIABLES; v++) ws.addVariable(`V${v}`, { key: `var${v}`, value: VariableValue.string(varValue(ws.node.id, v)) });
    ws.grantAccess(teams[index % TEAMS], WorkspaceAccess.WRITE);
    ws.grantAccess(teams[(index + 1) % TEAMS], WorkspaceAccess.READ);
  };
  let index = 0;
  groups.forEach((g, gi) => {
    const group = new WorkspaceGroup(stack, `Group${gi}`, {
      organization: org,
      prefix: g.prefix,
      members: MEMBERS.map((shortName) => ({ shortName })),
      settings: { project: projects[g.project] },
    });
    for (const m of group.members) configure(m, index++);
  });
  standalone.forEach((s) => configure(new Workspace(stack, s.name, { organization: org, name: s.name, project: projects[s.project] }), index++));
}

/**
 * The same organization with the library's compact mode: every workspace in
 * one `WorkspaceFleet` (families as groups), whose rows go to a data file
 * and whose resources are four `for_each` blocks.
 */
function l2Compact(stack: TerraformStack, n: number): void {
  const org = new Organization(stack, 'Org', { name: 'bench-org', email: 'bench@example.com' });
  const teams = Array.from({ length: TEAMS }, (_, i) => new Team(stack, `Team${i}`, { organization: org, name: `team${i}` }));
  const projects = Array.from({ length: PROJECTS }, (_, i) => new Project(stack, `Project${i}`, { organization: org, name: `project${i}` }));
  const set = new VariableSet(stack, 'Defaults', { organization: org, name: 'defaults', projects });
  set.addVariable('Owner', { key: 'owner', value: VariableValue.string('platform') });
  const fleet = new WorkspaceFleet(stack, 'Fleet', { organization: org });
  const variables = (name: string) => {
    const out: Record<string, string> = {};
    for (let v = 0; v < VARIABLES; v++) out[`var${v}`] = varValue(name, v);
    return out;
  };
  let index = 0;
  const access = () => {
    const i = index++;
    return [{ team: teams[i % TEAMS], access: WorkspaceAccess.WRITE }, { team: teams[(i + 1) % TEAMS], access: WorkspaceAccess.READ }];
  };
  const { groups, standalone } = plan(n);
  for (const g of groups) {
    fleet.addGroup({
      prefix: g.prefix,
      project: projects[g.project],
      members: MEMBERS.map((shortName) => ({ shortName, terraformVariables: variables(`${g.prefix}${shortName}`), teamAccess: access() })),
    });
  }
  for (const s of standalone) {
    fleet.addWorkspace({ name: s.name, project: projects[s.project], terraformVariables: variables(s.name), teamAccess: access() });
  }
}

/** The L1 classes as a typical user writes them: attributes read at every use. */
function l1Typical(stack: TerraformStack, n: number): void {
  const org = new TfeOrganization(stack, 'Org', { name: 'bench-org', email: 'bench@example.com' });
  const teams = Array.from({ length: TEAMS }, (_, i) => new TfeTeam(stack, `Team${i}`, { organization: org.name, name: `team${i}` }));
  const projects = Array.from({ length: PROJECTS }, (_, i) => new TfeProject(stack, `Project${i}`, { organization: org.name, name: `project${i}` }));
  const set = new TfeVariableSet(stack, 'Defaults', { organization: org.name, name: 'defaults' });
  new TfeVariable(stack, 'Owner', { key: 'owner', value: 'platform', category: 'terraform', variableSetId: set.id });
  projects.forEach((p, i) => new ProjectVariableSet(stack, `DefaultsProject${i}`, { projectId: p.id, variableSetId: set.id }));
  const workspace = (scope: Construct, id: string, name: string, project: TfeProject, index: number) => {
    const ws = new TfeWorkspace(scope, id, {
      name, organization: org.name, projectId: project.id, queueAllRuns: false, forceDelete: false, lifecycle: { preventDestroy: true },
    });
    new WorkspaceSettings(scope, `${id}Settings`, { workspaceId: ws.id, globalRemoteState: false });
    for (let v = 0; v < VARIABLES; v++) {
      new TfeVariable(scope, `${id}V${v}`, { key: `var${v}`, value: varValue(id, v), category: 'terraform', workspaceId: ws.id });
    }
    new TeamAccess(scope, `${id}Write`, { workspaceId: ws.id, teamId: teams[index % TEAMS].id, access: 'write' });
    new TeamAccess(scope, `${id}Read`, { workspaceId: ws.id, teamId: teams[(index + 1) % TEAMS].id, access: 'read' });
  };
  const { groups, standalone } = plan(n);
  let index = 0;
  groups.forEach((g) => MEMBERS.forEach((m) => workspace(stack, `${g.prefix}${m}`, `${g.prefix}${m}`, projects[g.project], index++)));
  standalone.forEach((s) => workspace(stack, s.name, s.name, projects[s.project], index++));
}

/** The L1 classes written carefully: every attribute read once. */
function l1Careful(stack: TerraformStack, n: number): void {
  const org = new TfeOrganization(stack, 'Org', { name: 'bench-org', email: 'bench@example.com' });
  const orgName = org.name;
  const teamIds = Array.from({ length: TEAMS }, (_, i) => new TfeTeam(stack, `Team${i}`, { organization: orgName, name: `team${i}` }).id);
  const projectIds = Array.from({ length: PROJECTS }, (_, i) => new TfeProject(stack, `Project${i}`, { organization: orgName, name: `project${i}` }).id);
  const setId = new TfeVariableSet(stack, 'Defaults', { organization: orgName, name: 'defaults' }).id;
  new TfeVariable(stack, 'Owner', { key: 'owner', value: 'platform', category: 'terraform', variableSetId: setId });
  projectIds.forEach((projectId, i) => new ProjectVariableSet(stack, `DefaultsProject${i}`, { projectId, variableSetId: setId }));
  const workspace = (scope: Construct, id: string, name: string, projectId: string, index: number) => {
    const workspaceId = new TfeWorkspace(scope, id, {
      name, organization: orgName, projectId, queueAllRuns: false, forceDelete: false, lifecycle: { preventDestroy: true },
    }).id;
    new WorkspaceSettings(scope, `${id}Settings`, { workspaceId, globalRemoteState: false });
    for (let v = 0; v < VARIABLES; v++) {
      new TfeVariable(scope, `${id}V${v}`, { key: `var${v}`, value: varValue(id, v), category: 'terraform', workspaceId });
    }
    new TeamAccess(scope, `${id}Write`, { workspaceId, teamId: teamIds[index % TEAMS], access: 'write' });
    new TeamAccess(scope, `${id}Read`, { workspaceId, teamId: teamIds[(index + 1) % TEAMS], access: 'read' });
  };
  const { groups, standalone } = plan(n);
  let index = 0;
  groups.forEach((g) => MEMBERS.forEach((m) => workspace(stack, `${g.prefix}${m}`, `${g.prefix}${m}`, projectIds[g.project], index++)));
  standalone.forEach((s) => workspace(stack, s.name, s.name, projectIds[s.project], index++));
}

const VARIANTS: Record<string, (stack: TerraformStack, n: number) => void> = { 'l2': l2, 'l1-typical': l1Typical, 'l1-careful': l1Careful, 'l2-compact': l2Compact };

/** Builds one variant into a stack (for profiling tools). */
export function __build(variant: string, stack: TerraformStack, n: number): void {
  VARIANTS[variant](stack, n);
}

function peakRssMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** The machine's total steal time so far in ms (`/proc/stat`, USER_HZ 100), if the kernel reports it. */
function stealMs(): number | undefined {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    return cpu[8] === undefined ? undefined : Number(cpu[8]) * 10;
  } catch {
    return undefined;
  }
}

/**
 * The floor of the compact variant: a plain program that builds the same rows
 * as the fleet's data file from the same inputs and writes them with
 * JSON.stringify and fs.writeFileSync, nothing else (no constructs, no
 * checks; the fleet's small cdk.tf.json is left out).
 */
function jsonFloor(n: number): { totalMs: number; bytes: number; resources: number } {
  const t0 = performance.now();
  const { groups, standalone } = plan(n);
  const workspaces: Record<string, object> = {};
  let index = 0;
  const row = (name: string, project: number, tags: string[] | null) => {
    const terraformVariables: Record<string, string> = {};
    for (let v = 0; v < VARIABLES; v++) terraformVariables[`var${v}`] = varValue(name, v);
    const i = index++;
    workspaces[name] = {
      name,
      description: null,
      project: `project${project}`,
      tag_names: tags,
      auto_apply: null,
      terraform_version: null,
      working_directory: null,
      execution_mode: null,
      agent_pool: null,
      terraform_variables: terraformVariables,
      environment_variables: {},
      team_access: { [`team${i % TEAMS}`]: 'write', [`team${(i + 1) % TEAMS}`]: 'read' },
    };
  };
  for (const g of groups) for (const m of MEMBERS) row(`${g.prefix}${m}`, g.project, [g.prefix.replace(/-$/, '')]);
  for (const s of standalone) row(s.name, s.project, null);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-floor-'));
  const file = path.join(dir, 'Fleet.fleet.json');
  fs.writeFileSync(file, `${JSON.stringify({ workspaces })}\n`);
  const totalMs = performance.now() - t0;
  const bytes = fs.statSync(file).size;
  fs.rmSync(dir, { recursive: true, force: true });
  return { totalMs, bytes, resources: n * (2 + VARIABLES + 2) };
}

if (require.main === module) {
  const [variant, nArg] = process.argv.slice(2);
  const n = Number(nArg);
  if (variant === 'json-floor') {
    const r = jsonFloor(n);
    console.log(JSON.stringify({
      variant,
      n,
      buildMs: r.totalMs,
      synthMs: 0,
      totalMs: r.totalMs,
      gcMs: 0,
      cpuMs: r.totalMs,
      peakRssMb: peakRssMb(),
      bytes: r.bytes,
      floorMs: 0,
      resources: r.resources,
      blocks: 0,
      byType: {},
    }));
    process.exit(0);
  }
  const build = VARIANTS[variant];
  if (!build || !Number.isInteger(n) || n < 1) {
    console.error('usage: scenario.ts <l2|l1-typical|l1-careful|l2-compact> <N>');
    process.exit(2);
  }
  // Garbage-collection pauses on the main thread (scavenges and the final
  // pauses of full collections), to tell the program's own work from V8's.
  const gcPauses: { start: number; ms: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, ms: e.duration });
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const app = new App({ outdir, context: { 'cdktf-tfe-constructs:accessReport': false } });
  const stack = new TerraformStack(app, 'bench');
  new TfeProvider(stack, 'tfe', {});
  const steal0 = stealMs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  build(stack, n);
  const t1 = performance.now();
  app.synth();
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const steal = stealMs();
  // The program's peak, read before this harness parses the output back.
  const peak = peakRssMb();
  const stackDir = path.join(outdir, 'stacks', 'bench');
  const files = fs.readdirSync(stackDir).filter((f) => f.endsWith('.json')).map((f) => path.join(stackDir, f));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const parsed = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  // The floor: the same output serialized with JSON.stringify and written
  // with fs.writeFileSync, nothing else.
  const f0 = performance.now();
  parsed.forEach((content, i) => fs.writeFileSync(`${files[i]}.floor`, JSON.stringify(content)));
  const floorMs = performance.now() - f0;
  const json = parsed[files.indexOf(path.join(stackDir, 'cdk.tf.json'))];
  // Resources by type as the deploy-cost model counts them (a fleet's for_each blocks as their rows).
  const byType: Record<string, number> = costModel.stackCost('bench', stackDir).byType;
  const resources = Object.values(byType).reduce((a, b) => a + b, 0);
  const blocks = Object.values<any>(json.resource).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
  if (process.env.BENCH_KEEP_OUTPUT) console.error(`output kept in ${outdir}`);
  else fs.rmSync(outdir, { recursive: true, force: true });
  // GC entries arrive asynchronously: report once they have been delivered.
  setTimeout(() => {
    gcObserver.disconnect();
    const gcMs = gcPauses.filter((g) => g.start >= t0 && g.start <= t2).reduce((sum, g) => sum + g.ms, 0);
    const sample = {
      variant,
      n,
      buildMs: t1 - t0,
      synthMs: t2 - t1,
      totalMs: t2 - t0,
      gcMs,
      // CPU time of this process (all its threads, V8's GC helpers included),
      // which a busy host steals less of than wall time.
      cpuMs: (cpu.user + cpu.system) / 1000,
      // Time the hypervisor ran other guests instead of this machine (all
      // cores, from /proc/stat), a measure of the host's noise during the run.
      stealMs: steal !== undefined && steal0 !== undefined ? steal - steal0 : undefined,
      peakRssMb: peak,
      bytes,
      floorMs,
      resources,
      blocks,
      byType,
    };
    console.log(JSON.stringify(sample));
  }, 20);
}
