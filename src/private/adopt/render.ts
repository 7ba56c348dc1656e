/**
 * Writes the statements of `program.ts` as a TypeScript or a Python program
 * (the same construct ids, so both synthesize the same JSON), with the files
 * that make each runnable with `cdktf`.
 */
import { FLAVOUR } from '../framework';
import { Expr, ProgramPlan, Stmt } from './program';

export type Language = 'typescript' | 'python';

/** A generated file: its path in the output directory and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

export interface RenderOptions {
  readonly language: Language;
  /** The module the program imports the library from (default `cdktf-tfe-constructs`; TypeScript only). */
  readonly libraryModule?: string;
  /** The library's version for package.json / requirements.txt. */
  readonly libraryVersion: string;
}

const WIDTH = 110;

/** jsii's Python names: `fromOAuthTokenId` -> `from_o_auth_token_id`. */
export function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

const isConstant = (name: string) => /^[A-Z][A-Z0-9_]*$/.test(name);

function header(plan: ProgramPlan, commentPrefix: string): string[] {
  const lines = [
    `The organization ${plan.organization} on ${plan.hostname}, adopted: written by \`${FLAVOUR.library.bin} adopt\`.`,
    'Every object below exists already: the first deploy imports them (import blocks), and from',
    'then on the program manages them. adoption-report.md lists what was read, what was left out,',
    'and the sensitive inputs to set (TF_VAR_<name>) before the first plan.',
  ];
  return lines.map((l) => `${commentPrefix} ${l}`);
}

export function render(plan: ProgramPlan, options: RenderOptions): GeneratedFile[] {
  return options.language === 'python' ? renderPython(plan, options) : renderTypeScript(plan, options);
}

// --- TypeScript -----------------------------------------------------------------------------

function tsExpr(e: Expr, indent: string): string {
  const inline = tsInline(e);
  if (inline.length + indent.length <= WIDTH) return inline;
  const inner = `${indent}  `;
  switch (e.k) {
    case 'struct':
      return `{\n${e.fields.map(([k, x]) => `${inner}${k}: ${tsExpr(x, inner)},`).join('\n')}\n${indent}}`;
    case 'map':
      return `{\n${e.entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${tsExpr(x, inner)},`).join('\n')}\n${indent}}`;
    case 'list':
      return `[\n${e.items.map((x) => `${inner}${tsExpr(x, inner)},`).join('\n')}\n${indent}]`;
    case 'new':
      return `new ${e.cls}(${tsArgs(e.args, indent)})`;
    case 'call':
      return `${tsExpr(e.target, indent)}.${e.method}(${tsArgs(e.args, indent)})`;
    default:
      return inline;
  }
}

function tsArgs(args: Expr[], indent: string): string {
  if (args.length === 0) return '';
  const last = args[args.length - 1];
  const head = args.slice(0, -1).map((a) => tsInline(a));
  return [...head, tsExpr(last, indent)].join(', ');
}

function tsInline(e: Expr): string {
  switch (e.k) {
    case 'str': return JSON.stringify(e.v).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
    case 'num': return String(e.v);
    case 'bool': return String(e.v);
    case 'var': return e.name;
    case 'cls': return e.name;
    case 'new': return `new ${e.cls}(${e.args.map(tsInline).join(', ')})`;
    case 'call': return `${tsInline(e.target)}.${e.method}(${e.args.map(tsInline).join(', ')})`;
    case 'prop': return `${tsInline(e.target)}.${e.name}`;
    case 'struct': return e.fields.length ? `{ ${e.fields.map(([k, x]) => `${k}: ${tsInline(x)}`).join(', ')} }` : '{}';
    case 'map': return `{ ${e.entries.map(([k, x]) => `${JSON.stringify(k)}: ${tsInline(x)}`).join(', ')} }`;
    case 'list': return `[${e.items.map(tsInline).join(', ')}]`;
  }
}

function tsStatement(s: Stmt): string {
  switch (s.k) {
    case 'let': return `const ${s.name} = ${tsExpr(s.expr, '')};`;
    case 'do': return `${tsExpr(s.expr, '')};`;
    case 'comment': return s.lines.map((l) => `// ${l}`).join('\n');
    case 'section': return `\n// --- ${s.title}`;
  }
}

