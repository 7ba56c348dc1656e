import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Policy as TfePolicy } from '@cdktf/provider-tfe/lib/policy';
import { TerraformVariable, Testing } from 'cdktf';
import { setup, validationError } from './util';
import { Entitlements } from '../src/entitlements';
import { Organization } from '../src/organization';
import { EnforcementLevel, Policy, PolicyKind, PolicySource } from '../src/policy';

Testing.setupJest();

const SENTINEL = PolicySource.inline('main = rule { true }');
const REGO = PolicySource.inline('package terraform\n\ndeny[msg] { false; msg := "never" }\n');

describe('EnforcementLevel', () => {
  test('each level belongs to one kind and carries the provider value', () => {
    // GIVEN / WHEN / THEN
    expect([EnforcementLevel.SENTINEL_ADVISORY, EnforcementLevel.SENTINEL_SOFT_MANDATORY, EnforcementLevel.SENTINEL_HARD_MANDATORY]
      .map((l) => [l.kind, l.level])).toEqual([
      [PolicyKind.SENTINEL, 'advisory'], [PolicyKind.SENTINEL, 'soft-mandatory'], [PolicyKind.SENTINEL, 'hard-mandatory'],
    ]);
    expect([EnforcementLevel.OPA_ADVISORY, EnforcementLevel.OPA_MANDATORY].map((l) => [l.kind, l.level])).toEqual([
      [PolicyKind.OPA, 'advisory'], [PolicyKind.OPA, 'mandatory'],
    ]);
    expect(EnforcementLevel.advisory(PolicyKind.OPA)).toBe(EnforcementLevel.OPA_ADVISORY);
    expect(EnforcementLevel.advisory(PolicyKind.SENTINEL)).toBe(EnforcementLevel.SENTINEL_ADVISORY);
    expect(EnforcementLevel.SENTINEL_HARD_MANDATORY.toString()).toBe('sentinel/hard-mandatory');
  });
});

