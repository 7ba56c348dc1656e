import { Construct } from 'constructs';
import { adopt, adoptedId, adoptedIdOf, organizationNameFor, workspaceNameFor } from './private/adoption';
import { compactLogicalId, compactNodeMetadata } from './private/compact-strings';
import { TerraformProvider, TerraformResource } from './private/framework';
import { escapeTemplate } from './private/hcl';
import { recordImport } from './private/import-ids';
import { memoized } from './private/memo';
import { checkForm } from './private/names';
import { claim, identityOf } from './private/registry';
import { Schema, schemaToHcl, schemaToJson, TFE_GENERATOR_METADATA } from './private/resource-schema';
import { whenPlaintextAtSynth } from './private/secrets';
import { fail, literal, quote, violation, warn } from './private/validation';
import { useWriteOnly } from './private/write-only';
import type { IVariableSet } from './variable-set';
import type { VariableValue } from './variable-value';
import type { IWorkspace } from './workspace';

/**
 * What a variable is for.
 */
export enum VariableCategory {
  /** A Terraform input variable (`var.<key>`). */
  TERRAFORM = 'terraform',
  /** An environment variable of the run's process (e.g. provider credentials). */
  ENV = 'env',
}

/**
 * Options for a variable, without its target.
 */
export interface VariableOptions {
  /**
   * The variable's name. A Terraform variable's name is a Terraform
   * identifier (letters, digits, `_` and `-`, not starting with a digit); an
   * environment variable's name has letters, digits and `_`, not starting
   * with a digit. Unique per workspace (or variable set) and category.
   */
  readonly key: string;

  /**
   * The value: `VariableValue.string(...)`, `.number(...)`, `.boolean(...)`,
   * `.list(...)`, `.map(...)`, `.hcl(...)` or `.fromReference(...)`.
   */
  readonly value: VariableValue;

  /**
   * Whether this is a Terraform variable or an environment variable.
   * @default VariableCategory.TERRAFORM
   */
  readonly category?: VariableCategory;

  /**
   * A description.
   * @default - none
   */
  readonly description?: string;

  /**
   * Whether the value is write-only on the platform: hidden in the UI and
   * API and in run logs. Drift of a sensitive value is invisible. A
   * sensitive value should be a reference (`VariableValue.fromReference`),
   * since a literal is written in plain text to `cdk.tf.json`.
   * @default false
   */
  readonly sensitive?: boolean;

  /**
   * Accept a sensitive variable whose value is written literally in the
   * program (and so in plain text in `cdk.tf.json`); a warning is still shown.
   * @default false
   */
  readonly allowPlaintextSecret?: boolean;

  /**
   * Write the value to the write-only argument `value_wo`: the platform gets
   * it, the Terraform state never holds it. Only for variables of workspaces
   * (provider 0.71.0 ignores `value_wo` on variables of variable sets). Needs
   * `sensitive: true` and Terraform 1.11 or later: the stack then declares `required_version
   * ">= 1.11.0"`, so older Terraform (and OpenTofu before 1.11) stops at
   * `init`. Provider 0.71.0 has no version argument for write-only values: it
   * keeps a hash of the last value written and replaces the variable when the
   * value changes (a rotation deletes and re-creates it), and a value read
   * from an ephemeral resource is refused, since it would replace the
   * variable on every apply.
   * @default false
   */
  readonly writeOnly?: boolean;

  /**
   * Seed the value, then leave it alone: the value is written when the
   * variable is created, and later changes, made in the UI or the API (or to
   * the value in this program), are kept as they are
   * (`lifecycle { ignore_changes = [value] }`). For values a team edits by
   * hand after the platform team created the variable. Not with
   * `writeOnly`, whose value is never read back, so edits made elsewhere
   * are kept anyway.
   * @default false
   */
  readonly initialValueOnly?: boolean;
}

/**
 * Properties of a variable: its options and exactly one target.
 */
export interface VariableProps extends VariableOptions {
  /**
   * The workspace the variable belongs to. Give exactly one of `workspace`
   * and `variableSet`.
   * @default - none; then `variableSet` is required
   */
  readonly workspace?: IWorkspace;

  /**
   * The variable set the variable belongs to. Give exactly one of
   * `workspace` and `variableSet`.
   * @default - none; then `workspace` is required
   */
  readonly variableSet?: IVariableSet;
}

/** Duck-typed, so that values from another copy of the library are accepted. */
function isVariableValue(x: any): x is VariableValue {
  return x != null && typeof x === 'object' && typeof x.text === 'string' && typeof x.isHcl === 'boolean' && typeof x._kind === 'string';
}

/** The `tfe_variable` arguments a `Variable` sets, in the provider's order. */
const SCHEMA: Schema = {
  category: { kind: 'string' },
  description: { kind: 'string' },
  hcl: { kind: 'boolean' },
  key: { kind: 'string' },
  sensitive: { kind: 'boolean' },
  value: { kind: 'string' },
  value_wo: { kind: 'string' },
  variable_set_id: { kind: 'string' },
  workspace_id: { kind: 'string' },
};

