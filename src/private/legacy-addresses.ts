import { TerraformResource, TerraformStack } from 'cdktf';
import { makeUniqueId } from 'cdktf/lib/private/unique';
import { IConstruct } from 'constructs';
import { compactString } from './compact-strings';

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
}

const records = new WeakMap<IConstruct, LegacyRecord>();
/** How many connections under each scope had each old id. */
const legacyCounts = new WeakMap<IConstruct, Map<string, number>>();

/**
 * Records the id that earlier versions gave `resource` (a child of `scope`).
 */
export function recordLegacyId(resource: TerraformResource, scope: IConstruct, legacyId: string): void {
  if (legacyId === resource.node.id) return;
  records.set(resource, { scope, legacyId });
  let counts = legacyCounts.get(scope);
  if (!counts) legacyCounts.set(scope, counts = new Map());
  counts.set(legacyId, (counts.get(legacyId) ?? 0) + 1);
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
  const stack = TerraformStack.of(resource);
  const scopes = record.scope.node.scopes;
  const components = [...scopes.slice(scopes.indexOf(stack) + 1).map((c) => c.node.id), record.legacyId];
  // Stored one byte per character, like every address (see compact-strings.ts).
  return compactString(`${resource.terraformResourceType}.${makeUniqueId(components)}`);
}

/** The address of `resource` now. */
function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/**
 * `toTerraform()` output of `resource` with the move from its old address,
 * unless it already declares a move.
 */
export function withLegacyMoveJson(resource: TerraformResource, out: any): any {
  const from = out.moved === undefined ? legacyAddressOf(resource) : undefined;
  if (from !== undefined) out.moved = [{ to: addressOf(resource), from }];
  return out;
}

/**
 * `toHclTerraform()` output of `resource` with the move from its old address,
 * unless it already declares a move.
 */
export function withLegacyMoveHcl(resource: TerraformResource, out: any): any {
  const from = out.moved === undefined ? legacyAddressOf(resource) : undefined;
  if (from !== undefined) {
    const reference = (value: string) => ({ value, isBlock: false, type: 'simple', storageClassType: 'reference' });
    out.moved = [{ to: reference(addressOf(resource)), from: reference(from) }];
  }
  return out;
}

/**
 * `toMetadata()` output of `resource`, listing it among the moved resources
 * when it moves from its old address.
 */
export function withLegacyMoveMetadata(resource: TerraformResource, out: any): any {
  if (out.moved === undefined && legacyAddressOf(resource) !== undefined) {
    out.moved = { [resource.terraformResourceType]: [resource.friendlyUniqueId] };
  }
  return out;
}

/**
 * A subclass of a connection resource's L1 class that moves from its old
 * address (see above); otherwise the same class.
 */
export function withLegacyAddress<T extends new (...args: any[]) => TerraformResource>(base: T): T {
  return class extends base {
    public toTerraform(): any {
      return withLegacyMoveJson(this, super.toTerraform());
    }

    public toHclTerraform(): any {
      return withLegacyMoveHcl(this, super.toHclTerraform());
    }

    public toMetadata(): any {
      return withLegacyMoveMetadata(this, super.toMetadata());
    }
  };
}
