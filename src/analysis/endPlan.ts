import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { HandleEnd } from './apis';
import { containsAwait, enclosingStatement, isFunctionNode, stableReferenceText } from './ast';
import type { HandleFate } from './handleFate';

/** What an end call acts on or passes: a node of the program, or a name the fix binds first. */
export type EndOperand = { node: TSESTree.Node } | { bound: 'handle' | 'listener' };

/** The call that ends a start: `clearInterval(interval)`, `void sub.quit()`, `bus.off('x', onX)`. */
export type EndCall =
  | { kind: 'function'; name: string; arguments: readonly EndOperand[] }
  /** A disposer handed back by the start: `off()`. */
  | { kind: 'call'; callee: EndOperand }
  | {
      kind: 'method';
      receiver: EndOperand;
      method: string;
      arguments: readonly EndOperand[];
      /** Written as `void receiver.method()` so a rejected promise is not left floating. */
      returnsPromise: boolean;
      /** `receiver?.method()`: the receiver may not be set yet (a member set by another method). */
      optional?: boolean;
    };

/** How a fix can end a leaked start once a signal is available. */
export type EndPlan =
  | {
      /** The API takes `{ signal }`: pass it (`addEventListener`, `fs.watch`, `events.on`). */
      kind: 'passSignal';
      call: TSESTree.CallExpression;
      optionsIndex: number | 'beforeListener';
    }
  | {
      /** End it from the signal's `abort` event, after `after`: `signal.addEventListener('abort', () => END, { once: true })`. */
      kind: 'onAbort';
      after: TSESTree.Statement;
      end: EndCall;
      /** Bind a dropped handle first: `setInterval(f)` → `const interval = setInterval(f)`. */
      bindHandle?: { statement: TSESTree.ExpressionStatement; value: TSESTree.Node; preferredName: string };
      /** Move an inline listener into a named const so it can be removed. */
      extractListener?: { node: TSESTree.Node; preferredName: string };
      /** The event the end may emit that nothing listens to where the handle is made: offer the end, never write it. */
      unheard?: string;
    }
  | {
      /** End it in the class's own teardown method, which needs no signal: `stop() { …; clearInterval(this.timer); }`. */
      kind: 'inTeardown';
      teardown: TSESTree.MethodDefinition;
      end: EndCall;
      /** The method is the object's teardown by its name only (it takes data and ends nothing yet): suggest, do not fix. */
      byNameOnly?: boolean;
    };

/** How a handle is ended, as the family descriptors say: `clearInterval(h)`, `void h.quit()`, `off()`. */
export function handleEndCall(handle: EndOperand, fix: HandleEnd['fix']): EndCall {
  if (fix.kind === 'call') return { kind: 'call', callee: handle };
  return fix.kind === 'function'
    ? { kind: 'function', name: fix.name, arguments: [handle] }
    : { kind: 'method', receiver: handle, method: fix.name, arguments: [], returnsPromise: fix.returnsPromise };
}

/** End a handle on abort: after its last use when it is kept, after binding it when it was dropped. */
export function handleEndPlan(
  start: TSESTree.Node,
  fate: HandleFate,
  fix: HandleEnd['fix'],
  preferredName: string,
): EndPlan | undefined {
  if (fate.fate === 'kept') {
    const after = lastStatementUsing(fate.variable, fate.declarator);
    return after ? { kind: 'onAbort', after, end: handleEndCall({ node: fate.declarator.id }, fix) } : undefined;
  }
  const statement = start.parent;
  if (fate.fate !== 'dropped' || statement?.type !== AST_NODE_TYPES.ExpressionStatement || !isInBlock(statement)) {
    return undefined;
  }
  return {
    kind: 'onAbort',
    after: statement,
    end: handleEndCall({ bound: 'handle' }, fix),
    bindHandle: { statement, value: start, preferredName },
  };
}

/** End a start on abort right after its statement: `void client.unsubscribe('x')`. */
export function onAbortPlan(node: TSESTree.Node, end: EndCall): EndPlan | undefined {
  const after = enclosingStatement(node);
  return after && isInBlock(after) ? { kind: 'onAbort', after, end } : undefined;
}

/**
 * Remove a listener on abort, right after the statement that adds it: `bus.off('x', onX)`. An
 * inline listener is named first so the same function can be removed.
 */
export function removeListenerPlan(
  call: TSESTree.CallExpression,
  target: TSESTree.Node,
  method: string,
  listener: TSESTree.Node,
  event: string | undefined,
): EndPlan | undefined {
  const [eventArgument] = call.arguments;
  if (!eventArgument) return undefined;
  const end = (operand: EndOperand): EndCall => ({
    kind: 'method',
    receiver: { node: target },
    method,
    arguments: [{ node: eventArgument }, operand],
    returnsPromise: false,
  });
  if (stableReferenceText(listener) !== undefined) return onAbortPlan(call, end({ node: listener }));
  if (!isFunctionNode(listener)) return undefined;
  const after = enclosingStatement(call);
  if (!after || !isInBlock(after)) return undefined;
  const base = event?.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase());
  const preferredName = base ? `on${base.charAt(0).toUpperCase()}${base.slice(1)}` : 'listener';
  return { kind: 'onAbort', after, end: end({ bound: 'listener' }), extractListener: { node: listener, preferredName } };
}

function isInBlock(statement: TSESTree.Statement): boolean {
  const parent = statement.parent;
  return parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program;
}

/**
 * The last statement, in the block that declares `variable`, that mentions it before the function
 * next awaits: an abort while it waits must find the end registered (one added after the `await`
 * is added to a signal that may have aborted already, and never runs).
 */
function lastStatementUsing(variable: TSESLint.Scope.Variable, declarator: TSESTree.VariableDeclarator): TSESTree.Statement | undefined {
  const declaration = enclosingStatement(declarator);
  if (!declaration || !isInBlock(declaration)) return undefined;
  const block = declaration.parent as TSESTree.BlockStatement;
  let last: TSESTree.Statement = declaration;
  for (const statement of block.body) {
    if (statement.range[0] <= last.range[0]) continue;
    // Nothing after it runs: `return`, or `try { return await use(h); } finally { … }`.
    if (neverCompletes(statement) || containsAwait(statement)) break;
    if (variable.references.some((reference) => reference.identifier.range[0] >= statement.range[0] && reference.identifier.range[1] <= statement.range[1])) {
      last = statement;
    }
  }
  return last;
}

/**
 * Whether the code after `statement` in its block never runs: it returns, throws, breaks or
 * continues on every path (a block or `try` ending so, an `if` whose branches both do).
 *
 * `try { return await use(client); } finally { log(); }` → true.
 */
function neverCompletes(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement: {
      const last = statement.body.at(-1);
      return last !== undefined && neverCompletes(last);
    }
    case AST_NODE_TYPES.TryStatement:
      return (neverCompletes(statement.block) && (!statement.handler || neverCompletes(statement.handler.body))) || (statement.finalizer !== null && neverCompletes(statement.finalizer));
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && neverCompletes(statement.consequent) && neverCompletes(statement.alternate);
    default:
      return false;
  }
}
