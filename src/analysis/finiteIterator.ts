import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { skipTypeWrappers, staticMemberName, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { protocols } from './families/language';
import { resolveCallee } from './resolveCallee';

/**
 * Whether `node` (a call, or an `await` of one) hands a collection's iterator to a function that
 * takes its next item and throws once it is exhausted: a loop that makes this call on every turn
 * ends when the collection runs out, however its `catch` retries.
 *
 * ```js
 * const hosts = shuffle(Array.from(this.hosts))[Symbol.iterator]();
 * while (true) {
 *   await this.connectNext(hosts); // ← `const item = hosts.next(); if (item.done) throw …`
 *   try { await this.handshake(); break; } catch (err) { log(err); }
 * }
 * ```
 */
export function throwsWhenExhausted(context: AnalysisContext, node: TSESTree.Node): boolean {
  const call = skipTypeWrappers(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const index = call.arguments.findIndex((argument) => isCollectionIterator(context, argument));
  if (index < 0) return false;
  const callee = resolveCallee(context, call);
  const parameter = callee?.fn.params[index];
  if (!callee || parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = callee.context.sourceCode.getDeclaredVariables(callee.fn).find((candidate) => candidate.name === parameter.name);
  if (!variable) return false;
  // `const item = it.next()`: the items the function takes.
  const items = variable.references.flatMap((reference) => {
    const member = reference.identifier.parent;
    const next = member?.parent;
    const declarator = next?.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression &&
      staticMemberName(member) === protocols.iteratorNext &&
      next?.type === AST_NODE_TYPES.CallExpression &&
      declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
      declarator.id.type === AST_NODE_TYPES.Identifier
      ? [declarator.id.name]
      : [];
  });
  if (items.length === 0) return false;
  let throws = false;
  walk(callee.fn.body, (child) => {
    if (throws) return false;
    if (child.type !== AST_NODE_TYPES.IfStatement || !readsDone(child.test, items)) return undefined;
    const consequent = child.consequent.type === AST_NODE_TYPES.BlockStatement ? child.consequent.body : [child.consequent];
    throws = consequent.some((statement) => statement.type === AST_NODE_TYPES.ThrowStatement);
    return undefined;
  });
  return throws;
}

/** `item.done`, read as the whole test. */
function readsDone(test: TSESTree.Expression, items: readonly string[]): boolean {
  const inner = skipTypeWrappers(test);
  return (
    inner.type === AST_NODE_TYPES.MemberExpression &&
    staticMemberName(inner) === protocols.iteratorDone &&
    inner.object.type === AST_NODE_TYPES.Identifier &&
    items.includes(inner.object.name)
  );
}

/** A local made once from a collection: `const it = list[Symbol.iterator]()`, `const it = hosts.values()`. */
function isCollectionIterator(context: AnalysisContext, argument: TSESTree.Node): boolean {
  if (argument.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(argument), argument);
  const definition = variable?.defs[0];
  if (!variable || definition?.type !== 'Variable' || definition.parent.kind !== 'const') return false;
  const init = definition.node.init && skipTypeWrappers(definition.node.init);
  if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const callee = init.callee;
  const symbolIterator =
    callee.computed &&
    callee.property.type === AST_NODE_TYPES.MemberExpression &&
    callee.property.object.type === AST_NODE_TYPES.Identifier &&
    callee.property.object.name === 'Symbol' &&
    staticMemberName(callee.property) === 'iterator';
  return symbolIterator || protocols.collectionIterators.includes(staticMemberName(callee) ?? '');
}
