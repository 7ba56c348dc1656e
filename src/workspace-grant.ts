import { Construct, IConstruct } from 'constructs';
import { Entitlement } from './entitlements';
import { adopt, adoptedId, organizationNameFor, workspaceNameFor } from './private/adoption';
import { compactLogicalId, compactNodeMetadata } from './private/compact-strings';
import { requireEntitlement } from './private/entitlements';
import { teamAccessPermissionsToHclTerraform, teamAccessPermissionsToTerraform, TerraformProvider, TerraformResource } from './private/framework';
import { recordImport } from './private/import-ids';
import { memoized } from './private/memo';
import { identityOf, sameIdentity } from './private/registry';
import { Schema, schemaToHcl, schemaToJson, TFE_GENERATOR_METADATA } from './private/resource-schema';
import { fail, quote } from './private/validation';
import type { ITeam } from './team';
import type { IWorkspace } from './workspace';
import type { WorkspaceAccess } from './workspace-access';

/**
 * Properties of a `WorkspaceGrant`.
 */
export interface WorkspaceGrantProps {
  /**
   * The workspace the team gets access to.
   */
  readonly workspace: IWorkspace;

  /**
   * The team, of the workspace's organization.
   */
  readonly team: ITeam;

  /**
   * The access level or custom permissions.
   */
  readonly access: WorkspaceAccess;
}

const SCHEMA: Schema = {
  access: { kind: 'string' },
  team_id: { kind: 'string' },
  workspace_id: { kind: 'string' },
  permissions: { kind: 'block', many: true, storageClassType: 'TeamAccessPermissionsList', json: teamAccessPermissionsToTerraform, hcl: teamAccessPermissionsToHclTerraform },
};

/** The grants made on each workspace, in order. */
const grantsByWorkspace = new WeakMap<IWorkspace, WorkspaceGrant[]>();

/**
 * A team's access to a workspace: the `tfe_team_access` resource. Usually
 * created with `workspace.grantAccess(team, access)` or, for every member of
 * a workspace group, `group.grantAccess(team, access)`.
 *
 * A team holds one access level per workspace: a second grant of the same
 * team on the same workspace is an error, except that a member's own grant
 * overrides its group's grant for that member (one resource, the member's
 * level, whichever grant is made first).
 *
 * @example
 * const grant = workspace.grantAccess(developers, WorkspaceAccess.WRITE);
 */
