import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import type { FunctionNode } from '../analysis/ast';
import { functionName, isInside, stableReferenceText } from '../analysis/ast';
import { findSignalInScope } from '../analysis/signalInScope';
import { signalApi } from '../analysis/families/abortSignal';
import { thisMethodUses } from '../analysis/thisMethodUses';
import type { AnalysisContext } from '../analysis/fileCache';
import { freeName } from './freeName';
import { jsdocSignalParameter } from './jsdocSignalParameter';
import { signalArgumentEdit } from './signalArgument';

/** Whether the file is TypeScript, so a parameter gets `?: AbortSignal`. */
function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/.test(filename);
}

/**
 * Whether a function can take a new parameter: only one whose callers are this program's own
 * code, calling it directly: a declared function, a `const` holding one, a function assigned to
 * `exports.f`, or a method of a class
 * that extends and implements nothing. Not an inline callback or an IIFE, not a method of an
 * object handed to a framework (`new ReadableStream({ start(controller) {…} })`), not a function
 * that is also passed around as a value (`app.get('/', handler)`): whoever calls those would never
 * pass the new argument.
 */
export function canAddSignalParameter(context: AnalysisContext, fn: FunctionNode | undefined): fn is FunctionNode {
  if (!fn || fn.params.at(-1)?.type === AST_NODE_TYPES.RestElement) return false;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) {
    const owner = parent.parent.parent;
    const inherits = owner.superClass !== null || (owner.implements?.length ?? 0) > 0;
    return (
      parent.kind === 'method' &&
      !inherits &&
      !parent.computed &&
      parent.key.type === AST_NODE_TYPES.Identifier &&
      !thisMethodUses(fn)?.readAsValue
    );
  }
  // `exports.f = function f() {}`: called by the modules that require this one.
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) return isExportsTarget(parent.left);
  const variable = declaredVariable(context, fn);
  return variable !== undefined && variable.references.every((reference) => reference.init === true || (reference.identifier.type === AST_NODE_TYPES.Identifier && isCallOrExport(reference.identifier)));
}

/** `f(…)`, `export { f }`, `module.exports = { f }`, `exports.f = f`: uses that leave calling `f` to code. */
function isCallOrExport(identifier: TSESTree.Identifier): boolean {
  const use = identifier.parent;
  if (use.type === AST_NODE_TYPES.CallExpression) return use.callee === identifier;
  if (use.type === AST_NODE_TYPES.ExportSpecifier) return true;
  const assigned = use.type === AST_NODE_TYPES.Property && use.value === identifier ? use.parent.parent : use;
  return assigned?.type === AST_NODE_TYPES.AssignmentExpression && isExportsTarget(assigned.left);
}

/** `module.exports`, `module.exports.f`, `exports.f`. */
function isExportsTarget(node: TSESTree.Node): boolean {
  return /^(?:module\.exports|exports)(?:\.[\w$]+)?$/.test(stableReferenceText(node) ?? '');
}

/** The variable a function is declared as: `function f() {}` or `const f = () => {}`. */
function declaredVariable(context: AnalysisContext, fn: FunctionNode): TSESLint.Scope.Variable | undefined {
  const parent = fn.parent;
  const declared =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? context.sourceCode.getDeclaredVariables(fn)
      : parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
        ? context.sourceCode.getDeclaredVariables(parent)
        : [];
  return declared.find((candidate) => candidate.name === functionName(fn));
}

/**
 * Adds an optional `signal?: AbortSignal` parameter (plain `signal` in JavaScript) after the last
 * one, so no caller's arguments move and callers that pass nothing still compile, and passes a
 * signal from every caller in the same file that has one in scope:
 * `function f(client, cb?) {}` → `function f(client, cb?, signal?: AbortSignal) {}`; in JavaScript whose
 * JSDoc lists the parameters, with an `@param {AbortSignal} [signal]` line. The new
 * parameter may be missing, so the code that uses it must write `signal?.…`. Callers in other
 * files are left for require-signal-propagation to point out. Only offered as a suggestion: it
 * changes the function's signature.
 */
