import { TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Construct } from 'constructs';
import { Errors, Organization, VariableValue } from '../src';
import { errorOf } from './util';
import { ValidationError } from '../src/errors';

Testing.setupJest();

describe('ValidationError', () => {
  test('prefixes the message with the construct path', () => {
    // GIVEN
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const scope = new Construct(stack, 'Thing');

    // WHEN
    const e = new ValidationError(scope, 'TFE-WS-004', 'something is wrong: fix it.');

    // THEN
    expect(e.message).toBe('test/Thing: [TFE-WS-004] something is wrong: fix it.');
    expect(e.detail).toBe('something is wrong: fix it.');
    expect(e.constructPath).toBe('test/Thing');
    expect(e.ruleId).toBe('TFE-WS-004');
    expect(e.name).toBe('ValidationError');
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toBeInstanceOf(Error);
    expect(String(e)).toBe('ValidationError: test/Thing: [TFE-WS-004] something is wrong: fix it.');
  });

  test('names the root "<root>"', () => {
    // GIVEN
    const app = Testing.app();

    // WHEN
    const e = new ValidationError(app, 'TFE-RULE-001', 'bad app.');

    // THEN
    expect(e.constructPath).toBe('<root>');
    expect(e.message).toBe('<root>: [TFE-RULE-001] bad app.');
  });

  test('a value object\'s factory names itself instead of a construct', () => {
    // WHEN
    const e = errorOf(() => VariableValue.number(NaN));

    // THEN
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.constructPath).toBe('VariableValue.number');
    expect(e.ruleId).toBe('TFE-VAR-014');
    expect(e.message).toBe('VariableValue.number: [TFE-VAR-014] got NaN, which HCL cannot write: pass a finite number.');
  });

  test('is what the constructs throw', () => {
    // GIVEN
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');

    // WHEN
    const e = errorOf(() => new Organization(stack, 'Acme', { name: 'a c m e', email: 'platform@acme.example' }));

    // THEN
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.constructPath).toBe('test/Acme');
    expect(e.ruleId).toBe('TFE-NAME-001');
    expect(e.detail).toBe('organization name "a c m e" is invalid: use only letters, numbers, "-" and "_" (and at least one character).');
  });
});

describe('Errors', () => {
  test('isValidationError recognizes this library\'s errors', () => {
    // GIVEN
    const app = Testing.app();
    const e = new ValidationError(app, 'TFE-RULE-001', 'bad.');

    // THEN
    expect(Errors.isValidationError(e)).toBe(true);
    expect(Errors.ruleIdOf(e)).toBe('TFE-RULE-001');
  });

  test('isValidationError recognizes errors of another copy of the library', () => {
    // GIVEN: an error marked the way any copy marks it
    const foreign = Object.assign(new Error('x'), { constructPath: 'other/Path', ruleId: 'TFE-WS-001' });
    Object.defineProperty(foreign, Symbol.for('cdktf-tfe-constructs.ValidationError'), { value: true });

    // THEN
    expect(Errors.isValidationError(foreign)).toBe(true);
    expect(Errors.constructPathOf(foreign)).toBe('other/Path');
    expect(Errors.ruleIdOf(foreign)).toBe('TFE-WS-001');
  });

  test.each([
    ['a plain Error', new Error('test/Acme: looks similar')],
    ['an object with a constructPath and a rule id', { constructPath: 'test/Acme', ruleId: 'TFE-WS-001', message: 'm' }],
    ['a string', 'test/Acme: oops'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
  ])('isValidationError is false for %s', (_what, value) => {
    // THEN
    expect(Errors.isValidationError(value)).toBe(false);
    expect(Errors.constructPathOf(value)).toBeUndefined();
    expect(Errors.ruleIdOf(value)).toBeUndefined();
  });

  test('constructPathOf returns the path of the misconfigured construct', () => {
    // GIVEN
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });

    // WHEN
    const e = errorOf(() => acme.addTeam('Ops', { name: 'owners' }));

    // THEN
    expect(Errors.constructPathOf(e)).toBe('test/Acme/Ops');
    expect(Errors.ruleIdOf(e)).toBe('TFE-NAME-003');
  });
});
