import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { Errors } from '../src';
import { errorOf } from './util';
import { escapeTemplate, hclString, toHcl } from '../src/private/hcl';

/** Strings that break naive encoders. */
const HOSTILE: { [name: string]: string } = {
  'quotes': 'say "hi" and \'bye\'',
  'backslashes': 'C:\\path\\to\\file \\n is not a newline \\',
  'newlines': 'line1\nline2\r\nline3\r',
  'tabs': 'a\tb',
  'interpolation': '${var.x}',
  'directive': '%{ if true }yes%{ endif }',
  'already escaped interpolation': '$${var.x}',
  'already escaped directive': '%%{ if }',
  'triple dollar': '$$${x} and $$$',
  'lone dollar and percent': '$ % $} %} ${ %{',
  'trailing dollar': 'costs 5$',
  'trailing percent': '100%',
  'braces': '{} {{ }} }{',
  'emoji': 'ship it 🚀 👍🏽 👨‍👩‍👧',
  'rtl': 'שלום עליכם مرحبا \u202Eevil\u202C',
  'control characters': 'nul\u0000 bell\u0007 esc\u001b del\u007f c1\u0085 end',
  'line separators': 'a\u2028b\u2029c',
  'empty': '',
  'only spaces': '   ',
  'json lookalike': '{"a": [1, 2]}',
  'hcl lookalike': '[1, 2] # comment',
  'heredoc lookalike': '<<EOT\nx\nEOT',
};

describe('hclString', () => {
  test('escapes quotes, backslashes, newlines, tabs and control characters', () => {
    // GIVEN / WHEN / THEN
    expect(hclString('say "hi"')).toBe('"say \\"hi\\""');
    expect(hclString('C:\\dir')).toBe('"C:\\\\dir"');
    expect(hclString('a\nb\r\nc\td')).toBe('"a\\nb\\r\\nc\\td"');
    expect(hclString('nul\u0000esc\u001bdel\u007fc1\u0085')).toBe('"nul\\u0000esc\\u001Bdel\\u007Fc1\\u0085"');
  });

  test('doubles ${ and %{ so that no interpolation or directive happens', () => {
    expect(hclString('${var.x}')).toBe('"$${var.x}"');
    expect(hclString('%{ if true }x%{ endif }')).toBe('"%%{ if true }x%%{ endif }"');
    expect(hclString('$${var.x}')).toBe('"$$${var.x}"');
    expect(hclString('$ % $} %}')).toBe('"$ % $} %}"');
    expect(hclString('5$')).toBe('"5$"');
  });

  test('keeps unicode (emoji, right-to-left text) as it is', () => {
    expect(hclString('🚀 👍🏽 שלום مرحبا')).toBe('"🚀 👍🏽 שלום مرحبا"');
  });

  test('refuses a lone surrogate', () => {
    expect(() => hclString('bad \uD800 char', 'values[0]')).toThrow(
      /values\[0\] contains a lone surrogate \(U\+D800\) at index 4: .*fix the string's encoding/,
    );
    expect(() => hclString('\uDC00')).toThrow(/lone surrogate \(U\+DC00\)/);
  });
});

