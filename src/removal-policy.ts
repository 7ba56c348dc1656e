/**
 * What happens to a workspace (and the state it holds) when it is removed
 * from the program or the stack is destroyed. Deleting a workspace deletes
 * its state, so the default protects it.
 */
export enum RemovalPolicy {
  /**
   * Terraform refuses to destroy the workspace (`lifecycle.prevent_destroy`),
   * so a plan that would delete or replace it fails; if the protection is
   * lifted, deletion still uses the safe-delete endpoint.
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
