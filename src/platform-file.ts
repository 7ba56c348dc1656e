import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { Errors, ValidationError } from './errors';
import { ExecutionMode } from './execution-mode';
import { Moves } from './moves';
import { IOrganization, Organization } from './organization';
import { TerraformStack, TerraformVariable } from './private/framework';
import { formProblem } from './private/names';
import { checkSchema, formatPath } from './private/platform-schema';
import { pascal } from './private/text';
import { ProjectAccess } from './project-access';
import { ITeam, Team, TeamVisibility } from './team';
import { Tenant } from './tenant';
import { VariableCategory, VariableOptions } from './variable';
import { VariableSet } from './variable-set';
import { VariableValue } from './variable-value';
import { Workspace, WorkspaceSettingsOptions } from './workspace';

/**
 * Options for loading a platform file.
 */
export interface PlatformFileOptions {
  /**
   * The organization the file's tenants live in.
   * @default - the organization the file names (`organization:`), referenced by name
   */
  readonly organization?: IOrganization;
}

/**
 * Properties of a platform file.
 */
export interface PlatformFileProps extends PlatformFileOptions {
  /**
   * The file: YAML (`.yaml`, `.yml`) or JSON, in the format of
   * `schema/platform-file.schema.json`.
   */
  readonly path: string;
}

/** A problem found in the file: where, which rule, what. */
interface Problem {
  readonly path: (string | number)[];
  readonly ruleId: string;
  readonly detail: string;
}

type Path = (string | number)[];

/**
 * A declarative platform: tenants, their teams, workspaces, variables,
 * variable sets and access, from a YAML or JSON file that application teams
 * edit (with a pull request) instead of code. Each tenant becomes a `Tenant`,
 * each workspace a `Workspace` in its project, with every rule of the
 * constructs. Problems are reported all at once, each with the file, the line
 * and the field, and the rule's id and text:
 * `platform.yaml:42 tenants[3].workspaces[1].name: [TFE-NAME-006] ...`.
 * Secrets are never in the file: a sensitive variable takes `valueFrom: {
 * variable: <name> }`, a sensitive input of the stack.
 *
 * @example
 * const platform = PlatformFile.load(stack, 'Platform', 'platform.yaml', { organization: acme });
 * platform.tenant('payments').team.addMember(alice);
 */
export class PlatformFile extends Construct {
  /**
   * Loads a platform file into `scope` (the same as `new PlatformFile(scope, id, { path, ...options })`).
   */
  public static load(scope: Construct, id: string, filePath: string, options: PlatformFileOptions = {}): PlatformFile {
    return new PlatformFile(scope, id, { ...options, path: filePath });
  }

  /** The organization the tenants live in. */
  public readonly organization: IOrganization;

  private readonly byName = new Map<string, Tenant>();
  private readonly problems: Problem[] = [];
  private readonly file: string;

