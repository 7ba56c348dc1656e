import { IConstruct } from 'constructs';
import type { IOrganization } from './organization';
import { recordBinding } from './private/bindings';
import {
  CloudBackend,
  NamedCloudWorkspace,
  NamedRemoteWorkspace,
  PrefixedRemoteWorkspaces,
  RemoteBackend,
  TaggedCloudWorkspaces,
  TerraformBackend,
  TerraformStack,
  TfeProvider,
  Token,
} from './private/framework';
import { FormKind, formProblem } from './private/names';
import { literalNameOf } from './private/registry';
import { fail, quote } from './private/validation';
import type { IWorkspace } from './workspace';
import type { WorkspaceGroup } from './workspace-group';

/**
 * Which Terraform block points the consumer stack at the platform.
 */
export enum BackendType {
  /** The `remote` backend: one workspace by `name`, or a family by `prefix`. */
  REMOTE = 'remote',
  /** The `cloud` block: one workspace by `name`, or a family by `tags`. */
  CLOUD = 'cloud',
}

/**
 * Options to bind a stack to a workspace or group.
 */
export interface BackendBindingOptions {
  /**
   * The `remote` backend or the `cloud` block.
   * @default BackendType.REMOTE
   */
  readonly backendType?: BackendType;

  /**
   * The platform's hostname.
   * @default - the `hostname` of the tfe provider in the workspace's stack, else app.terraform.io
   */
  readonly hostname?: string;

  /**
   * Whether the stack only runs speculative plans against the workspace
   * (never `apply`/`cdktf deploy`). Binding a VCS-driven workspace requires
   * it, since the platform refuses CLI-driven applies there.
   * @default false
   */
  readonly speculativePlansOnly?: boolean;

  /**
   * For the `cloud` block: the project name the workspaces are in.
   * @default - no project in the cloud block
   */
  readonly projectName?: string;
}

/**
 * A binding to workspaces this app does not manage, by their names.
 */
export interface ExternalWorkspacesBindingOptions extends BackendBindingOptions {
  /**
   * The organization's name.
   */
  readonly organizationName: string;

  /**
   * One workspace, by its full name (remote backend and cloud block).
   * @default - none: give exactly one of the workspace options the backend type takes
   */
  readonly workspaceName?: string;

  /**
   * A family of workspaces sharing this prefix (remote backend only).
   * @default - none
   */
  readonly workspacePrefix?: string;

  /**
   * The workspaces carrying all these tags (cloud block only).
   * @default - none
   */
  readonly workspaceTags?: string[];
}

/**
 * Points consumer stacks at workspaces: the `remote` backend or the `cloud`
 * block, on the right hostname and organization, never with a token in code
 * (the CLI takes it from `terraform login` / the credentials file, or from
 * `TF_TOKEN_<hostname>`).
 */
export class Backend {
  /**
   * Binds `stack` to one workspace (`workspaces { name = ... }`).
   */
  public static forWorkspace(stack: TerraformStack, workspace: IWorkspace, options: BackendBindingOptions = {}): TerraformBackend {
    if (workspace.runWorkflow?.isVcsDriven && !options.speculativePlansOnly) {
      fail(workspace, 'TFE-BACKEND-001',
        `stack ${stack.node.path} is bound to this VCS-driven workspace for applies, but the platform refuses CLI-driven applies on a workspace linked to a repository ` +
        '("Apply not allowed for workspaces with a VCS connection"): merge to the branch to apply, bind a CLI-driven workspace, or pass speculativePlansOnly: true for plans only.');
    }
    const name = literalNameOf(workspace);
    if (name === undefined) {
      fail(workspace, 'TFE-BACKEND-002',
        `stack ${stack.node.path} cannot be bound to this workspace: its name is not known while the program runs (backend blocks take no references); ` +
        'create it with a literal name, or reference it with Workspace.fromWorkspaceName.');
    }
    const common = Backend.common(stack, workspace, workspace.organization, options);
    Backend.dependOn(stack, workspace);
    recordBinding(stack, [workspace]);
    if ((options.backendType ?? BackendType.REMOTE) === BackendType.CLOUD) {
      return new CloudBackend(stack, { ...common, workspaces: new NamedCloudWorkspace(name, options.projectName) });
    }
    return new RemoteBackend(stack, { ...common, workspaces: new NamedRemoteWorkspace(name) });
  }

