import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import type { FunctionNode } from './ast';
import { walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { memberName, methodKeyName } from './teardown';

/**
 * Whether `fn` is a handler in a table of handlers that this file only hands to calls and never
 * calls itself: an object literal given straight to a call, or held in a local variable or a
 * private class field whose every use is an argument. Whoever it is handed to runs each handler
 * with what it made for that run, as it would run a callback.
 *
 * `server.addService(def, { Stream: (call) => { … } })`, or
 * `private handlers = { Stream: (call) => { … } }` with `server.addService(def, this.handlers)`
 * → true for the `Stream` handler.
 */
export function isHandlerInHandedTable(context: AnalysisContext, fn: FunctionNode): boolean {
  const property = fn.parent;
  if (property.type !== AST_NODE_TYPES.Property || property.value !== fn || property.parent.type !== AST_NODE_TYPES.ObjectExpression) {
    return false;
  }
  const table = property.parent;
  if (isArgument(table)) return true;
  const holder = table.parent;
  if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.init === table && holder.id.type === AST_NODE_TYPES.Identifier) {
    if (holder.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
    const uses = (context.sourceCode.getDeclaredVariables(holder)[0]?.references ?? []).filter((reference) => !reference.init);
    return uses.length > 0 && uses.every((reference) => !reference.isWrite() && isArgument(reference.identifier));
  }
  if (holder.type === AST_NODE_TYPES.PropertyDefinition && holder.value === table && !holder.static && !holder.computed) {
    // Only a private field: a public one may be read, and its handlers called, from anywhere.
    const name = holder.key.type === AST_NODE_TYPES.PrivateIdentifier || holder.accessibility === 'private' ? methodKeyName(holder) : undefined;
    if (name === undefined) return false;
    let handed = false;
    let otherUse = false;
    walk(holder.parent, (node) => {
      if (otherUse) return false;
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || memberName(node) !== name) return true;
      if (isArgument(node)) handed = true;
      else otherUse = true;
      return true;
    });
    return handed && !otherUse;
  }
  return false;
}

/** `f(x)`, `new F(a, x)`: the node is one of a call's arguments, not its callee. */
function isArgument(node: TSESTree.Node): boolean {
  const call = node.parent;
  return (
    (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
    call.arguments.includes(node as TSESTree.CallExpressionArgument)
  );
}