  constructor(scope: Construct, id: string, props: PlatformFileProps) {
    super(scope, id);
    this.file = props.path;
    let text: string;
    try {
      text = fs.readFileSync(props.path, 'utf8');
    } catch (e) {
      throw new ValidationError(this, 'TFE-FILE-001', `${props.path} cannot be read: ${(e as Error).message}`);
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const lineOf = (keys: Path): number => nodeLine(doc.contents as Node | null, keys, lineCounter);
    if (doc.errors.length > 0) {
      const lines = doc.errors.map((e) => `${props.path}:${lineCounter.linePos(e.pos[0]).line} ${e.message.split('\n')[0]}`);
      throw new ValidationError(this, 'TFE-FILE-001', `${props.path} is not valid YAML or JSON:\n  ${lines.join('\n  ')}`);
    }
    const data = doc.toJS() as any;
    const schemaProblems = checkSchema(data);
    for (const p of schemaProblems) this.problem(p.path, 'TFE-FILE-002', `${p.detail} (see schema/platform-file.schema.json).`);
    // An entry of a top-level list with a schema problem is left out; the rest is built, so that
    // every problem of the file is reported at once. A problem at the top level stops here.
    const broken = new Set(schemaProblems.map((p) => p.path.slice(0, 2).join('/')));
    if (schemaProblems.every((p) => p.path.length >= 2)) {
      this.organization = props.organization ?? this.referencedOrganization(data);
      this.build(data, (list, i) => broken.has(`${list}/${i}`));
    } else {
      this.organization = props.organization ?? Organization.fromOrganizationName(this, 'Organization', 'unknown');
    }
    if (this.problems.length > 0) {
      const located = this.problems.map((p) => ({ ...p, line: lineOf(p.path) })).sort((a, b) => a.line - b.line);
      const lines = located.map((p) => `${props.path}:${p.line} ${formatPath(p.path) || '(document)'}: [${p.ruleId}] ${p.detail}`);
      const ruleId = located.length === 1 ? located[0].ruleId : 'TFE-FILE-003';
      throw new ValidationError(this, ruleId, this.problems.length === 1
        ? lines[0]
        : `${props.path} has ${this.problems.length} problems:\n  ${lines.join('\n  ')}`);
    }
  }

  /**
   * The tenants, in the file's order.
   */
  public get tenants(): Tenant[] {
    return [...this.byName.values()];
  }

  /**
   * The tenant named `name` in the file.
   */
  public tenant(name: string): Tenant {
    const t = this.byName.get(name);
    if (!t) throw new ValidationError(this, 'TFE-FILE-005', `${this.file} has no tenant ${JSON.stringify(name)}: its tenants are ${[...this.byName.keys()].map((n) => JSON.stringify(n)).join(', ')}.`);
    return t;
  }

  private problem(keys: Path, ruleId: string, detail: string): void {
    this.problems.push({ path: keys, ruleId, detail });
  }

  /** Runs `fn`; a ValidationError becomes a problem at `path`. */
  private attempt<T>(keys: Path, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (!Errors.isValidationError(e)) throw e;
      const v = e as ValidationError;
      this.problem(keys, v.ruleId, v.detail);
      return undefined;
    }
  }

  /** Checks a value's form as the construct would (the same rule and text), at its own path. */
  private form(keys: Path, kind: Parameters<typeof formProblem>[0], value: string | undefined): boolean {
    if (value === undefined) return true;
    const v = formProblem(kind, value);
    if (v) this.problem(keys, v.ruleId, v.detail);
    return v === undefined;
  }

  private referencedOrganization(data: any): IOrganization {
    const name: string | undefined = data.organization;
    if (!name) {
      this.problem([], 'TFE-FILE-002', 'the file names no organization and none was given: add `organization: <name>`, or pass { organization } to PlatformFile.load.');
      return Organization.fromOrganizationName(this, 'Organization', 'unknown');
    }
    this.form(['organization'], 'organization', name);
    return Organization.fromOrganizationName(this, 'Organization', name);
  }

  private build(data: any, skip: (list: string, index: number) => boolean): void {
    const org = this.organization;
    const teams = new Map<string, ITeam>();
    (data.teams ?? []).forEach((t: any, i: number) => {
      if (skip('teams', i)) return;
      if (!this.form(['teams', i, 'name'], 'team', t.name)) return;
      const team = this.attempt(['teams', i], () => new Team(this, `Team-${t.name}`, {
        organization: org, name: t.name, ssoTeamId: t.ssoTeamId, visibility: t.visibility as TeamVisibility | undefined,
      }));
      if (team) teams.set(t.name, team);
    });
    const sets = new Map<string, VariableSet>();
    (data.variableSets ?? []).forEach((s: any, i: number) => {
      if (skip('variableSets', i)) return;
      const set = this.attempt(['variableSets', i], () => new VariableSet(this, `VariableSet-${s.name}`, {
        organization: org, name: s.name, description: s.description, priority: s.priority,
      }));
      if (!set) return;
      sets.set(s.name, set);
      (s.variables ?? []).forEach((v: any, j: number) => this.addVariable(['variableSets', i, 'variables', j], v, (id, o) => set.addVariable(id, o)));
    });

    const ids = new Map<string, number>();
    const tenants: any[] = data.tenants ?? [];
    tenants.forEach((t, i) => {
      const id = t.id ?? pascal(t.name);
      if (ids.has(id)) {
        this.problem(['tenants', i, t.id ? 'id' : 'name'], 'TFE-FILE-006',
          `tenant id ${JSON.stringify(id)} is also the id of tenants[${ids.get(id)}]: each tenant needs its own id (give one with id:).`);
      }
      ids.set(id, i);
    });
    tenants.forEach((t, i) => {
      if (!skip('tenants', i)) this.buildTenant(t, ['tenants', i], teams, sets, ids);
    });
  }