describe('toHcl', () => {
  test('writes primitives', () => {
    expect(toHcl('x')).toBe('"x"');
    expect(toHcl(42)).toBe('42');
    expect(toHcl(-1.5)).toBe('-1.5');
    expect(toHcl(1e21)).toBe('1e+21');
    expect(toHcl(1e-7)).toBe('1e-7');
    expect(toHcl(BigInt('12345678901234567890'))).toBe('12345678901234567890');
    expect(toHcl(true)).toBe('true');
    expect(toHcl(false)).toBe('false');
    expect(toHcl(null)).toBe('null');
  });

  test('writes lists and maps, nested, keys always quoted, in insertion order', () => {
    // GIVEN
    const value = {
      'zeta': [1, 'two', [true, null]],
      'alpha': { 'nested key': { deep: [] }, 'empty': {} },
      'with "quotes"': '${x}',
      '${k}': '%{d}',
      '': 0,
    };
    // WHEN
    const hcl = toHcl(value);
    // THEN
    expect(hcl).toBe(
      '{ "zeta" = [1, "two", [true, null]], "alpha" = { "nested key" = { "deep" = [] }, "empty" = {} }, ' +
        '"with \\"quotes\\"" = "$${x}", "$${k}" = "%%{d}", "" = 0 }',
    );
  });

  test('is deterministic', () => {
    const value = { b: [1, { c: 'x' }], a: 'y' };
    expect(toHcl(value)).toBe(toHcl(JSON.parse(JSON.stringify(value))));
  });

  test('accepts a value shared by two branches (not a cycle)', () => {
    const shared = { x: 1 };
    expect(toHcl({ a: shared, b: [shared] })).toBe('{ "a" = { "x" = 1 }, "b" = [{ "x" = 1 }] }');
  });

  test('accepts an object without prototype', () => {
    const bare = Object.create(null);
    bare.k = 'v';
    expect(toHcl(bare)).toBe('{ "k" = "v" }');
  });

  test.each([
    ['NaN', NaN, /^toHcl: \[TFE-HCL-001\] values\[1\] is NaN: HCL numbers are finite; give a finite number/],
    ['Infinity', Infinity, /^toHcl: \[TFE-HCL-001\] values\[1\] is Infinity: HCL numbers are finite/],
    ['-Infinity', -Infinity, /^toHcl: \[TFE-HCL-001\] values\[1\] is -Infinity: HCL numbers are finite/],
    ['undefined', undefined, /^toHcl: \[TFE-HCL-002\] values\[1\] is undefined: HCL has no undefined; remove the entry, or use null/],
    ['a function', () => 1, /^toHcl: \[TFE-HCL-003\] values\[1\] is a function: only data .* call the function and pass its result/],
    ['a symbol', Symbol('s'), /^toHcl: \[TFE-HCL-004\] values\[1\] is a symbol \(Symbol\(s\)\): .*use a string/],
    ['a Date', new Date(0), /^toHcl: \[TFE-HCL-006\] values\[1\] is a Date, not plain data: write it as a string, e.g. with toISOString\(\)/],
    ['a Map', new Map([['a', 1]]), /^toHcl: \[TFE-HCL-006\] values\[1\] is an instance of Map, not plain data: use a plain object, e.g. Object.fromEntries\(map\)/],
    ['a Set', new Set([1]), /^toHcl: \[TFE-HCL-006\] values\[1\] is an instance of Set, not plain data: use a plain object, array or primitive/],
    ['a lone surrogate', '\uD83D', /^toHcl: \[TFE-HCL-008\] values\[1\] contains a lone surrogate/],
  ])('refuses %s with its location and the fix', (_name, bad, message) => {
    // GIVEN
    const value = ['ok', bad];
    // WHEN / THEN
    const e = errorOf(() => toHcl(value, 'values'));
    expect(e.message).toMatch(message);
    expect(Errors.isValidationError(e)).toBe(true);
    expect(Errors.constructPathOf(e)).toBe('toHcl');
    // The encoder names whoever encodes, e.g. a value object's factory.
    expect(() => toHcl(value, 'values', 'VariableValue.list')).toThrow(/^VariableValue\.list: \[TFE-HCL-\d{3}\] values\[1\] /);
  });

  test('locates problems in nested maps, including odd keys', () => {
    expect(() => toHcl({ a: { 'b c': [1, undefined] } }, 'values')).toThrow(/^toHcl: \[TFE-HCL-002\] values\.a\["b c"\]\[1\] is undefined/);
    expect(() => toHcl({ ['\uD800']: 1 }, 'values')).toThrow(/^toHcl: \[TFE-HCL-008\] values\["\\ud800"\] \(the key\) contains a lone surrogate/);
  });

  test('refuses cycles', () => {
    // GIVEN
    const a: any = { name: 'a', children: [] };
    a.children.push({ parent: a });
    const list: any[] = [1];
    list.push(list);
    // WHEN / THEN
    expect(() => toHcl(a, 'values')).toThrow(/^toHcl: \[TFE-HCL-005\] values\.children\[0\]\.parent refers back to a value that contains it \(a cycle\): .*break the cycle/);
    expect(() => toHcl(list, 'values')).toThrow(/^toHcl: \[TFE-HCL-005\] values\[1\] refers back to a value that contains it/);
  });

  test('refuses symbol keys', () => {
    expect(() => toHcl({ [Symbol('k')]: 1 }, 'values')).toThrow(/^toHcl: \[TFE-HCL-007\] values has a symbol key \(Symbol\(k\)\): map keys are strings/);
  });

  test('writes references as jsonencode expressions, escaped for the platform', () => {
    // GIVEN
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const pw = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true });
    const n = new TerraformVariable(stack, 'n', { type: 'number' });
    // WHEN
    const hcl = toHcl({ password: pw.stringValue, count: n.numberValue, [pw.stringValue]: 1 });
    new TerraformOutput(stack, 'out', { value: escapeTemplate(hcl), sensitive: true });
    // THEN
    const out = JSON.parse(Testing.synth(stack)).output.out.value;
    const enc = '${replace(replace(jsonencode(var.pw), "$${", "$$${"), "%%{", "%%%{")}';
    expect(out).toBe(`{ "password" = ${enc}, "count" = \${var.n}, ${enc} = 1 }`);
  });
});

