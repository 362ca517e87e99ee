import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { protocols } from './families/language';
import { isFunctionNode, skipTypeWrappers, staticMemberName } from './ast';
import { classMembersOf, enclosingClassBody } from './classMembers';
import type { AnalysisContext } from './fileCache';
import { refersToFunction } from './signalArguments';
import { typeServices } from './typeServices';

/**
 * An expression that makes a new function each time it runs, so it equals no function made
 * before it: `() => …`, `function () {…}`, `this.onKey.bind(this)`, `onKey.bind(null)`. A
 * removal handed one (`removeEventListener('keydown', this.onKey.bind(this))`) removes nothing.
 * `bind` counts only on what is known to be a function: a function of the file, a method of the
 * class around it, or (with types) a value that can be called.
 */
export function makesNewFunction(context: AnalysisContext, node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  if (isFunctionNode(inner)) return true;
  if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (staticMemberName(inner.callee) !== protocols.bindsNew) return false;
  const bound = skipTypeWrappers(inner.callee.object);
  if (refersToFunction(context, bound)) return true;
  if (bound.type !== AST_NODE_TYPES.MemberExpression) return false;
  const services = typeServices(context);
  if (services) return services.getTypeAtLocation(bound).getCallSignatures().length > 0;
  return bound.object.type === AST_NODE_TYPES.ThisExpression && isOwnMethod(bound);
}

/** `this.onKey` where the class around it declares a method `onKey`, or a field holding a function. */
function isOwnMethod(member: TSESTree.MemberExpression): boolean {
  const name = staticMemberName(member);
  const body = enclosingClassBody(member);
  if (name === undefined || body === undefined) return false;
  const method = body.body.some(
    (element) =>
      element.type === AST_NODE_TYPES.MethodDefinition &&
      element.kind === 'method' &&
      !element.computed &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.key.name === name,
  );
  return method || (classMembersOf(body).get(name)?.values.some((value) => isFunctionNode(skipTypeWrappers(value))) ?? false);
}