/**
 * A Terraform or environment variable (`tfe_variable`) of a workspace or of
 * a variable set.
 *
 * @example
 * const dbPassword = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
 * new Variable(stack, 'DbPassword', {
 *   workspace: api,
 *   key: 'db_password',
 *   value: VariableValue.fromReference(dbPassword.stringValue),
 *   sensitive: true,
 * });
 * api.addVariable('Region', { key: 'AWS_REGION', value: VariableValue.string('eu-west-1'), category: VariableCategory.ENV });
 */
export class Variable extends TerraformResource {
  /**
   * The Terraform resource type.
   */
  public static readonly tfResourceType = 'tfe_variable';

  /**
   * The variable's name.
   */
  public readonly key: string;

  /**
   * Whether this is a Terraform or an environment variable.
   */
  public readonly category: VariableCategory;

  /**
   * Whether the value is write-only on the platform.
   */
  public readonly sensitive: boolean;

  /**
   * The value.
   */
  public readonly value: VariableValue;

  /** Whether the value is written to the write-only argument `value_wo`. */
  public readonly writeOnly: boolean;

  /**
   * The workspace the variable belongs to, if it belongs to one.
   */
  public readonly workspace?: IWorkspace;

  /**
   * The variable set the variable belongs to, if it belongs to one.
   */
  public readonly variableSet?: IVariableSet;

  private readonly description?: string;
  private readonly hcl: boolean;

  constructor(scope: Construct, id: string, props: VariableProps) {
    // The variable is the `tfe_variable` resource itself rather than a
    // construct around one: variables are the most numerous resource of an
    // organization, and one construct less per variable keeps the tree
    // (and the synth's time and memory) close to hand-written L1 code.
    super(scope, id, {
      terraformResourceType: Variable.tfResourceType,
      terraformGeneratorMetadata: TFE_GENERATOR_METADATA,
    });
    this.key = props.key;
    this.category = props.category ?? VariableCategory.TERRAFORM;
    this.sensitive = props.sensitive ?? false;
    this.value = props.value;
    this.workspace = props.workspace;
    this.variableSet = props.variableSet;

    if (props.workspace && props.variableSet) {
      fail(this, 'TFE-VAR-001',
        `got both workspace ${props.workspace.node.path} and variable set ${props.variableSet.node.path}: ` +
        'a variable belongs to exactly one of them; create one variable per target (or apply the variable set to the workspace).');
    }
    const target = props.workspace ?? props.variableSet;
    if (!target) {
      fail(this, 'TFE-VAR-002',
        'got neither workspace nor variableSet: a variable belongs to exactly one of them; ' +
        'give one, or use workspace.addVariable(...) / variableSet.addVariable(...).');
    }
    if (!isVariableValue(props.value)) {
      fail(this, 'TFE-VAR-003', `value must be a VariableValue, got ${quote(props.value)}: use VariableValue.string(...), .number(...), .list(...), .fromReference(...), ...`);
    }

    checkForm(this, this.category === VariableCategory.ENV ? 'environmentVariable' : 'terraformVariable', 'The variable key', props.key);

    const value = props.value;
    if (this.category === VariableCategory.ENV && value._kind === 'hcl') {
      const what = this.describeValue();
      fail(this, 'TFE-VAR-004',
        `environment variable ${quote(props.key)} has an HCL value (${what}), but HCL has no effect for environment variables: ` +
        'the platform passes the text as is. Use VariableValue.string(JSON.stringify(...)) to pass the data as JSON text, ' +
        'or category VariableCategory.TERRAFORM for a Terraform variable.');
    }

    if (this.sensitive && !value.isReference) {
      const what = this.describeValue();
      const problem = `variable ${quote(props.key)} is sensitive, but its value (${what}) is written literally in the program: ` +
        'a literal is written in plain text into cdk.tf.json (and anything that stores or shows it), so the secret leaks. ' +
        'Declare a sensitive TerraformVariable and pass VariableValue.fromReference(secret.stringValue)';
      if (!props.allowPlaintextSecret) {
        fail(this, 'TFE-SECRET-003', `${problem}, or set allowPlaintextSecret: true to accept the risk.`);
      }
      warn(this, 'TFE-SECRET-004', `${problem} (accepted with allowPlaintextSecret: true).`);
    } else if (this.sensitive && !props.allowPlaintextSecret) {
      // A token can still be plain text: `Fn.lower("s3cret")` is `${lower("s3cret")}`.
      whenPlaintextAtSynth(this, value.text, () => violation('TFE-SECRET-003',
        `variable ${quote(props.key)} is sensitive, but its value (${value._factory}(...), not shown since it is sensitive) is an expression ` +
        'without any reference, so the secret is written in the program and ends up in plain text in cdk.tf.json. ' +
        'Declare a sensitive TerraformVariable and pass VariableValue.fromReference(secret.stringValue), or set allowPlaintextSecret: true to accept the risk.'));
    }

    const key = literal(props.key);
    if (key !== undefined) {
      const holder = claim(this, `variable-key:${identityOf(target)}:${this.category}`, key);
      if (holder !== undefined) {
        const kind = props.workspace ? 'workspace' : 'variable set';
        fail(this, 'TFE-VAR-005',
          `${this.category} variable key ${quote(key)} is already used by ${holder} in ${kind} ${target.node.path}: ` +
          `keys are unique per ${kind} and category (the API refuses duplicates); remove one of the variables or rename it ` +
          '(a Terraform and an environment variable may share a key).');
      }
    }

    this.writeOnly = props.writeOnly ?? false;
    if (props.initialValueOnly) {
      if (this.writeOnly) {
        fail(this, 'TFE-VAR-021',
          `variable ${quote(props.key)} is both writeOnly and initialValueOnly: a write-only value is never read back from the platform, ` +
          'so edits made in the UI are kept anyway (a change of the value in the program still replaces the variable); drop initialValueOnly.');
      }
      this.lifecycle = { ...this.lifecycle, ignoreChanges: ['value'] };
    }
    if (this.writeOnly) {
      if (!this.sensitive) {
        fail(this, 'TFE-WO-001',
          `variable ${quote(props.key)} is writeOnly but not sensitive: write-only keeps the value out of the state, yet the platform ` +
          'would show it to everyone who can read variables; set sensitive: true as well.');
      }
      if (props.variableSet) {
        fail(this, 'TFE-WO-003',
          `variable ${quote(props.key)} of variable set ${props.variableSet.node.path} is writeOnly, but provider 0.71.0 ignores value_wo for ` +
          'variables of variable sets (it sends only value when it creates or updates them): the variable would be created without its value ' +
          'and replaced on every plan. Put the write-only variable on the workspaces (workspace.addVariable), or drop writeOnly.');
      }
      useWriteOnly(this, `the value of variable ${quote(props.key)}`, value.text);
    }

    this.hcl = value.isHcl && !(this.category === VariableCategory.ENV && value._kind === 'scalar');
    this.description = props.description === undefined ? undefined : escapeTemplate(props.description);
  }

