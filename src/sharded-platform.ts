import { Construct, IConstruct } from 'constructs';
import { Backend } from './backend';
import { IOrganization, Organization } from './organization';
import {
  App,
  Aspects,
  DataTfeTeam,
  DataTfeTeamAccess,
  DataTfeVariables,
  DataTfeWorkspace,
  IAspect,
  TerraformElement,
  TerraformResource,
  TerraformStack,
  TfeProvider,
  Token,
  ValidateTerraformVersion,
} from './private/framework';
import { checkForm } from './private/names';
import { handleOf, literalNameOf } from './private/registry';
import { jumpHash } from './private/shard-hash';
import { fail, quote } from './private/validation';
import { Variable } from './variable';
import { Workspace, WorkspaceOptions, WorkspaceSettingsOptions } from './workspace';
import { WorkspaceGrant } from './workspace-grant';
import { WorkspaceGroup, WorkspaceGroupOptions } from './workspace-group';

/**
 * Where a platform's workspaces were placed before a change of the shard
 * count or of the pinned assignments.
 */
export interface ShardLayout {
  /**
   * The number of shards.
   */
  readonly shards: number;

  /**
   * Keys pinned to a shard, key to shard index.
   * @default - none
   */
  readonly assignments?: { [key: string]: number };
}

/**
 * Properties of a sharded platform.
 */
export interface ShardedPlatformProps {
  /**
   * The organization's name. The organization must exist before the
   * bootstrap stack runs (the management workspaces live in it); the core
   * stack may manage its settings (`new Organization(platform.core, ...)` with
   * `adoptExisting()`).
   */
  readonly organizationName: string;

  /**
   * The platform's hostname.
   * @default app.terraform.io
   */
  readonly hostname?: string;

  /**
   * The number of shard stacks. Keys are spread over them by a stable
   * (jump consistent) hash: growing from N to N + 1 shards moves about
   * 1/(N + 1) of the keys, and never between two old shards.
   */
  readonly shards: number;

  /**
   * Keys pinned to a shard (key to shard index), overriding the hash.
   * @default - none
   */
  readonly assignments?: { [key: string]: number };

  /**
   * The layout the platform had before this change (`shards` and
   * `assignments`). Every workspace or group placed with `addWorkspace` /
   * `addWorkspaceGroup` whose shard differs is moved: the old shard forgets
   * it (`removed` blocks, without destroying) and the new one imports it
   * (`import` blocks). Keep it until every environment has applied, then
   * drop it. Needs Terraform 1.7 or later.
   * @default - nothing moves
   */
  readonly previousLayout?: ShardLayout;

  /**
   * The prefix of the management workspaces' names: `<prefix>core` and
   * `<prefix>shard-<i>`.
   * @default - the construct id in lowercase, and "-"
   */
  readonly managementWorkspacePrefix?: string;

  /**
   * Settings of the management workspaces (execution mode, project, agent
   * pool, ...). With remote or agent execution, give the runs a token for
   * the tfe provider (e.g. a variable set with a sensitive `TFE_TOKEN`).
   * @default - the workspace defaults
   */
  readonly managementWorkspaceSettings?: WorkspaceSettingsOptions;

  /**
   * Share the core management workspace's state with every workspace of the
   * organization instead of naming the shards' management workspaces as its
   * remote state consumers (for servers without the remote-state-consumers
   * API).
   * @default false
   */
  readonly globalRemoteState?: boolean;

  /**
   * Run triggers from the core management workspace to each shard's, so a
   * core apply on the platform queues the shards' runs.
   * @default true
   */
  readonly runTriggers?: boolean;
}

/** The layout of keys to shards. */
class Layout {
  constructor(readonly shards: number, private readonly assignments: { [key: string]: number }) {}

  public shardOf(key: string): number {
    const pinned = this.assignments[key];
    return pinned !== undefined ? pinned : jumpHash(key, this.shards);
  }
}

