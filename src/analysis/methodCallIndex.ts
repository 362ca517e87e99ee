import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { calleeName, isInside, methodCallParts, stableReferenceText } from './ast';
import { perFile } from './fileCache';
import { fileIndex } from './fileIndex';

export interface IndexedMethodCall {
  call: TSESTree.CallExpression;
  method: string;
}

/**
 * Every `x.y.method(…)` call in the file, grouped by the receiver's text, built in one walk per
 * file (from the file's shared index): the engine looks up removals and closes (`bus.off`, `sub.quit`) here instead of
 * re-walking the tree for each start.
 */
export const methodCallsByReceiver = perFile((context): ReadonlyMap<string, readonly IndexedMethodCall[]> => {
  const index = new Map<string, IndexedMethodCall[]>();
  for (const node of fileIndex(context).calls) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const parts = methodCallParts(node);
    if (!parts) continue;
    const receiver = stableReferenceText(parts.target);
    if (receiver === undefined) continue;
    let calls = index.get(receiver);
    if (!calls) index.set(receiver, (calls = []));
    calls.push({ call: node, method: parts.method });
  }
  return index;
});

/** Calls of one of `methods` on the receiver written `receiver`, inside `within` when given. */
export function findMethodCalls(
  index: ReadonlyMap<string, readonly IndexedMethodCall[]>,
  receiver: string,
  methods: readonly string[],
  within?: TSESTree.Node,
): IndexedMethodCall[] {
  return (index.get(receiver) ?? []).filter(
    (entry) => methods.includes(entry.method) && (!within || isInside(entry.call, within)),
  );
}

/** The names of every function or method the file calls: `fs.unwatchFile(p)` and `unwatchFile(p)` → `unwatchFile`. */
export const calledNames = perFile((context): ReadonlySet<string> => {
  const names = new Set<string>();
  for (const node of fileIndex(context).calls) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const name = calleeName(node);
    if (name !== undefined) names.add(name);
  }
  return names;
});
