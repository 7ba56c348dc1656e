import { Construct, IConstruct } from 'constructs';
import type { IAgentPool } from './agent-pool';
import { Entitlement } from './entitlements';
import { NoCodeModule, NoCodeModuleOptions } from './no-code-module';
import type { IOrganization } from './organization';
import { adopt, adoptedId, importPart, organizationNameFor } from './private/adoption';
import { requireEntitlement } from './private/entitlements';
import { TfeRegistryModule, TfeTestVariable } from './private/l1-classes';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { claim, identityOf, sameIdentity, setIdentity } from './private/registry';
import { semverProblem } from './private/semver';
import { escapeTemplate, text } from './private/text';
import { checkString, fail, literal, quote, violation, warn } from './private/validation';
import { checkVcsConnection } from './private/vcs-connection';
import { useWriteOnly } from './private/write-only';
import { VariableCategory, VariableOptions } from './variable';
import type { IVcsConnection } from './vcs';

/**
 * A module of an organization's private registry, created here or referenced.
 */
export interface IRegistryModule extends IConstruct {
  /**
   * The registry module's ID (`mod-...`).
   * @attribute
   */
  readonly registryModuleId: string;

  /**
   * The organization whose registry holds the module.
   */
  readonly organization: IOrganization;
}

/**
 * Options of tag-based publishing.
 */
export interface ModuleTagPublishingOptions {
  /**
   * Publish only tags with this prefix (for repositories that hold several
   * modules, with `sourceDirectory`), e.g. `vpc-v`.
   * @default - every semantic-version tag
   */
  readonly tagPrefix?: string;
}

/**
 * Options of branch-based publishing.
 */
export interface ModuleBranchPublishingOptions {
  /**
   * The version the first published commit gets: a semantic version such as
   * `1.0.0`. Later versions are published through the API or the UI.
   * @default - the platform's default (0.0.0)
   */
  readonly initialVersion?: string;
}

/**
 * How new versions of a VCS-backed module are published: from tags
 * (`v1.2.3` tags of the repository) or from a branch (versions published
 * explicitly; needed for the registry's test integration).
 */
export class ModulePublishing {
  /**
   * A new version for each semantic-version tag of the repository.
   */
  public static tags(options: ModuleTagPublishingOptions = {}): ModulePublishing {
    return new ModulePublishing('tags', undefined, options.tagPrefix, undefined);
  }

  /**
   * Versions from a branch: the platform publishes the branch's commits as
   * versions you create (through the API or the UI), and can run the module's
   * tests on them.
   */
  public static branch(branch: string, options: ModuleBranchPublishingOptions = {}): ModulePublishing {
    return new ModulePublishing('branch', branch, undefined, options.initialVersion);
  }

  /**
   * `tags` or `branch`.
   */
  public readonly mechanism: string;

  /**
   * The branch, for branch-based publishing.
   */
  public readonly branchName?: string;

  /**
   * The tag prefix, for tag-based publishing.
   */
  public readonly tagPrefix?: string;

  /**
   * The initial version, for branch-based publishing.
   */
  public readonly initialVersion?: string;

  private constructor(mechanism: string, branchName?: string, tagPrefix?: string, initialVersion?: string) {
    this.mechanism = mechanism;
    this.branchName = branchName;
    this.tagPrefix = tagPrefix;
    this.initialVersion = initialVersion;
  }
}

/**
 * How the module's tests (`terraform test`) run on the platform.
 */
export interface RegistryModuleTestOptions {
  /**
   * Run the tests on this agent pool (agent execution).
   * @default - remote execution on the platform's workers
   */
  readonly agentPool?: IAgentPool;
}

/**
 * Properties of a VCS-backed private registry module.
 */
export interface RegistryModuleProps {
  /**
   * The organization whose private registry publishes the module.
   */
  readonly organization: IOrganization;

  /**
   * The VCS connection the repository is reached through (an `OAuthClient`
   * or a `GitHubAppInstallation`).
   */
  readonly connection: IVcsConnection;

  /**
   * The repository: `<vcs organization>/<repository>`. Its name is
   * `terraform-<provider>-<name>` (e.g. `acme/terraform-aws-vpc`), from
   * which the registry takes the module's provider and name; a module in a
   * subdirectory (`sourceDirectory`) may live in a repository named otherwise.
   */
  readonly repository: string;

  /**
   * The repository as the VCS provider displays it.
   * @default - the repository
   */
  readonly displayIdentifier?: string;

  /**
   * How versions are published.
   * @default ModulePublishing.tags()
   */
  readonly publishing?: ModulePublishing;

  /**
   * The module's directory in the repository, relative to its root (for
   * repositories that hold several modules).
   * @default - the repository's root
   */
  readonly sourceDirectory?: string;

