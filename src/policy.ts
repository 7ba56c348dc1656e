import * as fs from 'fs';
import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { Entitlement } from './entitlements';
import type { IOrganization } from './organization';
import { adopt, adoptedId, organizationNameFor } from './private/adoption';
import { requireEntitlement } from './private/entitlements';
import { Token } from './private/framework';
import { escapeTemplate } from './private/hcl';
import { TfePolicy } from './private/l1-classes';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { claim, identityOf, setIdentity } from './private/registry';
import { text } from './private/text';
import { checkString, fail, literal, quote, violation } from './private/validation';

/**
 * The policy-as-code framework of a policy or policy set.
 */
export enum PolicyKind {
  /** HashiCorp Sentinel (`sentinel`). */
  SENTINEL = 'sentinel',
  /** Open Policy Agent, policies written in Rego (`opa`). */
  OPA = 'opa',
}

/**
 * What happens to a run when a policy fails (the provider's `enforce_mode`).
 * Each level belongs to one policy kind: Sentinel has advisory, soft-mandatory
 * and hard-mandatory; OPA has advisory and mandatory. A policy given a level
 * of the other kind is refused.
 */
export class EnforcementLevel {
  /**
   * Sentinel `advisory`: a failure is reported as a warning; the run continues.
   */
  public static readonly SENTINEL_ADVISORY = new EnforcementLevel(PolicyKind.SENTINEL, 'advisory');

  /**
   * Sentinel `soft-mandatory`: a failure stops the run until a user with the
   * Manage Policy Overrides permission overrides it (for that run only).
   */
  public static readonly SENTINEL_SOFT_MANDATORY = new EnforcementLevel(PolicyKind.SENTINEL, 'soft-mandatory');

  /**
   * Sentinel `hard-mandatory`: a failure blocks the apply, and it cannot be
   * overridden, not even by the organization's owners (`terraform apply`
   * ends with "Organization policy check hard failed"). Fix the
   * configuration or the policy to proceed.
   */
  public static readonly SENTINEL_HARD_MANDATORY = new EnforcementLevel(PolicyKind.SENTINEL, 'hard-mandatory');

  /**
   * OPA `advisory`: a failure is reported as a warning; the run continues.
   */
  public static readonly OPA_ADVISORY = new EnforcementLevel(PolicyKind.OPA, 'advisory');

  /**
   * OPA `mandatory`: a failure stops the run; it can be overridden only when
   * the policy set is `overridable`, by a user allowed to override policies.
   */
  public static readonly OPA_MANDATORY = new EnforcementLevel(PolicyKind.OPA, 'mandatory');

  /**
   * The advisory level of a kind: the default of a policy.
   */
  public static advisory(kind: PolicyKind): EnforcementLevel {
    return kind === PolicyKind.OPA ? EnforcementLevel.OPA_ADVISORY : EnforcementLevel.SENTINEL_ADVISORY;
  }

  /**
   * The policy kind this level belongs to.
   */
  public readonly kind: PolicyKind;

  /**
   * The level as the provider writes it (`advisory`, `soft-mandatory`,
   * `hard-mandatory`, `mandatory`).
   */
  public readonly level: string;

  private constructor(kind: PolicyKind, level: string) {
    this.kind = kind;
    this.level = level;
  }

  /**
   * `<kind>/<level>`, e.g. `sentinel/hard-mandatory`.
   */
  public toString(): string {
    return `${this.kind}/${this.level}`;
  }
}

/** The levels per kind, also to recognize objects that only look like a level. */
const LEVELS: { [kind: string]: string[] } = {
  [PolicyKind.SENTINEL]: ['advisory', 'soft-mandatory', 'hard-mandatory'],
  [PolicyKind.OPA]: ['advisory', 'mandatory'],
};

/**
 * The code of a policy: given inline, or read from a file.
 */
export class PolicySource {
  /**
   * The policy's code as a string (may be a token, e.g. a variable's value).
   */
  public static inline(code: string): PolicySource {
    return new PolicySource(code, undefined);
  }

  /**
   * The policy's code from a file (e.g. `policies/no-public-buckets.sentinel`).
   *
   * A relative path is resolved against the current directory
   * (`process.cwd()`) when this method is called. The file is read when a
   * `Policy` is constructed with this source (not when the stack is
   * synthesized): a missing or empty file is an error then, naming the
   * absolute path. Its content is written into the synthesized JSON.
   */
  public static fromFile(filePath: string): PolicySource {
    return new PolicySource(undefined, Token.isUnresolved(filePath) ? filePath : path.resolve(filePath));
  }

  /**
   * The absolute path of the file, for a source read from a file.
   */
  public readonly filePath?: string;

  private readonly code?: string;

  private constructor(code: string | undefined, filePath: string | undefined) {
    this.code = code;
    this.filePath = filePath;
  }

