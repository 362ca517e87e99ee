import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { calleeName, downlevelledChainTarget, isInside, methodCallParts, skipTypeWrappers, stableReferenceText, staticMemberName } from './ast';
import { perFile } from './fileCache';
import { protocols } from './families/language';
import { fileIndex } from './fileIndex';

export interface IndexedMethodCall {
  call: TSESTree.CallExpression;
  method: string;
  /** What the method is called on: the call's receiver, or what a compiler's temporary there stands for. */
  receiver: TSESTree.Node;
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
    // `(_a = this.io) == null || _a.disconnect()`, compiled from `this.io?.disconnect()`.
    const target = downlevelledChainTarget(skipTypeWrappers(parts.target)) ?? parts.target;
    const receiver = stableReferenceText(target);
    if (receiver === undefined) continue;
    const add = (text: string, method: string, on: TSESTree.Node): void => {
      let calls = index.get(text);
      if (!calls) index.set(text, (calls = []));
      calls.push({ call: node, method, receiver: on });
    };
    add(receiver, parts.method, target);
    // `this.server.listen.apply(this.server, arguments)`: the method called on its own receiver.
    const forwarded = forwardedMethod(node, parts);
    if (forwarded) add(forwarded.receiver, forwarded.method, forwarded.on);
  }
  return index;
});

/** `x.m.call(x, …)` or `x.m.apply(x, …)` → `{ receiver: 'x', method: 'm' }`. */
function forwardedMethod(
  call: TSESTree.CallExpression,
  parts: { target: TSESTree.Node; method: string },
): { receiver: string; method: string; on: TSESTree.Node } | undefined {
  const member = skipTypeWrappers(parts.target);
  if (!protocols.callsWithThis.includes(parts.method) || member.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticMemberName(member);
  const receiver = stableReferenceText(member.object);
  const self = call.arguments[0];
  return method !== undefined && receiver !== undefined && self !== undefined && stableReferenceText(self) === receiver ? { receiver, method, on: member.object } : undefined;
}

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
