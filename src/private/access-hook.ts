import { IConstruct } from 'constructs';
import { TerraformStack } from './framework';

/**
 * The link between the constructs that the access report describes (teams,
 * tokens, workspaces) and the report itself, without an import between them:
 * those constructs mark their stack here, and `access-report.ts` (which
 * imports them to read them) subscribes to the marked stacks. Domain modules
 * import this module only, so the imports of src/ stay acyclic.
 */
type StackListener = (stack: TerraformStack) => void;

let listener: StackListener | undefined;
const marked = new WeakSet<TerraformStack>();
/** Stacks marked before a listener subscribed (only when the report module loads late). */
let early: TerraformStack[] = [];

/**
 * Marks the stack of `scope` as one the access report describes. Cheap and
 * idempotent: one set lookup per call.
 */
export function markAccessRelevant(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (marked.has(stack)) return;
  marked.add(stack);
  if (listener) listener(stack);
  else early.push(stack);
}

/**
 * Subscribes to marked stacks: `onStack` runs once for every stack marked so
 * far and for each stack marked later.
 */
export function onAccessRelevantStack(onStack: StackListener): void {
  listener = onStack;
  const pending = early;
  early = [];
  for (const stack of pending) onStack(stack);
}