  /**
   * Run the module's tests (`terraform test`) on the platform for each
   * commit and pull request. Needs branch-based publishing.
   * @default - tests are not run
   */
  readonly tests?: RegistryModuleTestOptions;
}

/**
 * A module of the organization's private registry, published from a VCS
 * repository (`tfe_registry_module` with `vcs_repo`, never the deprecated
 * `no_code` argument: make a module no-code with `enableNoCode(...)`).
 *
 * Needs the `private-module-registry` and `vcs-integrations` entitlements.
 *
 * @example
 * const vpc = new RegistryModule(stack, 'Vpc', {
 *   organization: acme,
 *   connection: github,
 *   repository: 'acme/terraform-aws-vpc',
 *   publishing: ModulePublishing.branch('main', { initialVersion: '1.0.0' }),
 *   tests: {},
 * });
 * vpc.addTestVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1') });
 * vpc.enableNoCode('NoCode', { versionPin: '1.0.0', variableOptions: [{ name: 'size', options: ['small', 'large'] }] });
 */
export class RegistryModule extends Construct implements IRegistryModule {
  /**
   * References an existing registry module by ID (`mod-...`). Creates nothing.
   */
  public static fromRegistryModuleId(scope: Construct, id: string, organization: IOrganization, registryModuleId: string): IRegistryModule {
    const ref = new ImportedRegistryModule(scope, id, organization, registryModuleId);
    checkString(ref, 'The registry module ID', registryModuleId, (v) => /^mod-[A-Za-z0-9]+$/.test(v) ? undefined
      : violation('TFE-REG-011', `registry module ID ${quote(v)} is not a registry module ID: it looks like "mod-qV9JnKRkmtMa4zcA" (see the module's page in the registry).`));
    const literalId = literal(registryModuleId);
    setIdentity(ref, literalId !== undefined ? `registry-module-id:${literalId}` : `path:${ref.node.path}`, literalId !== undefined ? `id:${literalId}` : undefined);
    return ref;
  }

  public readonly organization: IOrganization;

  /**
   * How versions are published.
   */
  public readonly publishing: ModulePublishing;

  /**
   * Whether the module's tests run on the platform.
   */
  public readonly testsEnabled: boolean;

  private readonly resource: TfeRegistryModule;

  constructor(scope: Construct, id: string, props: RegistryModuleProps) {
    super(scope, id);
    this.organization = props.organization;
    const publishing = props.publishing ?? ModulePublishing.tags();
    this.publishing = publishing;
    this.testsEnabled = props.tests !== undefined;

    checkForm(this, 'repository', 'The repository', props.repository);
    checkVcsConnection(this, 'registry module', props.connection, props.organization);
    this.checkSource(props);
    this.checkPublishing(publishing, props);
    requireEntitlement(this, props.organization, Entitlement.PRIVATE_MODULE_REGISTRY, 'a private registry module');
    requireEntitlement(this, props.organization, Entitlement.VCS_INTEGRATIONS, 'a VCS-backed registry module');
    if (props.tests?.agentPool) {
      requireEntitlement(this, props.organization, Entitlement.AGENTS, 'module tests on an agent pool');
      if (!sameIdentity(props.tests.agentPool.organization, props.organization)) {
        fail(this, 'TFE-REG-006', `test agent pool ${props.tests.agentPool.node.path} belongs to another organization: run the tests on a pool of the module's organization.`);
      }
    }

    this.resource = new TfeRegistryModule(this, 'Resource', {
      organization: props.organization.organizationName,
      vcsRepo: {
        identifier: props.repository,
        displayIdentifier: props.displayIdentifier ?? props.repository,
        oauthTokenId: props.connection.oauthTokenId,
        githubAppInstallationId: props.connection.githubAppInstallationId,
        branch: publishing.branchName === undefined ? undefined : text(publishing.branchName),
        tags: publishing.mechanism === 'tags',
        tagPrefix: text(publishing.tagPrefix),
        sourceDirectory: text(props.sourceDirectory),
      },
      initialVersion: publishing.initialVersion,
      testConfig: props.tests
        ? [{
          testsEnabled: true,
          agentExecutionMode: props.tests.agentPool ? 'agent' : 'remote',
          agentPoolId: props.tests.agentPool?.agentPoolId,
        }]
        : undefined,
    });
  }

