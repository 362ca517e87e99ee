import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import type { FunctionNode } from './ast';
import { staticMemberName, walk } from './ast';

/** How a class's own code uses one of its methods: the calls, and whether it also reads it as a value. */
export interface ThisMethodUses {
  readonly calls: readonly TSESTree.CallExpression[];
  /** `this.attach.bind(this)`, `emitter.on('x', this.attach)`: anyone may then call it, with anything. */
  readonly readAsValue: boolean;
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
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return thisMemberUses(method.parent).get(`#${key.name}`) ?? noUses;
  if (key.type === AST_NODE_TYPES.Identifier) return thisMemberUses(method.parent).get(`.${key.name}`) ?? noUses;
  return undefined;
}

const noUses: ThisMethodUses = { calls: [], readAsValue: false };

const usesByClass = new WeakMap<TSESTree.ClassBody, ReadonlyMap<string, ThisMethodUses>>();

/**
 * Every `this.name` of a class body, in one walk per class (a method's uses are asked for every
 * call in it): keyed `#name` for a private name, `.name` for any other static one (`this.x`,
 * `this['x']`), each with its calls in the order the walk meets them.
 */
function thisMemberUses(body: TSESTree.ClassBody): ReadonlyMap<string, ThisMethodUses> {
  const known = usesByClass.get(body);
  if (known) return known;
  const uses = new Map<string, { calls: TSESTree.CallExpression[]; readAsValue: boolean }>();
  walk(body, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return;
    const name = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : staticMemberName(node);
    if (name === undefined) return;
    const key = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? name : `.${name}`;
    let entry = uses.get(key);
    if (!entry) uses.set(key, (entry = { calls: [], readAsValue: false }));
    if (node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) entry.calls.push(node.parent);
    else entry.readAsValue = true;
  });
  usesByClass.set(body, uses);
  return uses;
}

/**
 * Every call of a private method (`private listen()`, `#listen()`), which only its class can make,
 * or `undefined` for a method that code elsewhere may call, or that its class hands on as a value.
 *
 * `class C { constructor() { this.#listen(); } #listen() {} }` → `[this.#listen()]` for `#listen`.
 */
export function privateMethodCalls(fn: FunctionNode): readonly TSESTree.CallExpression[] | undefined {
  const method = fn.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || method.static || method.kind !== 'method') return undefined;
  if (method.key.type !== AST_NODE_TYPES.PrivateIdentifier && method.accessibility !== 'private') return undefined;
  const uses = thisMethodUses(fn);
  return uses && !uses.readAsValue ? uses.calls : undefined;
}
