import { TerraformStack } from './framework';
import type { IWorkspace } from '../workspace';

/**
 * The workspaces each stack is bound to by `Backend.forWorkspace` (one) or
 * `Backend.forWorkspaceGroup` (every member): the workspaces whose runs
 * execute the stack, and so read what it reads (e.g. other workspaces'
 * outputs).
 */
const bindings = new WeakMap<TerraformStack, IWorkspace[]>();

/** Records that `stack` runs in `workspaces`. */
export function recordBinding(stack: TerraformStack, workspaces: IWorkspace[]): void {
  bindings.set(stack, [...workspaces]);
}

/** The workspaces `stack` is bound to, or undefined when it is not bound by this library. */
export function boundWorkspaces(stack: TerraformStack): IWorkspace[] | undefined {
  const bound = bindings.get(stack);
  return bound === undefined ? undefined : [...bound];
}