describe('escapeTemplate', () => {
  test('leaves ordinary text alone', () => {
    expect(escapeTemplate('plain text: $5, 100%, {braces}')).toBe('plain text: $5, 100%, {braces}');
  });

  test('escapes ${ and %{ in literal text', () => {
    expect(escapeTemplate('${var.x} %{ if } $${y} %%{z}')).toBe('$${var.x} %%{ if } $$${y} %%%{z}');
  });

  test('keeps tokens and escapes every $ beside them', () => {
    // GIVEN
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const v = new TerraformVariable(stack, 'v', { type: 'string' });
    // WHEN
    new TerraformOutput(stack, 'out', { value: escapeTemplate(`$\${lit} ${v.stringValue} %{d}$`) });
    // THEN
    const out = JSON.parse(Testing.synth(stack)).output.out.value;
    expect(out).toBe('${"$"}${"$"}{lit} ${var.v} %%{d}${"$"}');
  });
});

/**
 * The real check: Terraform evaluates what cdktf synthesizes (as it does when
 * applying this app), then parses the result as HCL (as the platform does
 * with a `hcl = true` variable, which it writes to a tfvars file). The value
 * that comes out must be the value that went in.
 */
const terraform = spawnSync('terraform', ['version'], { encoding: 'utf-8' }).status === 0;
const describeWithTerraform = terraform ? describe : describe.skip;

