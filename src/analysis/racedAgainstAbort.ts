import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { FunctionNode } from './ast';
import { enclosingFunction, functionValue, isInside, methodCallParts, outermostWrapper, skipTypeWrappers, stableReferenceText, staticString, walk } from './ast';
import { closedEvents, everyEndMethod } from './apis';
import { signalApi } from './families/abortSignal';
import type { HandleEnd } from './families/family';
import { protocols } from './families/language';
import type { AnalysisContext } from './fileCache';
import { findStart } from './findStart';
import { handleUse } from './handleFate';
import { importedCallee, trackedCalls } from './imports';
import { startEnds } from './judges/connection';
import { valueSignalEvidence } from './signalEvidence';

/**
 * Whether `call` races, in `Promise.race([…])`, a promise that the signal's `abort` settles: the
 * race stops waiting when the signal aborts, so the call honours it without being given it.
 *
 * ```js
 * const { promise: aborted, reject } = Promise.withResolvers();
 * signal.addEventListener('abort', () => reject(signal.reason), { once: true });
 * await Promise.race([once(parser, 'end'), aborted]); // ← honours `signal`
 * ```
 */
export function racedAgainstAbort(context: AnalysisContext, call: TSESTree.CallExpression, signalText: string): boolean {
  const list = outermostWrapper(call).parent;
  const race = list?.parent;
  if (list?.type !== AST_NODE_TYPES.ArrayExpression || race?.type !== AST_NODE_TYPES.CallExpression || race.arguments[0] !== list) return false;
  const parts = methodCallParts(race);
  const target = parts && skipTypeWrappers(parts.target);
  if (parts?.method !== protocols.promiseRace.method || target?.type !== AST_NODE_TYPES.Identifier || target.name !== protocols.promiseRace.global) return false;
  const fn = enclosingFunction(call);
  if (!fn) return false;
  return list.elements.some((element) => element !== null && element !== outermostWrapper(call) && settledOnAbort(context, element, fn, signalText));
}

/** `new Promise((_, reject) => signal.addEventListener('abort', …))`, or a local holding one, or the `promise` of a `{ promise, reject }` whose `reject` an abort listener calls. */
function settledOnAbort(context: AnalysisContext, racer: TSESTree.Node, fn: FunctionNode, signalText: string): boolean {
  const value = skipTypeWrappers(racer);
  if (value.type === AST_NODE_TYPES.NewExpression) return abortListeners(value, signalText).length > 0;
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(value), value);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Variable') return false;
  const declarator = definition.node;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return declarator.init !== null && settledOnAbort(context, declarator.init, fn, signalText);
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return false;
  // `const { promise, reject } = withResolvers()`: settled by whichever sibling an abort listener calls.
  const siblings = context.sourceCode.getDeclaredVariables(declarator).filter((sibling) => sibling !== variable);
  return abortListeners(fn, signalText).some((listener) => callsAny(context, listener, siblings));
}

/**
 * Whether `call` waits for a handle's own close (`once(conn, 'close')`) while an abort listener on
 * the signal ends that handle: the abort closes it, which settles the wait.
 *
 * ```js
 * signal.addEventListener('abort', () => void conn.close(), { once: true });
 * await once(conn, 'close'); // ← honours `signal`
 * ```
 */
export function waitsForCloseEndedOnAbort(context: AnalysisContext, call: TSESTree.CallExpression, signalText: string): boolean {
  const [target, event] = call.arguments;
  const imported = importedCallee(context.sourceCode, skipTypeWrappers(call.callee));
  if (imported?.module !== 'events' || imported.name !== 'once' || target?.type !== AST_NODE_TYPES.Identifier) return false;
  const name = staticString(event);
  if (name === undefined || !closedEvents.has(name)) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(target), target);
  const definition = variable?.defs[0];
  const init = definition?.type === 'Variable' && definition.node.init ? skipTypeWrappers(definition.node.init) : undefined;
  const start = init && (init.type === AST_NODE_TYPES.AwaitExpression ? skipTypeWrappers(init.argument) : init);
  return start !== undefined && endedOnAbort(context, start, signalText);
}

/**
 * Whether the handle a start is held in (`const conn = await amqp.connect(url)`) is ended by an
 * abort listener on the signal, in the function that made it: it needs no signal of its own. So is
 * a value no family describes that the listener ends (`file.destroy()` on a read stream).
 *
 * ```js
 * const socket = net.connect({ port }); // ← ended on abort
 * signal.addEventListener('abort', () => socket.destroy(), { once: true });
 * ```
 */