describe('Policy', () => {
  test('creates a Sentinel tfe_policy, advisory by default', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    const policy = new Policy(stack, 'AlwaysPass', { organization: org, name: 'always-pass', kind: PolicyKind.SENTINEL, source: SENTINEL });
    // THEN
    expect(Testing.synth(stack)).toHaveResourceWithProperties(TfePolicy, {
      name: 'always-pass',
      organization: '${tfe_organization.Acme_42E163B4.name}',
      kind: 'sentinel',
      policy: 'main = rule { true }',
      enforce_mode: 'advisory',
    });
    expect(policy.kind).toBe(PolicyKind.SENTINEL);
    expect(policy.enforcementLevel).toBe(EnforcementLevel.SENTINEL_ADVISORY);
    expect(policy.node.tryFindChild('Resource')).toBeInstanceOf(TfePolicy);
  });

  test('creates an OPA tfe_policy with its query and level', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    new Policy(stack, 'Deny', {
      organization: org,
      name: 'deny_public',
      description: 'No public buckets',
      kind: PolicyKind.OPA,
      source: REGO,
      query: 'data.terraform.deny',
      enforcementLevel: EnforcementLevel.OPA_MANDATORY,
    });
    // THEN
    expect(Testing.synth(stack)).toHaveResourceWithProperties(TfePolicy, {
      name: 'deny_public',
      description: 'No public buckets',
      kind: 'opa',
      query: 'data.terraform.deny',
      enforce_mode: 'mandatory',
      policy: 'package terraform\n\ndeny[msg] { false; msg := "never" }\n',
    });
  });

  test('an OPA query is literal text: a ${ or %{ in it is escaped, a reference stays a reference', () => {
    // GIVEN
    const { stack, org } = setup();
    const rule = new TerraformVariable(stack, 'rule', { type: 'string' });
    // WHEN
    new Policy(stack, 'Literal', { organization: org, name: 'literal', kind: PolicyKind.OPA, source: REGO, query: 'data.${x}.%{ if true }deny%{ endif }' });
    new Policy(stack, 'Ref', { organization: org, name: 'ref', kind: PolicyKind.OPA, source: REGO, query: `data.terraform.${rule.stringValue}` });
    // THEN
    const synthed = Testing.synth(stack);
    expect(synthed).toHaveResourceWithProperties(TfePolicy, { name: 'literal', query: 'data.$${x}.%%{ if true }deny%%{ endif }' });
    expect(synthed).toHaveResourceWithProperties(TfePolicy, { name: 'ref', query: 'data.terraform.${var.rule}' });
  });

  test('writes a hard-mandatory level', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    new Policy(stack, 'Hard', {
      organization: org, name: 'hard', kind: PolicyKind.SENTINEL, source: SENTINEL, enforcementLevel: EnforcementLevel.SENTINEL_HARD_MANDATORY,
    });
    // THEN
    expect(Testing.synth(stack)).toHaveResourceWithProperties(TfePolicy, { enforce_mode: 'hard-mandatory' });
  });

  test('escapes template sequences of literal policy code', () => {
    // GIVEN
    const { stack, org } = setup();
    // WHEN
    new Policy(stack, 'Tmpl', { organization: org, name: 'tmpl', kind: PolicyKind.SENTINEL, source: PolicySource.inline('msg = "${x} %{y}"\nmain = rule { true }') });
    // THEN
    expect(Testing.synth(stack)).toHaveResourceWithProperties(TfePolicy, { policy: 'msg = "$${x} %%{y}"\nmain = rule { true }' });
  });

  test('takes code from a reference', () => {
    // GIVEN
    const { stack, org } = setup();
    const code = new TerraformVariable(stack, 'code', { type: 'string' });
    // WHEN
    new Policy(stack, 'Ref', { organization: org, name: 'ref', kind: PolicyKind.SENTINEL, source: PolicySource.inline(code.stringValue) });
    // THEN
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(TfePolicy, { policy: '${var.code}' });
  });

  describe('PolicySource.fromFile', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-test-'));
    });
    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('reads the file when the policy is constructed', () => {
      // GIVEN
      const { stack, org } = setup();
      const file = path.join(dir, 'main.sentinel');
      fs.writeFileSync(file, 'main = rule { 1 < 2 }\n');
      const source = PolicySource.fromFile(file);
      // WHEN
      new Policy(stack, 'FromFile', { organization: org, name: 'from-file', kind: PolicyKind.SENTINEL, source });
      fs.writeFileSync(file, 'changed later');
      // THEN
      expect(source.filePath).toBe(file);
      expect(Testing.synth(stack)).toHaveResourceWithProperties(TfePolicy, { policy: 'main = rule { 1 < 2 }\n' });
    });

    test('resolves a relative path against the current directory when the source is made', () => {
      // GIVEN
      const { stack, org } = setup();
      const cwd = process.cwd();
      fs.writeFileSync(path.join(dir, 'rel.sentinel'), 'main = rule { "relative" is "relative" }');
      let source: PolicySource;
      process.chdir(dir);
      try {
        source = PolicySource.fromFile('rel.sentinel');
        expect(source.filePath).toBe(path.join(process.cwd(), 'rel.sentinel'));
      } finally {
        process.chdir(cwd);
      }
      // WHEN
      new Policy(stack, 'Rel', { organization: org, name: 'rel', kind: PolicyKind.SENTINEL, source });
      // THEN
      expect(Testing.synth(stack)).toHaveResourceWithProperties(TfePolicy, { policy: 'main = rule { "relative" is "relative" }' });
    });

    test('a missing file is an error naming the absolute path', () => {
      // GIVEN
      const { stack, org } = setup();
      const missing = path.join(dir, 'missing.sentinel');
      // WHEN
      const e = validationError(() =>
        new Policy(stack, 'Missing', { organization: org, name: 'missing', kind: PolicyKind.SENTINEL, source: PolicySource.fromFile(missing) }));
      // THEN
      expect(e.message).toContain('test/Missing: ');
      expect(e.message).toContain(`policy file ${JSON.stringify(missing)} does not exist`);
      expect(e.message).toMatch(/fix the path/);
    });

    test('an empty file is an error', () => {
      // GIVEN
      const { stack, org } = setup();
      const empty = path.join(dir, 'empty.rego');
      fs.writeFileSync(empty, '  \n');
      // WHEN
      const e = validationError(() =>
        new Policy(stack, 'Empty', { organization: org, name: 'empty', kind: PolicyKind.OPA, query: 'data.x.deny', source: PolicySource.fromFile(empty) }));
      // THEN
      expect(e.message).toMatch(/^test\/Empty: \[TFE-POL-009\] policy file ".*empty\.rego" is empty: a policy needs code; write the policy into the file/);
    });

    test('a token path is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      const p = new TerraformVariable(stack, 'p', { type: 'string' });
      // WHEN
      const e = validationError(() =>
        new Policy(stack, 'Tok', { organization: org, name: 'tok', kind: PolicyKind.SENTINEL, source: PolicySource.fromFile(p.stringValue) }));
      // THEN
      expect(e.message).toMatch(/^test\/Tok: \[TFE-POL-007\] PolicySource.fromFile got a token .* the path must be a literal; pass a path such as/);
    });
  });

  describe('rules', () => {
    test('an empty inline policy is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new Policy(stack, 'Empty', { organization: org, name: 'empty', kind: PolicyKind.SENTINEL, source: PolicySource.inline(' ') }));
      // THEN
      expect(e.message).toBe('test/Empty: [TFE-POL-010] the policy code is empty (" "): a policy needs code, e.g. PolicySource.inline(\'main = rule { true }\') or PolicySource.fromFile(\'policies/main.sentinel\').');
    });

    test('an OPA level on a Sentinel policy is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new Policy(stack, 'Mixed', {
        organization: org, name: 'mixed', kind: PolicyKind.SENTINEL, source: SENTINEL, enforcementLevel: EnforcementLevel.OPA_MANDATORY,
      }));
      // THEN
      expect(e.message).toBe(
        'test/Mixed: [TFE-POL-003] enforcement level "opa/mandatory" is not a level of "sentinel" policies (sentinel levels: "advisory", "soft-mandatory", "hard-mandatory"): ' +
        'use EnforcementLevel.SENTINEL_ADVISORY, SENTINEL_SOFT_MANDATORY or SENTINEL_HARD_MANDATORY, or change the policy\'s kind.');
    });

    test('a Sentinel level on an OPA policy is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new Policy(stack, 'Mixed', {
        organization: org, name: 'mixed', kind: PolicyKind.OPA, query: 'data.t.deny', source: REGO, enforcementLevel: EnforcementLevel.SENTINEL_SOFT_MANDATORY,
      }));
      // THEN
      expect(e.message).toMatch(/^test\/Mixed: \[TFE-POL-003\] enforcement level "sentinel\/soft-mandatory" is not a level of "opa" policies .* use EnforcementLevel.OPA_ADVISORY or EnforcementLevel.OPA_MANDATORY/);
    });

    test('a look-alike level object is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      const fake = { kind: PolicyKind.OPA, level: 'soft-mandatory' } as unknown as EnforcementLevel;
      // WHEN
      const e = validationError(() => new Policy(stack, 'Fake', { organization: org, name: 'fake', kind: PolicyKind.OPA, query: 'data.t.deny', source: REGO, enforcementLevel: fake }));
      // THEN
      expect(e.message).toMatch(/^test\/Fake: \[TFE-POL-003\] enforcement level "opa\/soft-mandatory" is not a level of "opa" policies/);
    });

    test('an OPA policy without a query is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new Policy(stack, 'NoQuery', { organization: org, name: 'no-query', kind: PolicyKind.OPA, source: REGO }));
      // THEN
      expect(e.message).toBe(
        'test/NoQuery: [TFE-POL-004] OPA policy without a query: the platform evaluates the rule the query names and refuses an OPA policy without one; ' +
        'set query to the rule of your Rego code, e.g. query: "data.terraform.deny".');
    });

    test('an empty OPA query is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new Policy(stack, 'EmptyQuery', { organization: org, name: 'q', kind: PolicyKind.OPA, query: '', source: REGO }));
      // THEN
      expect(e.message).toMatch(/^test\/EmptyQuery: \[TFE-POL-005\] the OPA query is empty \(""\): set it to the rule of your Rego code/);
    });

    test('a Sentinel policy with a query is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new Policy(stack, 'Q', { organization: org, name: 'q', kind: PolicyKind.SENTINEL, query: 'data.x', source: SENTINEL }));
      // THEN
      expect(e.message).toMatch(/^test\/Q: \[TFE-POL-006\] Sentinel policy with a query \("data.x"\): .* Remove the query, or set kind: PolicyKind.OPA/);
    });

    test.each([
      ['', 'empty'],
      ['has space', 'space'],
      ['dot.ted', 'dot'],
    ])('policy name %j is refused', (name) => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new Policy(stack, 'Bad', { organization: org, name, kind: PolicyKind.SENTINEL, source: SENTINEL }));
      // THEN
      expect(e.message).toBe(
        `test/Bad: [TFE-NAME-014] policy name ${JSON.stringify(name)} is invalid: a policy name has at least one character and only letters, numbers, "-" and "_" (no spaces), e.g. "restrict-instance-types".`);
    });

    test('policy names are unique per organization', () => {
      // GIVEN
      const { stack, org } = setup();
      new Policy(stack, 'One', { organization: org, name: 'same', kind: PolicyKind.SENTINEL, source: SENTINEL });
      const alias = Organization.fromOrganizationName(stack, 'AcmeAgain', 'acme');
      new Policy(stack, 'Elsewhere', { organization: Organization.fromOrganizationName(stack, 'Other', 'other'), name: 'same', kind: PolicyKind.SENTINEL, source: SENTINEL });
      // WHEN
      const e = validationError(() => new Policy(stack, 'Two', { organization: alias, name: 'same', kind: PolicyKind.SENTINEL, source: SENTINEL }));
      // THEN
      expect(e.message).toBe(
        'test/Two: [TFE-POL-001] policy name "same" is already used by test/One in organization test/AcmeAgain: policy names are unique per organization; choose another name.');
    });

    test('an unknown kind is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => new Policy(stack, 'K', { organization: org, name: 'k', kind: 'rego' as PolicyKind, source: SENTINEL }));
      // THEN
      expect(e.message).toBe('test/K: [TFE-POL-002] policy kind "rego" is not a policy kind: use PolicyKind.SENTINEL or PolicyKind.OPA.');
    });

    test('an organization without the policy-enforcement entitlement is refused', () => {
      // GIVEN
      const { stack } = setup();
      const free = Organization.fromOrganizationName(stack, 'Free', 'free-org', Entitlements.free());
      // WHEN
      const e = validationError(() => new Policy(stack, 'P', { organization: free, name: 'p', kind: PolicyKind.SENTINEL, source: SENTINEL }));
      // THEN
      expect(e.message).toMatch(/^test\/P: \[TFE-ENT-001\] policy "p" needs the "policy-enforcement" entitlement/);
    });
  });

  describe('fromPolicyAttributes', () => {
    test('references an existing policy without creating anything', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const policy = Policy.fromPolicyAttributes(stack, 'Existing', {
        policyId: 'pol-u3S5p2Uwk21keu1s', policyName: 'existing', organization: org, kind: PolicyKind.OPA, enforcementLevel: EnforcementLevel.OPA_MANDATORY,
      });
      // THEN
      expect(policy.policyId).toBe('pol-u3S5p2Uwk21keu1s');
      expect(policy.policyName).toBe('existing');
      expect(policy.kind).toBe(PolicyKind.OPA);
      expect(policy.enforcementLevel).toBe(EnforcementLevel.OPA_MANDATORY);
      expect(Testing.synth(stack)).not.toHaveResource(TfePolicy);
    });

    test('a malformed policy ID is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => Policy.fromPolicyAttributes(stack, 'Bad', { policyId: 'polset-abc', policyName: 'x', organization: org, kind: PolicyKind.SENTINEL }));
      // THEN
      expect(e.message).toBe('test/Bad: [TFE-ID-008] policy ID "polset-abc" is not a policy ID: it looks like "pol-u3S5p2Uwk21keu1s".');
    });

    test('a level of the other kind is refused', () => {
      // GIVEN
      const { stack, org } = setup();
      // WHEN
      const e = validationError(() => Policy.fromPolicyAttributes(stack, 'Bad', {
        policyId: 'pol-abc', policyName: 'x', organization: org, kind: PolicyKind.SENTINEL, enforcementLevel: EnforcementLevel.OPA_ADVISORY,
      }));
      // THEN
      expect(e.message).toMatch(/^test\/Bad: \[TFE-POL-003\] enforcement level "opa\/advisory" is not a level of "sentinel" policies/);
    });
  });
});
