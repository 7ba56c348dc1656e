import { NotificationConfiguration } from '@cdktf/provider-tfe/lib/notification-configuration';
import { OrganizationRunTask as TfeOrganizationRunTask } from '@cdktf/provider-tfe/lib/organization-run-task';
import { PolicySetParameter } from '@cdktf/provider-tfe/lib/policy-set-parameter';
import { TestVariable } from '@cdktf/provider-tfe/lib/test-variable';
import { Variable as TfeVariable } from '@cdktf/provider-tfe/lib/variable';
import { Fn, ref, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { errorMessageOf, secretVar, setup, validationError, WRITE_ONLY_TARGETS } from './util';
import {
  Errors, ModulePublishing, NotificationDestination, OAuthClient, OrganizationRunTask, PolicyKind, PolicySet, RegistryModule,
  VariableCategory, VariableSet, VariableValue, Workspace,
} from '../src';
import { WRITE_ONLY_REQUIRED_VERSION } from '../src/private/write-only';

Testing.setupJest();

function env() {
  const e = setup(WRITE_ONLY_TARGETS);
  const ws = new Workspace(e.stack, 'Api', { organization: e.org, name: 'api' });
  return { ...e, ws };
}

const requiredVersion = (stack: TerraformStack) => JSON.parse(Testing.synth(stack)).terraform.required_version;

describe('write-only secrets', () => {
  test('a write-only variable writes value_wo, never value, and the stack requires Terraform 1.11', () => {
    const { stack, ws } = env();
    const v = ws.addVariable('Db', { key: 'db_password', value: VariableValue.fromReference(secretVar(stack, 'db_password')), sensitive: true, writeOnly: true });
    expect(v.writeOnly).toBe(true);
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeVariable, { key: 'db_password', value_wo: '${var.db_password}', sensitive: true });
    const resource = Object.values<any>(JSON.parse(json).resource.tfe_variable)[0];
    expect(resource.value).toBeUndefined();
    expect(requiredVersion(stack)).toBe('>= 1.11.0');
    expect(WRITE_ONLY_REQUIRED_VERSION).toBe('>= 1.11.0');
  });

  test('without writeOnly nothing changes: value, and no required_version', () => {
    const { stack, ws } = env();
    ws.addVariable('Db', { key: 'db_password', value: VariableValue.fromReference(secretVar(stack, 'db_password')), sensitive: true });
    const resource = Object.values<any>(JSON.parse(Testing.synth(stack)).resource.tfe_variable)[0];
    expect(resource.value).toBe('${var.db_password}');
    expect(resource.value_wo).toBeUndefined();
    expect(requiredVersion(stack)).toBeUndefined();
  });

  test('TFE-WO-003: provider 0.71.0 ignores value_wo on variables of variable sets, so they are refused', () => {
    const { stack, org } = env();
    const set = new VariableSet(stack, 'Shared', { organization: org, name: 'shared' });
    const e = validationError(() => set.addVariable('Cfg', { key: 'cfg', value: VariableValue.fromReference(secretVar(stack, 'cfg')), sensitive: true, writeOnly: true }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-WO-003');
    expect(e.message).toContain('test/Shared/Cfg');
    expect(e.message).toContain('workspace.addVariable');
  });

  test('TFE-WO-001: a write-only variable must be sensitive', () => {
    const { stack, ws } = env();
    const e = validationError(() => ws.addVariable('Db', { key: 'db_password', value: VariableValue.fromReference(secretVar(stack, 'p')), writeOnly: true }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-WO-001');
    expect(e.message).toMatch(/^test\/Api\/Db: \[TFE-WO-001\] variable "db_password" is writeOnly but not sensitive: .*set sensitive: true as well\.$/);
  });

  test('literal secrets stay refused: write-only keeps a value out of the state, not out of cdk.tf.json', () => {
    const { ws } = env();
    const e = validationError(() => ws.addVariable('Db', { key: 'db_password', value: VariableValue.string('hunter2-secret'), sensitive: true, writeOnly: true }));
    expect(Errors.ruleIdOf(e)).toBe('TFE-SECRET-003');
    expect(e.message).not.toContain('hunter2');
  });

  test('TFE-WO-002: a value read from an ephemeral resource would replace the resource on every apply', () => {
    const { stack, ws } = env();
    ws.addVariable('Db', { key: 'db_password', value: VariableValue.fromReference(Token.asString(ref('ephemeral.random_password.db.result', stack))), sensitive: true, writeOnly: true });
    const message = errorMessageOf(() => Testing.synth(stack, true));
    expect(message).toContain('[TFE-WO-002] the value of variable "db_password" is read from an ephemeral resource');
    expect(message).toContain('terraform-provider-tfe issue 1974');
  });

  test('a quoted "ephemeral." inside a string is not a reference', () => {
    const { stack, ws } = env();
    ws.addVariable('Db', {
      key: 'db_password',
      value: VariableValue.fromReference(Fn.format('ephemeral.%s', [new TerraformVariable(stack, 'name', { type: 'string', sensitive: true }).stringValue])),
      sensitive: true,
      writeOnly: true,
    });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a module test variable writes value_wo', () => {
    const { stack, org } = env();
    const github = OAuthClient.fromOAuthTokenId(stack, 'Conn', org, 'ot-abc123');
    const vpc = new RegistryModule(stack, 'Vpc', {
      organization: org, connection: github, repository: 'acme/terraform-aws-vpc', publishing: ModulePublishing.branch('main'), tests: {},
    });
    vpc.addTestVariable('Key', { key: 'AWS_SECRET_ACCESS_KEY', value: VariableValue.fromReference(secretVar(stack, 'k')), sensitive: true, writeOnly: true });
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TestVariable, { key: 'AWS_SECRET_ACCESS_KEY', value_wo: '${var.k}', category: VariableCategory.ENV });
    expect(Object.values<any>(JSON.parse(json).resource.tfe_test_variable)[0].value).toBeUndefined();
    expect(Errors.ruleIdOf(validationError(() => vpc.addTestVariable('Open', {
      key: 'REGION', value: VariableValue.fromReference(secretVar(stack, 'r')), writeOnly: true,
    })))).toBe('TFE-WO-001');
  });

  test('a policy set parameter writes value_wo', () => {
    const { stack, org } = env();
    const set = new PolicySet(stack, 'Guard', { organization: org, name: 'guard', kind: PolicyKind.SENTINEL });
    set.addParameter('api_key', secretVar(stack, 'api_key'), { sensitive: true, writeOnly: true });
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(PolicySetParameter, { key: 'api_key', value_wo: '${var.api_key}', sensitive: true });
    expect(Object.values<any>(JSON.parse(json).resource.tfe_policy_set_parameter)[0].value).toBeUndefined();
    expect(Errors.ruleIdOf(validationError(() => set.addParameter('region', secretVar(stack, 'region'), { writeOnly: true })))).toBe('TFE-WO-001');
  });

  test('a webhook token writes token_wo', () => {
    const { stack, ws } = env();
    ws.addNotification('Hook', {
      name: 'hook', destination: NotificationDestination.generic('https://hooks.example.com/tfe', { token: secretVar(stack, 'webhook_token'), writeOnly: true }),
    });
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(NotificationConfiguration, { token_wo: '${var.webhook_token}' });
    expect(Object.values<any>(JSON.parse(json).resource.tfe_notification_configuration)[0].token).toBeUndefined();
    expect(requiredVersion(stack)).toBe('>= 1.11.0');
  });

  test('a run task HMAC key writes hmac_key_wo', () => {
    const { stack, org } = env();
    new OrganizationRunTask(stack, 'Scanner', {
      organization: org, name: 'scanner', url: 'https://scanner.example.com', hmacKey: secretVar(stack, 'hmac'), hmacKeyWriteOnly: true,
    });
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeOrganizationRunTask, { hmac_key_wo: '${var.hmac}' });
    expect(Object.values<any>(JSON.parse(json).resource.tfe_organization_run_task)[0].hmac_key).toBeUndefined();
  });

  test('TFE-WO-004: write-only without a secret to write', () => {
    const { stack, org, ws } = env();
    expect(Errors.ruleIdOf(validationError(() => new OrganizationRunTask(stack, 'Scanner', {
      organization: org, name: 'scanner', url: 'https://scanner.example.com', hmacKeyWriteOnly: true,
    })))).toBe('TFE-WO-004');
    expect(Errors.ruleIdOf(validationError(() => ws.addNotification('Hook', {
      name: 'hook', destination: NotificationDestination.generic('https://hooks.example.com/tfe', { writeOnly: true }),
    })))).toBe('TFE-WO-004');
    expect(requiredVersion(stack)).toBeUndefined();
  });
});
