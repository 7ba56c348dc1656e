import { TerraformStack, Testing } from 'cdktf';
import { Moves, VariableValue, Workspace } from '../src';
import { setup } from './util';

function addresses(stack: TerraformStack): Record<string, string[]> {
  const json = JSON.parse(Testing.synth(stack));
  const out: Record<string, string[]> = {};
  for (const [type, byName] of Object.entries<any>(json.resource)) out[type] = Object.keys(byName);
  return out;
}

describe('Moves', () => {
  test('a renamed workspace moves every resource below it from its old address', () => {
    // GIVEN the addresses of a workspace with a variable at its old path
    const before = setup();
    const old = new Workspace(before.stack, 'Api', { organization: before.org, name: 'api' });
    old.addVariable('Region', { key: 'region', value: VariableValue.string('eu') });
    const oldAddresses = addresses(before.stack);

    // WHEN the construct is renamed and declared as such
    const after = setup();
    const renamed = new Workspace(after.stack, 'PaymentsApi', { organization: after.org, name: 'api' });
    renamed.addVariable('Region', { key: 'region', value: VariableValue.string('eu') });
    Moves.renamedFrom(renamed, 'Api');

    // THEN each resource carries a moved block from exactly its old address
    const json = JSON.parse(Testing.synth(after.stack, true));
    const moved = json.moved as { from: string; to: string }[];
    expect(moved).toHaveLength(3); // workspace, settings, variable
    for (const type of ['tfe_workspace', 'tfe_workspace_settings', 'tfe_variable']) {
      const from = `${type}.${oldAddresses[type][0]}`;
      const to = `${type}.${Object.keys(json.resource[type])[0]}`;
      expect(moved).toContainEqual({ from, to });
      expect(from).not.toBe(to);
    }
  });

  test('synthesizing twice emits the moves once', () => {
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'New', { organization: org, name: 'w' });
    Moves.renamedFrom(ws, 'Acme/Old');
    Testing.synth(stack, true);
    expect(JSON.parse(Testing.synth(stack, true)).moved).toHaveLength(2);
  });

  test('bad previous paths', () => {
    const { stack, org } = setup();
    const ws = new Workspace(stack, 'Api', { organization: org, name: 'w' });
    expect(() => Moves.renamedFrom(ws, '')).toThrow(/test\/Api: \[TFE-MOVE-001\] previous path "" is not a construct path/);
    expect(() => Moves.renamedFrom(ws, 'Acme//Api')).toThrow(/previous path "Acme\/\/Api" is not a construct path/);
    expect(() => Moves.renamedFrom(ws, 'Api')).toThrow(/previous path "Api" is the construct's current path: nothing moved/);
  });
});
