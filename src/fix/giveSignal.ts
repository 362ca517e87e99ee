import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import { isFunctionNode } from '../analysis/ast';
import { optionsArgument } from '../analysis/signalArguments';
import type { SignalParameter } from '../analysis/signalParameter';
import { passSignal, signalProperty } from './passSignal';
import { signalArgumentEdit } from './signalArgument';

/**
 * Passes `signal` to a call the way its parameter asks: one more signal composed
 * (`AbortSignal.any([signal, …])`), a positional argument (`wait(ms, signal)`), or inside the
 * options (`fetch(url, { signal })`, `spawn(cmd, args, { signal }, cb)`).
 */
export function giveSignal(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  parameter: SignalParameter,
  signal: string,
): TSESLint.RuleFix | null {
  if (parameter.kind === 'composition') {
    const first = parameter.signals.elements[0];
    return first ? fixer.insertTextBefore(first, `${signal}, `) : fixer.replaceText(parameter.signals, `[${signal}]`);
  }
  if (parameter.kind === 'positional') {
    const argument = call.arguments[parameter.index];
    if (argument) return fixer.replaceText(argument, signal);
    const edit = signalArgumentEdit(sourceCode, call, parameter.index, signal);
    return edit ? fixer.replaceTextRange(edit.range, edit.text) : null;
  }
  const position = parameter.position;
  if (position === 'last') {
    // Merge into trailing options, or add them after the last argument that is not a callback.
    const existing = optionsArgument(call, 'last');
    if (existing?.type === AST_NODE_TYPES.ObjectExpression) {
      return passSignal(fixer, sourceCode, call, call.arguments.indexOf(existing), signal) ?? null;
    }
    const index = call.arguments.findLastIndex((argument) => !isFunctionNode(argument)) + 1;
    const edit = signalArgumentEdit(sourceCode, call, Math.max(index, 1), `{ ${signalProperty(signal)} }`);
    return edit ? fixer.replaceTextRange(edit.range, edit.text) : null;
  }
  return passSignal(fixer, sourceCode, call, position, signal) ?? null;
}