/**
 * An organization's platform split across stacks that run in parallel, each
 * with its own state and lock: a bootstrap stack with one management
 * workspace per stack, a core stack for the shared objects (organization
 * settings, teams, projects, variable sets, policy sets), and N shard stacks
 * for the workspaces, bound to their management workspaces.
 *
 * Shards reference core objects directly (`project: platformProject`):
 * cdktf turns each reference into an output of the core stack and a
 * `terraform_remote_state` read in the shard, and the platform lets the
 * shards' management workspaces read the core's state. `cdktf deploy` runs
 * bootstrap, then core, then the shards in parallel; on the platform, run
 * triggers queue the shards' runs after a core apply.
 *
 * @example
 * const sharded = new ShardedPlatform(new App(), 'Platform', { organizationName: 'acme', shards: 4 });
 * const support = new Team(sharded.core, 'Support', { organization: sharded.organizationIn(sharded.core), name: 'support' });
 * const checkout = sharded.addWorkspace('Checkout', { name: 'checkout' });
 * checkout.grantAccess(support, WorkspaceAccess.WRITE);
 */
export class ShardedPlatform extends Construct {
  /**
   * The stack of the management workspaces (state: where you bind it; local by default).
   */
  public readonly bootstrap: TerraformStack;

  /**
   * The stack of the shared objects.
   */
  public readonly core: TerraformStack;

  /**
   * The shard stacks, by index.
   */
  public readonly shards: TerraformStack[];

  /**
   * The management workspaces: the core's first, then each shard's.
   */
  public readonly managementWorkspaces: Workspace[];

  /**
   * The organization's name.
   */
  public readonly organizationName: string;

  /**
   * The platform's hostname.
   */
  public readonly hostname: string;

  private readonly layout: Layout;
  private readonly previous?: Layout;
  private readonly organizations = new Map<TerraformStack, IOrganization>();
  private readonly placed = new Map<string, IConstruct>();

  constructor(scope: App, id: string, props: ShardedPlatformProps) {
    super(scope, id);
    this.organizationName = props.organizationName;
    this.hostname = props.hostname ?? 'app.terraform.io';
    if (Token.isUnresolved(props.organizationName)) {
      fail(this, 'TFE-SHARD-001', 'organizationName is a reference, but backend blocks and shard placement need the literal name: give the literal value.');
    }
    checkForm(this, 'organization', 'The organization name', props.organizationName);
    this.layout = this.checkLayout('shards', props.shards, props.assignments);
    if (props.previousLayout) this.previous = this.checkLayout('previousLayout.shards', props.previousLayout.shards, props.previousLayout.assignments);
    const prefix = props.managementWorkspacePrefix ?? `${id.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}-`;
    checkForm(this, 'workspacePrefix', 'managementWorkspacePrefix', prefix);

    const stack = (name: string) => {
      const s = new TerraformStack(scope, `${id}-${name}`);
      new TfeProvider(s, 'tfe', { hostname: this.hostname, organization: this.organizationName });
      return s;
    };
    this.bootstrap = stack('bootstrap');
    this.core = stack('core');
    this.shards = Array.from({ length: this.layout.shards }, (_, i) => stack(`shard-${i}`));

    const org = this.organizationIn(this.bootstrap);
    const settings = props.managementWorkspaceSettings ?? {};
    const management = (name: string, globalRemoteState?: boolean) =>
      new Workspace(this.bootstrap, name === 'core' ? 'Core' : `Shard${name.slice('shard-'.length)}`, {
        ...settings,
        organization: org,
        name: `${prefix}${name}`,
        description: settings.description ?? `Runs the ${name} stack of ${id}`,
        globalRemoteState,
      });
    const core = management('core', props.globalRemoteState ?? false);
    const shards = this.shards.map((_, i) => management(`shard-${i}`));
    this.managementWorkspaces = [core, ...shards];
    for (const m of shards) {
      if (!props.globalRemoteState) core.shareStateWith(m);
      if (props.runTriggers ?? true) m.triggeredBy(core);
    }
    Backend.forWorkspace(this.core, core, { hostname: this.hostname });
    this.shards.forEach((s, i) => {
      Backend.forWorkspace(s, shards[i], { hostname: this.hostname });
      s.addDependency(this.core);
      Aspects.of(s).add(new ShardReferences(this, s));
    });
    // The platform holds no element of its own (its stacks are the app's children): it leaves the
    // app's children, keeping its path, so that apps that refuse constructs outside of stacks
    // (CDK Terrain's `failOnConstructsOutsideOfStacks`, on in new projects) accept it.
    scope.node.tryRemoveChild(id);
  }

