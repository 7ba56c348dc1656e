import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { makeUniqueId } from 'cdktf/lib/private/unique';
import { Construct } from 'constructs';
import { Moves, Organization, PolicySet, ProjectAccess, Team, VariableSet, Workspace, WorkspaceAccess } from '../src';
import { setup } from './util';

/** The address earlier versions gave a connection: `<kind>-<target's construct id>` under its scope. */
function oldAddress(type: string, ...path: string[]): string {
  return `${type}.${makeUniqueId(path)}`;
}

function moves(stack: TerraformStack): { from: string; to: string }[] {
  return JSON.parse(Testing.synth(stack)).moved ?? [];
}

function addressOf(resource: { terraformResourceType: string; friendlyUniqueId: string }): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

describe('moves from the addresses earlier versions gave connections', () => {
  test('every kind of connection moves from its old address to its new one', () => {
    // GIVEN one connection of each kind
    const { stack, org } = setup();
    const ops = org.addTeam('Ops', { name: 'operations' });
    const payments = org.addProject('Payments', { name: 'payments' });
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const web = new Workspace(stack, 'Web', { organization: org, name: 'web' });
    const set = new VariableSet(stack, 'Set', { organization: org, name: 'defaults' });
    const guard = new PolicySet(stack, 'Guard', { organization: org, name: 'guard' });
    const key = new TerraformVariable(stack, 'key', { type: 'string' });
    const connections = [
      [api.grantAccess(ops, WorkspaceAccess.READ), 'Api', 'Access-Ops'],
      [payments.grantAccess(ops, ProjectAccess.READ), 'Acme', 'Payments', 'Access-Ops'],
      [api.triggeredBy(web), 'Api', 'TriggeredBy-Web'],
      [set.applyToWorkspace(api), 'Set', 'Workspace-Api'],
      [set.applyToProject(payments), 'Set', 'Project-Payments'],
      [guard.attachTo(api), 'Guard', 'Workspace-Api'],
      [guard.attachToProject(payments), 'Guard', 'Project-Payments'],
      [guard.exclude(web), 'Guard', 'Exclusion-Web'],
      [guard.addParameter(key.stringValue, 'v'), 'Guard', 'Parameter-1'],
    ] as const;
    // WHEN synthesized
    const moved = moves(stack);
    // THEN each resource moves from exactly its old address
    for (const [resource, ...path] of connections) {
      expect(moved).toContainEqual({ from: oldAddress(resource.terraformResourceType, ...path), to: addressOf(resource) });
    }
    expect(moved).toHaveLength(connections.length);
  });

  test('no move when two connections under one scope had the same old id (the old address depended on order)', () => {
    // GIVEN two teams with the construct id "Ops" granted on one workspace
    const { stack, org } = setup();
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const a = new Team(new Construct(stack, 'A'), 'Ops', { organization: org, name: 'ops-a' });
    const b = new Team(new Construct(stack, 'B'), 'Ops', { organization: org, name: 'ops-b' });
    const dev = org.addTeam('Dev', { name: 'developers' });
    api.grantAccess(a, WorkspaceAccess.READ);
    api.grantAccess(b, WorkspaceAccess.WRITE);
    const devGrant = api.grantAccess(dev, WorkspaceAccess.PLAN);
    // THEN only the unambiguous grant moves
    expect(moves(stack)).toEqual([{ from: oldAddress('tfe_team_access', 'Api', 'Access-Dev'), to: addressOf(devGrant) }]);
  });

  test('no move when the old id is the new one, or when a resource of the program has the old address now', () => {
    // GIVEN team "ops" (construct id Ops2) and team "operations" (construct id ops)
    const { stack, org } = setup();
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const renamed = new Team(stack, 'ops', { organization: org, name: 'operations' });
    const other = new Team(stack, 'Ops2', { organization: org, name: 'ops' });
    const same = new Team(stack, 'dev', { organization: org, name: 'dev' });
    const otherGrant = api.grantAccess(other, WorkspaceAccess.WRITE);
    api.grantAccess(renamed, WorkspaceAccess.READ);
    api.grantAccess(same, WorkspaceAccess.READ);
    // THEN "operations" keeps no move (its old address, Access-ops, is the new address of "ops"),
    // "dev" needs none, and "ops" moves from Access-Ops2
    expect(moves(stack)).toEqual([{ from: oldAddress('tfe_team_access', 'Api', 'Access-Ops2'), to: addressOf(otherGrant) }]);
  });

  test('a move the program declares wins: Moves.renamedFrom on the workspace', () => {
    // GIVEN a renamed workspace with a grant
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'PaymentsApi', { organization: org, name: 'api' });
    const grant = ws.grantAccess(org.addTeam('Ops', { name: 'ops' }), WorkspaceAccess.READ);
    Moves.renamedFrom(ws, 'Api');
    // THEN the grant moves from the old path, once
    const moved = moves(stack).filter((m) => m.to === addressOf(grant));
    expect(moved).toEqual([{ from: oldAddress('tfe_team_access', 'Api', 'Access-ops'), to: addressOf(grant) }]);
  });

  test('the HCL output carries the moves too', () => {
    const { stack, org } = setup();
    const api = new Workspace(stack, 'Api', { organization: org, name: 'api' });
    const grant = api.grantAccess(org.addTeam('Ops', { name: 'ops' }), WorkspaceAccess.READ);
    const trigger = api.triggeredBy(new Workspace(stack, 'Web', { organization: org, name: 'web' }));
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toContain(`from = ${oldAddress('tfe_team_access', 'Api', 'Access-Ops')}`);
    expect(hcl).toContain(`to = ${addressOf(grant)}`);
    expect(hcl).toContain(`from = ${oldAddress('tfe_run_trigger', 'Api', 'TriggeredBy-Web')}`);
    expect(hcl).toContain(`to = ${addressOf(trigger)}`);
  });

  test('the context key leaves the moves out', () => {
    const app = Testing.app({ context: { [Moves.LEGACY_ADDRESS_MOVES_CONTEXT_KEY]: 'false' } });
    const stack = new TerraformStack(app, 'test');
    const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
    new Workspace(stack, 'Api', { organization: org, name: 'api' }).grantAccess(org.addTeam('Ops', { name: 'ops' }), WorkspaceAccess.READ);
    expect(moves(stack)).toEqual([]);
  });

  test('the metadata lists the moved resources', () => {
    const { stack, org } = setup();
    const grant = new Workspace(stack, 'Api', { organization: org, name: 'api' }).grantAccess(org.addTeam('Ops', { name: 'ops' }), WorkspaceAccess.READ);
    const meta = stack.toTerraform()['//'].metadata;
    expect(meta.moved).toEqual({ tfe_team_access: [grant.friendlyUniqueId] });
  });
});
