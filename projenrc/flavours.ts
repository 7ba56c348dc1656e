import * as fs from 'fs';
import * as path from 'path';

/**
 * The two flavours of the library: one source tree, built against CDK for Terraform (`cdktf`,
 * the primary flavour, today's package names) or against CDK Terrain (`cdktn`, its own names).
 *
 * Only `src/private/framework.ts` names the framework and the tfe provider bindings; this file
 * writes it (through `.projenrc.ts` for the cdktf flavour, through `flavours/build.ts` for the
 * cdktn one). Everything else is copied unchanged into the cdktn flavour's build, apart from
 * tests, examples and end-to-end programs, whose package names are mapped as a user migrating a
 * program maps them (`migrate`).
 */

/** The names of one package in each jsii language. */
export interface PackageNames {
  readonly npm: string;
  readonly pythonDist: string;
  readonly pythonModule: string;
  readonly javaPackage: string;
  readonly mavenGroupId: string;
  readonly mavenArtifactId: string;
  readonly goModule: string;
  readonly goPackage: string;
}

export interface Flavour {
  /** `cdktf` or `cdktn`: also the framework's npm package and the name of its CLI. */
  readonly id: string;
  readonly framework: {
    readonly npm: string;
    readonly version: string;
    /** The CLI's npm package (`cdktf-cli`, `cdktn-cli`). */
    readonly cli: string;
    readonly pythonDist: string;
    readonly pythonModule: string;
    readonly javaPackage: string;
    readonly mavenGroupId: string;
    readonly mavenArtifactId: string;
    /** The Go package's import path, and its name. */
    readonly goImport: string;
    readonly goPackage: string;
  };
  /** The `constructs` range the framework accepts, and the version the build uses (the lowest). */
  readonly constructs: { readonly range: string; readonly dev: string };
  /** The tfe provider bindings (hashicorp/tfe 0.71.0). */
  readonly provider: PackageNames & { readonly version: string };
  /** This library. */
  readonly library: PackageNames & { readonly bin: string };
  /** The lowest Node.js version the flavour supports. */
  readonly minNode: string;
}

/** The tfe provider both flavours bind. */
export const TFE_PROVIDER_VERSION = '0.71.0';

export const CDKTF: Flavour = {
  id: 'cdktf',
  framework: {
    npm: 'cdktf',
    version: '0.21.0',
    cli: 'cdktf-cli',
    pythonDist: 'cdktf',
    pythonModule: 'cdktf',
    javaPackage: 'com.hashicorp.cdktf',
    mavenGroupId: 'com.hashicorp',
    mavenArtifactId: 'cdktf',
    goImport: 'github.com/hashicorp/terraform-cdk-go/cdktf',
    goPackage: 'cdktf',
  },
  constructs: { range: '^10.4.2', dev: '10.4.2' },
  provider: {
    npm: '@cdktf/provider-tfe',
    version: '12.5.1',
    pythonDist: 'cdktf-cdktf-provider-tfe',
    pythonModule: 'cdktf_cdktf_provider_tfe',
    javaPackage: 'com.hashicorp.cdktf.providers.tfe',
    mavenGroupId: 'com.hashicorp',
    mavenArtifactId: 'cdktf-provider-tfe',
    goModule: 'github.com/cdktf/cdktf-provider-tfe-go',
    goPackage: 'tfe',
  },
  library: {
    npm: 'cdktf-tfe-constructs',
    pythonDist: 'cdktf-tfe-constructs',
    pythonModule: 'cdktf_tfe_constructs',
    javaPackage: 'io.github.cdktf_tfe_constructs',
    mavenGroupId: 'io.github.cdktf-tfe-constructs',
    mavenArtifactId: 'cdktf-tfe-constructs',
    goModule: 'github.com/cdktf-tfe-constructs/cdktf-tfe-constructs-go',
    goPackage: 'cdktftfeconstructs',
    bin: 'cdktf-tfe',
  },
  minNode: '20.0.0',
};

