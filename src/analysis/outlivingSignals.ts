import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { FunctionNode } from './ast';
import { calleeName, findObjectProperty, isFunctionNode, isInside, methodCallParts, referenceRoot, skipTypeWrappers, staticMemberName, staticString, walk } from './ast';
import { signalApi } from './families/abortSignal';
import type { AnalysisContext } from './fileCache';
import { isAssumingKinds } from './parameterKinds';

/** A signal that outlives the code judged: its abort is no end for one call or one run. */
export interface OutlivingSignal {
  /** `shutdown.signal`, `signal`, `this.signal` */
  text: string;
  /** When it is a parameter of the function judged: which one (its caller decides how long it lives). */
  parameterIndex?: number;
}

/**
 * The ends that only a signal outliving `scope` triggers: the bodies of its `abort` listeners and
 * of the `if (signal.aborted)` that end at once what finds it aborted already, and the `{ signal }`
 * options that hand it to an API. Judging a start as if those were absent asks "does each run
 * leave it running until that signal aborts?".
 */
export interface SignalEnds {
  signals: OutlivingSignal[];
  /** `() => void sub.quit()` in `signal.addEventListener('abort', () => void sub.quit())`. */
  abortListeners: TSESTree.Node[];
  /** `shutdown.signal` in `target.addEventListener('x', f, { signal: shutdown.signal })`. */
  optionValues: Set<TSESTree.Node>;
}

/**
 * How long a signal lives compared with `scope`:
 * - `'function'`: `scope` is a function called many times; its parameters and anything declared
 *   outside it outlive one call (a caller's signal may be made per call: its index says which);
 * - `'repetition'`: `scope` is one run of a repeated callback or loop; only what is declared
 *   inside it (a per-run controller, the job's own signal parameter) is made per run.
 *
 * `cron.schedule('…', () => { … shutdown.signal.addEventListener('abort', () => sub.quit()) })`
 * → `shutdown.signal`, which lives until shutdown, not until the tick ends.
 */
export function outlivingSignalEnds(
  context: AnalysisContext,
  scope: TSESTree.Node,
  mode: 'function' | 'repetition',
): SignalEnds | undefined {
  const cache = mode === 'function' ? byFunction : byRepetition;
  const cached = isAssumingKinds() ? undefined : cache.get(scope);
  if (cached !== undefined) return cached ?? undefined;
  const found = findSignalEnds(context, scope, mode);
  if (!isAssumingKinds()) cache.set(scope, found ?? null);
  return found;
}

const byFunction = new WeakMap<TSESTree.Node, SignalEnds | null>();
const byRepetition = new WeakMap<TSESTree.Node, SignalEnds | null>();

function findSignalEnds(context: AnalysisContext, scope: TSESTree.Node, mode: 'function' | 'repetition'): SignalEnds | undefined {
  const ends: SignalEnds = { signals: [], abortListeners: [], optionValues: new Set() };
  const note = (signal: TSESTree.Node): boolean => {
    const found = outlivingSignal(context, signal, scope, mode);
    if (!found) return false;
    if (!ends.signals.some((known) => known.text === found.text)) ends.signals.push(found);
    return true;
  };
  walk(scope, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const parts = methodCallParts(node);
      const [first, second] = node.arguments;
      if (parts?.method === signalApi.addListener && staticString(first) === signalApi.event && second && note(parts.target)) {
        ends.abortListeners.push(second);
      } else if (signalApi.listenerFunctions.includes(calleeName(node) ?? '') && first && second && note(first)) {
        ends.abortListeners.push(second);
      }
    } else if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      !node.left.computed &&
      node.left.property.type === AST_NODE_TYPES.Identifier &&
      node.left.property.name === signalApi.handlerProperty &&
      note(node.left.object)
    ) {
      ends.abortListeners.push(node.right);
    } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
      const signal = findObjectProperty(node, signalApi.property);
      if (signal && note(signal.value)) ends.optionValues.add(signal.value);
    } else if (node.type === AST_NODE_TYPES.IfStatement) {
      // `if (signal.aborted) clearInterval(t); else signal.addEventListener('abort', …)`: the end
      // that runs at once on a signal aborted already is the abort's end all the same.
      const test = skipTypeWrappers(node.test.type === AST_NODE_TYPES.ChainExpression ? node.test.expression : node.test);
      if (test.type === AST_NODE_TYPES.MemberExpression && staticMemberName(test) === signalApi.aborted && note(test.object)) ends.abortListeners.push(node.consequent);
    }
    return true;
  });
  return ends.signals.length > 0 ? ends : undefined;
}

function outlivingSignal(
  context: AnalysisContext,
  signal: TSESTree.Node,
  scope: TSESTree.Node,
  mode: 'function' | 'repetition',
): OutlivingSignal | undefined {
  const root = referenceRoot(signal);
  if (!root) return undefined; // `AbortSignal.timeout(ms)`: made here
  const text = context.sourceCode.getText(signal);
  if (root.type === AST_NODE_TYPES.ThisExpression) return { text };
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  const definition = variable?.defs[0];
  if (!definition) return { text }; // a global
  if (!isInside(definition.name, scope)) return { text };
  if (mode === 'function' && definition.type === 'Parameter' && definition.node === scope && isFunctionNode(scope)) {
    const fn: FunctionNode = scope;
    const index = fn.params.findIndex((parameter) => isInside(definition.name, parameter));
    return index >= 0 ? { text, parameterIndex: index } : { text };
  }
  return undefined;
}

/** Whether `node` lies in one of `regions`. */
export function insideAny(node: TSESTree.Node, regions: readonly TSESTree.Node[] | undefined): boolean {
  return regions !== undefined && regions.some((region) => isInside(node, region));
}