function renderTypeScript(plan: ProgramPlan, options: RenderOptions): GeneratedFile[] {
  const library = [...plan.imports].filter((n) => n !== 'TerraformVariable').sort();
  const cdktf = ['App', 'TerraformStack', ...(plan.imports.has('TerraformVariable') ? ['TerraformVariable'] : [])];
  const lines = [
    ...header(plan, '//'),
    `import { ${cdktf.join(', ')} } from '${FLAVOUR.framework.npm}';`,
    `import { TfeProvider } from '${FLAVOUR.provider.npm}/lib/provider';`,
    `import {\n${library.map((n) => `  ${n},`).join('\n')}\n} from '${options.libraryModule ?? FLAVOUR.library.npm}';`,
    '',
    'const app = new App();',
    `const stack = new TerraformStack(app, ${JSON.stringify(plan.organization)});`,
    `new TfeProvider(stack, 'tfe', ${plan.hostname === 'app.terraform.io' ? '{}' : `{ hostname: ${JSON.stringify(plan.hostname)} }`});`,
    ...plan.statements.map(tsStatement),
    '',
    'app.synth();',
    '',
  ];
  return [
    { path: 'main.ts', text: lines.join('\n') },
    { path: 'cdktf.json', text: JSON.stringify({ language: 'typescript', app: 'npx ts-node main.ts', terraformProviders: [], terraformModules: [] }, null, 2) + '\n' },
    {
      path: 'package.json',
      text: JSON.stringify({
        name: `${plan.organization}-platform`,
        private: true,
        scripts: { synth: `${FLAVOUR.id} synth`, plan: `${FLAVOUR.id} plan`, deploy: `${FLAVOUR.id} deploy` },
        dependencies: {
          [FLAVOUR.provider.npm]: FLAVOUR.provider.version,
          [FLAVOUR.framework.npm]: FLAVOUR.framework.version,
          [FLAVOUR.library.npm]: `^${options.libraryVersion}`,
          constructs: FLAVOUR.constructs.range,
        },
        devDependencies: { [FLAVOUR.framework.cli]: FLAVOUR.framework.version, 'ts-node': '^10.9.2', 'typescript': '~5.4.0', '@types/node': '^20' },
      }, null, 2) + '\n',
    },
    {
      path: 'tsconfig.json',
      text: JSON.stringify({
        compilerOptions: { target: 'ES2020', module: 'commonjs', lib: ['es2020'], strict: true, esModuleInterop: true, skipLibCheck: true },
        include: ['main.ts'],
      }, null, 2) + '\n',
    },
  ];
}

// --- Python ---------------------------------------------------------------------------------

