import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isInside } from './ast';

export type Segment = TSESLint.CodePathSegment;

/**
 * Where the code of a file runs in ESLint's code path graph (see ESLint's "Code Path Analysis
 * Details"): which segments the recorded nodes run in, and which of them each segment runs, in
 * order. Complete for a loop once ESLint has left it: `WhileStatement:exit` may ask about its body.
 */
export interface CodePaths {
  /** The segments current when `node` (of a recorded type, inside a loop) is entered: where it runs. */
  segmentsOf(node: TSESTree.Node): readonly Segment[];
  /** The recorded nodes entered in `segment`, in the order they run. */
  nodesIn(segment: Segment): readonly TSESTree.Node[];
  /** The node at whose entry `segment` began: a loop's body for the segment each round starts with. */
  startOf(segment: Segment): TSESTree.Node | undefined;
  /** The segments that began at the entry of `node`, inside a loop. */
  startingAt(node: TSESTree.Node): readonly Segment[];
  /** Whether `segment` begins inside `node` (not at `node` itself, where the code before and after it starts). */
  beginsInside(segment: Segment, node: TSESTree.Node): boolean;
}

export const loopTypes: readonly string[] = ['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement'];

/**
 * Collects the code paths of a file while ESLint walks it, recording where nodes of `nodeTypes`
 * inside loops run: spread `listeners` into the rule's listeners, and ask `paths` from a loop's
 * `:exit` listener on.
 *
 * `const { paths, listeners } = recordCodePaths(['AwaitExpression']); return { ...listeners, 'WhileStatement:exit': (loop) => check(loop, paths) }`
 */
export function recordCodePaths(nodeTypes: readonly string[]): { paths: CodePaths; listeners: TSESLint.RuleListener } {
  const current: Set<Segment>[] = [];
  /** `current`'s top as an array, made again only after a segment starts or ends. */
  let snapshot: Segment[] | undefined;
  const segmentsByNode = new Map<TSESTree.Node, Segment[]>();
  const nodesBySegment = new Map<Segment, TSESTree.Node[]>();
  const startBySegment = new Map<Segment, TSESTree.Node>();
  const segmentsByStart = new Map<TSESTree.Node, Segment[]>();
  // Only code inside loops is ever asked about.
  let loopDepth = 0;

  const start = (segment: Segment, node: TSESTree.Node): void => {
    current.at(-1)?.add(segment);
    snapshot = undefined;
    // Segments that begin outside every loop are only ever asked whether they begin inside one.
    if (loopDepth === 0) return;
    startBySegment.set(segment, node);
    const started = segmentsByStart.get(node);
    if (started) started.push(segment);
    else segmentsByStart.set(node, [segment]);
  };
  const end = (segment: Segment): void => {
    current.at(-1)?.delete(segment);
    snapshot = undefined;
  };
  const loops = `:matches(${loopTypes.join(', ')})`;
  const listeners = {
    onCodePathStart: () => {
      current.push(new Set());
      snapshot = undefined;
    },
    onCodePathEnd: () => {
      current.pop();
      snapshot = undefined;
    },
    onCodePathSegmentStart: start,
    onUnreachableCodePathSegmentStart: start,
    onCodePathSegmentEnd: end,
    onUnreachableCodePathSegmentEnd: end,
    [loops]: () => loopDepth++,
    [`${loops}:exit`]: () => loopDepth--,
    [`:matches(${nodeTypes.join(', ')})`]: (node: TSESTree.Node) => {
      if (loopDepth === 0) return;
      snapshot ??= [...(current.at(-1) ?? [])];
      segmentsByNode.set(node, snapshot);
      for (const segment of snapshot) {
        const nodes = nodesBySegment.get(segment);
        if (nodes) nodes.push(node);
        else nodesBySegment.set(segment, [node]);
      }
    },
  };
  const paths: CodePaths = {
    segmentsOf: (node) => segmentsByNode.get(node) ?? [],
    nodesIn: (segment) => nodesBySegment.get(segment) ?? [],
    startOf: (segment) => startBySegment.get(segment),
    startingAt: (node) => segmentsByStart.get(node) ?? [],
    beginsInside: (segment, node) => {
      const begin = startBySegment.get(segment);
      return begin !== undefined && begin !== node && isInside(begin, node);
    },
  };
  // Code path events take segments, not nodes: typescript-eslint leaves them out of RuleListener.
  return { paths, listeners: listeners as unknown as TSESLint.RuleListener };
}
