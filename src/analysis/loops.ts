import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import { calleeName, containsAwait, enclosingFunction, isFunctionNode, isInside, methodCallParts, shortText, skipTypeWrappers, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { trackedCalls } from './imports';
import { mentionsSignal } from './signalArguments';

export type LoopNode =
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement
  | TSESTree.ForStatement
  | TSESTree.ForOfStatement;

/** A loop that nothing can stop. */
export interface UnboundedLoop {
  loop: LoopNode;
  /** `while (true)`, `for (;;)`, `for await (… of on(bus, 'job'))`: for messages. */
  head: string;
  /** The first thing it awaits, for messages: `client.brpop('tasks', 0)`. */
  awaited: string;
  /** An endless async source that takes `{ signal }`: the fix passes it there. */
  source?: { call: TSESTree.CallExpression; optionsIndex: number };
  /** Sleeps from `timers/promises` in the body that do not take the signal yet. */
  sleeps: { call: TSESTree.CallExpression; optionsIndex: number }[];
}

/** A `catch` in an endless loop that swallows the error and goes round again at once. */
export interface SpinningCatch {
  handler: TSESTree.CatchClause;
  loop: LoopNode;
}

/**
 * Whether `loop` awaits forever with no way out: its condition can never become false
 * (`while (true)`, `for (;;)`, a flag nothing ever clears) or it iterates an endless source, and
 * nothing in its body leaves it (`break`, `return`, `throw`), checks a signal, or awaits
 * something given a signal. Loops in generators are left to their consumer.
 */
export function findUnboundedLoop(context: AnalysisContext, loop: LoopNode): UnboundedLoop | undefined {
  const fn = enclosingFunction(loop);
  if (!fn || fn.generator) return undefined;
  const source = loop.type === AST_NODE_TYPES.ForOfStatement ? endlessSource(context, loop) : undefined;
  if (loop.type === AST_NODE_TYPES.ForOfStatement ? !source : !hasConstantTrueTest(context, loop)) return undefined;
  const body = bodyFacts(context, loop);
  if (!body.firstAwait && !source) return undefined;
  if (body.exits || body.checksSignal) return undefined;
  if (source && mentionsSignal(source.call.arguments[source.optionsIndex])) return undefined;
  return {
    loop,
    head: loopHead(context, loop),
    awaited: body.firstAwait ? shortText(context.sourceCode, body.firstAwait, 50) : shortText(context.sourceCode, (loop as TSESTree.ForOfStatement).right, 50),
    ...(source && { source }),
    sleeps: body.sleepsWithoutSignal,
  };
}

/**
 * The `catch` clauses of an endless loop that swallow an awaited failure and go round again
 * with no pause, no rethrow and no abort check: once the source is closed for good, every
 * iteration fails at once and the loop spins at full speed.
 */
export function findSpinningCatches(context: AnalysisContext, loop: LoopNode): SpinningCatch[] {
  // A `for await` waits for its source's next item on every round: that is its pause.
  if (loop.type === AST_NODE_TYPES.ForOfStatement || !hasConstantTrueTest(context, loop) || !enclosingFunction(loop)) return [];
  const spinning: SpinningCatch[] = [];
  walkOwnBody(loop.body, (node) => {
    if (node.type !== AST_NODE_TYPES.TryStatement || !node.handler) return;
    if (!containsAwait(node.block)) return;
    const handler = node.handler;
    const handlerFacts = bodyFacts(context, handler.body, loop);
    if (handlerFacts.exits || handlerFacts.checksSignal || handlerFacts.firstAwait || handsErrorOn(handler)) return;
    // A finally that pauses or leaves also breaks the spin.
    if (node.finalizer) {
      const finalizer = bodyFacts(context, node.finalizer, loop);
      if (finalizer.exits || finalizer.firstAwait || finalizer.checksSignal) return;
    }
    spinning.push({ handler, loop });
  });
  return spinning;
}

/**
 * A catch that passes the error to someone (`reject(error)`, `callback(error)`,
 * `emitter.emit('error', error)`) hands the failure on; logging it (`console.warn`,
 * `logger.error`) does not.
 */
function handsErrorOn(handler: TSESTree.CatchClause): boolean {
  const param = handler.param;
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  let handed = false;
  walkOwnBody(handler.body, (node) => {
    if (handed || node.type !== AST_NODE_TYPES.CallExpression) return;
    const passesError = node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === param.name);
    if (passesError && !isLoggingCall(node)) handed = true;
  });
  return handed;
}

const loggingMethods = new Set(['log', 'warn', 'error', 'info', 'debug', 'trace', 'fatal', 'verbose']);

/** `console.warn(…)`, `logger.error(…)`, `log(…)`. */
function isLoggingCall(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call);
  const receiver = methodCallParts(call)?.target;
  return (name !== undefined && loggingMethods.has(name)) || (receiver?.type === AST_NODE_TYPES.Identifier && receiver.name === 'console');
}

