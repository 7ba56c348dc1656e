import { Team as TfeTeam } from '@cdktf/provider-tfe/lib/team';
import { Fn, Lazy, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Construct } from 'constructs';
import { Errors, Organization, Team } from '../src';
import { errorOf, newStack } from './util';
import { claim, identityOf, literalNameOf, sameIdentity, setIdentity } from '../src/private/registry';
import { expiryProblem } from '../src/private/tokens';
import { literal, quote } from '../src/private/validation';

Testing.setupJest();

function newOrg(stack: TerraformStack): Organization {
  return new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
}

function infos(c: Construct): string[] {
  return c.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data));
}

describe('checks on values that may be tokens', () => {
  test('a literal value is checked when the construct is created', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);

    // WHEN
    const e = errorOf(() => acme.addTeam('Ops', { name: 'bad name!' }));

    // THEN
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.message).toMatch(/^test\/Acme\/Ops: \[TFE-NAME-002\] team name "bad name!" is invalid/);
  });

  test('a lazy value is checked at synth and the construct is not checked before', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);
    let produced = 0;

    // WHEN
    acme.addTeam('Ops', {
      name: Lazy.stringValue({
        produce: () => {
          produced++;
          return 'bad name!';
        },
      }),
    });

    // THEN
    expect(produced).toBe(0);
    expect(() => Testing.synth(stack)).not.toThrow();
    expect(() => Testing.synth(stack, true)).toThrow(
      /Validation failed with the following errors:[\s\S]*\[test\/Acme\/Ops\] \[TFE-NAME-002\] team name "bad name!" is invalid: use only letters, numbers, "-" and "_"/,
    );
  });

  test('every failing lazy value is reported in one synth', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);
    acme.addTeam('Ops', { name: Lazy.stringValue({ produce: () => 'bad name!' }) });
    acme.addProject('Payments', { name: Lazy.stringValue({ produce: () => 'p' }) });

    // WHEN
    const e = errorOf(() => Testing.synth(stack, true));

    // THEN
    expect(e.message).toMatch(/\[test\/Acme\/Ops\] \[TFE-NAME-002\] team name "bad name!" is invalid/);
    expect(e.message).toMatch(/\[test\/Acme\/Payments\] \[TFE-NAME-004\] project name "p" has 1 characters/);
  });

  test('a lazy value that resolves to a valid value synthesizes without annotations', () => {
    // GIVEN
    const stack = newStack();
    const ops = newOrg(stack).addTeam('Ops', { name: Lazy.stringValue({ produce: () => 'ops' }) });

    // WHEN
    const json = Testing.synth(stack, true);

    // THEN
    expect(json).toHaveResourceWithProperties(TfeTeam, { name: 'ops' });
    expect(ops.node.metadata).toEqual([]);
  });

  test('a value known only at plan time synthesizes and leaves an info annotation', () => {
    // GIVEN
    const stack = newStack();
    const name = new TerraformVariable(stack, 'team_name', { type: 'string' });
    const ops = newOrg(stack).addTeam('Ops', { name: name.stringValue });

    // WHEN
    const json = Testing.synth(stack, true);

    // THEN
    expect(json).toHaveResourceWithProperties(TfeTeam, { name: '${var.team_name}' });
    expect(infos(ops)).toEqual([
      '[TFE-REF-001] The team name is only known at plan time ("${var.team_name}"); the platform checks it at apply.',
    ]);
  });

  test('a value that mixes literal text and a reference is left to the platform', () => {
    // GIVEN
    const stack = newStack();
    const prefix = new TerraformVariable(stack, 'prefix', { type: 'string' });
    const ops = newOrg(stack).addTeam('Ops', { name: `${prefix.stringValue}-ops` });

    // WHEN
    const json = Testing.synth(stack, true);

    // THEN
    expect(json).toHaveResourceWithProperties(TfeTeam, { name: '${var.prefix}-ops' });
    expect(infos(ops)).toEqual([expect.stringContaining('("${var.prefix}-ops")')]);
  });

  test('a function call is left to the platform', () => {
    // GIVEN
    const stack = newStack();
    const name = new TerraformVariable(stack, 'team_name', { type: 'string' });
    const ops = newOrg(stack).addTeam('Ops', { name: Fn.lower(name.stringValue) });

    // WHEN / THEN
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(infos(ops)).toEqual([expect.stringContaining('lower(var.team_name)')]);
  });

  test('a very long value is shortened in the message', () => {
    // GIVEN
    const stack = newStack();
    const name = `${'x'.repeat(150)} y`;

    // WHEN
    const e = errorOf(() => new Organization(stack, 'Acme', { name, email: 'platform@acme.example' }));

    // THEN
    expect(e.detail).toBe(`organization name "${'x'.repeat(116)}..." is invalid: use only letters, numbers, "-" and "_" (and at least one character).`);
  });
});

