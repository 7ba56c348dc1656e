import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformDataSource, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { buildFixture } from '../e2e/fixture';
import * as lib from '../src';

/**
 * The README's provider coverage table lists every resource and data source
 * of the provider binding (hashicorp/tfe 0.71.0) once, with its status:
 * - `wrapped` (resources) or `read` (data sources): the e2e fixture, which
 *   uses every construct and option, writes it; "written by" names the
 *   library's classes that do;
 * - `not wrapped`, with the reason in the last column.
 * A type the library starts or stops writing, or a provider upgrade, fails
 * this test until the table says so: `UPDATE_COVERAGE_TABLE=1 npx jest
 * test/coverage-table` rewrites the computed columns and keeps the reasons.
 */
const README = path.join(__dirname, '..', 'README.md');
const START = '<!-- coverage-table:start -->';
const END = '<!-- coverage-table:end -->';
const PROVIDER_LIB = path.join(path.dirname(require.resolve('@cdktf/provider-tfe/package.json')), 'lib');

interface ProviderType {
  readonly type: string;
  readonly kind: 'resource' | 'data source';
}

/** Every resource and data source of the binding, from its modules. */
function providerTypes(): ProviderType[] {
  const types: ProviderType[] = [];
  for (const dir of fs.readdirSync(PROVIDER_LIB)) {
    const file = path.join(PROVIDER_LIB, dir, 'index.js');
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const type = /tfResourceType = "([a-z0-9_]+)"/.exec(text)?.[1];
    const base = /extends [A-Za-z_$][\w$]*\.(TerraformResource|TerraformDataSource|TerraformProvider)\b/.exec(text)?.[1];
    if (!type || base === 'TerraformProvider') continue;
    types.push({ type, kind: base === 'TerraformDataSource' ? 'data source' : 'resource' });
  }
  return types.sort((a, b) => (a.kind === b.kind ? a.type.localeCompare(b.type) : a.kind === 'resource' ? -1 : 1));
}

/**
 * References whose private class extends no exported one: the class whose
 * `from*` methods make them. A written type with no owner fails the test.
 */
const REFERENCES: Record<string, string> = {
  ImportedVcsConnection: 'OAuthClient',
  ImportedMember: 'OrganizationMember',
  ImportedRunTask: 'OrganizationRunTask',
};

/** The library's exported classes, to name what writes each type. */
const PUBLIC_CLASSES = new Set<unknown>(Object.values(lib as Record<string, unknown>).filter((v) => typeof v === 'function'));

/**
 * The public class of the nearest construct (itself or an ancestor) that is
 * one of the library's: its own class, or the exported base class of a
 * reference (`Project.fromProjectName` makes a private subclass of
 * `ProjectBase`, named `Project` here).
 */
function owner(c: IConstruct): string | undefined {
  for (let node: IConstruct | undefined = c; node; node = node.node.scope) {
    for (let proto = Object.getPrototypeOf(node); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      if (PUBLIC_CLASSES.has(proto.constructor)) return proto.constructor.name.replace(/Base$/, '');
    }
    const reference = REFERENCES[node.constructor.name];
    if (reference) return reference;
  }
  return undefined;
}

/** A type's key: a resource and a data source may share a name (`tfe_project`). */
function keyOf(type: string, kind: string): string {
  return `${kind}:${type}`;
}

/** What the fixture writes: each type (by key), and the classes that write it. */
function writtenTypes(): Map<string, Set<string>> {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'coverage-')) });
  buildFixture(app, 'tfe.example.com');
  const written = new Map<string, Set<string>>();
  for (const c of app.node.findAll()) {
    if (!(c instanceof TerraformResource) && !(c instanceof TerraformDataSource)) continue;
    const resourceType = (c as TerraformResource).terraformResourceType;
    if (!resourceType.startsWith('tfe_')) continue;
    const type = keyOf(resourceType, c instanceof TerraformDataSource ? 'data source' : 'resource');
    const by = owner(c);
    if (!written.has(type)) written.set(type, new Set());
    if (by) written.get(type)!.add(by);
  }
  return written;
}

interface Row {
  readonly type: string;
  readonly kind: string;
  readonly status: string;
  readonly writtenBy: string;
  readonly why: string;
}

function parseRows(part: string): Row[] {
  return part.split('\n').filter((l) => /^\| `tfe_/.test(l)).map((l) => {
    const cells = l.split('|').slice(1, -1).map((c) => c.trim());
    return { type: cells[0].replace(/`/g, ''), kind: cells[1], status: cells[2], writtenBy: cells[3], why: cells[4] ?? '' };
  });
}

function currentPart(): string {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return text.slice(start + START.length, end).trim();
}

/** The table as it should be: computed columns from the code, reasons from the README. */
function expectedPart(types: ProviderType[], written: Map<string, Set<string>>, reasons: Map<string, string>): string {
  const rows = types.map(({ type, kind }) => {
    const by = written.get(keyOf(type, kind));
    const isWritten = by !== undefined;
    const status = isWritten ? (kind === 'resource' ? 'wrapped' : 'read') : 'not wrapped';
    const writtenBy = isWritten ? [...by].sort().map((c) => `\`${c}\``).join(', ') : '';
    const why = isWritten ? '' : reasons.get(keyOf(type, kind)) ?? '';
    return `| \`${type}\` | ${kind} | ${status} | ${writtenBy} | ${why} |`;
  });
  const resources = types.filter((t) => t.kind === 'resource');
  const dataSources = types.filter((t) => t.kind === 'data source');
  const wrapped = resources.filter((t) => written.has(keyOf(t.type, t.kind))).length;
  const read = dataSources.filter((t) => written.has(keyOf(t.type, t.kind))).length;
  return [
    `${wrapped} of ${resources.length} resources wrapped, ${read} of ${dataSources.length} data sources read.`,
    '',
    '| type | kind | status | written by | why not |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

describe('provider coverage table', () => {
  const types = providerTypes();
  const written = writtenTypes();

  test('the binding has the resources and data sources of provider 0.71.0', () => {
    expect(types.filter((t) => t.kind === 'resource').length).toBe(61);
    expect(types.filter((t) => t.kind === 'data source').length).toBe(35);
  });

  test('README lists every resource and data source once, with the status the code gives it', () => {
    const reasons = new Map(parseRows(currentPart()).map((r) => [keyOf(r.type, r.kind), r.why]));
    const expected = expectedPart(types, written, reasons);
    if (process.env.UPDATE_COVERAGE_TABLE) {
      const text = fs.readFileSync(README, 'utf8');
      fs.writeFileSync(README, `${text.slice(0, text.indexOf(START) + START.length)}\n${expected}\n${text.slice(text.indexOf(END))}`);
    }
    expect(currentPart()).toBe(expected);
  });

  test('every type the library does not write says why', () => {
    const missing = parseRows(currentPart()).filter((r) => r.status === 'not wrapped' && r.why.length < 10).map((r) => r.type);
    expect(missing).toEqual([]);
  });

  test('every type the fixture writes has a class of the library that writes it', () => {
    expect([...written].filter(([, by]) => by.size === 0).map(([type]) => type)).toEqual([]);
  });

  test('the fixture writes only types of the binding', () => {
    const known = new Set(types.map((t) => keyOf(t.type, t.kind)));
    expect([...written.keys()].filter((t) => !known.has(t))).toEqual([]);
  });
});
