import { Lazy, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { resolveValue } from '../src/private/validation';
import { VariableValue } from '../src/variable-value';

function setup() {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  return { app, stack };
}

describe('VariableValue.string', () => {
  test('is a plain (non-HCL) literal', () => {
    // GIVEN / WHEN
    const v = VariableValue.string('eu-west-1');
    // THEN
    expect(v.text).toBe('eu-west-1');
    expect(v.isHcl).toBe(false);
    expect(v.isReference).toBe(false);
  });

  test('escapes ${ and %{ so Terraform passes them to the platform unchanged', () => {
    // GIVEN / WHEN
    const v = VariableValue.string('pa$$${word} 100%{x} $5 {braces} "quotes" \\ \n');
    // THEN
    expect(v.text).toBe('pa$$$${word} 100%%{x} $5 {braces} "quotes" \\ \n');
  });

  test('may contain a reference (still plain text)', () => {
    // GIVEN
    const { stack } = setup();
    const env = new TerraformVariable(stack, 'env', { type: 'string' });
    // WHEN
    const v = VariableValue.string(`app-${env.stringValue}`);
    // THEN
    expect(v.isHcl).toBe(false);
    expect(v.isReference).toBe(true);
    expect(resolveValue(stack, v.text)).toBe('app-${var.env}');
  });

  test('refuses a non-string with the value and the fix', () => {
    expect(() => VariableValue.string(42 as any)).toThrow(
      /^VariableValue\.string: \[TFE-VAR-012\] expected a string, got number 42: pass a string, or use VariableValue\.number\/boolean\/list\/map/,
    );
    expect(() => VariableValue.string(undefined as any)).toThrow(/got undefined/);
  });
});

describe('VariableValue.number and .boolean', () => {
  test('write numbers and booleans as HCL', () => {
    expect(VariableValue.number(3).text).toBe('3');
    expect(VariableValue.number(-0.25).text).toBe('-0.25');
    expect(VariableValue.number(3).isHcl).toBe(true);
    expect(VariableValue.boolean(true).text).toBe('true');
    expect(VariableValue.boolean(false).text).toBe('false');
    expect(VariableValue.boolean(false).isHcl).toBe(true);
    expect(VariableValue.number(3).isReference).toBe(false);
  });

  test('accept number and boolean tokens', () => {
    // GIVEN
    const { stack } = setup();
    const replicas = new TerraformVariable(stack, 'replicas', { type: 'number' });
    const debug = new TerraformVariable(stack, 'debug', { type: 'bool' });
    // WHEN
    const n = VariableValue.number(replicas.numberValue);
    // a boolean token is an IResolvable in TypeScript's eyes
    const b = VariableValue.boolean(debug.booleanValue as unknown as boolean);
    const lazy = VariableValue.number(Token.asNumber(Lazy.numberValue({ produce: () => 7 })));
    // THEN
    expect(n.isReference).toBe(true);
    expect(resolveValue(stack, n.text)).toBe('${var.replicas}');
    expect(b.isReference).toBe(true);
    expect(resolveValue(stack, b.text)).toBe('${var.debug}');
    // a lazy number resolves to the number itself (Terraform converts it to the string "7")
    expect(resolveValue(stack, lazy.text)).toBe(7);
  });

  test.each([
    [NaN, /^VariableValue\.number: \[TFE-VAR-014\] got NaN, which HCL cannot write: pass a finite number/],
    [Infinity, /^VariableValue\.number: \[TFE-VAR-014\] got Infinity/],
  ])('refuses %s', (bad, message) => {
    expect(() => VariableValue.number(bad)).toThrow(message);
  });

  test('refuses values of the wrong type with the value and the fix', () => {
    expect(() => VariableValue.number('3' as any)).toThrow(/^VariableValue\.number: \[TFE-VAR-013\] expected a number, got the string "3": pass a number \(for numeric text, use VariableValue\.string\)/);
    expect(() => VariableValue.boolean('true' as any)).toThrow(/^VariableValue\.boolean: \[TFE-VAR-015\] expected true or false, got the string "true": pass a boolean/);
    expect(() => VariableValue.boolean(null as any)).toThrow(/got null/);
  });
});

describe('VariableValue.list and .map', () => {
  test('encode typed values as HCL', () => {
    // GIVEN / WHEN
    const list = VariableValue.list(['a', 1, true, null, ['nested'], { k: 'v' }]);
    const map = VariableValue.map({ region: 'eu-west-1', replicas: 3, zones: ['a', 'b'], tags: { team: 'ops' } });
    // THEN
    expect(list.text).toBe('["a", 1, true, null, ["nested"], { "k" = "v" }]');
    expect(list.isHcl).toBe(true);
    expect(list.isReference).toBe(false);
    expect(map.text).toBe('{ "region" = "eu-west-1", "replicas" = 3, "zones" = ["a", "b"], "tags" = { "team" = "ops" } }');
    expect(map.isHcl).toBe(true);
  });

  test('escape hostile strings for HCL, then for Terraform', () => {
    // GIVEN / WHEN
    const v = VariableValue.map({ 'k"${x}': ['say "hi"\n', '%{ if }', 'C:\\', '🚀 שלום', '\u0001'] });
    // THEN: HCL escapes ($${, %%{) doubled once more for Terraform ($$${, %%%{)
    expect(v.text).toBe('{ "k\\"$$${x}" = ["say \\"hi\\"\\n", "%%%{ if }", "C:\\\\", "🚀 שלום", "\\u0001"] }');
  });

  test('accept references inside, and report them', () => {
    // GIVEN
    const { stack } = setup();
    const pw = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true });
    const zones = new TerraformVariable(stack, 'zones', { type: 'list(string)' });
    // WHEN
    const map = VariableValue.map({ password: pw.stringValue });
    const list = VariableValue.list(zones.listValue);
    // THEN
    expect(map.isReference).toBe(true);
    expect(resolveValue(stack, map.text)).toBe('{ "password" = ${replace(replace(jsonencode(var.pw), "$${", "$$${"), "%%{", "%%%{")} }');
    expect(list.isReference).toBe(true);
    expect(resolveValue(stack, list.text)).toBe('${replace(replace(jsonencode(var.zones), "$${", "$$${"), "%%{", "%%%{")}');
  });

  test('refuse values HCL cannot hold, saying where and how to fix', () => {
    const cyclic: any = { a: {} };
    cyclic.a.back = cyclic;
    expect(() => VariableValue.list([1, NaN])).toThrow(/^VariableValue\.list: \[TFE-HCL-001\] values\[1\] is NaN: HCL numbers are finite/);
    expect(() => VariableValue.list([undefined])).toThrow(/^VariableValue\.list: \[TFE-HCL-002\] values\[0\] is undefined: .*use null/);
    expect(() => VariableValue.map({ f: () => 1 })).toThrow(/^VariableValue\.map: \[TFE-HCL-003\] values\.f is a function: .*call the function and pass its result/);
    expect(() => VariableValue.map(cyclic)).toThrow(/^VariableValue\.map: \[TFE-HCL-005\] values\.a\.back refers back to a value that contains it \(a cycle\)/);
  });

  test('refuse the wrong container with the fix', () => {
    expect(() => VariableValue.list({ a: 1 } as any)).toThrow(/^VariableValue\.list: \[TFE-VAR-016\] expected an array, got a value of type object: pass an array .*VariableValue\.map for objects/);
    expect(() => VariableValue.map(['a'] as any)).toThrow(/^VariableValue\.map: \[TFE-VAR-017\] expected an object, got an array: .*VariableValue\.list for arrays/);
    expect(() => VariableValue.map(null as any)).toThrow(/^VariableValue\.map: \[TFE-VAR-017\] expected an object, got null/);
  });

  test('rethrow unexpected errors unchanged', () => {
    // GIVEN an object whose getter throws
    const evil = { get boom(): string { throw new RangeError('boom'); } };
    // WHEN / THEN
    expect(() => VariableValue.map(evil)).toThrow(RangeError);
  });
});

