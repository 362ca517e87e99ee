import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from './estree';

import type { FunctionNode } from './ast';
import type { AnalysisContext } from './fileCache';
import { thisMethodUses } from './thisMethodUses';

/**
 * Whether `fn` is a public method of a class that implements an interface imported from a package,
 * and its own class never calls it: a hook the framework calls with what it made for that call, as
 * it would call a callback. A class implementing an interface of this file's own is no such
 * contract.
 *
 * `class G implements OnGatewayConnection { handleConnection(client: Socket) {…} }` (with
 * `OnGatewayConnection` imported from '@nestjs/websockets') → true for `handleConnection`.
 */
export function isFrameworkHook(context: AnalysisContext, fn: FunctionNode): boolean {
  const method = fn.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'method' || method.static) return false;
  if (method.key.type === AST_NODE_TYPES.PrivateIdentifier || (method.accessibility !== undefined && method.accessibility !== 'public')) return false;
  const owner = method.parent.parent;
  if (owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression) return false;
  const uses = thisMethodUses(fn);
  if (!uses || uses.readAsValue || uses.calls.length > 0) return false;
  return (owner.implements ?? []).some((clause) => importedFromPackage(context, clause.expression));
}

/** `OnGatewayConnection` or `nest.OnGatewayConnection`, bound by an import from a bare module specifier. */
function importedFromPackage(context: AnalysisContext, name: TSESTree.Expression): boolean {
  let root: TSESTree.Node = name;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(root), root)?.defs[0];
  if (definition?.type !== 'ImportBinding') return false;
  const declaration = definition.parent;
  return declaration?.type === AST_NODE_TYPES.ImportDeclaration && !declaration.source.value.startsWith('.') && !declaration.source.value.startsWith('/');
}
