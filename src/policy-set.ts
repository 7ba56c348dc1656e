import { Construct, IConstruct } from 'constructs';
import { Entitlement } from './entitlements';
import type { IOrganization } from './organization';
import { EnforcementLevel, IPolicy, PolicyKind } from './policy';
import { adopt, adoptedId } from './private/adoption';
import { requireEntitlement } from './private/entitlements';
import { Lazy } from './private/framework';
import { escapeTemplate } from './private/hcl';
import { DataTfePolicySet, PolicySetParameter, ProjectPolicySet, TfePolicySet, WorkspacePolicySet, WorkspacePolicySetExclusion } from './private/l1-classes';
import { recordLegacyId } from './private/legacy-addresses';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { recordPolicyMembership } from './private/policy-registry';
import { claim, connectionId, identityOf, sameIdentity, setIdentity } from './private/registry';
import { checkSecret } from './private/secrets';
import { text } from './private/text';
import { checkString, fail, literal, quote, resolveValue, synthProblem, violation, warn } from './private/validation';
import { checkVcsConnection } from './private/vcs-connection';
import { useWriteOnly } from './private/write-only';
import type { IProject } from './project';
import type { IVcsConnection } from './vcs';
import type { IWorkspace } from './workspace';
import type { WorkspaceGroup } from './workspace-group';

/**
 * Options of a policy set parameter.
 */
export interface PolicySetParameterOptions {
  /**
   * Whether the value is sensitive: written once, never shown again by the
   * platform. A sensitive value must be a reference (e.g. a sensitive
   * `TerraformVariable`'s value), not a literal, unless `allowPlaintextSecret`.
   * @default false
   */
  readonly sensitive?: boolean;

  /**
   * Accept a literal string as a sensitive value. It is written in plain text
   * to the synthesized JSON (and a warning says so).
   * @default false
   */
  readonly allowPlaintextSecret?: boolean;

  /**
   * Write the value to the write-only argument `value_wo`, so the Terraform
   * state never holds it. Needs `sensitive: true` and Terraform 1.11 or later
   * (the stack declares `required_version ">= 1.11.0"`). Provider 0.71.0
   * replaces the parameter when the value changes, and a value read from an
   * ephemeral resource is refused (it would replace the parameter on every
   * apply).
   * @default false
   */
  readonly writeOnly?: boolean;
}

/**
 * A policy set, created here or referenced.
 */
export interface IPolicySet extends IConstruct {
  /**
   * The policy set's ID (`polset-...`).
   * @attribute
   */
  readonly policySetId: string;

  /**
   * The organization the policy set belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The policy-as-code framework of the set's policies, when this app knows
   * it (undefined for a referenced set).
   */
  readonly kind?: PolicyKind;

  /**
   * Enforces the set's policies on a workspace's runs (`tfe_workspace_policy_set`).
   */
  attachTo(workspace: IWorkspace): WorkspacePolicySet;

  /**
   * Enforces the set's policies on the runs of every workspace of a project
   * (`tfe_project_policy_set`).
   */
  attachToProject(project: IProject): ProjectPolicySet;

  /**
   * Enforces the set's policies on every member of a workspace group.
   * @returns the attachments, in member order
   */
  attachToGroup(group: WorkspaceGroup): WorkspacePolicySet[];

  /**
   * Keeps the set's policies off a workspace that the set would otherwise
   * cover through its project or an organization-wide scope
   * (`tfe_workspace_policy_set_exclusion`).
   */
  exclude(workspace: IWorkspace): WorkspacePolicySetExclusion;

  /**
   * Adds a parameter, passed to the set's Sentinel policies
   * (`tfe_policy_set_parameter`).
   */
  addParameter(key: string, value: string, options?: PolicySetParameterOptions): PolicySetParameter;
}

/**
 * A VCS repository the policy set's policies (and their enforcement levels,
 * in `sentinel.hcl` or the OPA configuration file) are read from.
 */
export interface PolicySetVcsOptions {
  /**
   * The connection to the VCS provider: an `OAuthClient` or a
   * `GitHubAppInstallation` (of the set's organization).
   */
  readonly connection: IVcsConnection;