export const CDKTN: Flavour = {
  id: 'cdktn',
  framework: {
    npm: 'cdktn',
    version: '0.24.0',
    cli: 'cdktn-cli',
    pythonDist: 'cdktn',
    pythonModule: 'cdktn',
    javaPackage: 'io.cdktn.cdktn',
    mavenGroupId: 'io.cdktn',
    mavenArtifactId: 'cdktn',
    goImport: 'github.com/open-constructs/cdk-terrain-go/cdktn',
    goPackage: 'cdktn',
  },
  constructs: { range: '>=10.6.0 <10.8.0', dev: '10.6.0' },
  provider: {
    npm: 'cdktn-provider-tfe',
    version: TFE_PROVIDER_VERSION,
    pythonDist: 'cdktn-provider-tfe',
    pythonModule: 'cdktn_provider_tfe',
    javaPackage: 'io.github.cdktf_tfe_constructs.cdktn_provider_tfe',
    mavenGroupId: 'io.github.cdktf-tfe-constructs',
    mavenArtifactId: 'cdktn-provider-tfe',
    goModule: 'github.com/cdktf-tfe-constructs/cdktn-provider-tfe-go',
    goPackage: 'tfe',
  },
  library: {
    npm: 'cdktn-tfe-constructs',
    pythonDist: 'cdktn-tfe-constructs',
    pythonModule: 'cdktn_tfe_constructs',
    javaPackage: 'io.github.cdktn_tfe_constructs',
    mavenGroupId: 'io.github.cdktf-tfe-constructs',
    mavenArtifactId: 'cdktn-tfe-constructs',
    goModule: 'github.com/cdktf-tfe-constructs/cdktn-tfe-constructs-go',
    goPackage: 'cdktntfeconstructs',
    bin: 'cdktn-tfe',
  },
  minNode: '22.19.0',
};

/**
 * The modules of the provider bindings the library uses (each `lib/<name>` of the bindings
 * package). A source file that needs another provider class: add its module here and run
 * `npx projen`.
 */
export const PROVIDER_MODULES = [
  'agent-pool', 'agent-pool-allowed-projects', 'agent-pool-allowed-workspaces', 'agent-pool-excluded-workspaces',
  'agent-token', 'data-tfe-agent-pool', 'data-tfe-github-app-installation', 'data-tfe-oauth-client',
  'data-tfe-organization-membership', 'data-tfe-organization-run-task', 'data-tfe-outputs', 'data-tfe-policy-set',
  'data-tfe-project', 'data-tfe-team', 'data-tfe-team-access', 'data-tfe-variable-set', 'data-tfe-variables',
  'data-tfe-workspace', 'no-code-module', 'notification-configuration', 'oauth-client', 'organization',
  'organization-default-settings', 'organization-membership', 'organization-run-task',
  'organization-run-task-global-settings', 'organization-token', 'policy', 'policy-set', 'policy-set-parameter',
  'project', 'project-oauth-client', 'project-policy-set', 'project-settings', 'project-variable-set', 'provider',
  'registry-module', 'run-trigger', 'ssh-key', 'team', 'team-access', 'team-member', 'team-members',
  'team-notification-configuration', 'team-organization-member', 'team-organization-members', 'team-project-access',
  'team-token', 'test-variable', 'variable', 'variable-set', 'workspace', 'workspace-policy-set',
  'workspace-policy-set-exclusion', 'workspace-run-task', 'workspace-settings', 'workspace-variable-set',
];

/** The framework's internal modules the library uses, with what it takes from each. */
const FRAMEWORK_INTERNALS: Array<[string, string[]]> = [
  ['lib/private/unique', ['makeUniqueId']],
  ['lib/synthesize/synthesizer', ['addCustomSynthesis']],
  ['lib/validations/validate-terraform-version', ['ValidateTerraformVersion']],
];

/** `src/private/framework.ts` of a flavour. */
export function frameworkModule(f: Flavour): string {
  const names = (p: PackageNames) => Object.entries(p).map(([k, v]) => `  ${k}: '${v}',`);
  return [
    '// ~~ Generated by projen (projenrc/flavours.ts). To modify, edit it and run "npx projen".',
    '/**',
    ` * The framework (${f.framework.npm} ${f.framework.version}) and the tfe provider bindings (${f.provider.npm}`,
    ` * ${f.provider.version}, hashicorp/tfe ${TFE_PROVIDER_VERSION}): the one module of the library that names them.`,
    ' * Every other source file imports them from here, so that the cdktf and cdktn flavours are',
    ' * built from the same sources with this file alone written for each.',
    ' */',
    `export * from '${f.framework.npm}';`,
    ...FRAMEWORK_INTERNALS.map(([m, ns]) => `export { ${ns.join(', ')} } from '${f.framework.npm}/${m}';`),
    ...PROVIDER_MODULES.map((m) => `export * from '${f.provider.npm}/lib/${m}';`),
    '',
    '/** The packages of this flavour, for the programs `adopt` writes. */',
    'export const FLAVOUR = {',
    `  id: '${f.id}',`,
    `  framework: { npm: '${f.framework.npm}', version: '${f.framework.version}', cli: '${f.framework.cli}', `
      + `pythonDist: '${f.framework.pythonDist}', pythonModule: '${f.framework.pythonModule}' },`,
    `  constructs: { range: '${f.constructs.range}' },`,
    '  provider: {',
    ...names(f.provider).map((l) => '  ' + l),
    '  },',
    '  library: {',
    ...names(f.library).map((l) => '  ' + l),
    '  },',
    '};',
    '',
  ].join('\n');
}

/**
 * The files under `srcDir` (a source tree) other than its `private/framework.ts` that name a
 * package of the framework or of the provider bindings: none may.
 */
