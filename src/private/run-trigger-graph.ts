import { IConstruct } from 'constructs';
import { identityOf } from './registry';

/**
 * The platform's cap on run trigger sources per workspace.
 */
export const MAX_RUN_TRIGGER_SOURCES = 20;

interface Graph {
  /** upstream identity -> downstream identities */
  readonly edges: Map<string, Set<string>>;
  /** identity -> a construct path, for messages */
  readonly paths: Map<string, string>;
}

const graphs = new WeakMap<IConstruct, Graph>();

/**
 * Records the run trigger `upstream -> downstream` in the app-wide graph.
 *
 * @returns the cycle (as construct paths, starting and ending at `upstream`)
 *          that the edge would close, in which case nothing is recorded; or
 *          undefined when the edge was added. Only the part of the graph
 *          reachable from `downstream` is searched, so adding E edges to a
 *          graph of sparse chains stays near O(E).
 */
export function addTriggerEdge(scope: IConstruct, upstream: IConstruct, downstream: IConstruct): string[] | undefined {
  const root = scope.node.root;
  let graph = graphs.get(root);
  if (!graph) {
    graph = { edges: new Map(), paths: new Map() };
    graphs.set(root, graph);
  }
  const up = identityOf(upstream);
  const down = identityOf(downstream);
  graph.paths.set(up, upstream.node.path);
  graph.paths.set(down, downstream.node.path);

  // Is `up` reachable from `down`? Then up -> down closes a cycle.
  const previous = new Map<string, string>();
  const stack = [down];
  const seen = new Set([down]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === up) {
      const cycle = [up];
      let cur = up;
      while (cur !== down) {
        cur = previous.get(cur)!;
        cycle.push(cur);
      }
      cycle.reverse();
      return [up, ...cycle].map((id) => graph!.paths.get(id) ?? id);
    }
    for (const next of graph.edges.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        previous.set(next, node);
        stack.push(next);
      }
    }
  }
  let downs = graph.edges.get(up);
  if (!downs) {
    downs = new Set();
    graph.edges.set(up, downs);
  }
  downs.add(down);
  return undefined;
}