export function endedOnAbort(context: AnalysisContext, startNode: TSESTree.Node, signalText: string): boolean {
  const start = findStart(context, startNode);
  // What the start's family ends it with; for a value no family starts, what takes its signal says
  // (a child's `kill()`), else any family's end method (`file.destroy()` on a read stream).
  const ends = (start && startEnds(context, start)) ?? endsOfSignalTaker(context, startNode) ?? (start ? undefined : endedByAnyFamilyMethod);
  const declarator = outermostWrapper(startNode, { throughAwait: true }).parent;
  const fn = enclosingFunction(startNode);
  if (!ends || !fn || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
  const endingUses = (variable?.references ?? []).filter((reference) => handleUse(reference.identifier, ends) === 'ended').map((reference) => reference.identifier);
  return abortListeners(fn, signalText).some((listener) =>
    bodiesRunBy(context, listener).some((body) => endingUses.some((use) => isInside(use, body))),
  );
}

/** What ends the value of a call that takes a signal, as the signal would (a child's `kill()`), by its family. */
function endsOfSignalTaker(context: AnalysisContext, call: TSESTree.Node): HandleEnd | undefined {
  const endedBy = trackedCalls(context).get(call)?.takesSignal?.endedBy;
  const first = endedBy?.[0];
  return endedBy && first !== undefined ? { methods: endedBy, functions: [], fix: { kind: 'method', name: first, returnsPromise: false } } : undefined;
}

/** How many calls deep a listener's local helpers are followed (`forceKill` → `kill` → `proc.kill()`). */
const maxHelperDepth = 3;

/**
 * The function a listener is (inline, or a local function it names) and the local functions it
 * calls by name, through the call graph: what runs when it runs.
 */
function bodiesRunBy(context: AnalysisContext, listener: TSESTree.Node): FunctionNode[] {
  const first = functionValue(context.sourceCode, listener);
  const found: FunctionNode[] = first ? [first] : [];
  for (let depth = 0, next = [...found]; depth < maxHelperDepth && next.length > 0; depth++) {
    const called: FunctionNode[] = [];
    for (const body of next) {
      walk(body, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
        const helper = functionValue(context.sourceCode, node.callee);
        if (helper && !found.includes(helper)) {
          found.push(helper);
          called.push(helper);
        }
        return undefined;
      });
    }
    next = called;
  }
  return found;
}

/**
 * How a value no family describes (a stream that takes a signal) is ended: by any family's end
 * method, called on it. Read only to judge an end; nothing writes its `fix`.
 */
const endedByAnyFamilyMethod: HandleEnd = {
  methods: [...everyEndMethod],
  functions: [],
  fix: { kind: 'method', name: 'close', returnsPromise: false },
};

/** The functions `root` registers on the signal's `abort`: `signal.addEventListener('abort', f)` or `signal.onabort = f`. */
function abortListeners(root: TSESTree.Node, signalText: string): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  walk(root, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const parts = methodCallParts(node);
      const [event, listener] = node.arguments;
      if (parts?.method === signalApi.addListener && staticString(event) === signalApi.event && listener && stableReferenceText(parts.target) === signalText) {
        found.push(listener);
      }
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const left = node.left;
      if (!left.computed && left.property.type === AST_NODE_TYPES.Identifier && left.property.name === signalApi.handlerProperty && stableReferenceText(left.object) === signalText) {
        found.push(node.right);
      }
    }
    return undefined;
  });
  return found;
}

/** Whether the listener (inline, or a local function it names) calls one of `variables`. */
function callsAny(context: AnalysisContext, listener: TSESTree.Node, variables: readonly TSESLint.Scope.Variable[]): boolean {
  const body = functionValue(context.sourceCode, listener);
  if (!body) return false;
  let calls = false;
  walk(body, (node) => {
    if (calls) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
      const callee = ASTUtils.findVariable(context.sourceCode.getScope(node.callee), node.callee);
      if (callee && variables.includes(callee)) calls = true;
    }
    return undefined;
  });
  return calls;
}

/**
 * Whether `call`'s value is put, with the signal in scope, in the list of signals one combined
 * signal is made of: `const t = timeout.getTimeoutSignal(); const s = anySignal([t, this.signal])`.
 * Its value follows the scope's signal through that combination, which is what would be used.
 * The combining call is known by its value being a signal, not by its name; an array handed to
 * any other call (`report([t, this.signal])`) combines nothing.
 */
export function combinedWithSignal(context: AnalysisContext, call: TSESTree.CallExpression, signalText: string): boolean {
  const declarator = outermostWrapper(call).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const [variable] = context.sourceCode.getDeclaredVariables(declarator);
  const scopeSignal = signalText.replaceAll('?.', '.');
  return (variable?.references ?? []).some((reference) => {
    const list = reference.identifier.parent;
    return (
      list.type === AST_NODE_TYPES.ArrayExpression &&
      list.parent.type === AST_NODE_TYPES.CallExpression &&
      list.parent.arguments.includes(list) &&
      list.elements.some((element) => element !== null && context.sourceCode.getText(element).replaceAll('?.', '.') === scopeSignal) &&
      valueSignalEvidence(context, list.parent) !== undefined
    );
  });
}
