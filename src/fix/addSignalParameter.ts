import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FunctionNode } from '../analysis/ast';
import { functionName, isInside, staticMemberName, walk } from '../analysis/ast';
import { findSignalInScope } from '../analysis/signalInScope';
import type { AnalysisContext } from '../analysis/fileCache';
import { freeName } from './freeName';
import { signalArgumentEdit } from './signalArgument';

/** Whether the file is TypeScript, so a parameter gets `: AbortSignal`. */
function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/.test(filename);
}

function isOptionalParameter(parameter: TSESTree.Parameter): boolean {
  return (
    parameter.type === AST_NODE_TYPES.AssignmentPattern ||
    parameter.type === AST_NODE_TYPES.RestElement ||
    (parameter.type === AST_NODE_TYPES.Identifier && parameter.optional === true) ||
    (parameter.type === AST_NODE_TYPES.TSParameterProperty && parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern)
  );
}

/** Where a new required parameter goes: after the last required one, before optional and rest ones. */
export function signalParameterIndex(fn: FunctionNode): number {
  let index = 0;
  fn.params.forEach((parameter, position) => {
    if (!isOptionalParameter(parameter)) index = position + 1;
  });
  return index;
}

/**
 * Whether a function can take a new parameter: not an inline callback or IIFE, whose arguments
 * are passed by code we do not change.
 */
export function canAddSignalParameter(fn: FunctionNode | undefined): fn is FunctionNode {
  return fn !== undefined && fn.parent.type !== AST_NODE_TYPES.CallExpression && fn.parent.type !== AST_NODE_TYPES.NewExpression;
}

/**
 * Adds a `signal: AbortSignal` parameter (plain `signal` in JavaScript) after the last required
 * one, and passes a signal from every caller in the same file that has one in scope:
 * `function f(client, cb?) {}` → `function f(client, signal: AbortSignal, cb?) {}`. Callers
 * without a signal are left for require-signal-propagation and the type checker to point out.
 * Only offered as a suggestion: it changes the function's signature for every caller.
 */
export function addSignalParameter(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  fn: FunctionNode,
  options: { except?: TSESTree.CallExpression } = {},
): { fixes: TSESLint.RuleFix[]; name: string; index: number } | undefined {
  const { sourceCode } = context;
  const name = freeName(context, fn.body, 'signal');
  const text = isTypeScriptFile(context.filename) ? `${name}: AbortSignal` : name;
  const index = signalParameterIndex(fn);
  const parameterFix = parameterInsertion(sourceCode, fixer, fn, index, text);
  if (!parameterFix) return undefined;
  const callerFixes = callsInFile(context, fn)
    .filter((call) => call !== options.except && !isInside(call, fn))
    .flatMap((call) => {
      const signal = findSignalInScope(context, call);
      const edit = signal && signalArgumentEdit(sourceCode, call, index, signal.text);
      return edit ? [fixer.replaceTextRange(edit.range, edit.text)] : [];
    });
  return { fixes: [parameterFix, ...callerFixes], name, index };
}

function parameterInsertion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  fn: FunctionNode,
  index: number,
  text: string,
): TSESLint.RuleFix | undefined {
  const params = fn.params;
  const first = params[0];
  // `x => …` has no parentheses to add to.
  if (first && sourceCode.getTokenBefore(first)?.value !== '(') {
    const existing = sourceCode.getText(first);
    return fixer.replaceText(first, index === 0 ? `(${text}, ${existing})` : `(${existing}, ${text})`);
  }
  const previous = params[index - 1];
  if (previous) return fixer.insertTextAfter(previous, `, ${text}`);
  if (first) return fixer.insertTextBefore(first, `${text}, `);
  const openParen = sourceCode.getFirstToken(fn, { filter: (token) => token.value === '(' });
  if (!openParen || openParen.range[0] >= fn.body.range[0]) return undefined;
  return fixer.insertTextAfter(openParen, text);
}

/** Direct calls of `fn` in its own file: by its name, or `this.name(…)` for a method. */
function callsInFile(context: AnalysisContext, fn: FunctionNode): TSESTree.CallExpression[] {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.key.type === AST_NODE_TYPES.Identifier) {
    const body = parent.parent;
    const methodName = parent.key.name;
    const calls: TSESTree.CallExpression[] = [];
    walk(body, (node) => {
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        node.callee.object.type === AST_NODE_TYPES.ThisExpression &&
        staticMemberName(node.callee) === methodName
      ) {
        calls.push(node);
      }
    });
    return calls;
  }
  const declared =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? context.sourceCode.getDeclaredVariables(fn)
      : parent.type === AST_NODE_TYPES.VariableDeclarator
        ? context.sourceCode.getDeclaredVariables(parent)
        : [];
  const variable = declared.find((candidate) => candidate.name === functionName(fn));
  return (variable?.references ?? []).flatMap((reference) => {
    const call = reference.identifier.parent;
    return call.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
  });
}
