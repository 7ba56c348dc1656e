import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ShardedPlatform, Team, VariableSet, VariableValue, WorkspaceAccess, WorkspaceFleet } from '../src';
import { main as costMain } from '../src/private/cost/cli';
import { appCost } from '../src/private/cost/model';
import { jumpHash } from '../src/private/shard-hash';

function newApp(): { app: App; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharded-'));
  return { app: new App({ outdir, context: { 'cdktf-tfe-constructs:accessReport': false } }), outdir };
}

const stackJson = (outdir: string, stack: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));

/** A platform with a variable set in the core applied to workspaces in the shards. */
function build(app: App, layout: { assignments?: Record<string, number>; previous?: Record<string, number> } = {}) {
  const platform = new ShardedPlatform(app, 'Acme', {
    organizationName: 'acme',
    hostname: 'tfe.acme.example',
    shards: 2,
    assignments: layout.assignments,
    previousLayout: layout.previous ? { shards: 2, assignments: layout.previous } : undefined,
  });
  const org = platform.organizationIn(platform.core);
  const ops = new Team(platform.core, 'Ops', { organization: org, name: 'ops' });
  const defaults = new VariableSet(platform.core, 'Defaults', { organization: org, name: 'defaults' });
  defaults.addVariable('Owner', { key: 'owner', value: VariableValue.string('platform') });
  for (const name of ['api', 'web', 'jobs', 'db']) {
    const ws = platform.addWorkspace(name, { name });
    ws.addVariable('Region', { key: 'region', value: VariableValue.string('eu') });
    ws.addVariableSet(defaults);
    ws.grantAccess(ops, WorkspaceAccess.READ);
  }
  return platform;
}