  /**
   * The variable's ID (`var-...`).
   * @attribute
   */
  public get variableId(): string {
    // Made on the first read (every attribute token is costly across tens of
    // thousands of variables), the same token afterwards.
    return memoized(this, 'variableId', () => this.getStringAttribute('id'));
  }

  /**
   * Takes over the variable, which already exists on the platform: the app
   * writes a Terraform `import` block for it, with the ID provider 0.71.0
   * documents (`<organization>/<workspace name>/<variable ID>`, or
   * `<organization>/<variable set ID>/<variable ID>` for a variable of a
   * variable set, whose ID must then be known: an adopted set, or one
   * referenced by ID). After the apply that imports it, the variable is
   * managed exactly like one this app created. A sensitive variable's value
   * cannot be read back: the next apply writes the program's value, unless
   * the variable is `initialValueOnly`.
   *
   * @param variableId the variable's ID (`var-...`)
   */
  public adoptExisting(variableId: string): void {
    const given = adoptedId(this, 'variableId', 'The variable ID', variableId);
    adopt(this, given, (r) => {
      if (r !== this) return undefined;
      const ws = this.workspace;
      if (ws) return `${organizationNameFor(this, ws.organization)}/${workspaceNameFor(this, ws)}/${given}`;
      const set = this.variableSet!;
      const setId = adoptedIdOf(set) || literal(set.variableSetId);
      if (!setId) {
        fail(this, 'TFE-IMP-006',
          `the import ID of a variable of variable set ${set.node.path} needs the set's ID, which is known only at plan time: ` +
          'adopt the set too (variableSet.adoptExisting("varset-...")), or refer to it with VariableSet.fromVariableSetId.');
      }
      return `${organizationNameFor(this, set.organization)}/${setId}/${given}`;
    });
  }

  /**
   * Imports an existing `tfe_variable` into this resource (a Terraform
   * `import` block). The ID is checked against the forms provider 0.71.0
   * documents; `adoptExisting` composes it for you.
   */
  public importFrom(id: string, provider?: TerraformProvider): void {
    recordImport(this, id, provider);
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
   * The `tfe_variable` arguments, for `cdk.tf.json`.
   */
  protected synthesizeAttributes(): { [name: string]: any } {
    return schemaToJson(SCHEMA, this.args());
  }

  /**
   * The `tfe_variable` arguments, for `cdktf synth --hcl`.
   */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return schemaToHcl(SCHEMA, this.args());
  }

  private args(): Record<string, unknown> {
    return {
      category: this.category,
      description: this.description,
      // false is the provider's default for both: written only when true,
      // which keeps every variable's JSON (and the synth) smaller.
      hcl: this.hcl || undefined,
      key: this.key,
      sensitive: this.sensitive || undefined,
      value: this.writeOnly ? undefined : this.value.text,
      value_wo: this.writeOnly ? this.value.text : undefined,
      variable_set_id: this.variableSet?.variableSetId,
      workspace_id: this.workspace?.workspaceId,
    };
  }

  /**
   * How the value is shown in messages: the factory and the text, which is
   * hidden for sensitive variables.
   */
  private describeValue(): string {
    if (this.sensitive) return `${this.value._factory}(...), not shown since it is sensitive`;
    return `${this.value._factory}(...) = ${quote(this.value.text)}`;
  }
}
