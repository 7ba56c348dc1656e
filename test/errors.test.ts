import { TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Construct } from 'constructs';
import { Errors, Organization } from '../src';
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
    const e = new ValidationError('something is wrong: fix it.', scope);

    // THEN
    expect(e.message).toBe('test/Thing: something is wrong: fix it.');
    expect(e.detail).toBe('something is wrong: fix it.');
    expect(e.constructPath).toBe('test/Thing');
    expect(e.name).toBe('ValidationError');
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toBeInstanceOf(Error);
    expect(String(e)).toBe('ValidationError: test/Thing: something is wrong: fix it.');
  });

  test('names the root "<root>"', () => {
    // GIVEN
    const app = Testing.app();

    // WHEN
    const e = new ValidationError('bad app.', app);

    // THEN
    expect(e.constructPath).toBe('<root>');
    expect(e.message).toBe('<root>: bad app.');
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
    expect(e.detail).toBe('organization name "a c m e" is invalid: use only letters, numbers, "-" and "_" (and at least one character).');
  });
});

describe('Errors', () => {
  test('isValidationError recognizes this library\'s errors', () => {
    // GIVEN
    const app = Testing.app();
    const e = new ValidationError('bad.', app);

    // THEN
    expect(Errors.isValidationError(e)).toBe(true);
  });

  test('isValidationError recognizes errors of another copy of the library', () => {
    // GIVEN: an error marked the way any copy marks it
    const foreign = Object.assign(new Error('x'), { constructPath: 'other/Path' });
    Object.defineProperty(foreign, Symbol.for('cdktf-tfe-constructs.ValidationError'), { value: true });

    // THEN
    expect(Errors.isValidationError(foreign)).toBe(true);
    expect(Errors.constructPathOf(foreign)).toBe('other/Path');
  });

  test.each([
    ['a plain Error', new Error('test/Acme: looks similar')],
    ['an object with a constructPath', { constructPath: 'test/Acme', message: 'm' }],
    ['a string', 'test/Acme: oops'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
  ])('isValidationError is false for %s', (_what, value) => {
    // THEN
    expect(Errors.isValidationError(value)).toBe(false);
    expect(Errors.constructPathOf(value)).toBeUndefined();
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
  });
});