function renderPython(plan: ProgramPlan, options: RenderOptions): GeneratedFile[] {
  const structs = new Set<string>();
  const py = (e: Expr, indent: string): string => {
    const inline = pyInline(e);
    if (inline.length + indent.length <= WIDTH) return inline;
    const inner = `${indent}    `;
    switch (e.k) {
      case 'struct':
        structs.add(e.type);
        return `${e.type}(\n${e.fields.map(([k, x]) => `${inner}${snake(k)}=${py(x, inner)},`).join('\n')}\n${indent})`;
      case 'map':
        return `{\n${e.entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${py(x, inner)},`).join('\n')}\n${indent}}`;
      case 'list':
        return `[\n${e.items.map((x) => `${inner}${py(x, inner)},`).join('\n')}\n${indent}]`;
      case 'new':
        return `${e.cls}(${pyArgs(e.args, indent, true)})`;
      case 'call':
        return `${py(e.target, indent)}.${snake(e.method)}(${pyArgs(e.args, indent, true)})`;
      default:
        return inline;
    }
  };
  // A struct as the last argument is passed as keyword arguments (jsii's Python convention).
  const pyArgs = (args: Expr[], indent: string, multiline: boolean): string => {
    if (args.length === 0) return '';
    const last = args[args.length - 1];
    const head = args.slice(0, -1).map((a) => pyInline(a));
    if (last.k === 'struct') {
      const kw = last.fields.map(([k, x]) => `${snake(k)}=${multiline ? py(x, `${indent}    `) : pyInline(x)}`);
      const one = [...head, ...kw].join(', ');
      if (!multiline || one.length + indent.length <= WIDTH) return one;
      return `\n${[...head, ...kw].map((a) => `${indent}    ${a},`).join('\n')}\n${indent}`;
    }
    return [...head, multiline ? py(last, indent) : pyInline(last)].join(', ');
  };
  const pyInline = (e: Expr): string => {
    switch (e.k) {
      case 'str': return JSON.stringify(e.v);
      case 'num': return String(e.v);
      case 'bool': return e.v ? 'True' : 'False';
      case 'var': return snake(e.name);
      case 'cls': return e.name;
      case 'new': return `${e.cls}(${pyArgs(e.args, '', false)})`;
      case 'call': return `${pyInline(e.target)}.${snake(e.method)}(${pyArgs(e.args, '', false)})`;
      case 'prop': return `${pyInline(e.target)}.${isConstant(e.name) ? e.name : snake(e.name)}`;
      case 'struct':
        structs.add(e.type);
        return `${e.type}(${e.fields.map(([k, x]) => `${snake(k)}=${pyInline(x)}`).join(', ')})`;
      case 'map': return `{${e.entries.map(([k, x]) => `${JSON.stringify(k)}: ${pyInline(x)}`).join(', ')}}`;
      case 'list': return `[${e.items.map(pyInline).join(', ')}]`;
    }
  };
  const body = plan.statements.map((s) => {
    switch (s.k) {
      case 'let': return `${snake(s.name)} = ${py(s.expr, '')}`;
      case 'do': return py(s.expr, '');
      case 'comment': return s.lines.map((l) => `# ${l}`).join('\n');
      case 'section': return `\n# --- ${s.title}`;
    }
  });
  // Struct classes used in nested positions must be imported too.
  const library = [...new Set([...plan.imports, ...structs])].filter((n) => n !== 'TerraformVariable' && n !== 'TerraformVariableConfig').sort();
  const cdktf = ['App', 'TerraformStack', ...(plan.imports.has('TerraformVariable') ? ['TerraformVariable'] : [])];
  const lines = [
    ...header(plan, '#'),
    `from ${FLAVOUR.framework.pythonModule} import ${cdktf.join(', ')}`,
    `from ${FLAVOUR.provider.pythonModule}.provider import TfeProvider`,
    '',
    `from ${FLAVOUR.library.pythonModule} import (\n${library.map((n) => `    ${n},`).join('\n')}\n)`,
    '',
    'app = App()',
    `stack = TerraformStack(app, ${JSON.stringify(plan.organization)})`,
    `TfeProvider(stack, "tfe"${plan.hostname === 'app.terraform.io' ? '' : `, hostname=${JSON.stringify(plan.hostname)}`})`,
    ...body,
    '',
    'app.synth()',
    '',
  ];
  return [
    { path: 'main.py', text: lines.join('\n') },
    { path: 'cdktf.json', text: JSON.stringify({ language: 'python', app: 'python3 main.py', terraformProviders: [], terraformModules: [] }, null, 2) + '\n' },
    {
      path: 'requirements.txt',
      text: `${FLAVOUR.framework.pythonDist}==${FLAVOUR.framework.version}\n${FLAVOUR.provider.pythonDist}==${FLAVOUR.provider.version}\n`
        + `${FLAVOUR.library.pythonDist}>=${options.libraryVersion}\n`,
    },
  ];
}
