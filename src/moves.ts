import { IConstruct } from 'constructs';
import { Aspects, IAspect, makeUniqueId, TerraformResource, TerraformStack } from './private/framework';
import { LEGACY_ADDRESS_MOVES_CONTEXT_KEY } from './private/legacy-addresses';
import { fail, quote } from './private/validation';

/**
 * Renaming and moving constructs without replacing what they manage.
 *
 * A resource's Terraform address comes from its construct path, so renaming
 * a construct (or moving it under another parent) changes the address, and
 * Terraform plans to destroy the old resource and create a new one. For a
 * workspace that means deleting its state. `Moves.renamedFrom` records the
 * old path; every resource below the construct then gets a Terraform `moved`
 * block from its old address, and the plan shows a move instead.
 *
 * @example
 * // was: new Workspace(stack, 'Api', ...), now under the payments project's construct:
 * const api = new Workspace(payments, 'PaymentsApi', { organization: acme, name: 'payments-api' });
 * Moves.renamedFrom(api, 'Api');
 */
export class Moves {
  /**
   * The context key that leaves out the `moved` blocks from the addresses
   * earlier versions of this library gave grants, attachments, run triggers
   * and policy set parameters: set it to `false` once every environment has
   * applied them (`app.node.setContext(Moves.LEGACY_ADDRESS_MOVES_CONTEXT_KEY, false)`,
   * or in the `context` of `cdktf.json`).
   */
  public static readonly LEGACY_ADDRESS_MOVES_CONTEXT_KEY = LEGACY_ADDRESS_MOVES_CONTEXT_KEY;

  /**
   * Declares that `construct` was previously at `previousPath`, given
   * relative to its stack (e.g. `Acme/Api`: the construct ids from the stack
   * down, without the stack's own id). Keep the call until every environment
   * has applied the move; Terraform 1.5 or later (or OpenTofu) is needed.
   */
  public static renamedFrom(construct: IConstruct, previousPath: string): void {
    const stack = TerraformStack.of(construct);
    const current = construct.node.scopes.slice(construct.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
    const previous = previousPath.split('/');
    if (previousPath === '' || previous.some((p) => p === '')) {
      fail(construct, 'TFE-MOVE-001', `previous path ${quote(previousPath)} is not a construct path: give the construct ids from the stack down, separated by "/", e.g. "Acme/Api".`);
    }
    if (previous.join('/') === current.join('/')) {
      fail(construct, 'TFE-MOVE-002', `previous path ${quote(previousPath)} is the construct's current path: nothing moved; remove Moves.renamedFrom.`);
    }
    Aspects.of(construct).add(new RenameAspect(construct, current.length, previous));
  }

  private constructor() {}
}

class RenameAspect implements IAspect {
  private readonly done = new WeakSet<TerraformResource>();

  constructor(private readonly root: IConstruct, private readonly depth: number, private readonly previous: string[]) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || this.done.has(node)) return;
    const stack = TerraformStack.of(this.root);
    const components = node.node.scopes.slice(node.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
    const below = components.slice(this.depth);
    node.moveFromId(`${node.terraformResourceType}.${makeUniqueId([...this.previous, ...below])}`);
    this.done.add(node);
  }
}
