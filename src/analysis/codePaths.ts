import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isInside } from './ast';

export type Segment = TSESLint.CodePathSegment;

/**
 * Where the code of a file runs in ESLint's code path graph (see ESLint's "Code Path Analysis
 * Details"): which segments each node runs in, and which nodes each segment runs, in order.
 * Complete for a loop once ESLint has left it: `WhileStatement:exit` may ask about its body.
 */
export interface CodePaths {
  /** The segments current when `node` is entered: where it runs. */
  segmentsOf(node: TSESTree.Node): readonly Segment[];
  /** The nodes entered in `segment`, in the order they run. */
  nodesIn(segment: Segment): readonly TSESTree.Node[];
  /** Whether `segment` begins inside `node` (not at `node` itself, where the code before and after it starts). */
  beginsInside(segment: Segment, node: TSESTree.Node): boolean;
}

const loopSelector = ':matches(WhileStatement, DoWhileStatement, ForStatement, ForInStatement, ForOfStatement)';

/**
 * Collects the code paths of a file while ESLint walks it: spread `listeners` into the rule's
 * listeners, and ask `paths` from a node's `:exit` listener on.
 *
 * `const { paths, listeners } = recordCodePaths(); return { ...listeners, 'WhileStatement:exit': (loop) => check(loop, paths) }`
 */
export function recordCodePaths(): { paths: CodePaths; listeners: TSESLint.RuleListener } {
  const current: Set<Segment>[] = [];
  const segmentsByNode = new Map<TSESTree.Node, Segment[]>();
  const nodesBySegment = new Map<Segment, TSESTree.Node[]>();
  const startBySegment = new Map<Segment, TSESTree.Node>();
  // Only code inside loops is ever asked about.
  let loopDepth = 0;

  const start = (segment: Segment, node: TSESTree.Node): void => {
    current.at(-1)?.add(segment);
    startBySegment.set(segment, node);
  };
  const end = (segment: Segment): void => {
    current.at(-1)?.delete(segment);
  };
  const listeners = {
    onCodePathStart: () => current.push(new Set()),
    onCodePathEnd: () => current.pop(),
    onCodePathSegmentStart: start,
    onUnreachableCodePathSegmentStart: start,
    onCodePathSegmentEnd: end,
    onUnreachableCodePathSegmentEnd: end,
    [loopSelector]: () => loopDepth++,
    [`${loopSelector}:exit`]: () => loopDepth--,
    '*': (node: TSESTree.Node) => {
      if (loopDepth === 0) return;
      const segments = [...(current.at(-1) ?? [])];
      segmentsByNode.set(node, segments);
      for (const segment of segments) {
        const nodes = nodesBySegment.get(segment);
        if (nodes) nodes.push(node);
        else nodesBySegment.set(segment, [node]);
      }
    },
  };
  const paths: CodePaths = {
    segmentsOf: (node) => segmentsByNode.get(node) ?? [],
    nodesIn: (segment) => nodesBySegment.get(segment) ?? [],
    beginsInside: (segment, node) => {
      const begin = startBySegment.get(segment);
      return begin !== undefined && begin !== node && isInside(begin, node);
    },
  };
  // Code path events take segments, not nodes: typescript-eslint leaves them out of RuleListener.
  return { paths, listeners: listeners as unknown as TSESLint.RuleListener };
}