describe('VariableValue.hcl', () => {
  test('passes raw HCL through, escaped only for Terraform', () => {
    // GIVEN / WHEN
    const v = VariableValue.hcl('{ size = "large", greeting = "hello $${name}" }');
    // THEN
    expect(v.text).toBe('{ size = "large", greeting = "hello $$${name}" }');
    expect(v.isHcl).toBe(true);
    expect(v.isReference).toBe(false);
  });

  test('refuses an empty expression with the fix', () => {
    expect(() => VariableValue.hcl('  ')).toThrow(/^VariableValue\.hcl: \[TFE-VAR-018\] expected an HCL expression, got the string "  ": pass the expression as text/);
    expect(() => VariableValue.hcl(undefined as any)).toThrow(/got undefined/);
  });
});

describe('VariableValue.fromReference', () => {
  test('takes a sensitive TerraformVariable', () => {
    // GIVEN
    const { stack } = setup();
    const secret = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
    // WHEN
    const v = VariableValue.fromReference(secret.stringValue);
    // THEN
    expect(v.isReference).toBe(true);
    expect(v.isHcl).toBe(false);
    expect(resolveValue(stack, v.text)).toBe('${var.db_password}');
  });

  test('refuses a literal without printing it, and says how to pass a reference', () => {
    // GIVEN a secret passed by mistake
    const secret = 'hunter2-very-secret';
    // WHEN / THEN
    let message = '';
    try {
      VariableValue.fromReference(secret);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^VariableValue\.fromReference: \[TFE-VAR-020\] got a literal string \(19 characters, not shown: it may be a secret\), not a reference\./);
    expect(message).toMatch(/new TerraformVariable\(stack, "db_password", \{ type: "string", sensitive: true \}\)\.stringValue/);
    expect(message).toMatch(/for a literal, use VariableValue\.string/);
    expect(message).not.toContain(secret);
  });

  test('explains that "${...}" text is not a reference', () => {
    expect(() => VariableValue.fromReference('${var.db_password}')).toThrow(
      /Text that looks like a Terraform expression is still a literal to cdktf/,
    );
    expect(() => VariableValue.fromReference(7 as any)).toThrow(/^VariableValue\.fromReference: \[TFE-VAR-019\] expected a reference string, got number 7/);
  });
});