  /**
   * Binds `stack` to a workspace group: `workspaces { prefix = ... }` for the
   * remote backend (select a member with `terraform workspace select <short name>`),
   * or `workspaces { tags = [<group tag>] }` for the cloud block.
   */
  public static forWorkspaceGroup(stack: TerraformStack, group: WorkspaceGroup, options: BackendBindingOptions = {}): TerraformBackend {
    const vcsMember = group.members.find((m) => m.runWorkflow?.isVcsDriven);
    if (vcsMember && !options.speculativePlansOnly) {
      fail(group, 'TFE-BACKEND-003',
        `stack ${stack.node.path} is bound to this group for applies, but member ${vcsMember.node.path} is VCS-driven and the platform refuses CLI-driven applies there: ` +
        'merge to the branch to apply, make the members CLI-driven, or pass speculativePlansOnly: true for plans only.');
    }
    if (Token.isUnresolved(group.prefix)) {
      fail(group, 'TFE-BACKEND-004', 'the group prefix is not known while the program runs (backend blocks take no references): give a literal prefix.');
    }
    const common = Backend.common(stack, group, group.organization, options);
    for (const m of group.members) Backend.dependOn(stack, m);
    recordBinding(stack, group.members);
    if ((options.backendType ?? BackendType.REMOTE) === BackendType.CLOUD) {
      return new CloudBackend(stack, { ...common, workspaces: new TaggedCloudWorkspaces([group.groupTag], options.projectName) });
    }
    return new RemoteBackend(stack, { ...common, workspaces: new PrefixedRemoteWorkspaces(group.prefix) });
  }