  /**
   * The policy's code for the `policy` argument, with template sequences of
   * literal text escaped; reads the file of a file source. Failures are
   * reported on `scope`.
   * @internal
   */
  public _render(scope: IConstruct): string {
    let code: string;
    if (this.filePath !== undefined) {
      if (Token.isUnresolved(this.filePath)) {
        fail(scope, 'TFE-POL-007',
          'PolicySource.fromFile got a token (a value known only at plan time) as its path: the file is read while the program runs, so the path must be a literal; ' +
          'pass a path such as "policies/main.sentinel", or use PolicySource.inline(...) for code known only later.');
      }
      if (!fs.existsSync(this.filePath) || !fs.statSync(this.filePath).isFile()) {
        fail(scope, 'TFE-POL-008',
          `policy file ${quote(this.filePath)} does not exist (or is not a file): PolicySource.fromFile resolves relative paths against the ` +
          `current directory (${quote(process.cwd())}); fix the path, or run the program from the directory it is relative to.`);
      }
      code = fs.readFileSync(this.filePath, 'utf8');
      if (code.trim() === '') {
        fail(scope, 'TFE-POL-009', `policy file ${quote(this.filePath)} is empty: a policy needs code; write the policy into the file, or point to another file.`);
      }
    } else {
      code = this.code ?? '';
      checkString(scope, 'The policy code', code, (c) =>
        c.trim() === ''
          ? violation('TFE-POL-010', `the policy code is empty (${quote(c)}): a policy needs code, e.g. PolicySource.inline('main = rule { true }') or PolicySource.fromFile('policies/main.sentinel').`)
          : undefined,
      );
    }
    return escapeTemplate(code);
  }
}

/**
 * A policy, created here or referenced.
 */
export interface IPolicy extends IConstruct {
  /**
   * The policy's ID (`pol-...`).
   * @attribute
   */
  readonly policyId: string;

  /**
   * The policy's name.
   * @attribute
   */
  readonly policyName: string;

  /**
   * The policy-as-code framework the policy is written for.
   */
  readonly kind: PolicyKind;

  /**
   * The organization the policy belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The policy's enforcement level, when known (undefined for a referenced
   * policy whose level was not given).
   */
  readonly enforcementLevel?: EnforcementLevel;
}

/**
 * Properties of a policy.
 */
export interface PolicyProps {
  /**
   * The organization the policy belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The policy's name: letters, numbers, `-` and `_`; unique in the
   * organization. It cannot be changed later (a new name replaces the policy).
   */
  readonly name: string;

  /**
   * A description of the policy's purpose.
   * @default - none
   */
  readonly description?: string;

  /**
   * The policy-as-code framework the policy is written for.
   */
  readonly kind: PolicyKind;

  /**
   * The policy's code.
   */
  readonly source: PolicySource;

  /**
   * The OPA query that selects the rule to evaluate in the Rego code, e.g.
   * `data.terraform.deny`. Required for OPA policies; Sentinel policies take none.
   * @default - none (an OPA policy must set it)
   */
  readonly query?: string;

  /**
   * What a failure of the policy does to a run. Must be a level of the
   * policy's kind. (The provider's own default is soft-mandatory for
   * Sentinel; this library always writes the level, advisory unless given.)
   * @default - advisory of the policy's kind (`EnforcementLevel.advisory(kind)`)
   */
  readonly enforcementLevel?: EnforcementLevel;
}

/**
 * What is known of an existing policy, to reference it.
 */
export interface PolicyAttributes {
  /**
   * The policy's ID (`pol-...`).
   */
  readonly policyId: string;

  /**
   * The policy's name.
   */
  readonly policyName: string;

  /**
   * The organization the policy belongs to.
   */
  readonly organization: IOrganization;

  /**
   * The policy-as-code framework the policy is written for.
   */
  readonly kind: PolicyKind;

  /**
   * The policy's enforcement level, if known.
   * @default - unknown
   */
  readonly enforcementLevel?: EnforcementLevel;
}

/**
 * Fails unless `level` is one of the levels of `kind`.
 */
function checkLevel(scope: IConstruct, kind: PolicyKind, level: EnforcementLevel): void {
  const valid = LEVELS[kind] ?? [];
  if (level.kind !== kind || !valid.includes(level.level)) {
    const options = kind === PolicyKind.OPA
      ? 'EnforcementLevel.OPA_ADVISORY or EnforcementLevel.OPA_MANDATORY'
      : 'EnforcementLevel.SENTINEL_ADVISORY, SENTINEL_SOFT_MANDATORY or SENTINEL_HARD_MANDATORY';
    fail(scope, 'TFE-POL-003',
      `enforcement level ${quote(`${level.kind}/${level.level}`)} is not a level of ${quote(kind)} policies ` +
      `(${kind} levels: ${valid.map((l) => quote(l)).join(', ')}): use ${options}, or change the policy's kind.`);
  }
}

/**
 * A policy (`tfe_policy`; the deprecated `tfe_sentinel_policy` is never
 * used): Sentinel or OPA code checked against the runs of the workspaces its
 * policy sets apply to. A policy does nothing until a `PolicySet` holds it.
 *
 * @example
 * const noPublicBuckets = new Policy(stack, 'NoPublicBuckets', {
 *   organization: acme,
 *   name: 'no-public-buckets',
 *   kind: PolicyKind.OPA,
 *   source: PolicySource.fromFile('policies/no-public-buckets.rego'),
 *   query: 'data.terraform.deny',
 *   enforcementLevel: EnforcementLevel.OPA_MANDATORY,
 * });
 */