describeWithTerraform('round trip through Terraform and the HCL parser', () => {
  const env = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };

  function applyOutputs(dir: string): { [name: string]: any } {
    const apply = spawnSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env, encoding: 'utf-8' });
    if (apply.status !== 0) throw new Error(`terraform apply failed:\n${apply.stdout}\n${apply.stderr}`);
    const out = spawnSync('terraform', ['output', '-json'], { cwd: dir, env, encoding: 'utf-8' });
    if (out.status !== 0) throw new Error(`terraform output failed:\n${out.stderr}`);
    const parsed = JSON.parse(out.stdout);
    return Object.fromEntries(Object.entries<any>(parsed).map(([k, v]) => [k, v.value]));
  }

  /**
   * Synthesizes each `texts[i]` as a Terraform string, applies it, and returns
   * what Terraform made of it (layer 1).
   */
  function evaluateInTerraform(build: (stack: TerraformStack) => string[]): string[] {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const texts = build(stack);
    texts.forEach((text, i) => new TerraformOutput(stack, `o${i}`, { value: text }));
    const dir = mkdtempSync(join(tmpdir(), 'hcl-l1-'));
    try {
      writeFileSync(join(dir, 'main.tf.json'), Testing.synth(stack));
      const outputs = applyOutputs(dir);
      return texts.map((_t, i) => outputs[`o${i}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Parses each HCL text as a tfvars value, as the platform does (layer 2). */
  function parseAsTfvars(hcls: string[]): any[] {
    const dir = mkdtempSync(join(tmpdir(), 'hcl-l2-'));
    try {
      const config = {
        variable: Object.fromEntries(hcls.map((_h, i) => [`x${i}`, { type: 'any' }])),
        output: Object.fromEntries(hcls.map((_h, i) => [`o${i}`, { value: `\${var.x${i}}` }])),
      };
      writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
      writeFileSync(join(dir, 'terraform.tfvars'), hcls.map((h, i) => `x${i} = ${h}\n`).join(''));
      const outputs = applyOutputs(dir);
      return hcls.map((_h, i) => outputs[`o${i}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const VALUES: any[] = [
    ...Object.values(HOSTILE),
    42,
    -0.5,
    true,
    Object.values(HOSTILE),
    Object.fromEntries(Object.entries(HOSTILE).map(([name, s]) => [s, name])),
    { nested: [{ deeper: ['${x}', { '%{y}': [1, [2, [3]]] }] }], list: [[], {}], n: null },
  ];

  test('literal values: plain strings reach the platform unchanged', () => {
    // GIVEN hostile strings written as plain (hcl = false) values
    const strings = Object.values(HOSTILE);
    // WHEN Terraform evaluates them
    const evaluated = evaluateInTerraform(() => strings.map(escapeTemplate));
    // THEN
    expect(evaluated).toEqual(strings);
  }, 60_000);

  test('literal values: HCL values parse back to the values encoded', () => {
    // GIVEN / WHEN
    const hcls = evaluateInTerraform(() => VALUES.map((v) => escapeTemplate(toHcl(v))));
    const parsed = parseAsTfvars(hcls);
    // THEN
    expect(parsed).toEqual(VALUES);
  }, 60_000);

  test('references: plain and HCL values built from hostile strings known at plan time', () => {
    // GIVEN hostile strings that only Terraform knows (variable defaults)
    const strings = Object.values(HOSTILE);
    let hclCount = 0;
    const evaluated = evaluateInTerraform((stack) => {
      const refs = strings.map((s, i) => new TerraformVariable(stack, `v${i}`, { type: 'string', default: s }).stringValue);
      const n = new TerraformVariable(stack, 'n', { type: 'number', default: 7 }).numberValue;
      const hcl = [
        toHcl(refs),
        toHcl({ mixed: ['lit ${x}', refs[4], n], [refs[0]]: refs[5] }),
        toHcl(Token.asString(n)),
      ];
      hclCount = hcl.length;
      // plain texts mixing literals and references, then the HCL texts
      return [
        ...refs.map((r) => escapeTemplate(`$\${a}%{b}$${r}$`)),
        ...hcl.map(escapeTemplate),
      ];
    });
    // THEN plain ones arrive exactly
    const plain = evaluated.slice(0, strings.length);
    expect(plain).toEqual(strings.map((s) => `$\${a}%{b}$${s}$`));
    // and HCL ones parse back
    const parsed = parseAsTfvars(evaluated.slice(strings.length));
    expect(parsed).toHaveLength(hclCount);
    expect(parsed[0]).toEqual(strings);
    expect(parsed[1]).toEqual({ mixed: ['lit ${x}', strings[4], 7], [strings[0]]: strings[5] });
    // a number reference made a string still has the number's type in Terraform
    expect(parsed[2]).toEqual(7);
  }, 60_000);
});
