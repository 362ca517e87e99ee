import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import { findObjectProperty, isFunctionNode } from '../analysis/ast';
import { signalApi } from '../analysis/families/abortSignal';
import { signalArgumentEdit } from './signalArgument';

/** `signal` → `signal`; `opts.signal` → `signal: opts.signal`, as an object property. */
export function signalProperty(signal: string): string {
  const key = signalApi.property;
  return signal === key ? key : `${key}: ${signal}`;
}

/**
 * Passes `signal` to a call through its options argument:
 * - no options: `el.addEventListener('x', f)` → `el.addEventListener('x', f, { signal })`;
 * - a literal: `{ once: false }` → `{ once: false, signal }`;
 * - a variable: `opts` → `{ ...opts, signal }`;
 * - EventTarget's boolean capture: `true` → `{ capture: true, signal }`.
 * `optionsIndex: 'beforeListener'` is `fs.watch(path, [options], [listener])`.
 */
export function passSignal(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  optionsIndex: number | 'beforeListener',
  signal: string,
): TSESLint.RuleFix | undefined {
  const property = signalProperty(signal);
  const args = call.arguments;
  if (optionsIndex === 'beforeListener') {
    const options = args.find((argument, index) => index > 0 && !isFunctionNode(argument));
    if (options) return mergeInto(fixer, sourceCode, options, property);
    const first = args[0];
    return first ? fixer.insertTextAfter(first, `, { ${property} }`) : undefined;
  }
  const options = args[optionsIndex];
  if (options) return mergeInto(fixer, sourceCode, options, property);
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const edit = signalArgumentEdit(sourceCode, call, optionsIndex, `{ ${property} }`);
  return edit && fixer.replaceTextRange(edit.range, edit.text);
}

function mergeInto(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: TSESTree.CallExpressionArgument,
  property: string,
): TSESLint.RuleFix | undefined {
  if (options.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (options.type === AST_NODE_TYPES.Identifier && options.name === 'undefined') return fixer.replaceText(options, `{ ${property} }`);
  if (options.type === AST_NODE_TYPES.Literal && typeof options.value === 'boolean') {
    return fixer.replaceText(options, options.value ? `{ capture: true, ${property} }` : `{ ${property} }`);
  }
  if (options.type === AST_NODE_TYPES.ObjectExpression) {
    if (findObjectProperty(options, signalApi.property)) return undefined;
    const last = options.properties.at(-1);
    if (!last) return fixer.replaceText(options, `{ ${property} }`);
    const after = sourceCode.getTokenAfter(last);
    return after?.value === ','
      ? fixer.insertTextAfter(after, ` ${property},`)
      : fixer.insertTextAfter(last, `, ${property}`);
  }
  if (options.type === AST_NODE_TYPES.Identifier || options.type === AST_NODE_TYPES.MemberExpression) {
    return fixer.replaceText(options, `{ ...${sourceCode.getText(options)}, ${property} }`);
  }
  return undefined;
}