describe('registries of unique names', () => {
  test('are separate per app', () => {
    // GIVEN
    const first = newStack();
    const second = newStack();
    newOrg(first).addTeam('Ops', { name: 'ops' });

    // WHEN / THEN
    expect(() => newOrg(second).addTeam('Ops', { name: 'ops' })).not.toThrow();
  });

  test('are shared by the stacks of one app', () => {
    // GIVEN
    const app = Testing.app();
    const one = new TerraformStack(app, 'one');
    const two = new TerraformStack(app, 'two');
    Organization.fromOrganizationName(one, 'Acme', 'acme').addTeam('Ops', { name: 'ops' });

    // WHEN / THEN
    expect(() => Organization.fromOrganizationName(two, 'Acme', 'acme').addTeam('Ops', { name: 'ops' })).toThrow(
      /^two\/Acme\/Ops: \[TFE-TEAM-002\] team name "ops" is already used by one\/Acme\/Ops/,
    );
  });

  test('do not compare values known only later', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);
    const name = new TerraformVariable(stack, 'team_name', { type: 'string' });

    // WHEN
    acme.addTeam('One', { name: name.stringValue });
    acme.addTeam('Two', { name: name.stringValue });

    // THEN
    expect(Object.keys(JSON.parse(Testing.synth(stack, true)).resource.tfe_team)).toHaveLength(2);
  });

  test('an organization with a name known later is only the same as itself', () => {
    // GIVEN
    const stack = newStack();
    const name = new TerraformVariable(stack, 'org_name', { type: 'string' });
    const first = new Organization(stack, 'First', { name: name.stringValue, email: 'platform@acme.example' });
    const second = new Organization(stack, 'Second', { name: name.stringValue, email: 'platform@acme.example' });

    // WHEN
    first.addTeam('Ops', { name: 'ops' });
    second.addTeam('Ops', { name: 'ops' });
    first.addToken('Token');

    // THEN
    expect(() => second.addToken('Token')).not.toThrow();
    expect(() => first.addToken('Token2')).toThrow(/already has a token \(test\/First\/Token\)/);
    expect(identityOf(first)).toBe('path:test/First');
    expect(literalNameOf(first)).toBeUndefined();
  });

  test('record the literal name of created and imported organizations', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const created = newOrg(stack);
    const imported = Organization.fromOrganizationName(stack, 'Imported', 'acme');

    // THEN
    expect(literalNameOf(created)).toBe('acme');
    expect(literalNameOf(imported)).toBe('acme');
    expect(identityOf(created)).toBe('org:acme');
    expect(sameIdentity(created, imported)).toBe(true);
  });

  test('claim returns the holder of a taken key', () => {
    // GIVEN
    const stack = newStack();
    const a = new Construct(stack, 'A');
    const b = new Construct(stack, 'B');

    // WHEN / THEN
    expect(claim(a, 'ns', 'key')).toBeUndefined();
    expect(claim(b, 'ns', 'key')).toBe('test/A');
    expect(claim(b, 'other-ns', 'key')).toBeUndefined();
  });

  test('identities tell imports of one thing apart from different things', () => {
    // GIVEN
    const stack = newStack();
    const acme = newOrg(stack);
    const a = Team.fromTeamId(stack, 'A', acme, 'team-abc123');
    const b = Team.fromTeamId(stack, 'B', acme, 'team-abc123');
    const c = Team.fromTeamId(stack, 'C', acme, 'team-def456');
    const plain = new Construct(stack, 'Plain');

    // THEN
    expect(sameIdentity(a, b)).toBe(true);
    expect(sameIdentity(a, c)).toBe(false);
    expect(sameIdentity(plain, plain)).toBe(true);
    expect(identityOf(plain)).toBe('path:test/Plain');
    setIdentity(plain, 'custom');
    expect(identityOf(plain)).toBe('custom');
  });
});

describe('helpers', () => {
  test('quote writes JSON and falls back to String', () => {
    // GIVEN
    const circular: any = {};
    circular.self = circular;

    // THEN
    expect(quote('ops')).toBe('"ops"');
    expect(quote(1.5)).toBe('1.5');
    expect(quote(undefined)).toBe('undefined');
    expect(quote(BigInt(7))).toBe('7');
    expect(quote(circular)).toBe('[object Object]');
    expect(quote('y'.repeat(200))).toBe(`"${'y'.repeat(116)}..."`);
  });

  test('literal returns only values known now', () => {
    // GIVEN
    const stack = newStack();
    const name = new TerraformVariable(stack, 'n', { type: 'string' });

    // THEN
    expect(literal('ops')).toBe('ops');
    expect(literal(undefined)).toBeUndefined();
    expect(literal(name.stringValue)).toBeUndefined();
  });

  test('expiryProblem checks the form only, whatever the date', () => {
    expect(expiryProblem('2001-01-01T00:00:00Z')).toBeUndefined();
    expect(expiryProblem('2029-12-31T23:00:00-02:00')).toBeUndefined();
    expect(expiryProblem('2029-02-29')?.detail).toMatch(/is not an ISO-8601 date-time/);
    expect(expiryProblem('2028-02-29')).toBeUndefined();
  });
});
