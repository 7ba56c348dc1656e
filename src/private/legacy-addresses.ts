import { IConstruct } from 'constructs';
import { compactString } from './compact-strings';
import { makeUniqueId, TerraformElement, TerraformResource, TerraformStack } from './framework';

/**
 * Moves from the addresses that earlier versions gave connection resources.
 *
 * In earlier versions of this library the construct id of a resource that connects its scope to
 * a target (a team's grant on a workspace, a set's attachment to a project,
 * ...) was `<kind>-<target's construct id>`, with `-2`, `-3`, ... appended
 * when two targets had the same construct id, in the order the connections
 * were made. Ids now come from the target's identity (`connectionId` in
 * `registry.ts`). So that a program written for the old ids plans no
 * replacement, each connection resource whose old id was unambiguous (no
 * other connection of the same kind under the same scope had the same old id,
 * so the old id carried no suffix) declares a Terraform `moved` block from its
 * old address. A move the program declares itself (`Moves.renamedFrom`,
 * `moveFromId`) wins over it.
 *
 * Set the context key `cdktf-tfe-constructs:legacyAddressMoves` to `false`
 * once every environment has applied the moves, to leave them out.
 */
export const LEGACY_ADDRESS_MOVES_CONTEXT_KEY = 'cdktf-tfe-constructs:legacyAddressMoves';

interface LegacyRecord {
  readonly scope: IConstruct;
  readonly legacyId: string;
  /** The old address, computed once when first asked. */
  address?: string;
}

const records = new WeakMap<IConstruct, LegacyRecord>();
/** How many connections under each scope had each old id. */
const legacyCounts = new WeakMap<IConstruct, Map<string, number>>();
/** The element that writes the moves of each stack. */
const movesOfStack = new WeakMap<TerraformStack, LegacyAddressMoves>();

/** The construct id of that element in its stack. */
const MOVES_ELEMENT_ID = 'cdktf-tfe-constructs-legacy-address-moves';

/**
 * Records the id that earlier versions gave `resource` (a child of `scope`).
 */
export function recordLegacyId(resource: TerraformResource, scope: IConstruct, legacyId: string): void {
  if (legacyId === resource.node.id) return;
  records.set(resource, { scope, legacyId });
  let counts = legacyCounts.get(scope);
  if (!counts) legacyCounts.set(scope, counts = new Map());
  counts.set(legacyId, (counts.get(legacyId) ?? 0) + 1);
  const stack = TerraformStack.of(resource);
  let moves = movesOfStack.get(stack);
  if (!moves) movesOfStack.set(stack, moves = new LegacyAddressMoves(stack));
  moves.resources.push(resource);
}

/**
 * The address `resource` had in earlier versions, when it is known without
 * doubt and no resource of this program has it now; undefined otherwise.
 * Computed when asked (at synth), so the order of calls does not matter.
 */
export function legacyAddressOf(resource: TerraformResource): string | undefined {
  const record = records.get(resource);
  if (!record) return undefined;
  const enabled = resource.node.tryGetContext(LEGACY_ADDRESS_MOVES_CONTEXT_KEY);
  if (enabled === false || enabled === 'false') return undefined;
  if (legacyCounts.get(record.scope)?.get(record.legacyId) !== 1) return undefined;
  // A current construct with the old id owns the old address now.
  if (record.scope.node.tryFindChild(record.legacyId) !== undefined) return undefined;
  if (record.address === undefined) {
    const stack = TerraformStack.of(resource);
    const scopes = record.scope.node.scopes;
    const components = [...scopes.slice(scopes.indexOf(stack) + 1).map((c) => c.node.id), record.legacyId];
    // Stored one byte per character, like every address (see compact-strings.ts).
    record.address = compactString(`${resource.terraformResourceType}.${makeUniqueId(components)}`);
  }
  return record.address;
}

/**
 * The `moved` blocks of a stack's connection resources, written by one
 * element (rather than one block per resource, which cdktf would merge by
 * copying the list once per resource). A resource that declares a move of
 * its own (`Moves.renamedFrom`, `moveFromId`) is left out. The blocks are
 * sorted by address.
 */
class LegacyAddressMoves extends TerraformElement {
  public readonly resources: TerraformResource[] = [];

  constructor(stack: TerraformStack) {
    super(stack, MOVES_ELEMENT_ID);
  }

  public toTerraform(): any {
    const moves = this.moves();
    return moves.length === 0 ? {} : { moved: moves.map((m) => ({ to: m.to, from: m.from })) };
  }

  public toHclTerraform(): any {
    const moves = this.moves();
    const reference = (value: string) => ({ value, isBlock: false, type: 'simple', storageClassType: 'reference' });
    return moves.length === 0 ? {} : { moved: moves.map((m) => ({ to: reference(m.to), from: reference(m.from) })) };
  }

  public toMetadata(): any {
    const moved: { [type: string]: string[] } = {};
    for (const m of this.moves()) (moved[m.resource.terraformResourceType] ??= []).push(m.resource.friendlyUniqueId);
    return Object.keys(moved).length === 0 ? {} : { moved };
  }

  private moves(): { resource: TerraformResource; from: string; to: string }[] {
    const out: { resource: TerraformResource; from: string; to: string }[] = [];
    for (const resource of this.resources) {
      if (resource.hasResourceMove()) continue;
      const from = legacyAddressOf(resource);
      if (from !== undefined) out.push({ resource, from, to: `${resource.terraformResourceType}.${resource.friendlyUniqueId}` });
    }
    // Sorted by address, so that the output does not depend on the order connections were made in.
    return out.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  }
}
