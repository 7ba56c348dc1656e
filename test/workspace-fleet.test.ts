import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  ExecutionMode, Organization, Project, RemovalPolicy, Team, VariableValue, Workspace, WorkspaceAccess, WorkspaceFleet, WorkspaceGroup,
} from '../src';

function setup() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-'));
  const app = new App({ outdir, context: { 'cdktf-tfe-constructs:accessReport': false } });
  const stack = new TerraformStack(app, 'platform');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
  const ops = new Team(stack, 'Ops', { organization: org, name: 'ops' });
  const devs = new Team(stack, 'Devs', { organization: org, name: 'devs' });
  const apps = new Project(stack, 'Apps', { organization: org, name: 'apps' });
  return { app, outdir, stack, org, ops, devs, apps };
}

/** The synthesized stack and the fleet's data file. */
function synthesize(app: App, outdir: string): { json: any; rows: any } {
  app.synth();
  const dir = path.join(outdir, 'stacks', 'platform');
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.fleet.json'));
  return { json: JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')), rows: file ? JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) : undefined };
}

describe('WorkspaceFleet', () => {
  test('writes one for_each block per type and the rows to a data file beside cdk.tf.json', () => {
    // GIVEN a fleet with a group and a workspace
    const { app, outdir, stack, org, ops, devs, apps } = setup();
    const fleet = new WorkspaceFleet(stack, 'Fleet', { organization: org });
    fleet.addGroup({
      prefix: 'net-',
      project: apps,
      terraformVariables: { region: 'eu' },
      members: [{ shortName: 'dev', autoApply: true }, { shortName: 'prod', terraformVariables: { region: 'us' }, teamAccess: [{ team: ops, access: WorkspaceAccess.WRITE }] }],
    });
    fleet.addWorkspace({ name: 'billing', description: 'Bills ${month}', environmentVariables: { TZ: 'UTC' }, executionMode: ExecutionMode.local() });
    fleet.grantAccess(ops, WorkspaceAccess.READ);
    fleet.grantAccess(devs, WorkspaceAccess.PLAN);

    // WHEN synthesized
    const { json, rows } = synthesize(app, outdir);

    // THEN every type is one block iterating the rows
    for (const type of ['tfe_workspace', 'tfe_workspace_settings', 'tfe_variable', 'tfe_team_access']) {
      const blocks = Object.values<any>(json.resource[type]);
      expect(blocks).toHaveLength(1);
      expect(blocks[0].for_each).toMatch(/^\$\{local\.Fleet_/);
    }
    const ws = Object.values<any>(json.resource.tfe_workspace)[0];
    expect(ws.lifecycle).toEqual({ prevent_destroy: true });
    expect(ws.name).toBe('${each.value.name}');
    expect(ws.force_delete).toBe(false);
    // AND the rows hold the plain data, the group's settings merged into each member's
    expect(Object.keys(rows.workspaces)).toEqual(['net-dev', 'net-prod', 'billing']);
    expect(rows.workspaces['net-dev']).toMatchObject({ project: 'apps', tag_names: ['net'], auto_apply: true, terraform_variables: { region: 'eu' }, team_access: { ops: 'read', devs: 'plan' } });
    expect(rows.workspaces['net-prod']).toMatchObject({ auto_apply: null, terraform_variables: { region: 'us' }, team_access: { ops: 'write', devs: 'plan' } });
    // (a literal "${" stays literal: the file is data, not a template)
    expect(rows.workspaces.billing).toMatchObject({ description: 'Bills ${month}', execution_mode: 'local', project: null, environment_variables: { TZ: 'UTC' } });
    // AND references go through one small map
    const refs = Object.entries<any>(json.locals).find(([k]) => k.startsWith('Fleet_References'))![1];
    expect(refs.projects).toEqual({ apps: expect.stringMatching(/^\$\{tfe_project\.Apps_[0-9A-F]{8}\.id\}$/) });
    expect(Object.keys(refs.teams).sort()).toEqual(['devs', 'ops']);
  });

  test('the rows give the platform the same objects as a WorkspaceGroup with the same settings', () => {
    // GIVEN the same family as a WorkspaceGroup and as a fleet group
    const perObject = setup();
    const group = new WorkspaceGroup(perObject.stack, 'Net', {
      organization: perObject.org,
      prefix: 'net-',
      members: [{ shortName: 'dev' }, { shortName: 'prod' }],
      settings: { autoApply: true, tagNames: ['network'], removalPolicy: RemovalPolicy.FORCE_DELETE },
      terraformVariables: { region: 'eu' },
      environmentVariables: { TZ: 'UTC' },
    });
    group.grantAccess(perObject.ops, WorkspaceAccess.READ);
    const compact = setup();
    const fleet = new WorkspaceFleet(compact.stack, 'Fleet', { organization: compact.org, removalPolicy: RemovalPolicy.FORCE_DELETE });
    fleet.addGroup({ prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }], autoApply: true, tagNames: ['network'], terraformVariables: { region: 'eu' }, environmentVariables: { TZ: 'UTC' } });
    fleet.grantAccess(compact.ops, WorkspaceAccess.READ);

    // WHEN both are synthesized
    const a = synthesize(perObject.app, perObject.outdir).json;
    const { json: b, rows } = synthesize(compact.app, compact.outdir);

    // THEN the per-object workspaces carry what the rows carry
    const workspaces = Object.values<any>(a.resource.tfe_workspace)
      .map((w) => ({ name: w.name, tags: w.tag_names, autoApply: w.auto_apply, forceDelete: w.force_delete, queue: w.queue_all_runs }));
    const compactWs = Object.values<any>(b.resource.tfe_workspace)[0];
    const { force_delete: forceDelete, queue_all_runs: queue } = compactWs;
    const fromRows = Object.values<any>(rows.workspaces)
      .map((r) => ({ name: r.name, tags: r.tag_names, autoApply: r.auto_apply, forceDelete, queue }));
    expect(fromRows).toEqual(workspaces);
    const variables = Object.values<any>(a.resource.tfe_variable).map((v) => `${v.category}:${v.key}=${v.value}`).sort();
    const rowVariables = Object.values<any>(rows.workspaces).flatMap((r) => [
      ...Object.entries(r.terraform_variables).map(([k, v]) => `terraform:${k}=${v}`),
      ...Object.entries(r.environment_variables).map(([k, v]) => `env:${k}=${v}`),
    ]).sort();
    expect(rowVariables).toEqual(variables);
    expect(Object.values<any>(rows.workspaces).flatMap((r) => Object.values(r.team_access)))
      .toEqual(Object.values<any>(a.resource.tfe_team_access).map((g) => g.access));
    const settings = Object.values<any>(a.resource.tfe_workspace_settings)[0];
    const compactSettings = Object.values<any>(b.resource.tfe_workspace_settings)[0];
    expect(compactSettings.global_remote_state).toBe(settings.global_remote_state);
  });

  test('movedFrom writes moved blocks from the addresses a WorkspaceGroup and a Workspace gave the same objects', () => {
    // GIVEN a program with a WorkspaceGroup and a Workspace
    const before = setup();
    const group = new WorkspaceGroup(before.stack, 'Net', {
      organization: before.org, prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }], terraformVariables: { region: 'eu' },
    });
    group.grantAccess(before.ops, WorkspaceAccess.READ);
    const solo = new Workspace(before.stack, 'Solo', { organization: before.org, name: 'solo', environmentVariables: { TZ: 'UTC' } });
    solo.grantAccess(before.devs, WorkspaceAccess.WRITE);
    solo.grantAccess(before.ops, WorkspaceAccess.READ);
    const old = synthesize(before.app, before.outdir).json;
    const oldAddresses = ['tfe_workspace', 'tfe_workspace_settings', 'tfe_variable', 'tfe_team_access']
      .flatMap((type) => Object.keys(old.resource[type]).map((id) => `${type}.${id}`)).sort();

    // WHEN the same objects move into a fleet
    const after = setup();
    const fleet = new WorkspaceFleet(after.stack, 'Fleet', { organization: after.org });
    fleet.addGroup({ prefix: 'net-', members: [{ shortName: 'dev' }, { shortName: 'prod' }], terraformVariables: { region: 'eu' }, movedFrom: 'Net' });
    fleet.addWorkspace({ name: 'solo', environmentVariables: { TZ: 'UTC' }, teamAccess: [{ team: after.devs, access: WorkspaceAccess.WRITE }], movedFrom: 'Solo' });
    fleet.grantAccess(after.ops, WorkspaceAccess.READ);
    const json = synthesize(after.app, after.outdir).json;

    // THEN every old address moves to an instance of the fleet's blocks, keyed by name
    expect(json.moved.map((m: any) => m.from).sort()).toEqual(oldAddresses);
    const to = json.moved.map((m: any) => m.to.replace(/\.Fleet_\w+_[0-9A-F]{8}\[/, '['));
    expect(to).toEqual(expect.arrayContaining([
      'tfe_workspace["net-dev"]', 'tfe_workspace_settings["net-prod"]', 'tfe_variable["net-dev/terraform/region"]',
      'tfe_variable["solo/env/TZ"]', 'tfe_team_access["net-prod/ops"]', 'tfe_team_access["solo/devs"]',
    ]));
    expect(to).toHaveLength(oldAddresses.length);
  });

  test('one workspace of the fleet is an IWorkspace: references, its own variables and grants, checked against the rows', () => {
    const { app, outdir, stack, org, ops } = setup();
    const fleet = new WorkspaceFleet(stack, 'Fleet', { organization: org, workspaces: [{ name: 'api', terraformVariables: { region: 'eu' } }, { name: 'web' }] });
    fleet.grantAccess(ops, WorkspaceAccess.READ);
    const api = fleet.workspace('api');
    expect(fleet.workspace('api')).toBe(api);
    const consumer = new Workspace(stack, 'Consumer', { organization: org, name: 'consumer' });
    consumer.triggeredBy(api);
    const secret = api.addVariable('Token', { key: 'token', value: VariableValue.string('t0ken'), sensitive: true, allowPlaintextSecret: true });
    expect(secret.key).toBe('token');
    expect(() => api.addVariable('Region', { key: 'region', value: VariableValue.string('us') })).toThrow(/TFE-VAR-005/);
    const json = synthesize(app, outdir).json;
    const trigger = Object.values<any>(json.resource.tfe_run_trigger)[0];
    expect(trigger.sourceable_id).toMatch(/^\$\{tfe_workspace\.Fleet_Workspaces_[0-9A-F]{8}\["api"\]\.id\}$/);
    const variable = Object.values<any>(json.resource.tfe_variable).find((v) => v.key === 'token');
    expect(variable.workspace_id).toBe(trigger.sourceable_id);

    // a grant on the member for a team the rows already grant is refused at synthesis
    const again = setup();
    const f2 = new WorkspaceFleet(again.stack, 'Fleet', { organization: again.org, workspaces: [{ name: 'api' }] });
    f2.grantAccess(again.ops, WorkspaceAccess.READ);
    f2.workspace('api').grantAccess(again.ops, WorkspaceAccess.WRITE);
    expect(() => Testing.synth(again.stack)).toThrow(/TFE-ACCESS-002/);
  });

  test('the rules of workspaces, groups and variables apply to the rows', () => {
    const { stack, org } = setup();
    new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const fleet = new WorkspaceFleet(stack, 'Fleet', { organization: org });
    expect(() => fleet.addWorkspace({ name: 'api' })).toThrow(/TFE-WS-001/);
    expect(() => fleet.addWorkspace({ name: 'bad name' })).toThrow(/TFE-NAME-006/);
    expect(() => fleet.addWorkspace({ name: 'x', tagNames: ['Bad Tag'] })).toThrow(/TFE-NAME-008/);
    expect(() => fleet.addWorkspace({ name: 'y', terraformVariables: { 'bad key': 'v' } })).toThrow(/TFE-VAR-\d{3}\]/);
    expect(() => fleet.addWorkspace({ name: 'z', terraformVariables: { n: 3 as any } })).toThrow(/TFE-VAR-011/);
    expect(() => fleet.addGroup({ prefix: 'g-', members: [] })).toThrow(/TFE-GRP-001/);
    expect(() => fleet.addGroup({ prefix: 'h-', members: [{ shortName: 'dev' }, { shortName: 'dev' }] })).toThrow(/TFE-GRP-002/);
    expect(() => fleet.addWorkspace({ name: 'w', executionMode: ExecutionMode.remote(), teamAccess: [] })).not.toThrow();
    expect(fleet.workspaceNames).toContain('w');
  });

  test('the data file is written at every synthesis, and the fleet is fixed once synthesized', () => {
    const { app, outdir, stack, org } = setup();
    const fleet = new WorkspaceFleet(stack, 'Fleet', { organization: org, workspaces: [{ name: 'api' }] });
    const { json, rows } = synthesize(app, outdir);
    const data = Object.entries<any>(json.locals).find(([k]) => k.startsWith('Fleet_Data'))![1];
    expect(data).toBe('${jsondecode(file("${path.module}/Fleet.fleet.json"))}');
    expect(Object.keys(rows.workspaces)).toEqual(['api']);
    expect(() => fleet.addWorkspace({ name: 'web' })).toThrow(/TFE-FLEET-005/);
  });
});
