import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { findObjectProperty, isInside, isReassigned, skipTypeWrappers, staticMemberName } from './ast';
import type { AnalysisContext } from './fileCache';
import { signalApi } from './families/abortSignal';
import { isNewAbortController } from './signalEvidence';

/** A signal that can never abort, and the controller that would have to abort it. */
export interface NeverAbortedSignal {
  /** `ac.signal`, `signal`: as written where it is handed over. */
  signal: string;
  /** `ac`: the controller that nothing aborts. */
  controller: string;
}

/**
 * A signal that can never abort: the `.signal` of a `new AbortController()` made `within` the code
 * judged (a function, one run of a job) whose every use reads `.signal`, so nothing aborts it,
 * stores it or hands it on (and nothing else could). What the signal was handed to in order to end
 * it is then never ended. Read through one `const` that holds the signal. A controller made outside
 * (the program's shutdown) outlives the code judged: that is `outlivingSignalEnds`' question.
 *
 * `const ac = new AbortController(); bus.addEventListener('x', f, { signal: ac.signal })` → `ac`;
 * with `ac.abort()` anywhere, or `return ac`, → `undefined`.
 */
export function neverAbortedSignal(context: AnalysisContext, value: TSESTree.Node, within: TSESTree.Node): NeverAbortedSignal | undefined {
  const text = context.sourceCode.getText(value);
  const read = signalRead(context, skipTypeWrappers(value));
  if (!read || read.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const controller = read.object;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(controller), controller);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || definition?.type !== 'Variable' || isReassigned(variable)) return undefined;
  const init = definition.node.init;
  if (!init || !isNewAbortController(init) || !isInside(definition.name, within)) return undefined;
  const onlyReadsSignal = variable.references.every((reference) => {
    if (reference.init) return true;
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && staticMemberName(parent) === signalApi.property;
  });
  return onlyReadsSignal ? { signal: text, controller: controller.name } : undefined;
}

/** `ac.signal`, or a `const signal = ac.signal` never assigned again: the `ac.signal` read. */
function signalRead(context: AnalysisContext, value: TSESTree.Node): TSESTree.MemberExpression | undefined {
  if (value.type === AST_NODE_TYPES.MemberExpression) return staticMemberName(value) === signalApi.property ? value : undefined;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(value), value);
  const definition = variable?.defs[0];
  if (!variable || definition?.type !== 'Variable' || isReassigned(variable)) return undefined;
  const init = definition.node.init && skipTypeWrappers(definition.node.init);
  return init?.type === AST_NODE_TYPES.MemberExpression && staticMemberName(init) === signalApi.property ? init : undefined;
}

/** The never-aborted signal an options object hands over: `{ signal: ac.signal }`. */
export function neverAbortedOption(
  context: AnalysisContext,
  options: TSESTree.Node | undefined,
  within: TSESTree.Node,
): NeverAbortedSignal | undefined {
  const inner = options && skipTypeWrappers(options);
  if (inner?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const signal = findObjectProperty(inner, signalApi.property);
  return signal && neverAbortedSignal(context, signal.value, within);
}
