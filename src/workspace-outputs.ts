import { Construct } from 'constructs';
import { boundWorkspaces } from './private/bindings';
import { IResolvable, TerraformStack, Token } from './private/framework';
import { DataTfeOutputs } from './private/l1-classes';
import { memoized } from './private/memo';
import { literalNameOf, sameIdentity } from './private/registry';
import { fail, inform, quote, synthProblem, violation } from './private/validation';
import { IWorkspace, Workspace } from './workspace';

/**
 * Properties of a reader of a workspace's outputs.
 */
export interface WorkspaceOutputsProps {
  /**
   * The workspace whose outputs are read (the producer).
   */
  readonly workspace: IWorkspace;

  /**
   * The workspace whose runs read the outputs: the producer must share its
   * state with it (`producer.shareStateWith(reader)`, or `globalRemoteState`).
   * @default - the workspaces the stack is bound to with `Backend.forWorkspace`
   *            (or every member, with `Backend.forWorkspaceGroup`)
   */
  readonly reader?: IWorkspace;
}

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Typed reads of another workspace's outputs, for a consumer stack (the
 * `tfe_outputs` data source). Non-sensitive outputs are read from
 * `nonsensitive_values`, so the values stay usable in plans and outputs;
 * sensitive ones with the `getSecret...` methods, from `values` (sensitive).
 *
 * The producer must share its state with the workspace that reads it: when
 * the library knows both (the producer is a `Workspace` of this app, and the
 * reader is given or the stack is bound to it), a reader the producer does
 * not share its state with is a synth error (`TFE-OUT-001`), rather than the
 * platform's refusal at plan.
 *
 * In the producer's own stack the data source refers to the workspace (so it
 * is read after the workspace exists); in another stack it names the
 * workspace and organization literally, and the stack depends on the
 * producer's stack. The stack needs a `TfeProvider` (the library never
 * creates one). A sensitive output read with `getString` (from
 * `nonsensitive_values`) is missing: Terraform's `lookup` fails at plan.
 *
 * @example
 * const network = new Workspace(stack, 'Network', { organization: acme, name: 'network' });
 * const app = new Workspace(stack, 'App', { organization: acme, name: 'app' });
 * network.shareStateWith(app);
 *
 * const appStack = new TerraformStack(cdkApp, 'app');
 * new TfeProvider(appStack, 'tfe', {});
 * app.bindBackend(appStack);
 * const net = new WorkspaceOutputs(appStack, 'Network', { workspace: network });
 * new TerraformOutput(appStack, 'vpc', { value: net.getString('vpc_id') });
 */
export class WorkspaceOutputs extends Construct {
  /**
   * The workspace whose outputs are read.
   */
  public readonly workspace: IWorkspace;

  private readonly reader?: IWorkspace;
  private readonly data: DataTfeOutputs;

  constructor(scope: Construct, id: string, props: WorkspaceOutputsProps) {
    super(scope, id);
    this.workspace = props.workspace;
    this.reader = props.reader;

    const stack = TerraformStack.of(this);
    const producerStack = TerraformStack.of(props.workspace);
    const sameStack = producerStack === stack;
    const workspaceName = sameStack ? props.workspace.workspaceName || undefined : literalNameOf(props.workspace);
    const organizationName = sameStack ? props.workspace.organization.organizationName : literalNameOf(props.workspace.organization);
    if (workspaceName === undefined || organizationName === undefined) {
      fail(this, 'TFE-OUT-004',
        `the name of workspace ${props.workspace.node.path}${workspaceName === undefined ? '' : ` or of its organization ${props.workspace.organization.node.path}`} ` +
        `is not known while the program runs, and stack ${stack.node.path} cannot refer to it in stack ${producerStack.node.path}: ` +
        'give the workspace and its organization literal names, or reference the workspace with Workspace.fromWorkspaceName in this stack.');
    }
    if (!sameStack && !stack.dependencies.includes(producerStack) && !producerStack.dependencies.includes(stack)) {
      stack.addDependency(producerStack);
    }
    this.data = new DataTfeOutputs(this, 'Outputs', { workspace: workspaceName, organization: organizationName });
    this.node.addValidation({ validate: () => this.checkReaders() });
  }