  /**
   * Takes over the module, which already exists in the organization's private
   * registry: the app writes a Terraform `import` block for its
   * `tfe_registry_module` (import ID
   * `<organization>/private/<organization>/<name>/<provider>/<module ID>`,
   * name and provider from the repository name `terraform-<provider>-<name>`,
   * which must be a literal string). After the apply that imports it, it is managed exactly like one this app created. Test variables cannot be
   * imported (provider 0.71.0 has no importer for them).
   *
   * @param registryModuleId the module's ID (`mod-...`)
   */
  public adoptExisting(registryModuleId: string): void {
    const given = adoptedId(this, 'registryModuleId', 'The registry module ID', registryModuleId);
    adopt(this, given, (r) => {
      if (r !== this.resource) return undefined;
      const org = organizationNameFor(this, this.organization);
      const repository = importPart(this, 'the repository', this.resource.vcsRepo.internalValue?.identifier);
      const m = /^terraform-([^-]+)-(.+)$/.exec(repository.split('/').pop() ?? '')!;
      return `${org}/private/${org}/${m[2]}/${m[1]}/${given}`;
    });
  }

  /**
   * The registry module's ID (`mod-...`).
   * @attribute
   */
  public get registryModuleId(): string {
    return memoized(this, 'registryModuleId', () => this.resource.id);
  }

  /**
   * The module's name, as the registry derived it from the repository.
   * @attribute
   */
  public get moduleName(): string {
    return memoized(this, 'moduleName', () => this.resource.name);
  }

  /**
   * The module's provider, as the registry derived it from the repository.
   * @attribute
   */
  public get moduleProvider(): string {
    return memoized(this, 'moduleProvider', () => this.resource.moduleProvider);
  }

  /**
   * Adds an environment variable to the module's test runs
   * (`tfe_test_variable`), e.g. credentials the tests need. A sensitive value
   * must be a reference. Keys are unique per module.
   *
   * Test variables are environment variables (the category defaults to
   * `VariableCategory.ENV`): provider 0.71.0 accepts no other category, although
   * its documentation names `terraform` too. Pass a Terraform input `x` as the
   * environment variable `TF_VAR_x`.
   * @returns the `tfe_test_variable` resource
   */
  public addTestVariable(id: string, options: VariableOptions): TfeTestVariable {
    const category = options.category ?? VariableCategory.ENV;
    const scope = new Construct(this, id);
    if (category !== VariableCategory.ENV) {
      const key = literal(options.key);
      fail(scope, 'TFE-REG-014',
        `test variable ${quote(options.key)} has category ${quote(category)}, but test variables can only be environment variables ` +
        '(provider 0.71.0 accepts category "env" alone, whatever its documentation says): ' +
        `use category VariableCategory.ENV and pass a Terraform input as ${key !== undefined ? quote(`TF_VAR_${key}`) : 'TF_VAR_<name>'}.`);
    }
    checkForm(scope, category === VariableCategory.ENV ? 'environmentVariable' : 'terraformVariable', 'The test variable key', options.key);
    const value = options.value;
    if (category === VariableCategory.ENV && value._kind === 'hcl') {
      fail(scope, 'TFE-VAR-004',
        `environment variable ${quote(options.key)} has an HCL value, but HCL has no effect for environment variables: ` +
        'use VariableValue.string(JSON.stringify(...)), or category VariableCategory.TERRAFORM.');
    }
    if (options.sensitive && !value.isReference) {
      const problem = `test variable ${quote(options.key)} is sensitive, but its value (${value._factory}(...), not shown) is written literally in the program: ` +
        'a literal is written in plain text into cdk.tf.json, so the secret leaks. Pass VariableValue.fromReference(secret.stringValue) of a sensitive TerraformVariable';
      if (!options.allowPlaintextSecret) fail(scope, 'TFE-SECRET-003', `${problem}, or set allowPlaintextSecret: true to accept the risk.`);
      warn(scope, 'TFE-SECRET-004', `${problem} (accepted with allowPlaintextSecret: true).`);
    }
    const key = literal(options.key);
    if (key !== undefined) {
      const holder = claim(scope, `test-variable-key:${identityOf(this)}:${category}`, key);
      if (holder !== undefined) {
        fail(scope, 'TFE-REG-012',
          `test variable ${quote(key)} is already set by ${holder} on this module: keys are unique per module; remove one.`);
      }
    }
    if (!this.testsEnabled) {
      warn(scope, 'TFE-REG-013', 'the module\'s tests are not enabled (no tests in the props): test variables are only used by test runs; enable tests, or remove the variable.');
    }
    if (options.initialValueOnly && options.writeOnly) {
      fail(scope, 'TFE-VAR-021',
        `test variable ${quote(options.key)} is both writeOnly and initialValueOnly: a write-only value is never read back from the platform, ` +
        'so edits made in the UI are kept anyway (a change of the value in the program still replaces the variable); drop initialValueOnly.');
    }
    if (options.writeOnly) {
      if (!options.sensitive) {
        fail(scope, 'TFE-WO-001',
          `test variable ${quote(options.key)} is writeOnly but not sensitive: write-only keeps the value out of the state, yet the platform ` +
          'would show it to everyone who can read the module\'s test variables; set sensitive: true as well.');
      }
      useWriteOnly(scope, `the value of test variable ${quote(options.key)}`, value.text);
    }
    return new TfeTestVariable(scope, 'Resource', {
      organization: this.organization.organizationName,
      moduleName: this.moduleName,
      moduleProvider: this.moduleProvider,
      key: options.key,
      value: options.writeOnly ? undefined : value.text,
      valueWo: options.writeOnly ? value.text : undefined,
      lifecycle: options.initialValueOnly ? { ignoreChanges: ['value'] } : undefined,
      category,
      hcl: value.isHcl && !(category === VariableCategory.ENV && value._kind === 'scalar') ? true : undefined,
      sensitive: options.sensitive ? true : undefined,
      description: options.description === undefined ? undefined : escapeTemplate(options.description),
    });
  }