  /**
   * The repository: `<vcs organization>/<repository>` (Azure DevOps:
   * `<organization>/<project>/_git/<repository>`).
   */
  readonly repository: string;

  /**
   * The branch the policies are read from.
   * @default - the repository's default branch
   */
  readonly branch?: string;

  /**
   * The directory of the repository that holds the policy set; everything
   * outside it is ignored. Changing it replaces the policy set.
   * @default - the repository's root
   */
  readonly policiesPath?: string;

  /**
   * Whether git submodules are fetched with the repository.
   * @default false
   */
  readonly ingressSubmodules?: boolean;
}

/**
 * Properties of a policy set.
 */
export interface PolicySetProps {
  /**
   * The organization the policy set belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The policy set's name: letters, numbers, `-` and `_`; unique in the organization.
   */
  readonly name: string;

  /**
   * A description of the set's purpose.
   * @default - none
   */
  readonly description?: string;

  /**
   * The policy-as-code framework of the set. Every policy of a set has the
   * set's kind. Changing it replaces the policy set.
   * @default PolicyKind.SENTINEL
   */
  readonly kind?: PolicyKind;

  /**
   * Whether the set applies to every workspace of the organization (the
   * provider's `global`). An organization-wide set cannot also be attached to
   * chosen workspaces or projects, but workspaces can be excluded from it.
   * @default false - the set applies to the workspaces and projects it is attached to
   */
  readonly appliesToAllWorkspaces?: boolean;

  /**
   * Workspaces to enforce the set on. More can be added with `attachTo`.
   * @default - none
   */
  readonly workspaces?: IWorkspace[];

  /**
   * Projects to enforce the set on (all their workspaces). More can be added
   * with `attachToProject`.
   * @default - none
   */
  readonly projects?: IProject[];

  /**
   * Workspaces the set is not enforced on, although its project or the
   * organization-wide scope would cover them. More can be added with `exclude`.
   * @default - none
   */
  readonly excludedWorkspaces?: IWorkspace[];

  /**
   * Policies of the set (the provider's `policy_ids`), all of the set's kind.
   * More can be added with `addPolicy`. Excludes `vcs`.
   * @default - none
   */
  readonly policies?: IPolicy[];

  /**
   * Read the set's policies from a VCS repository (`vcs_repo` and
   * `policies_path`) instead of listing them. Excludes `policies`.
   * @default - the set holds the policies given in `policies` or with `addPolicy`
   */
  readonly vcs?: PolicySetVcsOptions;

  /**
   * Whether users allowed to override policies may override a failed
   * mandatory policy of this set during a run. Only for OPA sets (the
   * provider accepts it for OPA only).
   * @default false
   */
  readonly overridable?: boolean;

  /**
   * The version of the policy tool (Sentinel or OPA) the set's policies are
   * evaluated with, e.g. `0.24.1`. OPA sets take no `latest`. A Sentinel set
   * pins a version only when it runs as a policy evaluation (`agentEnabled`).
   * @default - the latest version when the set is created
   */
  readonly policyToolVersion?: string;

  /**
   * Whether the set runs as a policy evaluation inside the HCP Terraform
   * agent (rather than as a legacy Sentinel policy check). OPA sets always
   * run in the agent: false is refused for them.
   * @default - the platform's default (true for OPA sets)
   */
  readonly agentEnabled?: boolean;
}

/**
 * The Terraform expression a reference stands for (`var.key` for
 * `${var.key}`), for construct ids: the same however many tokens the program
 * created before it.
 */
