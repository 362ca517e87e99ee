import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import { enclosingFunction, referenceRoot, skipTypeWrappers, staticMemberName, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { teardownMethodsOf } from './objectApi';

/** A class's teardown: the method that ends its life, and every `this.<member>` it (or what it calls) touches. */
export interface Teardown {
  /** The teardown method, in this class or a base class of the same file. */
  method: TSESTree.MethodDefinition;
  /** `stop`, `ngOnDestroy`, `[Symbol.dispose]`. */
  name: string;
  /** Whether it is the class's own method (not inherited). */
  own: boolean;
  /** Members of `this` that teardown reaches, directly or through the methods it calls. */
  reaches: ReadonlySet<string>;
}

const cache = new WeakMap<TSESTree.ClassBody, Teardown | null>();

/**
 * The teardown of the class around a method, when it has one (its own or inherited from a base
 * class in the same file), with the members it ends:
 *
 * ```ts
 * class Poller { start() { this.timer = setInterval(f, 1000); } stop() { clearInterval(this.timer); } }
 * // → { name: 'stop', reaches: {'timer'} }
 * ```
 */
export function teardownOf(context: AnalysisContext, body: TSESTree.ClassBody): Teardown | undefined {
  const cached = cache.get(body);
  if (cached !== undefined) return cached ?? undefined;
  let found: Teardown | undefined;
  for (const name of teardownMethodsOf(context)) {
    const method = findMethod(context, body, name, 0);
    if (!method) continue;
    const reaches = new Set<string>();
    collectReached(context, body, method, reaches, new Set());
    found = { method, name: name.startsWith('Symbol.') ? `[${name}]` : name, own: method.parent === body, reaches };
    break;
  }
  cache.set(body, found ?? null);
  return found;
}

/** The method's name as teardown lists write it: `stop`, `Symbol.dispose`. */
export function methodKeyName(method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  const key = method.key;
  if (!method.computed) return key.type === AST_NODE_TYPES.Identifier ? key.name : undefined;
  if (key.type === AST_NODE_TYPES.MemberExpression && key.object.type === AST_NODE_TYPES.Identifier && key.object.name === 'Symbol') {
    const name = staticMemberName(key);
    return name === undefined ? undefined : `Symbol.${name}`;
  }
  return undefined;
}

/** A method of the class by name, or of its base classes declared in the same file. */
function findMethod(context: AnalysisContext, body: TSESTree.ClassBody, name: string, depth: number): TSESTree.MethodDefinition | undefined {
  const own = body.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'method' && !element.static && methodKeyName(element) === name,
  );
  if (own) return own;
  const base = baseClassBody(context, body);
  return base && depth < 8 ? findMethod(context, base, name, depth + 1) : undefined;
}

/** `class A extends B` with `B` declared in the same file: `B`'s body. */
function baseClassBody(context: AnalysisContext, body: TSESTree.ClassBody): TSESTree.ClassBody | undefined {
  const superClass = body.parent.superClass;
  if (superClass?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(superClass), superClass)?.defs[0];
  const node = definition?.node;
  return node?.type === AST_NODE_TYPES.ClassDeclaration ? node.body : undefined;
}

/** Every `this.x` the method touches, following `this.method()` and `super.method()` calls. */
function collectReached(
  context: AnalysisContext,
  body: TSESTree.ClassBody,
  method: TSESTree.MethodDefinition,
  reaches: Set<string>,
  seen: Set<TSESTree.MethodDefinition>,
): void {
  if (seen.has(method) || seen.size > 32) return;
  seen.add(method);
  walk(method.value.body ?? method.value, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression) return true;
    const object = skipTypeWrappers(node.object);
    const name = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : staticMemberName(node);
    if (name === undefined) return true;
    if (object.type === AST_NODE_TYPES.ThisExpression) reaches.add(name);
    const called = node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
    if (called && (object.type === AST_NODE_TYPES.ThisExpression || object.type === AST_NODE_TYPES.Super)) {
      const from = object.type === AST_NODE_TYPES.Super ? baseClassBody(context, method.parent as TSESTree.ClassBody) : body;
      const next = from && findMethod(context, from, name, 0);
      if (next) collectReached(context, body, next, reaches, seen);
    }
    return true;
  });
}

/** `this.timer = setInterval(…)`: the member of `this` a start's result is stored in. */
export function storedOnThis(start: TSESTree.Node): { member: TSESTree.MemberExpression; name: string } | undefined {
  let value: TSESTree.Node = start;
  while (
    value.parent &&
    (value.parent.type === AST_NODE_TYPES.AwaitExpression ||
      value.parent.type === AST_NODE_TYPES.TSAsExpression ||
      value.parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    value = value.parent;
  }
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value || assignment.operator !== '=') return undefined;
  const left = skipTypeWrappers(assignment.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression || referenceRoot(left)?.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  if (skipTypeWrappers(left.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(left);
  return name === undefined ? undefined : { member: left, name };
}

/**
 * A start a factory method returns, stored on `this` by the method that calls it:
 * `createClient() { return new Redis(); }` with `connect() { this.pub = this.createClient(); }`
 * → `this.pub`. Only when every call of the factory in the class stores its result.
 */
export function storedThroughFactory(
  start: TSESTree.Node,
  factory: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression },
): { member: TSESTree.MemberExpression; name: string } | undefined {
  let value: TSESTree.Node = start;
  while (value.parent && (value.parent.type === AST_NODE_TYPES.AwaitExpression || skipTypeWrappers(value.parent) !== value.parent)) {
    value = value.parent;
  }
  if (value.parent?.type !== AST_NODE_TYPES.ReturnStatement || enclosingFunction(value.parent) !== factory.value) return undefined;
  const key = factory.key;
  const name = factory.computed ? undefined : key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : key.type === AST_NODE_TYPES.Identifier ? key.name : undefined;
  if (name === undefined) return undefined;
  const stored: { member: TSESTree.MemberExpression; name: string }[] = [];
  let unstored = false;
  walk(factory.parent, (node) => {
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      node.callee.object.type === AST_NODE_TYPES.ThisExpression &&
      memberName(node.callee) === name
    ) {
      const slot = storedOnThis(node);
      if (slot) stored.push(slot);
      else unstored = true;
    }
    return true;
  });
  return !unstored && stored.length > 0 ? stored[0] : undefined;
}

function memberName(member: TSESTree.MemberExpression): string | undefined {
  return member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : staticMemberName(member);
}