  /**
   * Makes the module available for no-code provisioning (`tfe_no_code_module`).
   */
  public enableNoCode(id: string, options: NoCodeModuleOptions = {}): NoCodeModule {
    return new NoCodeModule(this, id, { ...options, registryModule: this });
  }

  private checkSource(props: RegistryModuleProps): void {
    const repository = literal(props.repository);
    if (props.sourceDirectory !== undefined) {
      checkString(this, 'The source directory', props.sourceDirectory, (v) =>
        v.trim() === '' || v.startsWith('/') || v.split('/').some((part) => part === '..')
          ? violation('TFE-REG-007', `sourceDirectory ${quote(v)} is invalid: give the module's directory relative to the repository root, without "..", e.g. "modules/vpc".`)
          : undefined);
    } else if (repository !== undefined) {
      const repoName = repository.split('/').pop() ?? '';
      const m = /^terraform-([^-]+)-(.+)$/.exec(repoName);
      if (!m) {
        fail(this, 'TFE-REG-001',
          `repository ${quote(repository)} is not named terraform-<provider>-<name>: the registry takes the module's provider and name from the repository name ` +
          '(e.g. "acme/terraform-aws-vpc"); rename the repository, or give sourceDirectory for a module in a subdirectory.');
      }
      if (!/^[a-z0-9]+$/.test(m[1])) {
        fail(this, 'TFE-REG-002',
          `repository ${quote(repository)} names the module provider ${quote(m[1])}: the provider segment is lowercase letters and digits ` +
          '(the main provider the module uses, e.g. "aws" in terraform-aws-vpc).');
      }
      const holder = claim(this, `registry-module-name:${identityOf(props.organization)}`, `${m[2]}/${m[1]}`);
      if (holder !== undefined) {
        fail(this, 'TFE-REG-010',
          `module ${quote(`${m[2]}/${m[1]}`)} (name/provider) is already published by ${holder} in organization ${props.organization.node.path}: ` +
          'a private registry holds one module per name and provider; publish the other repository under another name.');
      }
    }
    if (repository !== undefined) {
      const directory = literal(props.sourceDirectory) ?? '';
      const holder = claim(this, `registry-module-repo:${identityOf(props.organization)}`, `${repository}//${directory}`);
      if (holder !== undefined) {
        fail(this, 'TFE-REG-009',
          `repository ${quote(repository)}${directory ? ` (directory ${quote(directory)})` : ''} is already published by ${holder}: ` +
          'publish each module (repository and directory) once.');
      }
    }
  }

  private checkPublishing(publishing: ModulePublishing, props: RegistryModuleProps): void {
    if (publishing.mechanism === 'branch') {
      checkString(this, 'The branch', publishing.branchName, (v) => v.trim() === ''
        ? violation('TFE-REG-003', `branch ${quote(v)} is empty: give the branch whose commits are published, e.g. ModulePublishing.branch("main").`)
        : undefined);
      checkString(this, 'The initial version', publishing.initialVersion, (v) => semverProblem('TFE-REG-005', 'initialVersion', v));
    } else {
      checkString(this, 'The tag prefix', publishing.tagPrefix, (v) => v === ''
        ? violation('TFE-REG-008', 'tagPrefix is empty: give the prefix of the tags to publish (e.g. "vpc-v"), or leave tagPrefix out for every version tag.')
        : undefined);
      if (props.tests !== undefined) {
        fail(this, 'TFE-REG-004',
          'tests are enabled, but the module is published from tags: the platform runs module tests only for branch-based publishing; ' +
          'use ModulePublishing.branch("main"), or remove tests.');
      }
    }
  }
}

class ImportedRegistryModule extends Construct implements IRegistryModule {
  public readonly registryModuleId: string;
  public readonly organization: IOrganization;

  constructor(scope: Construct, id: string, organization: IOrganization, registryModuleId: string) {
    super(scope, id);
    this.organization = organization;
    this.registryModuleId = registryModuleId;
  }
}
