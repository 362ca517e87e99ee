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
 * with a plain or private (`#name`) name. Calls from other files (or a framework) are not seen.
 *
 * `class S { constructor() { server.on('connection', (s) => this.handle(s)) } handle(s) {} }`
 * → `{ calls: [this.handle(s)], readAsValue: false }` for `handle`.
 */
export function thisMethodUses(fn: FunctionNode): ThisMethodUses | undefined {
  const method = fn.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || method.computed) return undefined;
  const key = method.key;
  if (key.type !== AST_NODE_TYPES.Identifier && key.type !== AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const names = (node: TSESTree.MemberExpression): boolean =>
    key.type === AST_NODE_TYPES.PrivateIdentifier
      ? node.property.type === AST_NODE_TYPES.PrivateIdentifier && node.property.name === key.name
      : staticMemberName(node) === key.name;
  const uses: ThisMethodUses = { calls: [], readAsValue: false };
  walk(method.parent, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || !names(node)) return;
    if (node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) uses.calls.push(node.parent);
    else uses.readAsValue = true;
  });
  return uses;
}

/**
 * Every call of a private method (`private listen()`, `#listen()`), which only its class can make,
 * or `undefined` for a method that code elsewhere may call, or that its class hands on as a value.
 *
 * `class C { constructor() { this.#listen(); } #listen() {} }` → `[this.#listen()]` for `#listen`.
 */
export function privateMethodCalls(fn: FunctionNode): TSESTree.CallExpression[] | undefined {
  const method = fn.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || method.static || method.kind !== 'method') return undefined;
  if (method.key.type !== AST_NODE_TYPES.PrivateIdentifier && method.accessibility !== 'private') return undefined;
  const uses = thisMethodUses(fn);
  return uses && !uses.readAsValue ? uses.calls : undefined;
}