describe('ShardedPlatform', () => {
  test('a bootstrap stack of management workspaces, a core stack and shard stacks bound to them', () => {
    const { app, outdir } = newApp();
    const platform = build(app);
    app.synth();
    expect(platform.shards.map((s) => s.node.id)).toEqual(['Acme-shard-0', 'Acme-shard-1']);
    // only stacks are the app's children (apps may refuse other constructs there); the platform keeps its path
    expect(app.node.children.map((c) => c.node.id).sort()).toEqual(['Acme-bootstrap', 'Acme-core', 'Acme-shard-0', 'Acme-shard-1']);
    expect(platform.node.path).toBe('Acme');
    const bootstrap = stackJson(outdir, 'Acme-bootstrap');
    expect(Object.values<any>(bootstrap.resource.tfe_workspace).map((w) => w.name).sort()).toEqual(['acme-core', 'acme-shard-0', 'acme-shard-1']);
    // the core shares its state with the shards' management workspaces, whose runs a core run triggers
    const coreSettings = Object.values<any>(bootstrap.resource.tfe_workspace_settings).find((s) => s.remote_state_consumer_ids);
    expect(coreSettings.remote_state_consumer_ids).toHaveLength(2);
    expect(Object.keys(bootstrap.resource.tfe_run_trigger)).toHaveLength(2);
    for (const [stack, ws] of [['Acme-core', 'acme-core'], ['Acme-shard-0', 'acme-shard-0'], ['Acme-shard-1', 'acme-shard-1']]) {
      expect(stackJson(outdir, stack).terraform.backend.remote).toEqual({ hostname: 'tfe.acme.example', organization: 'acme', workspaces: { name: ws } });
    }
    // a shard reads the core's outputs through the core's backend; the attachment and grant live in the shard
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks['Acme-shard-0'].dependencies.sort()).toEqual(['Acme-bootstrap', 'Acme-core']);
    const shardStack = stackJson(outdir, `Acme-shard-${platform.shardOf('api')}`);
    const remote = Object.values<any>(shardStack.data.terraform_remote_state)[0];
    expect(remote.backend).toBe('remote');
    expect(remote.config.workspaces).toEqual({ name: 'acme-core' });
    expect(Object.keys(shardStack.resource.tfe_workspace_variable_set).some((id) => id.startsWith('api_VariableSet-defaults'))).toBe(true);
    expect(stackJson(outdir, 'Acme-core').resource.tfe_workspace_variable_set).toBeUndefined();
  });

  test('keys go to shards by a stable hash that moves few keys when shards are added; assignments pin keys', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `service-${i}`);
    // the same key always lands in the same shard, whatever the order
    expect(keys.map((k) => jumpHash(k, 8))).toEqual([...keys].reverse().map((k) => jumpHash(k, 8)).reverse());
    // fixed values: the layout must not change between versions of the library
    expect(['api', 'web', 'jobs', 'db', 'networking-'].map((k) => jumpHash(k, 4))).toMatchSnapshot();
    // spread: every shard gets a share near 1/N
    const counts = [0, 0, 0, 0, 0, 0, 0, 0];
    for (const k of keys) counts[jumpHash(k, 8)]++;
    for (const c of counts) expect(Math.abs(c - 250)).toBeLessThan(60);
    // growing from 8 to 9 shards moves about 1/9 of the keys, all into the new shard
    const moved = keys.filter((k) => jumpHash(k, 8) !== jumpHash(k, 9));
    expect(moved.every((k) => jumpHash(k, 9) === 8)).toBe(true);
    expect(Math.abs(moved.length - 2000 / 9)).toBeLessThan(60);

    const { app } = newApp();
    const platform = new ShardedPlatform(app, 'P', { organizationName: 'acme', shards: 4, assignments: { api: 3 } });
    expect(platform.shardOf('api')).toBe(3);
    expect(platform.shardOf('web')).toBe(jumpHash('web', 4));
    expect(platform.shardFor('web')).toBe(platform.shards[jumpHash('web', 4)]);
  });

  test('a workspace placed in another shard than before moves: removed in the old shard, imported in the new', () => {
    const { app, outdir } = newApp();
    const home = jumpHash('api', 2);
    build(app, { assignments: { api: 1 - home }, previous: {} });
    app.synth();
    const from = stackJson(outdir, `Acme-shard-${home}`);
    const to = stackJson(outdir, `Acme-shard-${1 - home}`);
    const apiTypes = ['tfe_workspace', 'tfe_workspace_settings', 'tfe_variable', 'tfe_workspace_variable_set', 'tfe_team_access'];
    expect(from.removed.map((r: any) => r.from.split('.')[0]).sort()).toEqual([...apiTypes].sort());
    for (const r of from.removed) {
      expect(r.lifecycle).toEqual({ destroy: false });
      expect(r.from).toMatch(/\.api_/);
    }
    const ids = Object.fromEntries(to.import.map((i: any) => [i.to.split('.')[0], i.id]));
    expect(ids.tfe_workspace).toBe('acme/api');
    expect(ids.tfe_workspace_settings).toBe('acme/api');
    expect(ids.tfe_workspace_variable_set).toBe('acme/api/defaults');
    expect(ids.tfe_variable).toMatch(/^acme\/api\/\$\{one\(\[for v in data\.tfe_variables\.\w+\.variables : v\.id if v\.name == "region" && v\.category == "terraform"\]\)\}$/);
    expect(ids.tfe_team_access).toMatch(/^acme\/api\/\$\{data\.tfe_team_access\.[\w-]+\.id\}$/);
    expect(Object.keys(to.data)).toEqual(expect.arrayContaining(['tfe_workspace', 'tfe_variables', 'tfe_team', 'tfe_team_access']));
    // the moved resources keep their addresses
    expect(to.import.map((i: any) => i.to).sort()).toEqual(from.removed.map((r: any) => r.from).sort());
    expect(Object.keys(to.resource.tfe_workspace)).toContain(from.removed.find((r: any) => r.from.startsWith('tfe_workspace.')).from.split('.')[1]);
    // nothing moves without a previous layout that differs
    const again = newApp();
    build(again.app, { previous: {} });
    again.app.synth();
    for (const s of ['Acme-shard-0', 'Acme-shard-1']) {
      expect(stackJson(again.outdir, s).removed).toBeUndefined();
      expect(stackJson(again.outdir, s).import).toBeUndefined();
    }
  });

  test('cdktf-tfe cost: resources and requests per stack, serial and parallel, fleets counted by their rows', () => {
    const { app, outdir } = newApp();
    const platform = build(app);
    const fleet = new WorkspaceFleet(platform.shards[0], 'Fleet', { organization: platform.organizationIn(platform.shards[0]) });
    for (let i = 0; i < 100; i++) fleet.addWorkspace({ name: `bulk-${i}`, terraformVariables: { a: '1', b: '2' } });
    app.synth();
    const report = appCost(outdir);
    const shard0 = report.stacks.find((s) => s.stack === 'Acme-shard-0')!;
    expect(shard0.byType.tfe_workspace).toBe(100 + platform.shards[0].node.findAll().filter((c) => (c as any).terraformResourceType === 'tfe_workspace' && c.node.id === 'Resource').length);
    expect(shard0.byType.tfe_variable).toBeGreaterThanOrEqual(200);
    expect(shard0.remoteBackend).toBe(true);
    expect(shard0.refreshRequests).toBeGreaterThan(shard0.resources);
    expect(shard0.createRequests).toBeGreaterThan(shard0.refreshRequests);
    // the shards run side by side: the parallel time is the bootstrap, the core and the longest shard
    const t = (s: string) => report.stacks.find((x) => x.stack === s)!.refreshRequests / 30;
    expect(report.parallelRefreshSeconds).toBeCloseTo(t('Acme-bootstrap') + t('Acme-core') + Math.max(t('Acme-shard-0'), t('Acme-shard-1')), 5);
    expect(report.serialRefreshSeconds).toBeCloseTo(report.stacks.reduce((n, s) => n + s.refreshRequests, 0) / 30, 5);
    // and as a command
    let printed = '';
    const out = { write: (s: string) => { printed += s; return true; } } as any;
    expect(costMain(['cost', '--out', outdir], out, out)).toBe(0);
    expect(printed).toMatch(/Acme-shard-0\s+\d+/);
    expect(printed).toMatch(/with independent stacks in parallel/);
    expect(costMain(['cost', '--out', path.join(outdir, 'missing')], out, out)).toBe(1);
  });
});