export class Policy extends Construct implements IPolicy {
  /**
   * References an existing policy. Creates nothing.
   */
  public static fromPolicyAttributes(scope: Construct, id: string, attrs: PolicyAttributes): IPolicy {
    const policy = new ImportedPolicy(scope, id, attrs);
    checkForm(policy, 'policyId', 'The policy ID', attrs.policyId);
    if (attrs.enforcementLevel) checkLevel(policy, attrs.kind, attrs.enforcementLevel);
    return policy;
  }

  public readonly policyId: string;
  public readonly kind: PolicyKind;
  public readonly organization: IOrganization;

  /**
   * The policy's enforcement level (always set on a policy created here).
   */
  public readonly enforcementLevel?: EnforcementLevel;

  /**
   * The OPA query, for OPA policies.
   */
  public readonly query?: string;

  private readonly resource: TfePolicy;

  constructor(scope: Construct, id: string, props: PolicyProps) {
    super(scope, id);
    this.organization = props.organization;
    this.kind = props.kind;
    this.query = props.query;
    if (!Object.values(PolicyKind).includes(props.kind)) {
      fail(this, 'TFE-POL-002', `policy kind ${quote(props.kind)} is not a policy kind: use PolicyKind.SENTINEL or PolicyKind.OPA.`);
    }
    requireEntitlement(this, props.organization, Entitlement.POLICY_ENFORCEMENT, `policy ${quote(props.name)}`);
    checkForm(this, 'policy', 'The policy name', props.name);
    const name = literal(props.name);
    if (name !== undefined) {
      const holder = claim(this, `policy-name:${identityOf(props.organization)}`, name);
      if (holder !== undefined) {
        fail(this, 'TFE-POL-001',
          `policy name ${quote(name)} is already used by ${holder} in organization ${props.organization.node.path}: ` +
          'policy names are unique per organization; choose another name.');
      }
      setIdentity(this, `policy:${identityOf(props.organization)}/${name}`);
    }

    this.enforcementLevel = props.enforcementLevel ?? EnforcementLevel.advisory(props.kind);
    checkLevel(this, props.kind, this.enforcementLevel);

    if (props.kind === PolicyKind.OPA) {
      if (props.query === undefined) {
        fail(this, 'TFE-POL-004',
          'OPA policy without a query: the platform evaluates the rule the query names and refuses an OPA policy without one; ' +
          'set query to the rule of your Rego code, e.g. query: "data.terraform.deny".');
      }
      checkString(this, 'The OPA query', props.query, (q) => q.trim() === ''
        ? violation('TFE-POL-005', `the OPA query is empty (${quote(q)}): set it to the rule of your Rego code, e.g. "data.terraform.deny".`)
        : undefined,
      );
    } else if (props.query !== undefined) {
      fail(this, 'TFE-POL-006',
        `Sentinel policy with a query (${quote(props.query)}): queries select a rule of OPA (Rego) policies; Sentinel evaluates the policy's main rule. ` +
        'Remove the query, or set kind: PolicyKind.OPA if the code is Rego.');
    }

    this.resource = new TfePolicy(this, 'Resource', {
      name: props.name,
      description: text(props.description),
      organization: props.organization.organizationName,
      kind: props.kind,
      policy: props.source._render(this),
      query: text(props.query),
      enforceMode: this.enforcementLevel.level,
    });
    this.policyId = this.resource.id;
  }

  /**
   * Takes over the policy, which already exists on the platform: the app
   * writes a Terraform `import` block for its `tfe_policy` (import ID
   * `<organization>/<policy ID>`). After the apply that imports it, it is managed exactly like one this app created.
   *
   * @param policyId the policy's ID (`pol-...`)
   */
  public adoptExisting(policyId: string): void {
    const given = adoptedId(this, 'policyId', 'The policy ID', policyId);
    adopt(this, given, (r) => (r === this.resource ? `${organizationNameFor(this, this.organization)}/${given}` : undefined));
  }

  /**
   * The policy's name.
   * @attribute
   */
  public get policyName(): string {
    return memoized(this, 'policyName', () => this.resource.name);
  }
}

class ImportedPolicy extends Construct implements IPolicy {
  public readonly policyId: string;
  public readonly policyName: string;
  public readonly kind: PolicyKind;
  public readonly organization: IOrganization;
  public readonly enforcementLevel?: EnforcementLevel;

  constructor(scope: Construct, id: string, attrs: PolicyAttributes) {
    super(scope, id);
    this.policyId = attrs.policyId;
    this.policyName = attrs.policyName;
    this.kind = attrs.kind;
    this.organization = attrs.organization;
    this.enforcementLevel = attrs.enforcementLevel;
    setIdentity(this, `policy-id:${attrs.policyId}`);
  }
}
