import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Variable as TfeVariable } from '@cdktf/provider-tfe/lib/variable';
import { AnnotationMetadataEntryType, Fn, Lazy, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { FakeWorkspace, validationError } from './util';
import * as lib from '../src';
import { Organization } from '../src/organization';
import { Variable, VariableCategory } from '../src/variable';
import { VariableSet } from '../src/variable-set';
import { VariableValue } from '../src/variable-value';
import type { IWorkspace } from '../src/workspace';

Testing.setupJest();

function asWorkspace(ws: FakeWorkspace): IWorkspace {
  return ws as unknown as IWorkspace;
}

function setup() {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new TfeProvider(stack, 'tfe', {});
  const org = new Organization(stack, 'Acme', { name: 'acme', email: 'a@acme.example' });
  const fake = new FakeWorkspace(stack, 'Api', org, 'api');
  return { app, stack, org, fake, ws: asWorkspace(fake) };
}

describe('Variable', () => {
  test('creates a Terraform variable of a workspace with the defaults', () => {
    // GIVEN
    const { stack, fake } = setup();
    // WHEN
    const v = fake.addVariable('Region', { key: 'region', value: VariableValue.string('eu-west-1') });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, {
      key: 'region',
      value: 'eu-west-1',
      category: 'terraform',
      workspace_id: expect.stringMatching(/^\$\{tfe_workspace\.Api_[0-9A-F]+\.id\}$/),
    });
    const resource = Object.values<any>(JSON.parse(Testing.synth(stack)).resource.tfe_variable)[0];
    expect(resource.variable_set_id).toBeUndefined();
    // hcl and sensitive are false by default on the platform: not written.
    expect(resource.hcl).toBeUndefined();
    expect(resource.sensitive).toBeUndefined();
    expect(v).toBeInstanceOf(TerraformResource);
    expect(v.terraformResourceType).toBe('tfe_variable');
    expect(v.key).toBe('region');
    expect(v.category).toBe(VariableCategory.TERRAFORM);
    expect(v.sensitive).toBe(false);
    expect(v.variableId).toMatch(/^\$\{TfToken\[/);
    expect(v.node.children).toEqual([]); // the variable is the resource: no construct around it
  });

  test('passes category, description and HCL through', () => {
    // GIVEN
    const { stack, fake } = setup();
    // WHEN
    fake.addVariable('Zones', { key: 'zones', value: VariableValue.list(['a', 'b']), description: 'availability zones' });
    fake.addVariable('Token', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1'), category: VariableCategory.ENV });
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeVariable, { key: 'zones', value: '["a", "b"]', hcl: true, description: 'availability zones' });
    expect(json).toHaveResourceWithProperties(TfeVariable, { key: 'AWS_REGION', value: 'eu-west-1', category: 'env' });
  });

  test('writes numbers and booleans as HCL for Terraform variables and as plain text for environment variables', () => {
    // GIVEN
    const { stack, fake } = setup();
    // WHEN
    fake.addVariable('Replicas', { key: 'replicas', value: VariableValue.number(3) });
    fake.addVariable('ReplicasEnv', { key: 'REPLICAS', value: VariableValue.number(3), category: VariableCategory.ENV });
    fake.addVariable('DebugEnv', { key: 'TF_LOG_DEBUG', value: VariableValue.boolean(true), category: VariableCategory.ENV });
    // THEN
    const json = Testing.synth(stack, true);
    expect(json).toHaveResourceWithProperties(TfeVariable, { key: 'replicas', value: '3', category: 'terraform', hcl: true });
    expect(json).toHaveResourceWithProperties(TfeVariable, { key: 'REPLICAS', value: '3', category: 'env' });
    expect(json).toHaveResourceWithProperties(TfeVariable, { key: 'TF_LOG_DEBUG', value: 'true', category: 'env' });
    // Environment variables are plain text: hcl is not written (the platform's default, false).
    const hclByKey = Object.fromEntries(Object.values<any>(JSON.parse(json).resource.tfe_variable).map((v) => [v.key, v.hcl]));
    expect(hclByKey).toEqual({ replicas: true, REPLICAS: undefined, TF_LOG_DEBUG: undefined });
  });

  test('synthesizes to JSON and HCL (cdktf synth --hcl) exactly like the provider\'s tfe_variable class', () => {
    // GIVEN the library's variables
    const mine = setup();
    mine.fake.addVariable('Zones', { key: 'zones', value: VariableValue.list(['a', 'b']), description: 'zones' });
    mine.fake.addVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1'), category: VariableCategory.ENV });
    const secret = new TerraformVariable(mine.stack, 'token', { type: 'string', sensitive: true });
    mine.fake.addVariable('Token', { key: 'TOKEN', value: VariableValue.fromReference(secret.stringValue), category: VariableCategory.ENV, sensitive: true });
    // WHEN the same written with the L1 class at the same construct paths
    const l1 = setup();
    const l1Secret = new TerraformVariable(l1.stack, 'token', { type: 'string', sensitive: true });
    new TfeVariable(l1.fake, 'Zones', { key: 'zones', value: '["a", "b"]', category: 'terraform', description: 'zones', hcl: true, workspaceId: l1.fake.workspaceId });
    new TfeVariable(l1.fake, 'Region', { key: 'AWS_REGION', value: 'eu-west-1', category: 'env', workspaceId: l1.fake.workspaceId });
    new TfeVariable(l1.fake, 'Token', { key: 'TOKEN', value: l1Secret.stringValue, category: 'env', sensitive: true, workspaceId: l1.fake.workspaceId });
    // THEN
    expect(Testing.synth(mine.stack)).toEqual(Testing.synth(l1.stack));
    expect(Testing.synthHcl(mine.stack)).toEqual(Testing.synthHcl(l1.stack));
  });

  test('writes escaped text so the platform receives the literal value', () => {
    // GIVEN
    const { stack, fake } = setup();
    // WHEN
    fake.addVariable('Greeting', { key: 'greeting', value: VariableValue.string('hello ${name} %{ if }') });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, { key: 'greeting', value: 'hello $${name} %%{ if }' });
  });

  test('belongs to a variable set', () => {
    // GIVEN
    const { stack, org } = setup();
    const set = new VariableSet(stack, 'Shared', { organization: org, name: 'shared' });
    // WHEN
    new Variable(stack, 'Region', { variableSet: set, key: 'region', value: VariableValue.string('eu-west-1') });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, {
      key: 'region',
      variable_set_id: expect.stringMatching(/^\$\{tfe_variable_set\.Shared_[0-9A-F]+\.id\}$/),
    });
    const resource = Object.values<any>(JSON.parse(Testing.synth(stack)).resource.tfe_variable)[0];
    expect(resource.workspace_id).toBeUndefined();
  });

  describe('target', () => {
    test('refuses both a workspace and a variable set', () => {
      // GIVEN
      const { stack, org, ws } = setup();
      const set = new VariableSet(stack, 'Shared', { organization: org, name: 'shared' });
      // WHEN
      const e = validationError(() => new Variable(stack, 'Both', { workspace: ws, variableSet: set, key: 'x', value: VariableValue.string('1') }));
      // THEN
      expect(e.message).toMatch(/^test\/Both: \[TFE-VAR-001\] got both workspace test\/Api and variable set test\/Shared: a variable belongs to exactly one of them/);
      expect(e.message).toMatch(/create one variable per target \(or apply the variable set to the workspace\)/);
    });

    test('refuses neither', () => {
      const { stack } = setup();
      const e = validationError(() => new Variable(stack, 'Orphan', { key: 'x', value: VariableValue.string('1') }));
      expect(e.message).toMatch(/^test\/Orphan: \[TFE-VAR-002\] got neither workspace nor variableSet: .*use workspace\.addVariable\(\.\.\.\) \/ variableSet\.addVariable\(\.\.\.\)/);
    });

    test('refuses a value that is not a VariableValue', () => {
      const { fake } = setup();
      const e = validationError(() => fake.addVariable('Raw', { key: 'x', value: 'eu-west-1' as any }));
      expect(e.message).toMatch(/^test\/Api\/Raw: \[TFE-VAR-003\] value must be a VariableValue, got "eu-west-1": use VariableValue\.string\(\.\.\.\)/);
    });
  });

  describe('HCL on environment variables', () => {
    test.each([
      ['a list', VariableValue.list(['a']), /VariableValue\.list\(\.\.\.\) = "\[\\"a\\"\]"/],
      ['a map', VariableValue.map({ a: 1 }), /VariableValue\.map\(\.\.\.\) = "\{ \\"a\\" = 1 \}"/],
      ['raw HCL', VariableValue.hcl('[1]'), /VariableValue\.hcl\(\.\.\.\) = "\[1\]"/],
    ])('refuses %s with the value and the fix', (_name, value, shown) => {
      // GIVEN
      const { fake } = setup();
      // WHEN
      const e = validationError(() => fake.addVariable('Bad', { key: 'CONFIG', value, category: VariableCategory.ENV }));
      // THEN
      expect(e.message).toMatch(/^test\/Api\/Bad: \[TFE-VAR-004\] environment variable "CONFIG" has an HCL value \(/);
      expect(e.message).toMatch(shown);
      expect(e.message).toMatch(/HCL has no effect for environment variables: the platform passes the text as is\. Use VariableValue\.string\(JSON\.stringify\(\.\.\.\)\)/);
      expect(e.message).toMatch(/or category VariableCategory\.TERRAFORM for a Terraform variable/);
    });

    test('accepts JSON text instead', () => {
      const { stack, fake } = setup();
      fake.addVariable('Config', { key: 'CONFIG', value: VariableValue.string(JSON.stringify({ a: [1] })), category: VariableCategory.ENV });
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, { key: 'CONFIG', value: '{"a":[1]}' });
    });
  });

  describe('keys', () => {
    test('refuses a duplicate key in the same workspace and category', () => {
      // GIVEN
      const { fake } = setup();
      fake.addVariable('First', { key: 'region', value: VariableValue.string('a') });
      // WHEN
      const e = validationError(() => fake.addVariable('Second', { key: 'region', value: VariableValue.string('b') }));
      // THEN
      expect(e.message).toBe(
        'test/Api/Second: [TFE-VAR-005] terraform variable key "region" is already used by test/Api/First in workspace test/Api: ' +
          'keys are unique per workspace and category (the API refuses duplicates); remove one of the variables or rename it ' +
          '(a Terraform and an environment variable may share a key).',
      );
    });

    test('refuses a duplicate key in the same variable set', () => {
      const { stack, org } = setup();
      const set = new VariableSet(stack, 'Shared', { organization: org, name: 'shared' });
      set.addVariable('A', { key: 'TOKEN', value: VariableValue.string('a'), category: VariableCategory.ENV });
      const e = validationError(() => set.addVariable('B', { key: 'TOKEN', value: VariableValue.string('b'), category: VariableCategory.ENV }));
      expect(e.message).toMatch(/^test\/Shared\/B: \[TFE-VAR-005\] env variable key "TOKEN" is already used by test\/Shared\/A in variable set test\/Shared: keys are unique per variable set and category/);
    });

    test('allows the same key in another category, workspace or variable set', () => {
      // GIVEN
      const { stack, org, fake } = setup();
      const other = new FakeWorkspace(stack, 'Web', org, 'web');
      const set = new VariableSet(stack, 'Shared', { organization: org, name: 'shared' });
      // WHEN
      fake.addVariable('Tf', { key: 'region', value: VariableValue.string('a') });
      fake.addVariable('Env', { key: 'region', value: VariableValue.string('a'), category: VariableCategory.ENV });
      other.addVariable('Tf', { key: 'region', value: VariableValue.string('a') });
      set.addVariable('Tf', { key: 'region', value: VariableValue.string('a') });
      // THEN
      expect(JSON.parse(Testing.synth(stack, true)).resource.tfe_variable).toBeDefined();
      expect(Object.keys(JSON.parse(Testing.synth(stack)).resource.tfe_variable)).toHaveLength(4);
    });

    test('accepts Terraform identifiers, and names with "-" only for Terraform variables', () => {
      const { stack, fake } = setup();
      fake.addVariable('A', { key: 'db-password_2', value: VariableValue.string('x') });
      fake.addVariable('B', { key: '_private', value: VariableValue.string('x') });
      fake.addVariable('C', { key: 'AWS_REGION_2', value: VariableValue.string('x'), category: VariableCategory.ENV });
      fake.addVariable('D', { key: '_X', value: VariableValue.string('x'), category: VariableCategory.ENV });
      expect(() => Testing.synth(stack, true)).not.toThrow();
    });

    test.each([
      ['1region', '"_1region"'],
      ['db.password', '"db_password"'],
      ['has space', '"has_space"'],
      ['ümlaut', '"_mlaut"'],
    ])('refuses the Terraform variable name %s with a suggestion', (key, suggestion) => {
      const { fake } = setup();
      const e = validationError(() => fake.addVariable('Bad', { key, value: VariableValue.string('x') }));
      expect(e.message).toContain(`test/Api/Bad: [TFE-VAR-006] Terraform variable name ${JSON.stringify(key)} is invalid: a Terraform identifier has letters, digits, "_" and "-", not starting with a digit, e.g. ${suggestion}`);
      expect(e.message).toContain('for an environment variable, set category: VariableCategory.ENV');
    });

    test.each([
      ['MY-VAR', '"MY_VAR"'],
      ['9LIVES', '"_9LIVES"'],
      ['A.B', '"A_B"'],
    ])('refuses the environment variable name %s with a suggestion', (key, suggestion) => {
      const { fake } = setup();
      const e = validationError(() => fake.addVariable('Bad', { key, value: VariableValue.string('x'), category: VariableCategory.ENV }));
      expect(e.message).toBe(`test/Api/Bad: [TFE-VAR-007] environment variable name ${JSON.stringify(key)} is invalid: use letters, digits and "_", not starting with a digit, e.g. ${suggestion}.`);
    });

    test('refuses an empty key', () => {
      const { fake } = setup();
      const e = validationError(() => fake.addVariable('Empty', { key: '', value: VariableValue.string('x') }));
      expect(e.message).toBe('test/Api/Empty: [TFE-VAR-008] variable key is empty: give the variable a name, e.g. "region".');
    });

    test('checks a key known at synth time then', () => {
      // GIVEN
      const { stack, fake } = setup();
      // WHEN
      fake.addVariable('Lazy', { key: Lazy.stringValue({ produce: () => 'bad key' }), value: VariableValue.string('x') });
      // THEN
      expect(() => Testing.synth(stack, true)).toThrow(/test\/Api\/Lazy.*Terraform variable name "bad key" is invalid/s);
    });

    test('leaves a key known only at plan time to the platform, saying so', () => {
      // GIVEN
      const { stack, fake } = setup();
      const name = new TerraformVariable(stack, 'name', { type: 'string' });
      // WHEN
      const v = fake.addVariable('Dynamic', { key: name.stringValue, value: VariableValue.string('x') });
      fake.addVariable('Dynamic2', { key: name.stringValue, value: VariableValue.string('x') });
      // THEN
      expect(() => Testing.synth(stack, true)).not.toThrow();
      const infos = v.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.INFO).map((m) => m.data);
      expect(infos).toEqual([expect.stringMatching(/The variable key is only known at plan time/)]);
    });
  });

  describe('sensitive values', () => {
    test('accepts a reference to a sensitive TerraformVariable', () => {
      // GIVEN
      const { stack, fake } = setup();
      const secret = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
      // WHEN
      const v = fake.addVariable('DbPassword', { key: 'db_password', value: VariableValue.fromReference(secret.stringValue), sensitive: true });
      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, {
        key: 'db_password',
        value: '${var.db_password}',
        sensitive: true,
      });
      expect(v.sensitive).toBe(true);
      expect(v.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
    });

    test('accepts an HCL map holding a reference', () => {
      const { stack, fake } = setup();
      const secret = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
      fake.addVariable('Db', { key: 'db', value: VariableValue.map({ user: 'app', password: secret.stringValue }), sensitive: true });
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, {
        key: 'db',
        value: '{ "user" = "app", "password" = ${replace(replace(jsonencode(var.db_password), "$${", "$$${"), "%%{", "%%%{")} }',
        hcl: true,
        sensitive: true,
      });
    });

    test('refuses a literal, without showing it, and says how to pass a reference', () => {
      // GIVEN
      const { fake } = setup();
      // WHEN
      const e = validationError(() => fake.addVariable('Secret', { key: 'db_password', value: VariableValue.string('hunter2'), sensitive: true }));
      // THEN
      expect(e.message).toMatch(/^test\/Api\/Secret: \[TFE-SECRET-003\] variable "db_password" is sensitive, but its value \(VariableValue\.string\(\.\.\.\), not shown since it is sensitive\) is written literally in the program/);
      expect(e.message).toMatch(/a literal is written in plain text into cdk\.tf\.json/);
      expect(e.message).toMatch(/Declare a sensitive TerraformVariable and pass VariableValue\.fromReference\(secret\.stringValue\), or set allowPlaintextSecret: true/);
      expect(e.message).not.toContain('hunter2');
    });

    test('refuses a literal number too', () => {
      const { fake } = setup();
      const e = validationError(() => fake.addVariable('Pin', { key: 'PIN', value: VariableValue.number(1234), sensitive: true, category: VariableCategory.ENV }));
      expect(e.message).toMatch(/variable "PIN" is sensitive, but its value \(VariableValue\.number\(\.\.\.\), not shown/);
      expect(e.message).not.toContain('1234');
    });

    test.each([
      ['a function of a literal', () => Fn.lower('S3cret-Zq81')],
      ['a join of literals', () => Fn.join('-', ['S3cret', 'Zq81'])],
      ['a lazy literal', () => Lazy.stringValue({ produce: () => 'S3cret-Zq81' })],
    ])('refuses %s at synth, without showing it: an expression without any reference is plain text', (_what, value) => {
      // GIVEN
      const { stack, fake } = setup();
      fake.addVariable('Secret', { key: 'db_password', value: VariableValue.string(value()), sensitive: true });
      // WHEN
      const message = (() => {
        try {
          Testing.synth(stack, true);
        } catch (e) {
          return (e as Error).message;
        }
        return 'no error';
      })();
      // THEN
      expect(message).toContain('[test/Api/Secret] [TFE-SECRET-003] variable "db_password" is sensitive, but its value (VariableValue.string(...), not shown since it is sensitive) is an expression without any reference');
      expect(message).not.toMatch(/S3cret|Zq81/);
    });

    test.each([
      ['a function of a reference', (v: TerraformVariable) => Fn.lower(v.stringValue)],
      ['a literal beside a reference', (v: TerraformVariable) => `prefix-${v.stringValue}`],
      ['a resource attribute', (_v: TerraformVariable, r: TerraformResource) => r.getStringAttribute('token')],
    ])('accepts %s', (_what, value) => {
      // GIVEN
      const { stack, fake } = setup();
      const secret = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true });
      const resource = new TerraformResource(stack, 'R', { terraformResourceType: 'tfe_team_token' });
      fake.addVariable('Secret', { key: 'db_password', value: VariableValue.string(value(secret, resource)), sensitive: true });
      // THEN
      expect(() => Testing.synth(stack, true)).not.toThrow();
    });

    test('accepts an expression without any reference with allowPlaintextSecret', () => {
      const { stack, fake } = setup();
      fake.addVariable('Secret', { key: 'db_password', value: VariableValue.string(Fn.lower('S3cret')), sensitive: true, allowPlaintextSecret: true });
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, { key: 'db_password', value: '${lower("S3cret")}' });
    });

    test('accepts a literal with allowPlaintextSecret, with a warning', () => {
      // GIVEN
      const { stack, fake } = setup();
      // WHEN
      const v = fake.addVariable('Secret', { key: 'db_password', value: VariableValue.string('hunter2'), sensitive: true, allowPlaintextSecret: true });
      // THEN
      expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfeVariable, { key: 'db_password', value: 'hunter2', sensitive: true });
      const warnings = v.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => m.data as string);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/variable "db_password" is sensitive, but its value .* is written literally .*\(accepted with allowPlaintextSecret: true\)\.$/);
      expect(warnings[0]).not.toContain('hunter2');
    });

    test('an HCL message on an env variable does not show a sensitive value', () => {
      const { stack, fake } = setup();
      const secret = new TerraformVariable(stack, 's', { type: 'string', sensitive: true });
      const e = validationError(() => fake.addVariable('Bad', {
        key: 'CREDS',
        value: VariableValue.map({ user: 'admin-user', password: secret.stringValue }),
        category: VariableCategory.ENV,
        sensitive: true,
      }));
      expect(e.message).toMatch(/environment variable "CREDS" has an HCL value \(VariableValue\.map\(\.\.\.\), not shown since it is sensitive\)/);
      expect(e.message).not.toContain('admin-user');
    });
  });
});

describe('initialValueOnly', () => {
  test('the value is seeded and later edits kept: lifecycle.ignore_changes = [value]', () => {
    const { stack, fake } = setup();
    fake.addVariable('Replicas', { key: 'replicas', value: VariableValue.number(2), initialValueOnly: true });
    fake.addVariable('Region', { key: 'region', value: VariableValue.string('eu') });
    const variables = Object.values<any>(JSON.parse(Testing.synth(stack, true)).resource.tfe_variable);
    const replicas = variables.find((v) => v.key === 'replicas');
    const region = variables.find((v) => v.key === 'region');
    expect(replicas.lifecycle).toEqual({ ignore_changes: ['value'] });
    expect(replicas.value).toBe('2');
    expect(region.lifecycle).toBeUndefined();
  });

  test('not with writeOnly (TFE-VAR-021)', () => {
    const { stack, fake } = setup();
    const secret = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true }).stringValue;
    const e = validationError(() => fake.addVariable('Pw', { key: 'pw', value: VariableValue.fromReference(secret), sensitive: true, writeOnly: true, initialValueOnly: true }));
    expect(lib.Errors.ruleIdOf(e)).toBe('TFE-VAR-021');
  });
});