  /**
   * The organization as seen from `stack` (one of the platform's stacks):
   * a reference by its literal name, so no stack reads another's state for it.
   */
  public organizationIn(stack: TerraformStack): IOrganization {
    let org = this.organizations.get(stack);
    if (!org) {
      if (stack !== this.bootstrap && stack !== this.core && !this.shards.includes(stack)) {
        fail(this, 'TFE-SHARD-002', `stack ${stack.node.path} is not one of this platform's stacks: use platform.bootstrap, platform.core or platform.shards[i].`);
      }
      org = Organization.fromOrganizationName(stack, 'Organization', this.organizationName);
      this.organizations.set(stack, org);
    }
    return org;
  }

  /**
   * The index of the shard a key (a workspace name, a group prefix) belongs to.
   */
  public shardOf(key: string): number {
    return this.layout.shardOf(key);
  }

  /**
   * The shard stack a key (a workspace name, a group prefix) belongs to.
   */
  public shardFor(key: string): TerraformStack {
    return this.shards[this.shardOf(key)];
  }

  /**
   * Creates a workspace in the shard its name belongs to, in the
   * organization. Moved between shards when `previousLayout` places it
   * elsewhere.
   */
  public addWorkspace(id: string, props: WorkspaceOptions): Workspace {
    return this.place(props.name, 'the workspace name', id, (shard, organization) => new Workspace(shard, id, { ...props, organization }));
  }

  /**
   * Creates a workspace group in the shard its prefix belongs to (all
   * members together), in the organization. Moved between shards when
   * `previousLayout` places it elsewhere.
   */
  public addWorkspaceGroup(id: string, props: WorkspaceGroupOptions): WorkspaceGroup {
    return this.place(props.prefix, 'the group prefix', id, (shard, organization) => new WorkspaceGroup(shard, id, { ...props, organization }));
  }

  /** Makes a construct in the shard `key` belongs to, and moves it when the previous layout placed it elsewhere. */
  private place<T extends IConstruct>(key: string, what: string, id: string, make: (shard: TerraformStack, organization: IOrganization) => T): T {
    const shard = this.shardFor(this.literalKey(key, what));
    this.claimKey(key, id);
    const construct = make(shard, this.organizationIn(shard));
    this.track(key, construct);
    return construct;
  }

  private literalKey(key: string, what: string): string {
    if (Token.isUnresolved(key)) {
      fail(this, 'TFE-SHARD-001', `${what} is a reference, but the shard a workspace belongs to is chosen by its literal name: give the literal value.`);
    }
    return key;
  }

  private claimKey(key: string, id: string): void {
    const earlier = this.placed.get(key);
    if (earlier) {
      fail(this, 'TFE-SHARD-004', `key ${quote(key)} (for ${id}) is already placed by ${earlier.node.path}: each workspace name or group prefix is placed once.`);
    }
  }

  private track(key: string, construct: IConstruct): void {
    this.placed.set(key, construct);
    if (!this.previous) return;
    const from = this.previous.shardOf(key);
    const to = this.layout.shardOf(key);
    if (from === to) return;
    if (from >= this.shards.length) {
      fail(this, 'TFE-SHARD-005',
        `${construct.node.path} was in shard ${from}, which the new layout (${this.shards.length} shards) no longer has: ` +
        'shrink the shard count only after its workspaces are moved out (pin them with assignments first).');
    }
    ShardMoves.of(this.node.root).add({
      platform: this, construct, source: this.shards[from], target: TerraformStack.of(construct), organization: this.organizationName,
    });
  }

