import { NoCodeModule as TfeNoCodeModule } from '@cdktf/provider-tfe/lib/no-code-module';
import { Testing } from 'cdktf';
import { setup, validationError } from './util';
import { Entitlements, Errors, NoCodeModule, NoCodeVariableType, OAuthClient, Organization, RegistryModule } from '../src';
import { resolveValue } from '../src/private/validation';

Testing.setupJest();

function env() {
  const e = setup();
  const github = OAuthClient.fromOAuthTokenId(e.stack, 'GitHub', e.org, 'ot-abc123');
  const vpc = new RegistryModule(e.stack, 'Vpc', { organization: e.org, connection: github, repository: 'acme/terraform-aws-vpc' });
  return { ...e, vpc };
}

describe('NoCodeModule', () => {
  test('a version pin and variable options (never the registry module\'s deprecated no_code)', () => {
    // GIVEN
    const { stack, vpc } = env();
    // WHEN
    const nc = vpc.enableNoCode('NoCode', {
      versionPin: '1.2.0',
      variableOptions: [
        { name: 'region', options: ['eu-west-1', 'us-east-1'] },
        { name: 'az_count', type: NoCodeVariableType.NUMBER, options: ['2', '3'] },
        { name: 'nat', type: NoCodeVariableType.BOOL, options: ['true', 'false'] },
      ],
    });
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeNoCodeModule, {
      registry_module: expect.stringMatching(/^\$\{tfe_registry_module\.Vpc_[A-F0-9]+\.id\}$/),
      organization: expect.stringMatching(/tfe_organization/),
      version_pin: '1.2.0',
      enabled: true,
      variable_options: [
        { name: 'region', type: 'string', options: ['eu-west-1', 'us-east-1'] },
        { name: 'az_count', type: 'number', options: ['2', '3'] },
        { name: 'nat', type: 'bool', options: ['true', 'false'] },
      ],
    });
    expect(Object.values<any>(JSON.parse(json).resource.tfe_registry_module)[0].no_code).toBeUndefined();
    expect(nc.node.path).toBe('test/Vpc/NoCode');
    expect(resolveValue(stack, nc.noCodeModuleId)).toMatch(/tfe_no_code_module/);
  });

  test('without a pin: the latest version; a referenced module', () => {
    const { stack, org } = env();
    const ref = RegistryModule.fromRegistryModuleId(stack, 'Ref', org, 'mod-abc123');
    new NoCodeModule(stack, 'NoCode', { registryModule: ref, enabled: false });
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeNoCodeModule, { registry_module: 'mod-abc123', enabled: false });
  });

  test.each([
    [{ variableOptions: [{ name: 'region', options: ['eu'] }] }, 'TFE-NOCODE-001'],
    [{ versionPin: '~> 1.2' }, 'TFE-NOCODE-002'],
    [{ versionPin: 'v1.2.0' }, 'TFE-NOCODE-002'],
    [{ versionPin: '1.0.0', variableOptions: [{ name: 'region', options: [] }] }, 'TFE-NOCODE-003'],
    [{ versionPin: '1.0.0', variableOptions: [{ name: 'the region', options: ['eu'] }] }, 'TFE-NOCODE-004'],
    [{ versionPin: '1.0.0', variableOptions: [{ name: 'region', options: ['eu'] }, { name: 'region', options: ['us'] }] }, 'TFE-NOCODE-005'],
    [{ versionPin: '1.0.0', variableOptions: [{ name: 'region', options: ['eu', 'eu'] }] }, 'TFE-NOCODE-006'],
    [{ versionPin: '1.0.0', variableOptions: [{ name: 'count', type: NoCodeVariableType.NUMBER, options: ['two'] }] }, 'TFE-NOCODE-007'],
    [{ versionPin: '1.0.0', variableOptions: [{ name: 'nat', type: NoCodeVariableType.BOOL, options: ['yes'] }] }, 'TFE-NOCODE-007'],
    [{ versionPin: '1.0.0', variableOptions: [{ name: 'nat', type: 'list' as NoCodeVariableType, options: ['a'] }] }, 'TFE-NOCODE-007'],
  ])('%j is refused (%s)', (options, ruleId) => {
    const { vpc } = env();
    expect(Errors.ruleIdOf(validationError(() => vpc.enableNoCode('NoCode', options)))).toBe(ruleId);
  });

  test('one no-code module per registry module', () => {
    const { stack, vpc } = env();
    vpc.enableNoCode('NoCode');
    const e = validationError(() => new NoCodeModule(stack, 'Again', { registryModule: vpc }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-NOCODE-008');
    expect(e.message).toMatch(/already offered for no-code provisioning by test\/Vpc\/NoCode/);
  });

  test('needs the private-module-registry entitlement', () => {
    const { stack } = env();
    const small = new Organization(stack, 'Small', { name: 'small', email: 's@small.example', entitlements: Entitlements.stateStorageOnly() });
    const ref = RegistryModule.fromRegistryModuleId(stack, 'Ref', small, 'mod-abc123');
    expect(Errors.ruleIdOf(validationError(() => new NoCodeModule(stack, 'NoCode', { registryModule: ref })))).toBe('TFE-ENT-001');
  });
});
