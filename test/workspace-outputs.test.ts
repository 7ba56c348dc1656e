import { DataTfeOutputs } from '@cdktf/provider-tfe/lib/data-tfe-outputs';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { errorMessageOf, infos, setup, validationError } from './util';
import { Errors, Organization, Workspace, WorkspaceGroup, WorkspaceOutputs } from '../src';
import { resolveValue } from '../src/private/validation';

Testing.setupJest();

function consumerStack(app: any, id = 'consumer'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new TfeProvider(stack, 'tfe', {});
  return stack;
}

describe('WorkspaceOutputs', () => {
  test('a consumer stack reads a producer that shares its state with the stack\'s workspace', () => {
    // GIVEN
    const { app, stack, org } = setup();
    const network = new Workspace(stack, 'Network', { organization: org, name: 'network' });
    const appWs = new Workspace(stack, 'App', { organization: org, name: 'app' });
    network.shareStateWith(appWs);
    const consumer = consumerStack(app);
    appWs.bindBackend(consumer);
    // WHEN
    const net = new WorkspaceOutputs(consumer, 'Network', { workspace: network });
    new TerraformOutput(consumer, 'vpc', { value: net.getString('vpc_id') });
    new TerraformOutput(consumer, 'db', { value: net.getSecretString('db_password'), sensitive: true });
    // THEN
    const json = Testing.synth(consumer, true);
    expect(json).toHaveDataSourceWithProperties(DataTfeOutputs, { workspace: 'network', organization: 'acme' });
    const out = JSON.parse(json).output;
    expect(out.vpc.value).toMatch(/^\$\{data\.tfe_outputs\.Network_Outputs_[A-F0-9]+\.nonsensitive_values\.vpc_id\}$/);
    expect(out.db.value).toMatch(/^\$\{data\.tfe_outputs\.Network_Outputs_[A-F0-9]+\.values\.db_password\}$/);
    expect(consumer.dependencies).toContain(stack);
    expect(net.readers).toEqual([appWs]);
    expect(infos(consumer)).toEqual([]);
  });

  test('typed reads, the same token for the same read', () => {
    const { app, stack, org } = setup();
    const network = new Workspace(stack, 'Network', { organization: org, name: 'network', globalRemoteState: true });
    const net = new WorkspaceOutputs(consumerStack(app), 'Net', { workspace: network, reader: new Workspace(stack, 'App', { organization: org, name: 'app' }) });
    expect(net.getString('a')).toBe(net.getString('a'));
    expect(resolveValue(net, net.getList('subnets'))).toMatch(/nonsensitive_values\.subnets\}$/);
    expect(resolveValue(net, net.getNumber('count'))).toMatch(/nonsensitive_values\.count\}$/);
    expect(resolveValue(net, net.getStringMap('tags'))).toMatch(/nonsensitive_values\.tags\}$/);
    expect(resolveValue(net, net.getAny('enabled'))).toMatch(/nonsensitive_values\.enabled\}$/);
    expect(resolveValue(net, net.getSecretAny('creds'))).toMatch(/\.values\.creds\}$/);
    expect(resolveValue(net, net.getString('my-output'))).toMatch(/nonsensitive_values\.my-output\}$/);
  });

  test('in the producer\'s own stack the data source refers to the workspace', () => {
    const { stack, org } = setup();
    const network = new Workspace(stack, 'Network', { organization: org, name: 'network' });
    const reader = new Workspace(stack, 'App', { organization: org, name: 'app' });
    network.shareStateWith(reader);
    new WorkspaceOutputs(stack, 'Net', { workspace: network, reader });
    expect(Testing.synth(stack, true)).toHaveDataSourceWithProperties(DataTfeOutputs, {
      workspace: expect.stringMatching(/^\$\{tfe_workspace\.Network_[A-F0-9]+\.name\}$/),
      organization: expect.stringMatching(/^\$\{tfe_organization\.Acme_[A-F0-9]+\.name\}$/),
    });
  });

  test('a reader the producer does not share its state with fails the synth, whenever shareStateWith would be called', () => {
    const { app, stack, org } = setup();
    const network = new Workspace(stack, 'Network', { organization: org, name: 'network' });
    const appWs = new Workspace(stack, 'App', { organization: org, name: 'app' });
    const consumer = consumerStack(app);
    new WorkspaceOutputs(consumer, 'Network', { workspace: network, reader: appWs });
    expect(errorMessageOf(() => Testing.synth(consumer, true)))
      .toMatch(/\[TFE-OUT-001\] workspace test\/Network does not share its state with reader test\/App/);
    network.shareStateWith(appWs); // later in the program: fine
    expect(() => Testing.synth(consumer, true)).not.toThrow();
  });

  test('every member of a bound group must be allowed', () => {
    const { app, stack, org } = setup();
    const network = new Workspace(stack, 'Network', { organization: org, name: 'network' });
    const group = new WorkspaceGroup(stack, 'Apps', { organization: org, prefix: 'apps-', members: [{ shortName: 'dev' }, { shortName: 'prod' }] });
    network.shareStateWith(group.member('dev'));
    const consumer = consumerStack(app);
    group.bindBackend(consumer);
    new WorkspaceOutputs(consumer, 'Network', { workspace: network });
    expect(errorMessageOf(() => Testing.synth(consumer, true))).toMatch(/\[TFE-OUT-001\] workspace test\/Network does not share its state with reader test\/Apps\/prod/);
  });

  test('a reader of another organization fails the synth', () => {
    const { app, stack, org } = setup();
    const other = new Organization(stack, 'Other', { name: 'other', email: 'o@other.example' });
    const network = new Workspace(stack, 'Network', { organization: org, name: 'network', globalRemoteState: true });
    const consumer = consumerStack(app);
    new WorkspaceOutputs(consumer, 'Network', { workspace: network, reader: new Workspace(stack, 'App', { organization: other, name: 'app' }) });
    expect(errorMessageOf(() => Testing.synth(consumer, true))).toMatch(/\[TFE-OUT-002\]/);
  });

  test('a workspace reading its own outputs needs no sharing', () => {
    const { app, stack, org } = setup();
    const network = new Workspace(stack, 'Network', { organization: org, name: 'network' });
    const consumer = consumerStack(app);
    new WorkspaceOutputs(consumer, 'Network', { workspace: network, reader: network });
    expect(() => Testing.synth(consumer, true)).not.toThrow();
  });

  test('a referenced producer, or no known reader, is an info', () => {
    const { app, stack, org } = setup();
    const legacy = Workspace.fromWorkspaceName(stack, 'Legacy', org, 'legacy');
    const consumer = consumerStack(app);
    new WorkspaceOutputs(consumer, 'Legacy', { workspace: legacy, reader: new Workspace(stack, 'App', { organization: org, name: 'app' }) });
    new WorkspaceOutputs(consumer, 'NoReader', { workspace: legacy });
    Testing.synth(consumer, true);
    expect(infos(consumer)).toEqual([
      expect.stringMatching(/^\[TFE-OUT-005\] workspace test\/Legacy is referenced/),
      expect.stringMatching(/^\[TFE-OUT-006\] no reader workspace is known/),
    ]);
  });

  test('an output name that is not an identifier is refused', () => {
    const { app, stack, org } = setup();
    const net = new WorkspaceOutputs(consumerStack(app), 'N', { workspace: new Workspace(stack, 'Network', { organization: org, name: 'network' }) });
    const e = validationError(() => net.getString('vpc id'));
    expect(Errors.ruleIdOf(e)).toBe('TFE-OUT-003');
    expect(e.message).toContain('"vpc id"');
  });

  test('a producer in another stack needs literal names', () => {
    const { app, stack, org } = setup();
    const byId = Workspace.fromWorkspaceId(stack, 'ById', org, 'ws-Fa3zQw8bXy6pLmN2');
    expect(Errors.ruleIdOf(validationError(() => new WorkspaceOutputs(consumerStack(app), 'N', { workspace: byId })))).toBe('TFE-OUT-004');
    expect(Errors.ruleIdOf(validationError(() => new WorkspaceOutputs(stack, 'Same', { workspace: byId })))).toBe('TFE-OUT-004');
  });
});