  private checkLayout(what: string, shards: number, assignments: { [key: string]: number } = {}): Layout {
    if (!Number.isInteger(shards) || shards < 1) {
      fail(this, 'TFE-SHARD-003', `${what} is ${quote(shards)}: give a whole number of shards, at least 1.`);
    }
    for (const [key, shard] of Object.entries(assignments)) {
      if (!Number.isInteger(shard) || shard < 0 || shard >= shards) {
        fail(this, 'TFE-SHARD-003', `key ${quote(key)} is assigned to shard ${quote(shard)}, but the layout has shards 0 to ${shards - 1}: assign it to one of them.`);
      }
    }
    return new Layout(shards, assignments);
  }
}

/** Checks at synthesis that a shard reads only the core's state (and the bootstrap's). */
class ShardReferences implements IAspect {
  private done = false;

  constructor(private readonly platform: ShardedPlatform, private readonly shard: TerraformStack) {}

  public visit(): void {
    if (this.done) return;
    this.done = true;
    for (const d of this.shard.dependencies) {
      if (d === this.platform.core || d === this.platform.bootstrap) continue;
      fail(this.platform, 'TFE-SHARD-006',
        `shard ${this.shard.node.path} references ${d.node.path}${this.platform.shards.includes(d) ? ', another shard' : ''}: shards read only the core's state, ` +
        'so that they run in parallel and their management workspaces are granted the core\'s state only; move the shared object to platform.core.');
    }
  }
}

/** A workspace or group placed in another shard than before. */
interface Move {
  readonly platform: ShardedPlatform;
  readonly construct: IConstruct;
  readonly source: TerraformStack;
  readonly target: TerraformStack;
  readonly organization: string;
}

/**
 * The moves of one app, computed once at synthesis (when every variable and
 * grant of the moved workspaces exists), whichever stack asks first.
 */
class ShardMoves {
  public static of(app: IConstruct): ShardMoves {
    let moves = ShardMoves.byApp.get(app);
    if (!moves) ShardMoves.byApp.set(app, moves = new ShardMoves());
    return moves;
  }

  private static readonly byApp = new WeakMap<IConstruct, ShardMoves>();

  private readonly moves: Move[] = [];
  private readonly imports = new Map<TerraformStack, { to: string; id: string }[]>();
  private readonly removals = new Map<TerraformStack, string[]>();
  private computed = false;

  public add(move: Move): void {
    this.moves.push(move);
    ShardElement.of(move.source, this);
    ShardElement.of(move.target, this);
  }

  public importsOf(stack: TerraformStack): { to: string; id: string }[] {
    this.compute();
    return this.imports.get(stack) ?? [];
  }

  public removalsOf(stack: TerraformStack): string[] {
    this.compute();
    return this.removals.get(stack) ?? [];
  }

  private compute(): void {
    if (this.computed) return;
    this.computed = true;
    this.moves.forEach((move, m) => {
      const lookups = new Construct(move.target, `ShardMoveLookups${m}`);
      const workspaces = move.construct instanceof WorkspaceGroup ? move.construct.members : [move.construct as Workspace];
      workspaces.forEach((ws, w) => this.moveWorkspace(move, ws, new Construct(lookups, `W${w}`)));
    });
  }