  /**
   * The workspaces whose runs read the outputs: the reader given, or the
   * workspaces the stack is bound to (none when neither is known).
   */
  public get readers(): IWorkspace[] {
    if (this.reader) return [this.reader];
    return boundWorkspaces(TerraformStack.of(this)) ?? [];
  }

  /**
   * A non-sensitive string output.
   */
  public getString(outputName: string): string {
    return memoized(this, `string:${outputName}`, () => Token.asString(this.reference('nonsensitive_values', outputName)));
  }

  /**
   * A non-sensitive number output.
   */
  public getNumber(outputName: string): number {
    return memoized(this, `number:${outputName}`, () => Token.asNumber(this.reference('nonsensitive_values', outputName)));
  }

  /**
   * A non-sensitive list-of-strings output.
   */
  public getList(outputName: string): string[] {
    return memoized(this, `list:${outputName}`, () => Token.asList(this.reference('nonsensitive_values', outputName)));
  }

  /**
   * A non-sensitive map-of-strings output.
   */
  public getStringMap(outputName: string): { [key: string]: string } {
    return memoized(this, `map:${outputName}`, () => Token.asStringMap(this.reference('nonsensitive_values', outputName)));
  }

  /**
   * A non-sensitive output of any type (a boolean, an object, ...).
   */
  public getAny(outputName: string): IResolvable {
    return memoized(this, `any:${outputName}`, () => this.reference('nonsensitive_values', outputName));
  }

  /**
   * A sensitive string output (from `values`; Terraform keeps it sensitive:
   * an output that shows it must be marked sensitive).
   */
  public getSecretString(outputName: string): string {
    return memoized(this, `secret-string:${outputName}`, () => Token.asString(this.reference('values', outputName)));
  }

  /**
   * A sensitive output of any type (from `values`).
   */
  public getSecretAny(outputName: string): IResolvable {
    return memoized(this, `secret-any:${outputName}`, () => this.reference('values', outputName));
  }

  private reference(attribute: string, outputName: string): IResolvable {
    if (typeof outputName !== 'string' || !OUTPUT_NAME.test(outputName)) {
      fail(this, 'TFE-OUT-003',
        `output name ${quote(outputName)} is not a Terraform output name: an output's name is a Terraform identifier ` +
        '(letters, digits, "_" and "-", starting with a letter or "_"), e.g. "vpc_id".');
    }
    return this.data.interpolationForAttribute(`${attribute}.${outputName}`);
  }

  private checkReaders(): string[] {
    const producer = this.workspace;
    const readers = this.readers;
    if (readers.length === 0) {
      inform(this, 'TFE-OUT-006',
        `no reader workspace is known for the outputs of ${producer.node.path}: give reader, or bind stack ${TerraformStack.of(this).node.path} ` +
        'with Backend.forWorkspace, so that the library can check that the producer shares its state with it.');
      return [];
    }
    const problems: string[] = [];
    for (const reader of readers) {
      if (sameIdentity(reader, producer)) continue;
      if (!sameIdentity(reader.organization, producer.organization)) {
        problems.push(synthProblem(violation('TFE-OUT-002',
          `reader ${reader.node.path} belongs to another organization than workspace ${producer.node.path}: state is shared within one organization; ` +
          'read outputs of a workspace of the reader\'s organization.')));
        continue;
      }
      if (!(producer instanceof Workspace)) {
        inform(this, 'TFE-OUT-005',
          `workspace ${producer.node.path} is referenced, not created here: whether it shares its state with ${reader.node.path} is not known to the library; the platform checks at plan.`);
        continue;
      }
      if (producer.globalRemoteState || producer.remoteStateConsumers.some((c) => sameIdentity(c, reader))) continue;
      problems.push(synthProblem(violation('TFE-OUT-001',
        `workspace ${producer.node.path} does not share its state with reader ${reader.node.path}, so the platform refuses the read at plan: ` +
        'call producer.shareStateWith(reader) (or turn on globalRemoteState for every workspace).')));
    }
    return problems;
  }
}
