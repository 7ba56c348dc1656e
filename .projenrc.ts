import { cdktf, javascript, TextFile } from 'projen';
import { addCdktnFlavour } from './projenrc/cdktn-flavour';
import { CDKTF, frameworkModule } from './projenrc/flavours';

const CDKTF_VERSION = CDKTF.framework.version;
const CONSTRUCTS_VERSION = CDKTF.constructs.range;
const PROVIDER_TFE_VERSION = CDKTF.provider.version;

const project = new cdktf.ConstructLibraryCdktf({
  name: CDKTF.library.npm,
  description:
    'CDK for Terraform L2 constructs for HCP Terraform / Terraform Enterprise: organizations, teams, tokens, projects and workspaces with the platform rules checked at synth time.',
  author: 'cdktf-tfe-constructs contributors',
  authorAddress: 'cdktf-tfe-constructs@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdktf-tfe-constructs/cdktf-tfe-constructs.git',
  license: 'Apache-2.0',
  keywords: ['cdktf', 'terraform', 'tfe', 'hcp-terraform', 'terraform-enterprise', 'constructs'],
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: CDKTF.minNode,
  // `npx cdktf-tfe adopt ...`: writes a program that adopts an existing organization.
  bin: { [CDKTF.library.bin]: 'bin/cdktf-tfe' },

  cdktfVersion: CDKTF_VERSION,
  constructsVersion: CONSTRUCTS_VERSION,
  jsiiVersion: '~5.9',
  typescriptVersion: '~5.9',
  peerDeps: [`@cdktf/provider-tfe@${PROVIDER_TFE_VERSION}`],
  // PlatformFile reads YAML (and JSON) with the position of every node, for errors that name the line.
  bundledDeps: ['yaml@^2.9.1'],
  devDeps: [
    `@cdktf/provider-tfe@${PROVIDER_TFE_VERSION}`,
    `cdktf@${CDKTF_VERSION}`,
    `constructs@${CDKTF.constructs.dev}`,
    '@types/node@^20',
    'ts-node@^10',
    'fast-check@^3',
    // The tests check the platform file's published JSON Schema against the example files.
    'ajv@^8',
    // The end-to-end suite deploys and destroys with the real CLI.
    `cdktf-cli@~${CDKTF_VERSION}`,
  ],
  jestOptions: {
    jestVersion: '^29',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      coverageThreshold: { lines: 90, branches: 80 },
      collectCoverageFrom: ['src/**/*.ts'],
    },
  },

  docgen: true,
  eslintOptions: {
    // `npm test` only checks: it never rewrites sources (`npx eslint --fix ...` does that on request).
    commandOptions: { fix: false },
    dirs: ['src'],
    devdirs: ['test', 'examples', 'e2e', 'bench', 'fuzz', 'flavours', 'projenrc', '.projenrc.ts'],
  },

  publishToPypi: {
    distName: CDKTF.library.pythonDist,
    module: CDKTF.library.pythonModule,
  },
  publishToMaven: {
    javaPackage: CDKTF.library.javaPackage,
    mavenGroupId: CDKTF.library.mavenGroupId,
    mavenArtifactId: CDKTF.library.mavenArtifactId,
  },
  publishToGo: {
    moduleName: CDKTF.library.goModule,
  },

  gitignore: ['/scratch/', 'cdktf.out/', '.gen/', '*.tfstate', '*.tfstate.*', '.terraform/', '.terraform.lock.hcl'],
});

// eslint-import-resolver-typescript 3.8+ depends on unrs-resolver, whose per-platform
// bindings are not all served by the npm registry mirror CI installs from; the lock
// file then lacks them and `npm ci` refuses it. 3.7.0 resolves with enhanced-resolve.
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@3.7.0');

project.tsconfigDev.addInclude('../examples/**/*.ts');

// Synthesize the example platform into examples/platform/cdktf.out and print a summary.
project.addTask('example', {
  description: 'Synthesize the example platform (examples/platform) into cdktf.out and summarize it',
  cwd: 'examples/platform',
  exec: 'ts-node --project tsconfig.json main.ts',
});

// The declarative example: examples/platform-file/platform.yaml loaded by main.ts into cdktf.out.
project.addTask('example:platform-file', {
  description: 'Synthesize the platform-file example (examples/platform-file) into its cdktf.out',
  cwd: 'examples/platform-file',
  exec: 'ts-node --project tsconfig.json main.ts',
});

// End-to-end: the real terraform and tofu CLIs (built from Go modules, cached) on every synthesized stack.
project.addTask('test:e2e', {
  description: 'Run the end-to-end suite (real terraform/tofu toolchain) on the example platform and the fixture',
  exec: 'bash e2e/run.sh',
});

// The benchmark: the L2 against raw L1 classes, each in its own process (a script, not a test).
project.addTask('bench', {
  description: 'Benchmark synthesis of an organization of N workspaces: L2 constructs against raw L1 classes',
  exec: 'ts-node --project e2e/tsconfig.json --transpile-only bench/run.ts',
  receiveArgs: true,
});
project.gitignore.addPatterns('/bench/results/');
project.addTask('bench:platform-file', {
  description: 'Load and synthesize a platform file of N tenants (default 500): time and peak memory',
  exec: 'ts-node --project e2e/tsconfig.json --transpile-only bench/platform-file.ts',
  receiveArgs: true,
});

// Property-based fuzzing of every public construct (a script; the unit suite runs a fixed-seed sample).
project.addTask('fuzz', {
  description: 'Fuzz every public construct with random and hostile props (>= 10,000 cases each)',
  exec: 'ts-node --project e2e/tsconfig.json --transpile-only fuzz/run.ts',
  receiveArgs: true,
});

// Every example (README and @example doc comments) compiles with jsii-rosetta in strict mode,
// against rosetta/default.ts-fixture; the packages' Python, Java and Go docs use its translations.
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile and translate every README and @example snippet (strict: any error fails)',
  exec: 'jsii-rosetta extract --strict --fail --compile .jsii',
});
project.postCompileTask.spawn(rosetta);
project.gitignore.addPatterns('.jsii.tabl.json', '*.tabl.json');
project.addPackageIgnore('/rosetta/');

// Polyglot packages. Maven Central does not serve com.hashicorp:cdktf 0.21.0 nor any
// com.hashicorp:cdktf-provider-tfe, and the Go module proxy does not serve the provider's Go
// module: the package scripts build those bindings from the npm packages first (polyglot/).
project.tasks.tryFind('package:java')!.reset('bash polyglot/package-java.sh');
project.tasks.tryFind('package:go')!.reset('bash polyglot/package-go.sh');

// Python, Java and Go each synthesize the example platform; the output must equal TypeScript's.
project.addTask('polyglot', {
  description: 'Build the Python, Java and Go packages and check that each synthesizes the example platform like TypeScript',
  exec: 'bash polyglot/run.sh',
  receiveArgs: true,
});
project.gitignore.addPatterns('/examples/java/target/', '__pycache__/');
for (const dir of ['/examples/', '/polyglot/', '/e2e/', '/bench/', '/fuzz/', '/scratch/', '/.ci/']) {
  project.addPackageIgnore(dir);
}

// The one module that names the framework and the provider bindings (see projenrc/flavours.ts).
new TextFile(project, 'src/private/framework.ts', { lines: frameworkModule(CDKTF).split('\n') });

// The CDK Terrain flavour's staged copies of the sources are not linted twice.
project.eslint?.addIgnorePattern('flavours/cdktn/');
// The CDK Terrain flavour, built from the same sources (flavours/, README "Using CDK Terrain").
addCdktnFlavour(project);

project.synth();