  private moveWorkspace(move: Move, ws: Workspace, lookups: Construct): void {
    const organization = move.organization;
    const name = literalNameOf(ws)!;
    const prefix = `${organization}/${name}`;
    let wsLookup: DataTfeWorkspace | undefined;
    let varsLookup: DataTfeVariables | undefined;
    const workspaceId = () => (wsLookup ??= new DataTfeWorkspace(lookups, 'Workspace', { name, organization })).id;
    const imports = this.imports.get(move.target) ?? [];
    this.imports.set(move.target, imports);
    const removals = this.removals.get(move.source) ?? [];
    this.removals.set(move.source, removals);
    for (const r of ws.node.findAll()) {
      if (!(r instanceof TerraformResource)) continue;
      const address = `${r.terraformResourceType}.${r.friendlyUniqueId}`;
      let id: string;
      switch (r.terraformResourceType) {
        case 'tfe_workspace':
        case 'tfe_workspace_settings':
          id = prefix;
          break;
        case 'tfe_variable': {
          const v = r as Variable;
          if (Token.isUnresolved(v.key)) {
            fail(move.platform, 'TFE-SHARD-008', `variable ${r.node.path} has a key that is a reference: moving it between shards looks it up by its literal key; give the literal key.`);
          }
          varsLookup ??= new DataTfeVariables(lookups, 'Variables', { workspaceId: workspaceId() });
          id = `${prefix}/\${one([for v in data.tfe_variables.${varsLookup.friendlyUniqueId}.variables : v.id if v.name == ${JSON.stringify(v.key)} && v.category == ${JSON.stringify(v.category)}])}`;
          break;
        }
        case 'tfe_team_access': {
          const team = (r as WorkspaceGrant).team;
          const handle = handleOf(team);
          if (handle === undefined) {
            fail(move.platform, 'TFE-SHARD-008', `the grant ${r.node.path} is for team ${team.node.path}, whose name is not literal: moving it between shards looks the team up by its literal name or ID.`);
          }
          const teamId = handle.startsWith('id:') ? handle.slice(3)
            : new DataTfeTeam(lookups, `Team-${handle}`, { name: handle, organization }).id;
          const access = new DataTfeTeamAccess(lookups, `Access-${handle}`, { teamId, workspaceId: workspaceId() });
          id = `${prefix}/\${data.tfe_team_access.${access.friendlyUniqueId}.id}`;
          break;
        }
        case 'tfe_workspace_variable_set': {
          // Named VariableSet-<set name> when the set's name is literal (see VariableSet.applyToWorkspace).
          const handle = r.node.id.slice('VariableSet-'.length);
          if (!r.node.id.startsWith('VariableSet-') || /^(path|id):/.test(handle)) {
            fail(move.platform, 'TFE-SHARD-008', `${r.node.path} attaches a variable set whose name is not literal: moving it between shards imports it by the set's literal name.`);
          }
          id = `${prefix}/${handle}`;
          break;
        }
        default:
          fail(move.platform, 'TFE-SHARD-007',
            `${r.node.path} (${r.terraformResourceType}) cannot be moved between shards automatically: its import ID is not one the program can compose. ` +
            'Move it with terraform state commands, or remove it from the workspace for the move and add it back after.');
      }
      imports.push({ to: address, id });
      removals.push(address);
    }
  }
}

/**
 * The blocks of a stack for moves between shards: `import` blocks where
 * workspaces arrive (IDs the program cannot know are looked up at plan time),
 * `removed` blocks without destroying where they leave. Needs Terraform 1.7.
 */
class ShardElement extends TerraformElement {
  public static of(stack: TerraformStack, moves: ShardMoves): ShardElement {
    const existing = stack.node.tryFindChild('ShardMoves');
    return (existing as ShardElement) ?? new ShardElement(stack, 'ShardMoves', moves);
  }

  private constructor(stack: TerraformStack, id: string, private readonly moves: ShardMoves) {
    super(stack, id);
    stack.node.addValidation(new ValidateTerraformVersion('>=1.7',
      'Moving workspaces between shards uses removed blocks, which need Terraform >=1.7. Please upgrade your Terraform version.'));
  }

  public toTerraform(): any {
    const stack = TerraformStack.of(this);
    const imports = this.moves.importsOf(stack);
    const removals = this.moves.removalsOf(stack);
    return {
      ...(imports.length ? { import: imports.map((i) => ({ to: i.to, id: i.id })) } : {}),
      ...(removals.length ? { removed: removals.map((from) => ({ from, lifecycle: { destroy: false } })) } : {}),
    };
  }

  public toHclTerraform(): any {
    return this.toTerraform();
  }
}
