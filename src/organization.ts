import { Construct, IConstruct } from 'constructs';
import { Entitlement, Entitlements } from './entitlements';
import type { ExecutionMode } from './execution-mode';
import { OrganizationMember, OrganizationMemberOptions } from './organization-member';
import { OrganizationToken, OrganizationTokenOptions } from './organization-token';
import { adopt, organizationNameFor } from './private/adoption';
import { checkDefaultExecutionMode } from './private/default-execution-mode';
import { requireEntitlement } from './private/entitlements';
import { Token } from './private/framework';
import { OrganizationDefaultSettings, TfeOrganization } from './private/l1-classes';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { setIdentity, setLiteralName } from './private/registry';
import { escapeTemplate } from './private/text';
import { fail, inform, literal, quote } from './private/validation';
import { Project, ProjectOptions } from './project';
import { Team, TeamOptions } from './team';

/**
 * An HCP Terraform / Terraform Enterprise organization, created here or
 * referenced by name.
 */
export interface IOrganization extends IConstruct {
  /**
   * The organization's name. For an organization created by this app it is a
   * reference to the `tfe_organization` resource, so everything that uses it
   * is created after the organization.
   * @attribute
   */
  readonly organizationName: string;

  /**
   * What the organization is entitled to, when declared (undefined: no checks).
   */
  readonly entitlements?: Entitlements;

  /**
   * Creates a team in this organization.
   */
  addTeam(id: string, options: TeamOptions): Team;

  /**
   * Creates a project in this organization.
   */
  addProject(id: string, options: ProjectOptions): Project;

  /**
   * Invites a user (by email) to this organization.
   */
  inviteMember(id: string, options: OrganizationMemberOptions): OrganizationMember;

  /**
   * Creates the organization's API token (one per organization).
   */
  addToken(id: string, options?: OrganizationTokenOptions): OrganizationToken;

  /**
   * Sets where runs execute for the workspaces that set no execution mode of
   * their own and whose project sets none (`tfe_organization_default_settings`).
   */
  configureDefaultExecutionMode(mode: ExecutionMode): void;
}

/**
 * Who may log in to the organization.
 */
export enum CollaboratorAuthPolicy {
  /** Password login (optionally with two-factor authentication). */
  PASSWORD = 'password',
  /** Two-factor authentication is required for every member. */
  TWO_FACTOR_MANDATORY = 'two_factor_mandatory',
}

/**
 * Options for an organization, without its scope.
 */
export interface OrganizationProps {
  /**
   * The organization's name: letters, numbers, `-` and `_`, unique on the platform.
   */
  readonly name: string;

  /**
   * The admin email address of the organization.
   */
  readonly email: string;

  /**
   * Authentication policy for the organization's members.
   * @default CollaboratorAuthPolicy.PASSWORD
   */
  readonly collaboratorAuthPolicy?: CollaboratorAuthPolicy;

  /**
   * Minutes of inactivity after which a session expires (Terraform Enterprise only).
   * @default - the platform's default (20160, two weeks)
   */
  readonly sessionTimeoutMinutes?: number;

  /**
   * Minutes after which a session expires regardless of activity (Terraform Enterprise only).
   * @default - the platform's default (20160, two weeks)
   */
  readonly sessionRememberMinutes?: number;

  /**
   * Whether cost estimation runs for all workspaces.
   * @default - the platform's default (enabled)
   */
  readonly costEstimationEnabled?: boolean;

  /**
   * Where runs execute for workspaces that set no execution mode of their
   * own and whose project sets none (`tfe_organization_default_settings`);
   * see `configureDefaultExecutionMode`.
   * @default - the platform's default (remote)
   */
  readonly defaultExecutionMode?: ExecutionMode;

  /**
   * Whether health assessments (drift detection, continuous validation) run
   * for every workspace, overriding the workspace setting.
   * @default false
   */
  readonly assessmentsEnforced?: boolean;

  /**
   * Whether workspace administrators may delete workspaces that still manage resources.
   * @default false
   */
  readonly allowForceDeleteWorkspaces?: boolean;

  /**
   * Whether one commit status is sent for all workspaces of a VCS repository
   * instead of one per workspace.
   * @default false
   */
  readonly aggregatedCommitStatusEnabled?: boolean;

  /**
   * Whether unneeded speculative plans are cancelled automatically when a newer commit arrives.
   * @default - the platform's default (enabled)
   */
  readonly speculativePlanManagementEnabled?: boolean;

  /**
   * Whether passing commit statuses are sent for untriggered speculative plans.
   * @default false
   */
  readonly sendPassingStatusesForUntriggeredSpeculativePlans?: boolean;

  /**
   * The SAML role that maps to the owners team (Terraform Enterprise SSO).
   * @default - none
   */
  readonly ownersTeamSamlRoleId?: string;

  /**
   * What the organization's subscription entitles it to. When declared,
   * using a feature the organization lacks is a synth-time error naming the
   * missing entitlement.
   * @default - undeclared: no entitlement checks
   */
  readonly entitlements?: Entitlements;
}

/**
 * Behaviour shared by created and imported organizations.
 */
export abstract class OrganizationBase extends Construct implements IOrganization {
  public abstract readonly organizationName: string;
  public abstract readonly entitlements?: Entitlements;

  /**
   * Creates a team in this organization.
   */
  public addTeam(id: string, options: TeamOptions): Team {
    return new Team(this, id, { ...options, organization: this });
  }

  /**
   * Creates a project in this organization.
   */
  public addProject(id: string, options: ProjectOptions): Project {
    return new Project(this, id, { ...options, organization: this });
  }

  /**
   * Invites a user (by email) to this organization.
   */
  public inviteMember(id: string, options: OrganizationMemberOptions): OrganizationMember {
    return new OrganizationMember(this, id, { ...options, organization: this });
  }