function loopHead(context: AnalysisContext, loop: LoopNode): string {
  switch (loop.type) {
    case AST_NODE_TYPES.WhileStatement:
      return `while (${context.sourceCode.getText(loop.test)})`;
    case AST_NODE_TYPES.DoWhileStatement:
      return `do … while (${context.sourceCode.getText(loop.test)})`;
    case AST_NODE_TYPES.ForStatement:
      return loop.test ? `for (…; ${context.sourceCode.getText(loop.test)}; …)` : 'for (;;)';
    case AST_NODE_TYPES.ForOfStatement:
      return `for await (… of ${shortText(context.sourceCode, loop.right, 40)})`;
  }
}

/** `true`, `1`, `!0`, or a variable that starts truthy and that nothing ever assigns again. */
function hasConstantTrueTest(context: AnalysisContext, loop: LoopNode): boolean {
  if (loop.type === AST_NODE_TYPES.ForOfStatement) return false;
  const test = loop.test && skipTypeWrappers(loop.test);
  if (!test) return loop.type === AST_NODE_TYPES.ForStatement;
  if (test.type === AST_NODE_TYPES.Literal) return Boolean(test.value);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && test.argument.type === AST_NODE_TYPES.Literal) {
    return !test.argument.value;
  }
  if (test.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(test), test);
    const definition = variable?.defs[0];
    if (definition?.type !== 'Variable' || !definition.node.init) return false;
    const init = definition.node.init;
    const neverAssigned = variable?.references.every((reference) => !reference.isWrite() || reference.init);
    return neverAssigned === true && init.type === AST_NODE_TYPES.Literal && init.value === true;
  }
  return false;
}

/** `for await (… of on(bus, 'x'))`, `… of setInterval(1000)` from timers/promises, `… of watch(dir)`. */
function endlessSource(
  context: AnalysisContext,
  loop: TSESTree.ForOfStatement,
): { call: TSESTree.CallExpression; optionsIndex: number } | undefined {
  if (!loop.await) return undefined;
  const right = skipTypeWrappers(loop.right);
  if (right.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const takesSignal = trackedCalls(context).get(right)?.takesSignal;
  return takesSignal?.endless && typeof takesSignal.options === 'number'
    ? { call: right, optionsIndex: takesSignal.options }
    : undefined;
}

interface BodyFacts {
  exits: boolean;
  checksSignal: boolean;
  firstAwait?: TSESTree.Node;
  sleepsWithoutSignal: { call: TSESTree.CallExpression; optionsIndex: number }[];
}

/** What a loop body (or a part of it) does, without looking into functions it defines. */
function bodyFacts(context: AnalysisContext, root: TSESTree.Node, loop: TSESTree.Node = root): BodyFacts {
  const facts: BodyFacts = { exits: false, checksSignal: false, sleepsWithoutSignal: [] };
  walkOwnBody(root, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
        facts.exits = true;
        break;
      case AST_NODE_TYPES.BreakStatement:
        if (leavesLoop(node, loop)) facts.exits = true;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        facts.firstAwait ??= node.argument;
        break;
      case AST_NODE_TYPES.ForOfStatement:
        if (node.await) facts.firstAwait ??= node.right;
        break;
      case AST_NODE_TYPES.MemberExpression:
        if (isSignalCheck(node)) facts.checksSignal = true;
        break;
      case AST_NODE_TYPES.CallExpression: {
        if (node.arguments.some((argument) => mentionsSignal(argument))) facts.checksSignal = true;
        const takesSignal = trackedCalls(context).get(node)?.takesSignal;
        if (takesSignal?.sleep && typeof takesSignal.options === 'number' && !mentionsSignal(node.arguments[takesSignal.options])) {
          facts.sleepsWithoutSignal.push({ call: node, optionsIndex: takesSignal.options });
        }
        break;
      }
      default:
        break;
    }
  });
  return facts;
}

/** Visits a loop body's own code: not functions defined in it, which run at other times. */
function walkOwnBody(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  walk(root, (node) => {
    if (node !== root && isFunctionNode(node)) return false;
    visit(node);
    return true;
  });
}

/** An unlabelled `break` leaves the innermost loop or switch; a labelled one, the statement it names. */
function leavesLoop(node: TSESTree.BreakStatement, loop: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (node.label) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === node.label.name) {
        return !isInside(current, loop);
      }
    } else if (current === loop) {
      return true;
    } else if (ASTUtils.isLoop(current) || current.type === AST_NODE_TYPES.SwitchStatement) {
      return false;
    }
  }
  return false;
}

/** `signal.aborted`, `x.signal.aborted`, `signal.throwIfAborted()`, `this.closing`-style flags. */
function isSignalCheck(node: TSESTree.MemberExpression): boolean {
  if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return false;
  return ['aborted', 'throwIfAborted', 'closing', 'closed', 'stopped', 'running', 'destroyed', 'shuttingDown'].includes(
    node.property.name,
  );
}
