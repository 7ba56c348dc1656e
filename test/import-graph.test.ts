import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The modules of src/ import one another only downward: no module reaches
 * itself again through the imports that exist at run time. Each file is
 * compiled the way the build compiles it (type-only imports, and imports of
 * names used only as types, disappear), and the `require` calls of the output
 * make the graph.
 */
const SRC = path.join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The src files a file requires at run time. */
function runtimeImports(file: string): string[] {
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  const out: string[] = [];
  for (const m of outputText.matchAll(/require\("(\.{1,2}\/[^"]*)"\)/g)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
    if (target) out.push(target);
  }
  return out;
}

/** The cycles of a graph, each as a list of nodes from a node back to itself (Tarjan's components). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.reverse());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

const relative = (f: string) => path.relative(SRC, f).replace(/\\/g, '/');

describe('import graph of src/', () => {
  const graph = new Map(sourceFiles(SRC).map((f) => [f, runtimeImports(f)]));

  test('the graph is read from the compiled imports', () => {
    // A runtime import is seen, a type-only one is not (so the test can fail).
    const imports = (f: string) => graph.get(path.join(SRC, f))!.map(relative);
    expect(imports('workspace-group.ts')).toContain('workspace.ts');
    expect(imports('workspace-grant.ts')).not.toContain('workspace.ts');
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });

  test('has no runtime cycles', () => {
    expect(cycles(graph).map((c) => c.map(relative))).toEqual([]);
  });
});