  /**
   * Creates the organization's API token (one per organization).
   *
   * The organization token manages teams, membership and workspaces; it cannot
   * run plans or applies, so `RunCredentials.fromToken` refuses it.
   */
  public addToken(id: string, options: OrganizationTokenOptions = {}): OrganizationToken {
    return new OrganizationToken(this, id, { ...options, organization: this });
  }

  /**
   * Sets where runs execute for every workspace of the organization that
   * sets no execution mode of its own and whose project sets none
   * (`tfe_organization_default_settings`): `ExecutionMode.remote()`,
   * `.local()` or `.agent(pool)` with a pool of this organization. Works on
   * an organization referenced with `fromOrganizationName` too. Once per
   * organization.
   */
  public configureDefaultExecutionMode(mode: ExecutionMode): void {
    checkDefaultExecutionMode(this, mode, this, 'organization');
    new OrganizationDefaultSettings(this, 'DefaultSettings', {
      organization: this.organizationName,
      defaultExecutionMode: mode.mode,
      defaultAgentPoolId: mode.agentPool?.agentPoolId,
    });
  }
}

/**
 * An organization created by this app (`tfe_organization`).
 *
 * @example
 * const acme = new Organization(stack, 'Acme', { name: 'acme', email: 'platform@acme.example' });
 * const ops = acme.addTeam('Ops', { name: 'ops', organizationAccess: OrganizationAccess.workspaceManager() });
 */
export class Organization extends OrganizationBase {
  /**
   * References an organization that already exists, by name. Creates nothing.
   * @param entitlements what its subscription includes, to check features against (default: no checks)
   */
  public static fromOrganizationName(scope: Construct, id: string, organizationName: string, entitlements?: Entitlements): IOrganization {
    return new ImportedOrganization(scope, id, organizationName, entitlements);
  }

  public readonly organizationName: string;
  public readonly entitlements?: Entitlements;

  /**
   * The organization's ID (its name, as the platform uses it in the API).
   * @attribute
   */
  public get organizationId(): string {
    return memoized(this, 'organizationId', () => this.resource.id);
  }

  private readonly resource: TfeOrganization;

  constructor(scope: Construct, id: string, props: OrganizationProps) {
    super(scope, id);
    checkForm(this, 'organization', 'The organization name', props.name);
    checkForm(this, 'organizationEmail', 'The organization email', props.email);
    checkMinutes(this, 'sessionTimeoutMinutes', props.sessionTimeoutMinutes);
    checkMinutes(this, 'sessionRememberMinutes', props.sessionRememberMinutes);
    this.entitlements = props.entitlements;
    if (props.costEstimationEnabled) {
      requireEntitlement(this, this, Entitlement.COST_ESTIMATION, 'costEstimationEnabled');
    }

    const resource = this.resource = new TfeOrganization(this, 'Resource', {
      name: props.name,
      email: escapeTemplate(props.email),
      collaboratorAuthPolicy: props.collaboratorAuthPolicy,
      sessionTimeoutMinutes: props.sessionTimeoutMinutes,
      sessionRememberMinutes: props.sessionRememberMinutes,
      costEstimationEnabled: props.costEstimationEnabled,
      assessmentsEnforced: props.assessmentsEnforced,
      allowForceDeleteWorkspaces: props.allowForceDeleteWorkspaces,
      aggregatedCommitStatusEnabled: props.aggregatedCommitStatusEnabled,
      speculativePlanManagementEnabled: props.speculativePlanManagementEnabled,
      sendPassingStatusesForUntriggeredSpeculativePlans: props.sendPassingStatusesForUntriggeredSpeculativePlans,
      ownersTeamSamlRoleId: props.ownersTeamSamlRoleId,
    });
    this.organizationName = resource.name;
    const name = literal(props.name);
    if (name !== undefined) {
      setIdentity(this, `org:${name}`);
      setLiteralName(this, name);
    }
    if (props.defaultExecutionMode) this.configureDefaultExecutionMode(props.defaultExecutionMode);
  }

  /**
   * Takes over the organization, which already exists on the platform: the
   * app writes Terraform `import` blocks for the `tfe_organization` and, when
   * a default execution mode is configured, `tfe_organization_default_settings`
   * (import ID: the organization name, which must be a literal string). After
   * the apply that imports it, the organization is managed exactly like one
   * this app created. Tokens, teams and other objects are adopted one by one.
   */
  public adoptExisting(): void {
    adopt(this, undefined, (r) => {
      const type = r.terraformResourceType;
      if (type !== 'tfe_organization' && type !== 'tfe_organization_default_settings') return undefined;
      return organizationNameFor(this, this);
    });
  }
}

function checkMinutes(scope: IConstruct, prop: string, value: number | undefined): void {
  if (value === undefined) return;
  if (Token.isUnresolved(value)) {
    inform(scope, 'TFE-REF-001', `${prop} is only known at plan time; the platform checks it at apply.`);
    return;
  }
  if (!Number.isInteger(value) || value < 1) {
    fail(scope, 'TFE-ORG-002', `${prop} must be a whole number of minutes of at least 1, got ${quote(value)}.`);
  }
}

class ImportedOrganization extends OrganizationBase {
  public readonly organizationName: string;
  public readonly entitlements?: Entitlements;

  constructor(scope: Construct, id: string, organizationName: string, entitlements: Entitlements | undefined) {
    super(scope, id);
    this.entitlements = entitlements;
    checkForm(this, 'organization', 'The organization name', organizationName);
    this.organizationName = organizationName;
    const name = literal(organizationName);
    if (name !== undefined) {
      setIdentity(this, `org:${name}`);
      setLiteralName(this, name);
    }
  }
}