  private buildTenant(t: any, at: Path, teams: Map<string, ITeam>, sets: Map<string, VariableSet>, ids: Map<string, number>): void {
    const id: string = t.id ?? pascal(t.name);
    if (ids.get(id) !== at[1]) return;
    let ok = this.form([...at, 'name'], 'project', t.name);
    ok = this.form([...at, 'name'], 'workspacePrefix', `${t.name}-`) && ok;
    ok = this.form([...at, 'team', 'name'], 'team', t.team?.name) && ok;
    (t.environments ?? []).forEach((e: string, j: number) => { ok = this.form([...at, 'environments', j], 'memberShortName', e) && ok; });
    (t.settings?.tagNames ?? []).forEach((tag: string, j: number) => { ok = this.form([...at, 'settings', 'tagNames', j], 'tag', tag) && ok; });
    const grants = (t.teams ?? []).map((g: any, j: number) => {
      const team = teams.get(g.team);
      if (!team) {
        ok = false;
        this.problem([...at, 'teams', j, 'team'], 'TFE-FILE-005', `team ${JSON.stringify(g.team)} is not in the file's teams list: declare it under teams:, or fix the name.`);
      }
      return { team: team!, access: projectAccess(g.access) };
    });
    const tenantSets = (t.variableSets ?? []).map((name: string, j: number) => {
      const set = sets.get(name);
      if (!set) {
        ok = false;
        this.problem([...at, 'variableSets', j], 'TFE-FILE-005', `variable set ${JSON.stringify(name)} is not in the file's variableSets list: declare it under variableSets:, or fix the name.`);
      }
      return set!;
    });
    // A tenant that cannot be built still has its variables and workspaces checked.
    const tenant = !ok ? undefined : this.attempt(at, () => new Tenant(this, id, {
      organization: this.organization,
      name: t.name,
      description: t.description,
      team: t.team
        ? {
          name: t.team.name,
          access: t.team.access ? projectAccess(t.team.access) : undefined,
          ssoTeamId: t.team.ssoTeamId,
          visibility: t.team.visibility,
        }
        : undefined,
      additionalTeams: grants,
      environments: t.environments,
      environmentSettings: settings(t.settings),
      managementWorkspace: t.managementWorkspace,
      tokenExpiresAt: t.tokenExpiresAt,
      variableSets: tenantSets,
    }));
    if (tenant) this.byName.set(t.name, tenant);
    (t.variables ?? []).forEach((v: any, j: number) => this.addVariable([...at, 'variables', j], v, (vid, o) => {
      for (const shortName of tenant?.environments?.shortNames ?? []) tenant!.environments!.member(shortName).addVariable(vid, o);
    }));
    (t.workspaces ?? []).forEach((w: any, j: number) => {
      const wat = [...at, 'workspaces', j];
      const named = this.form([...wat, 'name'], 'workspace', w.name);
      if (!tenant || !named) {
        (w.variables ?? []).forEach((v: any, k: number) => this.addVariable([...wat, 'variables', k], v, () => undefined));
        return;
      }
      const ws = this.attempt(wat, () => new Workspace(tenant, `Workspace-${w.name}`, {
        ...settings(w.settings), organization: this.organization, name: w.name, project: tenant.project,
      }));
      if (!ws) return;
      (w.variables ?? []).forEach((v: any, k: number) => this.addVariable([...wat, 'variables', k], v, (vid, o) => ws.addVariable(vid, o)));
      if (w.movedFrom !== undefined) {
        if (!ids.has(w.movedFrom) || w.movedFrom === tenant.node.id) {
          this.problem([...wat, 'movedFrom'], 'TFE-FILE-007',
            `movedFrom ${JSON.stringify(w.movedFrom)} is ${w.movedFrom === tenant.node.id ? 'this tenant' : 'not the id of a tenant in the file'}: ` +
            'give the id of the tenant the workspace was in (and remove movedFrom once every environment has applied the move).');
          return;
        }
        // The workspace's construct path in its previous tenant, from the stack down.
        const stack = TerraformStack.of(this);
        const base = this.node.scopes.slice(this.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
        this.attempt([...wat, 'movedFrom'], () => Moves.renamedFrom(ws, [...base, w.movedFrom, `Workspace-${w.name}`].join('/')));
      }
    });
  }

  /** Adds one variable entry through `add`, its value from the file or from a stack input. */
  private addVariable(at: Path, v: any, add: (id: string, options: VariableOptions) => void): void {
    const env = v.category === 'env';
    if (!this.form([...at, 'key'], env ? 'environmentVariable' : 'terraformVariable', v.key)) return;
    if ((v.value === undefined) === (v.valueFrom === undefined)) {
      this.problem(at, 'TFE-FILE-002', 'a variable takes exactly one of value and valueFrom.');
      return;
    }
    if (v.sensitive === true && v.value !== undefined) {
      // Never echo the value.
      this.problem([...at, 'value'], 'TFE-FILE-004',
        `variable ${JSON.stringify(v.key)} is sensitive, but its value is written in the file (not shown): a secret in the file ends up in the repository; ` +
        'write valueFrom: { variable: <name> } and pass the secret as TF_VAR_<name>.');
      return;
    }
    let value: VariableValue;
    if (v.valueFrom) {
      const stack = TerraformStack.of(this);
      const name: string = v.valueFrom.variable;
      if (!this.form([...at, 'valueFrom', 'variable'], 'terraformVariable', name)) return;
      const existing = stack.node.tryFindChild(name);
      const input = existing instanceof TerraformVariable ? existing
        : new TerraformVariable(stack, name, { type: 'string', sensitive: v.sensitive === true, description: `Set from ${path.basename(this.file)}` });
      value = VariableValue.fromReference(input.stringValue);
    } else {
      value = v.hcl ? VariableValue.hcl(v.value) : VariableValue.string(v.value);
    }
    this.attempt(at, () => add(`${pascal(v.key)}${env ? 'Env' : ''}`, {
      key: v.key, value, category: env ? VariableCategory.ENV : undefined, sensitive: v.sensitive, description: v.description,
    }));
  }
}

function projectAccess(level: string): ProjectAccess {
  const levels: Record<string, ProjectAccess> = {
    read: ProjectAccess.READ, write: ProjectAccess.WRITE, maintain: ProjectAccess.MAINTAIN, admin: ProjectAccess.ADMIN,
  };
  return levels[level];
}

function settings(s: any): WorkspaceSettingsOptions {
  if (!s) return {};
  const { executionMode, ...rest } = s;
  return { ...rest, executionMode: executionMode === 'local' ? ExecutionMode.local() : executionMode === 'remote' ? ExecutionMode.remote() : undefined };
}

/** The line of the node at `path`, or of its nearest ancestor that exists (1-based). */
function nodeLine(root: Node | null, keys: Path, lineCounter: LineCounter): number {
  let node: any = root;
  let line = 1;
  const lineAt = (n: any) => (n?.range ? lineCounter.linePos(n.range[0]).line : undefined);
  line = lineAt(node) ?? line;
  for (const key of keys) {
    if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      line = lineAt(pair.key) ?? line;
      node = pair.value;
      continue;
    } else {
      break;
    }
    line = lineAt(node) ?? line;
  }
  return line;
}