export class WorkspaceGrant extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'tfe_team_access';

  /**
   * The grants made on a workspace, in the order they were made.
   */
  public static grantsOn(workspace: IWorkspace): WorkspaceGrant[] {
    return [...(grantsByWorkspace.get(workspace) ?? [])];
  }

  /**
   * The grant of `team` on `workspace`, if there is one.
   * @internal
   */
  public static _grantOf(workspace: IWorkspace, team: ITeam): WorkspaceGrant | undefined {
    return grantsByWorkspace.get(workspace)?.find((g) => sameIdentity(g.team, team));
  }

  /** The workspace the team has access to. */
  public readonly workspace: IWorkspace;

  /** The team. */
  public readonly team: ITeam;

  /** The workspace's own grant (which wins), and its group's. */
  private workspaceLevel?: WorkspaceAccess;
  private groupLevel?: WorkspaceAccess;
  private groupScope?: IConstruct;

  constructor(scope: Construct, id: string, props: WorkspaceGrantProps) {
    // The grant is the resource itself, without a construct around it nor
    // the output references of the L1 class: organizations have several
    // grants per workspace (see `private/resource-schema.ts`).
    super(scope, id, { terraformResourceType: WorkspaceGrant.tfResourceType, terraformGeneratorMetadata: TFE_GENERATOR_METADATA });
    const { workspace, team } = props;
    this.workspace = workspace;
    this.team = team;
    this.workspaceLevel = props.access;
    if (!sameIdentity(team.organization, workspace.organization)) {
      fail(workspace, 'TFE-ACCESS-001',
        `team ${team.node.path} belongs to organization ${quote(identityOf(team.organization))}, but this workspace belongs to ` +
        `${quote(identityOf(workspace.organization))}: grant access to a team of the workspace's organization.`);
    }
    requireEntitlement(workspace, workspace.organization, Entitlement.TEAMS, `team access for ${team.node.path}`);
    let grants = grantsByWorkspace.get(workspace);
    const existing = grants?.find((g) => sameIdentity(g.team, team));
    if (existing) {
      fail(workspace, 'TFE-ACCESS-002',
        `team ${team.node.path} already has access to this workspace (${existing.node.path}): a team holds one access level per workspace; ` +
        'remove one of the grants, or use WorkspaceAccess.custom(...) to combine permissions.');
    }
    if (!grants) grantsByWorkspace.set(workspace, grants = []);
    grants.push(this);
  }

  /**
   * Takes over the team's access, which already exists on the platform: the
   * app writes a Terraform `import` block for it (import ID
   * `<organization>/<workspace name>/<team access ID>`; the names must be
   * literal strings). After the apply that imports it, the grant is managed
   * exactly like one this app created.
   *
   * @param teamAccessId the team access ID (`tws-...`)
   */
  public adoptExisting(teamAccessId: string): void {
    const given = adoptedId(this, 'teamAccessId', 'The team access ID', teamAccessId);
    adopt(this, given, (r) => r === this
      ? `${organizationNameFor(this, this.workspace.organization)}/${workspaceNameFor(this, this.workspace)}/${given}`
      : undefined);
  }

  /**
   * Imports an existing `tfe_team_access` into this resource (a Terraform
   * `import` block). The ID is checked against the form provider 0.71.0
   * documents; `adoptExisting` composes it for you.
   */
  public importFrom(id: string, provider?: TerraformProvider): void {
    recordImport(this, id, provider);
  }

  /**
   * The access level or custom permissions: the workspace's own grant, or
   * for a member of a workspace group without one, the group's grant.
   */
  public get access(): WorkspaceAccess {
    return (this.workspaceLevel ?? this.groupLevel)!;
  }

  /**
   * The workspace group whose grant this is (also when a member's own grant
   * overrides it), if any.
   * @internal
   */
  public get _groupScope(): IConstruct | undefined {
    return this.groupScope;
  }

  /**
   * Whether the workspace itself granted this access (not only its group).
   * @internal
   */
  public get _grantedByWorkspace(): boolean {
    return this.workspaceLevel !== undefined;
  }

  /**
   * Records `access` as the workspace's own grant, which wins over its group's.
   * @internal
   */
  public _grantByWorkspace(access: WorkspaceAccess): void {
    this.workspaceLevel = access;
  }

  /**
   * Marks a grant just created for `group` (which grants the team access to
   * every member) as the group's rather than the workspace's own.
   * @internal
   */
  public _markGrantedByGroup(group: IConstruct): void {
    this.groupLevel = this.workspaceLevel;
    this.workspaceLevel = undefined;
    this.groupScope = group;
  }

  /**
   * Records that `group` also grants `access` here; the workspace's own
   * grant stays in force.
   * @internal
   */
  public _addGroupGrant(group: IConstruct, access: WorkspaceAccess): void {
    this.groupLevel = access;
    this.groupScope = group;
  }

  /**
   * The grant's ID (`tws-...`).
   * @attribute
   */
  public get grantId(): string {
    return memoized(this, 'grantId', () => this.getStringAttribute('id'));
  }

  /**
   * The name of this resource in its Terraform address, as cdktf allocates it
   * from the construct path (`overrideLogicalId` changes it).
   */
  public get friendlyUniqueId(): string {
    return compactLogicalId(this, super.friendlyUniqueId);
  }

  /**
   * The construct metadata cdktf writes under `//` (the construct path).
   */
  protected get constructNodeMetadata(): { [key: string]: any } {
    return compactNodeMetadata(super.constructNodeMetadata);
  }

  /**
   * The `tfe_team_access` arguments, for `cdk.tf.json`.
   */
  protected synthesizeAttributes(): { [name: string]: any } {
    return schemaToJson(SCHEMA, this.args());
  }

  /**
   * The `tfe_team_access` arguments, for `cdktf synth --hcl`.
   */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return schemaToHcl(SCHEMA, this.args());
  }

  private args(): Record<string, unknown> {
    return {
      access: this.access.level === 'custom' ? undefined : this.access.level,
      team_id: this.team.teamId,
      workspace_id: this.workspace.workspaceId,
      permissions: this.access._renderPermissions(),
    };
  }
}
