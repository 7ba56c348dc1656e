/**
 * What a destroy does to a workspace (and the state it holds). Deleting a
 * workspace deletes its state, so the default protects it.
 *
 * The protection lives in the workspace's resource block: a workspace removed
 * from the program, or moved to another construct path without
 * `Moves.renamedFrom`, leaves no block behind to protect its old address, and
 * the next apply deletes it whatever its policy (through the safe-delete
 * endpoint unless it was `FORCE_DELETE`). To stop managing a workspace
 * without deleting it, remove it from the state first (`terraform state rm`).
 */
export enum RemovalPolicy {
  /**
   * Terraform refuses to destroy the workspace (`lifecycle.prevent_destroy`):
   * a destroy plan (`cdktf destroy`) or a change that replaces it fails. It
   * does not survive the workspace's removal from the program (see above).
   * If the protection is lifted, deletion still uses the safe-delete endpoint.
   */
  PROTECT = 'protect',
  /**
   * The workspace may be destroyed, through the safe-delete endpoint
   * (`force_delete = false`): the platform refuses while the workspace still
   * manages resources.
   */
  SAFE_DELETE = 'safe-delete',
  /**
   * The workspace may be destroyed even while it manages resources
   * (`force_delete = true`): its state is lost.
   */
  FORCE_DELETE = 'force-delete',
}
