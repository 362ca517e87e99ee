import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FunctionNode } from './ast';
import { isFunctionNode, isInside, skipTypeWrappers, stableReferenceText, walk } from './ast';
import type { AnalysisContext } from './fileCache';

export interface GuardOptions {
  /** Count `this.started` as a guard: once per object, not once per program. */
  instanceState: boolean;
}

/**
 * Whether `fn` reaches `call` only once, however often it is called: it records that it did in
 * state that outlives the call (a module or outer variable, or `this.…` when `instanceState`),
 * and checks that state first; or it stores the result in a slot with `??=`/`||=`.
 *
 * ```ts
 * let started = false;
 * function start() { if (started) return; started = true; bus.on('x', f); } // `bus.on` → true
 * function client() { return (cached ??= new Redis()); }                     // `new Redis()` → true
 * ```
 */
export function isGuardedOnce(
  context: AnalysisContext,
  fn: FunctionNode,
  call: TSESTree.Node,
  options: GuardOptions = { instanceState: true },
): boolean {
  for (let current = call.parent; current && current !== fn; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.AssignmentExpression &&
      (current.operator === '??=' || current.operator === '||=') &&
      outerStateText(context, fn, current.left, options) !== undefined
    ) {
      return true;
    }
  }
  const remembered = new Set<string>();
  const checked: { text: string; end: number }[] = [];
  walk(fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const text = outerStateText(context, fn, node.left, options);
      if (text !== undefined) remembered.add(text);
    }
    const test =
      node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression
        ? node.test
        : node.type === AST_NODE_TYPES.LogicalExpression
          ? node.left
          : undefined;
    if (test) {
      walk(test, (part) => {
        const text = stableReferenceText(part);
        if (text !== undefined) checked.push({ text, end: test.range[1] });
        return text === undefined;
      });
    }
    return true;
  });
  return checked.some((check) => check.end <= call.range[0] && remembered.has(check.text));
}

/** `this.sub` or a variable declared outside `fn`: state that survives the call. */
function outerStateText(context: AnalysisContext, fn: FunctionNode, target: TSESTree.Node, options: GuardOptions): string | undefined {
  const inner = skipTypeWrappers(target);
  const text = stableReferenceText(inner);
  if (text === undefined) return undefined;
  if (text.startsWith('this.')) return options.instanceState ? text : undefined;
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
  const definition = variable?.defs[0];
  return definition && !isInside(definition.name, fn) ? text : undefined;
}
