/**
 * Builds the CDK Terrain (cdktn) flavour of the library in flavours/cdktn from this source tree.
 *
 *   ts-node flavours/build.ts schema [--check]   the tfe 0.71.0 provider schema, read from the provider
 *                                                binary with `terraform providers schema -json`
 *   ts-node flavours/build.ts bindings           the tfe bindings for cdktn (flavours/cdktn/provider-tfe/src)
 *                                                generated from that schema
 *   ts-node flavours/build.ts surface            checks that they expose what @cdktf/provider-tfe exposes
 *   ts-node flavours/build.ts stage              the library's sources, tests and examples for the flavour
 *
 * The sources are copied unchanged, except src/private/framework.ts, written for the flavour
 * (projenrc/flavours.ts). Tests, examples and programs get the package names of the flavour, as a
 * user migrating a program gives them (`migrate`).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CDKTF, CDKTN, frameworkModule, migrate, sourcesNamingTheFramework, TFE_PROVIDER_VERSION } from '../projenrc/flavours';

const ROOT = path.resolve(__dirname, '..');
const FLAVOUR_DIR = path.join(ROOT, 'flavours', 'cdktn');
const BINDINGS_DIR = path.join(FLAVOUR_DIR, 'provider-tfe');
const SCHEMA = path.join(BINDINGS_DIR, 'schema.json');
/** The version constraint @cdktf/provider-tfe 12.5.1 was generated with (its `terraformGeneratorMetadata`). */
const PROVIDER_CONSTRAINT = '~> 0.33';

/** What the flavour's build copies: [path in the repository, whether its programs are migrated]. */
const STAGED: Array<[string, boolean]> = [
  ['src', false],
  ['test', true],
  ['e2e', true],
  ['fuzz', true],
  ['examples/platform', true],
  ['examples/platform-file', true],
  ['examples/python', true],
  ['examples/java/pom.xml', true],
  ['examples/java/src', true],
  ['examples/go/main.go', true],
  ['examples/go/go.mod', true],
  ['bin', false],
  ['schema', false],
  ['docs', false],
  ['README.md', false],
  ['LICENSE', false],
  ['tsconfig.json', false],
];

const PROGRAM = /(\.(ts|js|py|java|go)|\/pom\.xml|\/go\.mod)$/;

function copy(from: string, to: string, migrated: boolean): void {
  const stat = fs.statSync(from);
  if (stat.isDirectory()) {
    if (['cdktf.out', 'node_modules', '__pycache__'].includes(path.basename(from))) return;
    fs.mkdirSync(to, { recursive: true });
    for (const e of fs.readdirSync(from)) copy(path.join(from, e), path.join(to, e), migrated);
    return;
  }
  if (migrated && PROGRAM.test(from)) {
    fs.writeFileSync(to, migrate(fs.readFileSync(from, 'utf8'), CDKTF, CDKTN));
  } else {
    fs.copyFileSync(from, to);
  }
}

function stage(): void {
  for (const [p, migrated] of STAGED) {
    const dest = path.join(FLAVOUR_DIR, p);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    copy(path.join(ROOT, p), dest, migrated);
  }
  fs.writeFileSync(path.join(FLAVOUR_DIR, 'src', 'private', 'framework.ts'), frameworkModule(CDKTN));
  // Only the framework module may differ: every other source file is the same file.
  const offenders = sourcesNamingTheFramework(path.join(FLAVOUR_DIR, 'src'));
  if (offenders.length > 0) {
    throw new Error(`these sources name a package of the framework (import it through src/private/framework.ts): ${offenders.join(', ')}`);
  }
  console.log(`staged the ${CDKTN.id} flavour in ${path.relative(ROOT, FLAVOUR_DIR)}`);
}

