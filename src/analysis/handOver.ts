import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import { borrowingFunctions, closedEvents, type HandleEnd } from './apis';
import { isReassigned, outermostWrapper, skipTypeWrappers } from './ast';
import type { AnalysisContext } from './fileCache';
import { handleUse } from './handleFate';
import { importedCallee } from './imports';
import { resolveCallee } from './resolveCallee';

/**
 * Whether a use that hands a handle on may reach an owner that ends it. An owner the program
 * shows is checked: an alias (`const server = this._server`) or a function the call resolves to
 * (`addListeners(this._server, map)`) counts only if it ends the handle or hands it on in turn.
 * A platform function known to only listen on it (`events.on(sub, 'message')`) owns nothing,
 * unless it waits for the handle's own close (`await once(conn, 'close')`).
 * Any other owner (returned, stored, a callee whose code is not seen) is trusted.
 *
 * ```js
 * function addListeners(server, map) { for (const e of Object.keys(map)) server.on(e, map[e]); }
 * addListeners(this._server, map); // → false: the helper only adds listeners to it
 * ```
 */
export function handOverMayEnd(context: AnalysisContext, use: TSESTree.Node, ends: HandleEnd, depth = 0): boolean {
  if (depth > 3) return true;
  const node = outermostWrapper(use);
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = context.sourceCode.getDeclaredVariables(parent)[0];
    return !variable || isReassigned(variable) || usesMayEnd(context, variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier), ends, depth);
  }
  const optionOf = requestOptionsCall(node);
  if (optionOf) return !isBorrowingFunction(context, optionOf);
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === node) return true;
  const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
  if (index < 0 || parent.arguments.slice(0, index).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return true;
  if (isBorrowingFunction(context, parent)) return waitsForClose(parent, index);
  const callee = resolveCallee(context, parent);
  if (!callee) return true;
  const declared = callee.fn.params[index];
  const parameter = declared?.type === AST_NODE_TYPES.AssignmentPattern ? declared.left : declared;
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = callee.context.sourceCode.getDeclaredVariables(callee.fn).find((candidate) => candidate.name === parameter.name);
  if (!variable || usesArguments(callee.context, callee.fn)) return true;
  return usesMayEnd(callee.context, variable.references.filter((reference) => !reference.init && reference.isRead()).map((reference) => reference.identifier), ends, depth);
}

/** A platform function known to only use the handles it is given: `events.on(sub, 'message')`, `https.request(url, { agent })`. */
function isBorrowingFunction(context: AnalysisContext, call: TSESTree.CallExpression): boolean {
  const imported = importedCallee(context.sourceCode, skipTypeWrappers(call.callee));
  return imported !== undefined && borrowingFunctions[imported.module]?.includes(imported.name) === true;
}

/** `https.request(url, { agent })`: the call whose options object holds the handle as a property's value. */
function requestOptionsCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const property = node.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== node || property.kind !== 'init') return undefined;
  const options = outermostWrapper(property.parent);
  const call = options.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(options as TSESTree.CallExpressionArgument) ? call : undefined;
}

/** `once(conn, 'close')`: the wait settles only once the handle has closed, so it does not outlive the wait. */
function waitsForClose(call: TSESTree.CallExpression, index: number): boolean {
  const event = call.arguments[index + 1];
  return index === 0 && event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && closedEvents.has(event.value);
}

function usesMayEnd(context: AnalysisContext, uses: readonly TSESTree.Node[], ends: HandleEnd, depth: number): boolean {
  return uses.some((use) => {
    const fate = handleUse(use, ends);
    return fate === 'ended' || (fate === 'handedOver' && handOverMayEnd(context, use, ends, depth + 1));
  });
}

/** `arguments[0]`: the function reads its arguments by position too. */
function usesArguments(context: AnalysisContext, fn: TSESTree.Node): boolean {
  const scope = context.sourceCode.scopeManager?.acquire(fn);
  return (scope?.set.get('arguments')?.references.length ?? 0) > 0;
}
