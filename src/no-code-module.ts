import { Construct } from 'constructs';
import { Entitlement } from './entitlements';
import { adopt, adoptedId } from './private/adoption';
import { requireEntitlement } from './private/entitlements';
import { TfeNoCodeModule } from './private/l1-classes';
import { memoized } from './private/memo';
import { claim, identityOf } from './private/registry';
import { semverProblem } from './private/semver';
import { escapeTemplate } from './private/text';
import { checkString, fail, quote } from './private/validation';
import type { IRegistryModule } from './registry-module';

/**
 * The type of a no-code module variable whose values are offered as a list.
 */
export enum NoCodeVariableType {
  /** A string variable. */
  STRING = 'string',
  /** A number variable: every option is a number. */
  NUMBER = 'number',
  /** A boolean variable: the options are `true` and `false`. */
  BOOL = 'bool',
}

/**
 * The values offered for one variable of a no-code module: users provisioning
 * a workspace from the module choose one of them.
 */
export interface NoCodeVariableOptions {
  /**
   * The module variable's name.
   */
  readonly name: string;

  /**
   * The values offered, each once, as text (`"3"` for a number, `"true"` for a boolean).
   */
  readonly options: string[];

  /**
   * The variable's type.
   * @default NoCodeVariableType.STRING
   */
  readonly type?: NoCodeVariableType;
}

/**
 * Options for a no-code module, without the registry module.
 */
export interface NoCodeModuleOptions {
  /**
   * The module version workspaces are provisioned from: a semantic version
   * the registry has published, e.g. `1.2.0`. Needed for `variableOptions`.
   * @default - the latest version
   */
  readonly versionPin?: string;

  /**
   * Whether the module is offered for no-code provisioning.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The values offered for some of the module's variables.
   * @default - users type every variable's value
   */
  readonly variableOptions?: NoCodeVariableOptions[];
}

/**
 * Properties of a no-code module.
 */
export interface NoCodeModuleProps extends NoCodeModuleOptions {
  /**
   * The private registry module offered for no-code provisioning.
   */
  readonly registryModule: IRegistryModule;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A registry module offered for no-code provisioning (`tfe_no_code_module`):
 * users create workspaces from it without writing configuration, choosing
 * the values of its variables from the given options. One per registry module.
 *
 * Needs the `private-module-registry` entitlement (and a tier that offers
 * no-code provisioning, which the entitlement set does not show).
 *
 * @example
 * new NoCodeModule(stack, 'VpcNoCode', {
 *   registryModule: RegistryModule.fromRegistryModuleId(stack, 'Vpc', acme, 'mod-abc123'),
 *   versionPin: '1.2.0',
 *   variableOptions: [
 *     { name: 'region', type: NoCodeVariableType.STRING, options: ['eu-west-1', 'us-east-1'] },
 *     { name: 'az_count', type: NoCodeVariableType.NUMBER, options: ['2', '3'] },
 *   ],
 * });
 */
export class NoCodeModule extends Construct {
  /**
   * The registry module.
   */
  public readonly registryModule: IRegistryModule;

  /**
   * The version pinned, if any.
   */
  public readonly versionPin?: string;

  private readonly resource: TfeNoCodeModule;

  constructor(scope: Construct, id: string, props: NoCodeModuleProps) {
    super(scope, id);
    this.registryModule = props.registryModule;
    this.versionPin = props.versionPin;
    const module = props.registryModule;

    const holder = claim(this, 'no-code-module', identityOf(module));
    if (holder !== undefined) {
      fail(this, 'TFE-NOCODE-008',
        `registry module ${module.node.path} is already offered for no-code provisioning by ${holder}: a registry module has one no-code configuration; ` +
        'change that one (version pin, variable options) instead.');
    }
    checkString(this, 'The version pin', props.versionPin, (v) => semverProblem('TFE-NOCODE-002', 'versionPin', v));
    const variableOptions = props.variableOptions ?? [];
    if (variableOptions.length > 0 && props.versionPin === undefined) {
      fail(this, 'TFE-NOCODE-001',
        'variableOptions are given without a versionPin: the options belong to the variables of one module version; pin it, e.g. versionPin: "1.2.0".');
    }
    this.checkVariableOptions(variableOptions);
    requireEntitlement(this, module.organization, Entitlement.PRIVATE_MODULE_REGISTRY, 'a no-code module');

    this.resource = new TfeNoCodeModule(this, 'Resource', {
      organization: module.organization.organizationName,
      registryModule: module.registryModuleId,
      versionPin: props.versionPin,
      enabled: props.enabled ?? true,
      variableOptions: variableOptions.length > 0
        ? variableOptions.map((o) => ({ name: o.name, type: o.type ?? NoCodeVariableType.STRING, options: o.options.map(escapeTemplate) }))
        : undefined,
    });
  }

  /**
   * Takes over the no-code configuration, which already exists on the
   * platform: the app writes a Terraform `import` block for its
   * `tfe_no_code_module` (import ID: its ID). After the apply that imports it, it is managed exactly like one this app created.
   *
   * @param noCodeModuleId the no-code module's ID (`nocode-...`)
   */
  public adoptExisting(noCodeModuleId: string): void {
    const given = adoptedId(this, 'noCodeModuleId', 'The no-code module ID', noCodeModuleId);
    adopt(this, given, (r) => (r === this.resource ? given : undefined));
  }

  /**
   * The no-code module's ID (`nocode-...`).
   * @attribute
   */
  public get noCodeModuleId(): string {
    return memoized(this, 'noCodeModuleId', () => this.resource.id);
  }

  private checkVariableOptions(variableOptions: NoCodeVariableOptions[]): void {
    const names = new Set<string>();
    const types = Object.values(NoCodeVariableType) as string[];
    for (const o of variableOptions) {
      if (typeof o.name !== 'string' || !IDENTIFIER.test(o.name)) {
        fail(this, 'TFE-NOCODE-004', `variable name ${quote(o.name)} is not a Terraform variable name: give the module variable's name, e.g. "region".`);
      }
      if (names.has(o.name)) {
        fail(this, 'TFE-NOCODE-005', `variable ${quote(o.name)} is given options twice: give all its values in one entry.`);
      }
      names.add(o.name);
      if (!Array.isArray(o.options) || o.options.length === 0) {
        fail(this, 'TFE-NOCODE-003', `variable ${quote(o.name)} has no options (got ${quote(o.options)}): give at least one value, or leave the variable out to let users type it.`);
      }
      const type = o.type ?? NoCodeVariableType.STRING;
      if (!types.includes(type)) {
        fail(this, 'TFE-NOCODE-007', `variable ${quote(o.name)} has type ${quote(type)}: options are offered for NoCodeVariableType values (${types.map((t) => quote(t)).join(', ')}).`);
      }
      const seen = new Set<string>();
      for (const value of o.options) {
        if (seen.has(value)) {
          fail(this, 'TFE-NOCODE-006', `variable ${quote(o.name)} offers ${quote(value)} more than once (options ${quote(o.options)}): list each value once.`);
        }
        seen.add(value);
        const fits = type === NoCodeVariableType.NUMBER ? typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
          : type === NoCodeVariableType.BOOL ? value === 'true' || value === 'false'
            : typeof value === 'string';
        if (!fits) {
          fail(this, 'TFE-NOCODE-007',
            `variable ${quote(o.name)} is of type ${type}, but option ${quote(value)} is not ${type === 'number' ? 'a number' : type === 'bool' ? '"true" or "false"' : 'a string'}: ` +
            'give values of the variable\'s type, as text (e.g. "3", "true").');
        }
      }
    }
  }
}