/** `terraform providers schema -json` of hashicorp/tfe 0.71.0, from the provider mirror (e2e/tools.sh). */
function readSchema(): string {
  const tools = execFileSync('bash', [path.join(ROOT, 'e2e', 'tools.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const mirror = /^TFE_PROVIDER_MIRROR=(.*)$/m.exec(tools)?.[1]?.replace(/^'|'$/g, '');
  if (!mirror) throw new Error('no hashicorp/tfe 0.71.0 provider mirror: set TFE_PROVIDER_MIRROR or put ../shared/tools beside the checkout');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tfe-schema-'));
  try {
    fs.writeFileSync(path.join(work, 'cli.tfrc'), `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
    fs.writeFileSync(path.join(work, 'main.tf.json'), JSON.stringify({
      terraform: { required_providers: { tfe: { source: 'hashicorp/tfe', version: TFE_PROVIDER_VERSION } } },
    }));
    const env = { ...process.env, TF_CLI_CONFIG_FILE: path.join(work, 'cli.tfrc'), TF_IN_AUTOMATION: '1', TF_PLUGIN_CACHE_DIR: '' };
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: work, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const raw = execFileSync('terraform', ['providers', 'schema', '-json'], { cwd: work, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return JSON.stringify(JSON.parse(raw), null, 1) + '\n';
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function schema(check: boolean): void {
  const fresh = readSchema();
  if (check) {
    if (fs.readFileSync(SCHEMA, 'utf8') !== fresh) {
      throw new Error(`${path.relative(ROOT, SCHEMA)} differs from the schema the provider binary serves: run 'ts-node flavours/build.ts schema'`);
    }
    console.log(`${path.relative(ROOT, SCHEMA)}: the provider binary serves the same schema`);
    return;
  }
  fs.writeFileSync(SCHEMA, fresh);
  console.log(`wrote ${path.relative(ROOT, SCHEMA)}`);
}

/**
 * The bindings, generated by @cdktn/provider-generator from the committed schema, for the provider
 * as @cdktf/provider-tfe binds it: source `hashicorp/tfe`, constraint `~> 0.33`, version 0.71.0
 * (which the synthesized `required_providers` pins). Ephemeral resources are left out: cdktf 0.21
 * has none, and both flavours expose the same classes.
 */
async function bindings(): Promise<void> {
  // The generator asks terraform for its version as it loads: without a CLI configuration file, not a warning.
  if (!fs.existsSync(process.env.TF_CLI_CONFIG_FILE ?? '/dev/null')) process.env.TF_CLI_CONFIG_FILE = '/dev/null';
  const schemaJson = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
  const fqpn = 'registry.terraform.io/hashicorp/tfe';
  for (const p of Object.values<any>(schemaJson.provider_schemas)) delete p.ephemeral_resource_schemas;
  schemaJson.provider_versions = { [fqpn]: TFE_PROVIDER_VERSION };
  // Resolved from the flavour's own dependencies (flavours/cdktn/node_modules).
  const generatorPath = require.resolve('@cdktn/provider-generator', { paths: [FLAVOUR_DIR] });
  /* eslint-disable @typescript-eslint/no-require-imports */
  const generator = require(generatorPath);
  const commons = require(require.resolve('@cdktn/commons', { paths: [generatorPath] }));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tfe-bindings-'));
  try {
    const code = new generator.CodeMaker();
    const constraint = new commons.TerraformProviderConstraint(`hashicorp/tfe@${PROVIDER_CONSTRAINT}`);
    new generator.TerraformProviderGenerator(code, schemaJson).generate(new commons.ConstructsMakerProviderTarget(constraint, commons.LANGUAGES[0]));
    await code.save(out);
    const generated = path.join(out, 'providers', 'tfe');
    const src = path.join(BINDINGS_DIR, 'src');
    fs.rmSync(src, { recursive: true, force: true });
    fs.cpSync(generated, src, { recursive: true });
    console.log(`generated ${fs.readdirSync(src).length} modules into ${path.relative(ROOT, src)}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** The public surface of a jsii assembly: each type (without the assembly's name) and its public members. */
function surfaceOf(assemblyFile: string): Map<string, string> {
  const assembly = JSON.parse(fs.readFileSync(assemblyFile, 'utf8'));
  const out = new Map<string, string>();
  for (const [fqn, t] of Object.entries<any>(assembly.types)) {
    const members = [...(t.properties ?? []), ...(t.methods ?? [])]
      .filter((m: any) => !m.protected)
      .map((m: any) => `${m.static ? 'static ' : ''}${m.name}${m.parameters ? `(${m.parameters.map((p: any) => p.name).join(',')})` : ''}`)
      .sort();
    const members2 = (t.members ?? []).map((m: any) => m.name).sort();
    out.set(fqn.slice(assembly.name.length + 1), `${t.kind} ${[...members, ...members2].join(' ')}`);
  }
  return out;
}

/** The cdktn bindings expose the same types, with the same public members, as @cdktf/provider-tfe. */
function surface(): void {
  const ours = surfaceOf(path.join(BINDINGS_DIR, '.jsii'));
  const theirs = surfaceOf(path.join(path.dirname(require.resolve(`${CDKTF.provider.npm}/package.json`, { paths: [ROOT] })), '.jsii'));
  const problems: string[] = [];
  for (const [type, members] of theirs) {
    if (!ours.has(type)) problems.push(`missing ${type}`);
    else if (ours.get(type) !== members) problems.push(`${type}: ${ours.get(type)} vs ${members}`);
  }
  for (const type of ours.keys()) if (!theirs.has(type)) problems.push(`extra ${type}`);
  if (problems.length > 0) {
    throw new Error(`the ${CDKTN.provider.npm} bindings differ from ${CDKTF.provider.npm}:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  console.log(`${CDKTN.provider.npm}: the same ${ours.size} types with the same public members as ${CDKTF.provider.npm} ${CDKTF.provider.version}`);
}

async function main(args: string[]): Promise<void> {
  switch (args[0]) {
    case 'schema': return schema(args[1] === '--check');
    case 'bindings': return bindings();
    case 'stage': return stage();
    case 'surface': return surface();
    default: throw new Error('usage: flavours/build.ts schema [--check] | bindings | surface | stage');
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`flavours/build.ts: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