export function sourcesNamingTheFramework(srcDir: string): string[] {
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const framework = path.join(srcDir, 'private', 'framework.ts');
  return files(srcDir).filter((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return f !== framework && migrate(text, CDKTF, CDKTN) !== text;
  });
}

/** The import path of a jsii Go package: module, package, and `/vN` from major version 2 on. */
function goImportOf(p: PackageNames & { readonly version?: string }): string {
  const major = Number((p.version ?? '0').split('.')[0]);
  return `${p.goModule}/${p.goPackage}${major >= 2 ? `/v${major}` : ''}`;
}

/**
 * A program's text with the package names of one flavour replaced by the other's: the whole of
 * a migration. TypeScript/JavaScript module specifiers (`'cdktf'`, `'cdktf/lib/...'`,
 * `'@cdktf/provider-tfe/lib/...'`, `'cdktf-tfe-constructs'`), Python modules, Java packages and Maven
 * coordinates (the versions are the build's to give).
 */
export function migrate(text: string, from: Flavour, to: Flavour): string {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pairs: Array<[string, string]> = [
    [from.provider.npm, to.provider.npm],
    [from.library.npm, to.library.npm],
    [from.framework.npm, to.framework.npm],
  ];
  let out = text;
  for (const [a, b] of pairs) {
    // A quoted module specifier: the package itself or a path inside it.
    out = out.replace(new RegExp(`(['"])${esc(a)}(/[^'"]*)?\\1`, 'g'), (_m, q, rest) => `${q}${b}${rest ?? ''}${q}`);
  }
  // Python modules and Java packages, longest first in one pass (one name can be a prefix of another's).
  const words = new Map<string, string>([
    [from.provider.pythonModule, to.provider.pythonModule],
    [from.library.pythonModule, to.library.pythonModule],
    [from.provider.javaPackage, to.provider.javaPackage],
    [from.library.javaPackage, to.library.javaPackage],
    [from.framework.javaPackage, to.framework.javaPackage],
  ]);
  const alternatives = [...words.keys()].sort((a, b) => b.length - a.length).map(esc).join('|');
  out = out.replace(new RegExp(`\\b(${alternatives})\\b`, 'g'), (m) => words.get(m)!);
  // Maven coordinates (pom.xml).
  const coordinates = new Map<string, [string, string]>([
    [`${from.provider.mavenGroupId}:${from.provider.mavenArtifactId}`, [to.provider.mavenGroupId, to.provider.mavenArtifactId]],
    [`${from.library.mavenGroupId}:${from.library.mavenArtifactId}`, [to.library.mavenGroupId, to.library.mavenArtifactId]],
    [`${from.framework.mavenGroupId}:${from.framework.mavenArtifactId}`, [to.framework.mavenGroupId, to.framework.mavenArtifactId]],
  ]);
  out = out.replace(/<groupId>([^<]+)<\/groupId>(\s*)<artifactId>([^<]+)<\/artifactId>/g, (m, g, ws, a) => {
    const hit = coordinates.get(`${g}:${a}`);
    return hit ? `<groupId>${hit[0]}</groupId>${ws}<artifactId>${hit[1]}</artifactId>` : m;
  });
  // Go import paths (in imports and go.mod), and the framework's package name in Go code.
  const goPaths = new Map<string, string>([
    [goImportOf(from.provider), goImportOf(to.provider)],
    [goImportOf(from.library), goImportOf(to.library)],
    [from.framework.goImport, to.framework.goImport],
  ]);
  const goAlternatives = [...goPaths.keys()].sort((a, b) => b.length - a.length).map(esc).join('|');
  // go.mod: a required module takes the other flavour's version (the library keeps its own).
  const goVersions = new Map<string, string>([
    [goImportOf(from.provider), `v${to.provider.version}`],
    [from.framework.goImport, `v${to.framework.version}`],
  ]);
  out = out.replace(new RegExp(`^(\\s*)(${goAlternatives})(\\s+)(v\\S+)`, 'gm'),
    (_m, indent, p, space, version) => `${indent}${goPaths.get(p)}${space}${goVersions.get(p) ?? version}`);
  out = out.replace(new RegExp(`(["\\s])(${goAlternatives})(?=["\\s/])`, 'g'), (_m, before, p) => before + goPaths.get(p));
  if (/^package \w+$/m.test(text)) {
    out = out.replace(new RegExp(`\\b${esc(from.framework.goPackage)}\\.(?=[A-Z])`, 'g'), `${to.framework.goPackage}.`);
  }
  // Python: `from cdktf import ...` / `import cdktf`.
  out = out.replace(new RegExp(`^(\\s*)(from|import) ${esc(from.framework.pythonModule)}\\b`, 'gm'), `$1$2 ${to.framework.pythonModule}`);
  return out;
}
