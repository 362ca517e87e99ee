import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import type { FunctionNode } from './ast';
import { staticMemberName, walk } from './ast';

/** How a class's own code uses one of its methods: the calls, and whether it also reads it as a value. */
export interface ThisMethodUses {
  calls: TSESTree.CallExpression[];
  /** `this.attach.bind(this)`, `emitter.on('x', this.attach)`: anyone may then call it, with anything. */
  readAsValue: boolean;
}

/**
 * The uses of a method by its class, through `this`, or `undefined` when `fn` is not a method
 * with a plain name. Calls from other files (or a framework) are not seen.
 *
 * `class S { constructor() { server.on('connection', (s) => this.handle(s)) } handle(s) {} }`
 * → `{ calls: [this.handle(s)], readAsValue: false }` for `handle`.
 */
export function thisMethodUses(fn: FunctionNode): ThisMethodUses | undefined {
  const method = fn.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || method.computed || method.key.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const name = method.key.name;
  const uses: ThisMethodUses = { calls: [], readAsValue: false };
  walk(method.parent, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || staticMemberName(node) !== name) return;
    if (node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) uses.calls.push(node.parent);
    else uses.readAsValue = true;
  });
  return uses;
}