  /**
   * Binds `stack` to workspaces this app does not manage, by name, prefix or
   * tags. The remote backend takes exactly one of a name or a prefix; the
   * cloud block exactly one of a name or tags.
   */
  public static forExternalWorkspaces(stack: TerraformStack, options: ExternalWorkspacesBindingOptions): TerraformBackend {
    const type = options.backendType ?? BackendType.REMOTE;
    const given = [
      options.workspaceName !== undefined ? `workspaceName ${quote(options.workspaceName)}` : undefined,
      options.workspacePrefix !== undefined ? `workspacePrefix ${quote(options.workspacePrefix)}` : undefined,
      options.workspaceTags !== undefined ? `workspaceTags ${quote(options.workspaceTags)}` : undefined,
    ].filter((x): x is string => x !== undefined);
    if (type === BackendType.REMOTE) {
      if (options.workspaceTags !== undefined) {
        fail(stack, 'TFE-BACKEND-005', `the remote backend selects workspaces by name or prefix, not by tags (got ${given.join(', ')}): use backendType: BackendType.CLOUD for tags.`);
      }
      if (given.length !== 1) {
        fail(stack, 'TFE-BACKEND-006',
          `the remote backend needs exactly one of workspaceName or workspacePrefix, got ${given.length === 0 ? 'neither' : given.join(' and ')}: ` +
          'give a name for one workspace, or a prefix for a family.');
      }
    } else {
      if (options.workspacePrefix !== undefined) {
        fail(stack, 'TFE-BACKEND-007', `the cloud block selects workspaces by name or tags, not by prefix (got ${given.join(', ')}): use backendType: BackendType.REMOTE for a prefix, or tag the workspaces.`);
      }
      if (given.length !== 1) {
        fail(stack, 'TFE-BACKEND-008',
          `the cloud block needs exactly one of workspaceName or workspaceTags, got ${given.length === 0 ? 'neither' : given.join(' and ')}: ` +
          'give a name for one workspace, or tags for a set of workspaces.');
      }
      if (options.workspaceTags !== undefined && options.workspaceTags.length === 0) {
        fail(stack, 'TFE-BACKEND-009', 'workspaceTags is empty: give at least one tag the workspaces carry.');
      }
    }
    const names: [string, string | undefined, FormKind][] = [
      ['organizationName', options.organizationName, 'organization'],
      ['workspaceName', options.workspaceName, 'workspace'],
      ['workspacePrefix', options.workspacePrefix, 'workspacePrefix'],
      ['projectName', options.projectName, 'project'],
      ...(options.workspaceTags ?? []).map((t): [string, string, FormKind] => ['a workspace tag', t, 'tag']),
    ];
    for (const [what, value, kind] of names) {
      if (value === undefined) continue;
      if (Token.isUnresolved(value)) {
        fail(stack, 'TFE-BACKEND-010', `${what} is a reference, but backend blocks take no references: give the literal value.`);
      }
      const problem = formProblem(kind, value);
      if (problem) fail(stack, problem.ruleId, `${what}: ${problem.detail}`);
    }
    const hostname = Backend.hostname(stack, options);
    const organization = options.organizationName;
    if (type === BackendType.CLOUD) {
      const workspaces = options.workspaceName !== undefined
        ? new NamedCloudWorkspace(options.workspaceName, options.projectName)
        : new TaggedCloudWorkspaces(options.workspaceTags!, options.projectName);
      return new CloudBackend(stack, { hostname, organization, workspaces });
    }
    const workspaces = options.workspaceName !== undefined
      ? new NamedRemoteWorkspace(options.workspaceName)
      : new PrefixedRemoteWorkspaces(options.workspacePrefix!);
    return new RemoteBackend(stack, { hostname, organization, workspaces });
  }

  private static common(stack: TerraformStack, target: IConstruct, organization: IOrganization, options: BackendBindingOptions) {
    const org = literalNameOf(organization);
    if (org === undefined) {
      fail(target, 'TFE-BACKEND-011',
        `stack ${stack.node.path} cannot be bound: the organization's name is not known while the program runs (backend blocks take no references); ` +
        'give the organization a literal name.');
    }
    if (options.projectName !== undefined) {
      if (Token.isUnresolved(options.projectName)) {
        fail(target, 'TFE-BACKEND-010', 'projectName is a reference, but backend blocks take no references: give the literal value.');
      }
      const problem = formProblem('project', options.projectName);
      if (problem) fail(target, problem.ruleId, `projectName: ${problem.detail}`);
    }
    return { hostname: Backend.hostname(target, options), organization: org };
  }

  private static hostname(target: IConstruct, options: BackendBindingOptions): string {
    const hostname = options.hostname ?? Backend.providerHostname(target) ?? 'app.terraform.io';
    if (Token.isUnresolved(hostname) || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(hostname)) {
      fail(target, 'TFE-BACKEND-012', `hostname ${quote(hostname)} is not a literal host name: give the platform's host, e.g. "app.terraform.io" or "tfe.example.com".`);
    }
    return hostname;
  }

  /** The hostname of the tfe provider configured in the target's stack, if literal. */
  private static providerHostname(target: IConstruct): string | undefined {
    const stack = TerraformStack.of(target);
    for (const child of stack.node.children) {
      if (child instanceof TfeProvider) {
        const host = child.hostname;
        if (host !== undefined && !Token.isUnresolved(host)) return host;
      }
    }
    return undefined;
  }

  private static dependOn(stack: TerraformStack, workspace: IConstruct): void {
    const platform = TerraformStack.of(workspace);
    if (platform !== stack && !stack.dependencies.includes(platform)) stack.addDependency(platform);
  }

  private constructor() {}
}