function referenceText(scope: IConstruct, value: string): string {
  const resolved = resolveValue(scope, value);
  const expression = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
  return expression.replace(/^\$\{([\s\S]*)\}$/, '$1').replace(/\//g, '-');
}

/**
 * Behaviour shared by created and referenced policy sets.
 */
export abstract class PolicySetBase extends Construct implements IPolicySet {
  public abstract readonly policySetId: string;
  public abstract readonly organization: IOrganization;
  public abstract readonly kind?: PolicyKind;

  private readonly workspaceAttachments = new Map<string, { target: IWorkspace; resource: WorkspacePolicySet }>();
  private readonly projectAttachments = new Map<string, { target: IProject; resource: ProjectPolicySet }>();
  private readonly exclusions = new Map<string, { target: IWorkspace; resource: WorkspacePolicySetExclusion }>();
  private readonly parameters = new Map<string, PolicySetParameter>();

  public attachTo(workspace: IWorkspace): WorkspacePolicySet {
    this.checkSameOrganization('workspace', workspace);
    const key = identityOf(workspace);
    const existing = this.workspaceAttachments.get(key);
    if (existing) {
      fail(this, 'TFE-PSET-003',
        `workspace ${workspace.node.path} is already attached to this policy set (${existing.resource.node.path}): ` +
        'a set is attached to a workspace once; remove the duplicate attachTo (or the duplicate entry in workspaces).');
    }
    const excluded = this.exclusions.get(key);
    if (excluded) {
      fail(this, 'TFE-PSET-004',
        `workspace ${workspace.node.path} is excluded from this policy set (${excluded.resource.node.path}) and cannot also be attached: ` +
        'an exclusion wins over every attachment, so the set would not be enforced there; remove the exclude or the attachTo.');
    }
    const resource = new WorkspacePolicySet(this, connectionId('Workspace', workspace), {
      policySetId: this.policySetId,
      workspaceId: workspace.workspaceId,
    });
    recordLegacyId(resource, this, `Workspace-${workspace.node.id}`);
    this.workspaceAttachments.set(key, { target: workspace, resource });
    return resource;
  }

  public attachToProject(project: IProject): ProjectPolicySet {
    this.checkSameOrganization('project', project);
    const key = identityOf(project);
    const existing = this.projectAttachments.get(key);
    if (existing) {
      fail(this, 'TFE-PSET-005',
        `project ${project.node.path} is already attached to this policy set (${existing.resource.node.path}): ` +
        'a set is attached to a project once; remove the duplicate attachToProject (or the duplicate entry in projects).');
    }
    const resource = new ProjectPolicySet(this, connectionId('Project', project), {
      policySetId: this.policySetId,
      projectId: project.projectId,
    });
    recordLegacyId(resource, this, `Project-${project.node.id}`);
    this.projectAttachments.set(key, { target: project, resource });
    return resource;
  }

  public attachToGroup(group: WorkspaceGroup): WorkspacePolicySet[] {
    return group.members.map((member) => this.attachTo(member));
  }

  public exclude(workspace: IWorkspace): WorkspacePolicySetExclusion {
    this.checkSameOrganization('workspace', workspace);
    const key = identityOf(workspace);
    const existing = this.exclusions.get(key);
    if (existing) {
      fail(this, 'TFE-PSET-006',
        `workspace ${workspace.node.path} is already excluded from this policy set (${existing.resource.node.path}): ` +
        'remove the duplicate exclude (or the duplicate entry in excludedWorkspaces).');
    }
    const attached = this.workspaceAttachments.get(key);
    if (attached) {
      fail(this, 'TFE-PSET-007',
        `workspace ${workspace.node.path} is attached to this policy set (${attached.resource.node.path}) and cannot also be excluded: ` +
        'an exclusion wins over every attachment, so attaching it has no effect; remove the attachTo (to exclude it) or the exclude (to enforce the set there). ' +
        'Exclusions are for workspaces the set covers through a project or an organization-wide scope.');
    }
    const resource = new WorkspacePolicySetExclusion(this, connectionId('Exclusion', workspace), {
      policySetId: this.policySetId,
      workspaceId: workspace.workspaceId,
    });
    recordLegacyId(resource, this, `Exclusion-${workspace.node.id}`);
    this.exclusions.set(key, { target: workspace, resource });
    return resource;
  }

  public addParameter(key: string, value: string, options: PolicySetParameterOptions = {}): PolicySetParameter {
    checkForm(this, 'policySetParameter', 'A parameter key', key);
    const literalKey = literal(key);
    // A key is named by its text, or a reference key by the expression it
    // stands for (`${var.key}` -> `ref:var.key`): never by the order of calls.
    const handle = literalKey ?? `ref:${referenceText(this, key)}`;
    const existing = this.parameters.get(handle);
    if (existing) {
      fail(this, 'TFE-PSET-009',
        `parameter key ${quote(literalKey ?? handle)} is already set on this policy set (${existing.node.path}): a key appears once per set; ` +
        'remove the duplicate addParameter, or change its key.');
    }
    if (options.sensitive) {
      checkSecret(this, { what: literalKey ?? 'parameter' }, value, options.allowPlaintextSecret ?? false);
    }
    if (options.writeOnly) {
      if (!options.sensitive) {
        fail(this, 'TFE-WO-001',
          `parameter ${quote(literalKey ?? handle)} is writeOnly but not sensitive: write-only keeps the value out of the state, yet the platform ` +
          'would show it to everyone who can read the policy set; set sensitive: true as well.');
      }
      useWriteOnly(this, `the value of parameter ${quote(literalKey ?? handle)}`, value);
    }
    const parameter = new PolicySetParameter(this, `Parameter-${handle}`, {
      policySetId: this.policySetId,
      key,
      value: options.writeOnly ? undefined : escapeTemplate(value),
      valueWo: options.writeOnly ? escapeTemplate(value) : undefined,
      sensitive: options.sensitive ?? false,
    });
    // Earlier versions numbered parameters with reference keys in the order they were added.
    if (literalKey === undefined) recordLegacyId(parameter, this, `Parameter-${this.parameters.size + 1}`);
    this.parameters.set(handle, parameter);
    return parameter;
  }

  /**
   * The workspaces the set is attached to.
   */
  public get attachedWorkspaces(): IWorkspace[] {
    return [...this.workspaceAttachments.values()].map((a) => a.target);
  }

  /**
   * The projects the set is attached to.
   */
  public get attachedProjects(): IProject[] {
    return [...this.projectAttachments.values()].map((a) => a.target);
  }

  /**
   * The workspaces excluded from the set.
   */
  public get excludedWorkspaces(): IWorkspace[] {
    return [...this.exclusions.values()].map((a) => a.target);
  }

  private checkSameOrganization(kind: string, target: IWorkspace | IProject): void {
    if (!sameIdentity(target.organization, this.organization)) {
      fail(this, 'TFE-PSET-010',
        `${kind} ${target.node.path} belongs to organization ${quote(identityOf(target.organization))}, but this policy set belongs to ` +
        `${quote(identityOf(this.organization))}: a policy set applies only within its organization; ` +
        `use a ${kind} of ${quote(identityOf(this.organization))}, or create a policy set in the other organization.`);
    }
  }
}

/**
 * A policy set (`tfe_policy_set`): policies of one kind, enforced on the runs
 * of the workspaces it applies to: all of the organization's
 * (`appliesToAllWorkspaces`), or those it is attached to
 * (`tfe_workspace_policy_set`, `tfe_project_policy_set`; the provider's
 * `workspace_ids` is never used), minus excluded workspaces
 * (`tfe_workspace_policy_set_exclusion`), which win over every attachment.
 *
 * Its policies are either listed (`policies`, `addPolicy`: the provider's
 * `policy_ids`) or read from a VCS repository (`vcs`), never both.
 *
 * @example
 * const guardrails = new PolicySet(stack, 'Guardrails', {
 *   organization: acme,
 *   name: 'guardrails',
 *   kind: PolicyKind.SENTINEL,
 *   policies: [restrictInstanceTypes],
 *   projects: [payments],
 * });
 * guardrails.exclude(sandbox);
 * guardrails.addParameter('allowed_regions', '["eu-west-1"]');
 */
export class PolicySet extends PolicySetBase {
  /**
   * References an existing policy set by ID (`polset-` and 16 letters or
   * digits). Creates nothing; its kind is unknown.
   */
  public static fromPolicySetId(scope: Construct, id: string, organization: IOrganization, policySetId: string): IPolicySet {
    const set = new ImportedPolicySet(scope, id, organization, policySetId);
    checkForm(set, 'policySetId', 'The policy set ID', policySetId);
    return set;
  }

  /**
   * Looks up an existing policy set by name (a `tfe_policy_set` data
   * source). Creates nothing; its kind is unknown.
   */
  public static fromPolicySetName(scope: Construct, id: string, organization: IOrganization, policySetName: string): IPolicySet {
    const set = new ImportedPolicySet(scope, id, organization, '');
    checkForm(set, 'policySet', 'The policy set name', policySetName);
    set.policySetId = new DataTfePolicySet(set, 'Lookup', { name: policySetName, organization: organization.organizationName }).id;
    setIdentity(set, `policy-set:${identityOf(organization)}/${policySetName}`);
    return set;
  }

  public readonly policySetId: string;
  public readonly organization: IOrganization;
  /**
   * The set's kind (always set on a set created here).
   */
  public readonly kind?: PolicyKind;
  private readonly setKind: PolicyKind;

  /**
   * The policy set's name.
   * @attribute
   */
  public get policySetName(): string {
    return memoized(this, 'policySetName', () => this.resource.name);
  }

  /**
   * Whether the set applies to every workspace of the organization.
   */
  public readonly appliesToAllWorkspaces: boolean;

  /**
   * The VCS repository the policies are read from, for a VCS-backed set.
   */
  public readonly vcs?: PolicySetVcsOptions;

  private readonly members: IPolicy[] = [];
  private readonly resource: TfePolicySet;

  constructor(scope: Construct, id: string, props: PolicySetProps) {
    super(scope, id);
    this.organization = props.organization;
    this.setKind = props.kind ?? PolicyKind.SENTINEL;
    this.kind = this.setKind;
    this.appliesToAllWorkspaces = props.appliesToAllWorkspaces ?? false;
    this.vcs = props.vcs;
    if (!Object.values(PolicyKind).includes(this.setKind)) {
      fail(this, 'TFE-PSET-002', `policy set kind ${quote(this.setKind)} is not a policy kind: use PolicyKind.SENTINEL or PolicyKind.OPA.`);
    }
    requireEntitlement(this, props.organization, Entitlement.POLICY_ENFORCEMENT, `policy set ${quote(props.name)}`);
    checkForm(this, 'policySet', 'The policy set name', props.name);
    const name = literal(props.name);
    if (name !== undefined) {
      const holder = claim(this, `policy-set-name:${identityOf(props.organization)}`, name);
      if (holder !== undefined) {
        fail(this, 'TFE-PSET-001',
          `policy set name ${quote(name)} is already used by ${holder} in organization ${props.organization.node.path}: ` +
          'policy set names are unique per organization; choose another name.');
      }
      setIdentity(this, `policy-set:${identityOf(props.organization)}/${name}`);
    }
    this.validateOptions(props);
    const vcs = props.vcs;
    if (vcs) this.validateVcs(vcs);

    this.resource = new TfePolicySet(this, 'Resource', {
      name: props.name,
      description: text(props.description),
      organization: props.organization.organizationName,
      kind: this.setKind,
      global: this.appliesToAllWorkspaces,
      overridable: props.overridable,
      agentEnabled: props.agentEnabled,
      policyToolVersion: props.policyToolVersion,
      policyIds: Lazy.listValue({ produce: () => this.members.map((p) => p.policyId) }, { omitEmpty: true }),
      policiesPath: vcs?.policiesPath,
      vcsRepo: vcs
        ? {
          identifier: vcs.repository,
          branch: vcs.branch,
          ingressSubmodules: vcs.ingressSubmodules,
          oauthTokenId: vcs.connection.oauthTokenId,
          githubAppInstallationId: vcs.connection.githubAppInstallationId,
        }
        : undefined,
    });
    this.policySetId = this.resource.id;

    for (const policy of props.policies ?? []) this.addPolicy(policy);
    for (const workspace of props.workspaces ?? []) this.attachTo(workspace);
    for (const project of props.projects ?? []) this.attachToProject(project);
    for (const workspace of props.excludedWorkspaces ?? []) this.exclude(workspace);
    this.node.addValidation({ validate: () => this.validateSet() });
  }

  /**
   * Takes over the policy set, which already exists on the platform: the app
   * writes a Terraform `import` block for its `tfe_policy_set` (import ID:
   * the set's ID). After the apply that imports it, it is managed exactly like one this app created. Attachments and parameters that already exist
   * are adopted one by one with `importFrom` (`attachTo(ws).importFrom('<organization>/<workspace name>/<set name>')`,
   * `addParameter(...).importFrom('<set ID>/<parameter ID>')`).
   *
   * @param policySetId the set's ID (`polset-...`)
   */
  public adoptExisting(policySetId: string): void {
    const given = adoptedId(this, 'policySetId', 'The policy set ID', policySetId);
    adopt(this, given, (r) => (r === this.resource ? given : undefined));
  }

  /**
   * Adds a policy to the set (the provider's `policy_ids`). The policy must be
   * of the set's kind (checked at synth) and organization; a VCS-backed set
   * takes no listed policies.
   */
  public addPolicy(policy: IPolicy): void {
    if (this.vcs) {
      fail(this, 'TFE-PSET-011',
        `policy ${policy.node.path} cannot be added: this policy set reads its policies from the VCS repository ${quote(this.vcs.repository)}, ` +
        'and a VCS-backed set takes no listed policies (the provider refuses policy_ids with vcs_repo); ' +
        'put the policy in the repository, or use a set without vcs for listed policies.');
    }
    if (!sameIdentity(policy.organization, this.organization)) {
      fail(this, 'TFE-PSET-012',
        `policy ${policy.node.path} belongs to organization ${quote(identityOf(policy.organization))}, but this policy set belongs to ` +
        `${quote(identityOf(this.organization))}: a set holds policies of its own organization; ` +
        `create the policy in ${quote(identityOf(this.organization))}, or add it to a set of its organization.`);
    }
    if (this.members.some((p) => sameIdentity(p, policy))) {
      fail(this, 'TFE-PSET-013', `policy ${policy.node.path} is already in this policy set: remove the duplicate addPolicy (or the duplicate entry in policies).`);
    }
    const earlier = recordPolicyMembership(this, identityOf(policy), identityOf(this.organization));
    if (earlier) {
      fail(this, 'TFE-PSET-014',
        `policy ${policy.node.path} is already in policy set ${earlier.setPath} of organization ${quote(earlier.organization)}, ` +
        `and this set belongs to ${quote(identityOf(this.organization))}: a policy belongs to one organization, so it cannot be in sets of two; ` +
        'create a separate policy in each organization.');
    }
    this.members.push(policy);
  }

  /**
   * The policies listed in the set (not those of a VCS repository).
   */
  public get policies(): IPolicy[] {
    return [...this.members];
  }

  /**
   * The enforcement levels of the listed policies, each once, in the order of
   * the policies (levels of referenced policies are included when given).
   * Empty for a VCS-backed set, whose levels live in the repository.
   */
  public get enforcementLevels(): EnforcementLevel[] {
    const levels: EnforcementLevel[] = [];
    for (const p of this.members) {
      if (p.enforcementLevel && !levels.includes(p.enforcementLevel)) levels.push(p.enforcementLevel);
    }
    return levels;
  }

  private validateOptions(props: PolicySetProps): void {
    const escaped = (props as unknown as { policiesPath?: unknown }).policiesPath;
    if (escaped !== undefined) {
      fail(this, 'TFE-PSET-015',
        `policiesPath ${quote(escaped)} was given outside vcs: a policies path is a directory of the set's VCS repository, and the provider ` +
        'accepts policies_path only with vcs_repo; move it into vcs: { connection, repository, policiesPath }, or drop it.');
    }
    if (props.overridable !== undefined && this.setKind !== PolicyKind.OPA) {
      fail(this, 'TFE-PSET-016',
        `overridable (${props.overridable}) is set on a ${quote(this.setKind)} policy set: the provider accepts overridable for OPA policy sets only ` +
        '(Sentinel sets are overridden per policy, by the soft-mandatory level); remove overridable, or make the set kind: PolicyKind.OPA.');
    }
    if (this.setKind === PolicyKind.OPA && props.agentEnabled === false) {
      fail(this, 'TFE-PSET-017',
        'agentEnabled is false on an OPA policy set: OPA policies only run as policy evaluations in the HCP Terraform agent; ' +
        'remove agentEnabled (or set it to true).');
    }
    checkString(this, 'The policy tool version', props.policyToolVersion, (v) => {
      if (v.trim() === '') {
        return violation('TFE-PSET-018', `policyToolVersion ${quote(v)} is empty: give a version such as "0.24.1", or leave it out for the latest.`);
      }
      if (this.setKind === PolicyKind.OPA && v === 'latest') {
        return violation('TFE-PSET-019',
          'policyToolVersion "latest" is not accepted for OPA policy sets: give a version such as "0.61.0", or leave policyToolVersion out for the latest.');
      }
      return undefined;
    });
    if (this.setKind === PolicyKind.SENTINEL && props.policyToolVersion !== undefined && props.agentEnabled === false) {
      fail(this, 'TFE-PSET-020',
        `policyToolVersion ${quote(props.policyToolVersion)} with agentEnabled false: legacy Sentinel policy checks always run the latest Sentinel, ` +
        'only policy evaluations in the agent pin a version; set agentEnabled: true, or remove policyToolVersion.');
    }
  }

  private validateVcs(vcs: PolicySetVcsOptions): void {
    requireEntitlement(this, this.organization, Entitlement.VCS_INTEGRATIONS, `the VCS-backed policy set ${this.node.path}`);
    checkForm(this, 'repository', 'The repository', vcs.repository);
    checkVcsConnection(this, 'policy set', vcs.connection, this.organization);
    checkString(this, 'The policies path', vcs.policiesPath, (p) => p.trim() === ''
      ? violation('TFE-PSET-021', `policiesPath ${quote(p)} is empty: give the repository directory of the policy set, e.g. "policies/aws", or leave it out for the root.`)
      : undefined,
    );
  }

  /**
   * Rules over everything added by synth time: attachments of an
   * organization-wide set, the kinds of the listed policies, exclusions that
   * cannot take effect, and a policies path slipped in without a repository.
   */
  private validateSet(): string[] {
    const errors: string[] = [];
    if (this.appliesToAllWorkspaces) {
      const targets = [...this.attachedWorkspaces, ...this.attachedProjects];
      if (targets.length > 0) {
        errors.push(synthProblem(violation('TFE-PSET-022',
          'policy set applies to all workspaces (appliesToAllWorkspaces: true, the provider\'s global) but is also attached to ' +
          `${targets.map((t) => t.node.path).join(', ')}: an organization-wide set already covers every workspace; ` +
          'either drop appliesToAllWorkspaces (to enforce the set on the chosen workspaces and projects only) or remove the attachTo/attachToProject calls ' +
          '(exclude(workspace) is how an organization-wide set skips a workspace).')));
      }
    } else if (this.excludedWorkspaces.length > 0 && this.attachedProjects.length === 0) {
      warn(this, 'TFE-PSET-023',
        `exclusions of ${this.excludedWorkspaces.map((w) => w.node.path).join(', ')} have no effect: the set is neither organization-wide nor attached ` +
        'to a project, so it covers only the workspaces attached to it directly.');
    }
    const mismatched = this.members.filter((p) => p.kind !== this.setKind);
    if (mismatched.length > 0) {
      errors.push(synthProblem(violation('TFE-PSET-024',
        `policy set of kind ${quote(this.setKind)} holds policies of another kind: ${mismatched.map((p) => `${p.node.path} (${quote(p.kind)})`).join(', ')}; ` +
        'a set\'s policies all share its kind: move them to a set of their kind, or change the set\'s kind.')));
    }
    const rendered = resolveValue(this, this.resource.toTerraform())?.resource?.tfe_policy_set;
    const body = rendered ? Object.values(rendered)[0] as { [key: string]: unknown } : undefined;
    if (body && body.policies_path !== undefined && body.vcs_repo === undefined) {
      errors.push(synthProblem(violation('TFE-PSET-025',
        `policies_path ${quote(body.policies_path)} is set without vcs_repo (through an override of ${this.resource.node.path}): the provider accepts a ` +
        'policies path only with a VCS repository; pass vcs: { connection, repository, policiesPath } instead.')));
    }
    return errors;
  }
}

class ImportedPolicySet extends PolicySetBase {
  public policySetId: string;
  public readonly organization: IOrganization;
  public readonly kind?: PolicyKind = undefined;

  constructor(scope: Construct, id: string, organization: IOrganization, policySetId: string) {
    super(scope, id);
    this.policySetId = policySetId;
    this.organization = organization;
    if (policySetId !== '') setIdentity(this, `policy-set-id:${policySetId}`);
  }
}