export function addSignalParameter(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  fn: FunctionNode,
  options: { except?: TSESTree.CallExpression } = {},
): { fixes: TSESLint.RuleFix[]; name: string; index: number } | undefined {
  if (fn.params.at(-1)?.type === AST_NODE_TYPES.RestElement) return undefined;
  const { sourceCode } = context;
  const name = freeName(context, fn.body, signalApi.property);
  const text = isTypeScriptFile(context.filename) ? `${name}?: ${signalApi.type}` : name;
  const index = fn.params.length;
  const parameterFix = parameterInsertion(sourceCode, fixer, fn, text);
  if (!parameterFix) return undefined;
  const documented = isTypeScriptFile(context.filename) ? null : jsdocSignalParameter(sourceCode, fixer, fn, name);
  if (documented === undefined) return undefined;
  const callerFixes = callsInFile(context, fn)
    .filter((call) => call !== options.except && !isInside(call, fn))
    .flatMap((call) => {
      if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return [];
      const signal = findSignalInScope(context, call);
      const edit = signal && signalArgumentEdit(sourceCode, call, index, signal.text);
      return edit ? [fixer.replaceTextRange(edit.range, edit.text)] : [];
    });
  return { fixes: [parameterFix, ...(documented ? [documented] : []), ...callerFixes], name, index };
}

/**
 * Adds the new optional parameter to `fn` and the code that uses it (`use` gets its name and
 * writes `signal?.…`), or nothing when that code is empty or would land outside `fn`, where the
 * parameter is not in scope.
 */
export function withNewSignalParameter(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  fn: FunctionNode,
  use: (signal: string) => TSESLint.RuleFix[],
  options: { except?: TSESTree.CallExpression } = {},
): { fixes: TSESLint.RuleFix[]; index: number } | undefined {
  const parameter = addSignalParameter(context, fixer, fn, options);
  if (!parameter) return undefined;
  const uses = use(parameter.name);
  if (uses.length === 0 || uses.some((fix) => fix.range[0] < fn.body.range[0] || fix.range[1] > fn.body.range[1])) return undefined;
  return { fixes: [...parameter.fixes, ...uses], index: parameter.index };
}

function parameterInsertion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  fn: FunctionNode,
  text: string,
): TSESLint.RuleFix | undefined {
  const first = fn.params[0];
  const last = fn.params.at(-1);
  // `x => …` has no parentheses to add to. Only an arrow can lack them: the token before a
  // method's decorated parameter (`follow(@Param('id') id)`) is the decorator's `)`.
  if (first && fn.type === AST_NODE_TYPES.ArrowFunctionExpression && sourceCode.getTokenBefore(first)?.value !== '(') {
    return fixer.replaceText(first, `(${sourceCode.getText(first)}, ${text})`);
  }
  if (last) {
    // After a trailing comma, if there is one: `(a, b,)` → `(a, b, signal?: AbortSignal,)`.
    const after = sourceCode.getTokenAfter(last);
    return after?.value === ',' ? fixer.insertTextAfter(after, ` ${text},`) : fixer.insertTextAfter(last, `, ${text}`);
  }
  const openParen = sourceCode.getFirstToken(fn, { filter: (token) => token.value === '(' });
  if (!openParen || openParen.range[0] >= fn.body.range[0]) return undefined;
  return fixer.insertTextAfter(openParen, text);
}

/** Direct calls of `fn` in its own file: by its name, or `this.name(…)` for a method. */
function callsInFile(context: AnalysisContext, fn: FunctionNode): readonly TSESTree.CallExpression[] {
  const method = thisMethodUses(fn);
  if (method) return method.calls;
  return (declaredVariable(context, fn)?.references ?? []).flatMap((reference) => {
    const call = reference.identifier.parent;
    return call.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
  });
}
