import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { abortChecks, logging } from './apis';
import { signalApi } from './families/abortSignal';
import { protocols } from './families/language';
import { awaitedBy, calleeName, conditionTest, containsAwait, enclosingFunction, isCompiledAsync, isFunctionNode, isInside, methodCallParts, shortText, skipTypeWrappers, walk } from './ast';
import type { CodePaths, Segment } from './codePaths';
import type { SourceEnd } from './endlessSources';
import { endlessSource } from './endlessSources';
import type { AnalysisContext } from './fileCache';
import { throwsWhenExhausted } from './finiteIterator';
import { trackedCalls } from './imports';
import { retriesOnlyOwnErrors } from './ownErrorRetry';
import { isPause, waitMayFailAtOnce } from './pauses';
import type { NeverAbortedSignal } from './neverAborted';
import { neverAbortedOption, neverAbortedSignal } from './neverAborted';
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
  /**
   * The first thing its body awaits, for messages: `client.brpop('tasks', 0)`; `undefined` for a
   * `for await` whose body awaits nothing (it waits on its source alone).
   */
  awaited: string | undefined;
  /** An endless async source that takes `{ signal }`: the fix passes it there. */
  source?: { call: TSESTree.CallExpression; optionsIndex: number };
  /** An endless async source that takes no signal, and how to end it: `sub` and `'unsubscribe'`. */
  endSource?: SourceEnd;
  /** Sleeps from `timers/promises` in the body that do not take the signal yet. */
  sleeps: { call: TSESTree.CallExpression; optionsIndex: number }[];
  /** It leaves only by a `throw` in one of its `catch` blocks: when what it awaits fails, never on request. */
  leavesOnFailure: boolean;
  /**
   * The signal it stops on, of a controller made here that nothing aborts: `while (!ac.signal.aborted)`,
   * `for await (… of on(bus, 'job', { signal: ac.signal }))`. Giving it that signal again is no fix.
   */
  neverAborted?: NeverAbortedSignal;
}

/** A `catch` in an endless loop that swallows the error and goes round again at once. */
export interface SpinningCatch {
  handler: TSESTree.CatchClause;
  loop: LoopNode;
}

/**
 * Whether `loop` awaits forever with no way out: its condition can never become false
 * (`while (true)`, `for (;;)`, a flag nothing ever clears) or it iterates an endless source, no
 * reachable `break`, `return` or `throw` of its own code leaves it, and no signal or flag check lies
 * on every path round it (a check that a `continue` jumps over stops nothing). A `throw` in one of
 * the loop's own `catch` blocks passes a failure on, as an await that throws would without the
 * `try`: it is no way to stop the loop while its source works. Loops in generators are left to
 * their consumer. Ask once ESLint has left the loop: `paths` must hold its body.
 *
 * `while (true) { const job = await next(); if (!job) continue; if (signal.aborted) break; … }` has
 * a way out (the `break`); `while (true) { if (!(await poll())) continue; signal.throwIfAborted(); }`
 * has none, nor has `while (true) { try { await fetch() } catch (error) { stopped = true; throw error } }`.
 */
export function findUnboundedLoop(context: AnalysisContext, loop: LoopNode, paths: CodePaths): UnboundedLoop | undefined {
  const fn = enclosingFunction(loop);
  if (!fn || (fn.generator && !isCompiledAsync(fn))) return undefined;
  const source = loop.type === AST_NODE_TYPES.ForOfStatement ? endlessSource(context, loop) : undefined;
  let neverAborted = loop.type === AST_NODE_TYPES.ForOfStatement ? undefined : neverAbortedTest(context, loop, fn);
  if (loop.type === AST_NODE_TYPES.ForOfStatement ? !source : !neverAborted && !hasConstantTrueTest(context, loop)) return undefined;
  // Code after an endless loop or a `return` never runs: nothing to report there.
  if (!bodyRuns(paths, loop)) return undefined;
  const body = bodyFacts(context, loop, fn);
  if (!body.firstAwait && !source) return undefined;
  const sourceOptions = source?.call && source.optionsIndex !== undefined ? source.call.arguments[source.optionsIndex] : undefined;
  if (sourceOptions && mentionsSignal(sourceOptions)) {
    neverAborted ??= neverAbortedOption(context, sourceOptions, fn);
    if (!neverAborted) return undefined;
  }
  const shape = loopShape(loop, paths);
  const exits = shape.exits.filter((exit) => isReachable(paths, exit));
  if (exits.some((exit) => !passesFailureOn(exit, loop))) return undefined;
  if (body.checks.size > 0 && !pathAround(paths, loop, 'bodyStart', (node) => body.checks.has(node))) {
    return undefined;
  }
  return {
    loop,
    head: loopHead(context, loop),
    awaited: body.firstAwait && shortText(context.sourceCode, body.firstAwait, 50),
    ...(source?.call && source.optionsIndex !== undefined && { source: { call: source.call, optionsIndex: source.optionsIndex } }),
    ...(source?.end && { endSource: source.end }),
    sleeps: body.sleepsWithoutSignal,
    leavesOnFailure: exits.length > 0,
    ...((neverAborted ?? body.neverAborted) && { neverAborted: neverAborted ?? body.neverAborted }),
  };
}

/**
 * A loop's test that waits for a signal nothing aborts: `!ac.signal.aborted` (or `!signal.aborted`
 * with `const signal = ac.signal`) of a controller made in the loop's function and only ever read
 * for its signal (see `neverAbortedSignal`).
 */
function neverAbortedTest(context: AnalysisContext, loop: LoopNode, fn: TSESTree.Node): NeverAbortedSignal | undefined {
  const test = loop.type === AST_NODE_TYPES.ForOfStatement ? undefined : loop.test && skipTypeWrappers(loop.test);
  if (test?.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') return undefined;
  const read = skipTypeWrappers(test.argument);
  if (read.type !== AST_NODE_TYPES.MemberExpression || read.computed || read.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return read.property.name === signalApi.aborted ? neverAbortedSignal(context, read.object, fn) : undefined;
}

/** A check whose signal belongs to a controller nothing aborts: `ac.signal.throwIfAborted()`, `sleep(ms, v, { signal: ac.signal })`. */
function neverAbortedCheck(context: AnalysisContext, node: TSESTree.Node, fn: TSESTree.Node): NeverAbortedSignal | undefined {
  if (node.type === AST_NODE_TYPES.MemberExpression) return neverAbortedSignal(context, node.object, fn);
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const given = node.arguments.filter((argument) => mentionsSignal(argument));
  const never = given.map((argument) => neverAbortedSignal(context, argument, fn) ?? neverAbortedOption(context, argument, fn));
  return never.length > 0 && never.every((signal) => signal !== undefined) ? never[0] : undefined;
}

/** A `throw` inside a `catch` of the loop's own: `catch (error) { log(error); throw error; }`. */
function passesFailureOn(exit: TSESTree.Node, loop: LoopNode): boolean {
  if (exit.type !== AST_NODE_TYPES.ThrowStatement) return false;
  for (let current: TSESTree.Node | undefined = exit.parent; current && current !== loop; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

/**
 * The `catch` clauses of an endless loop that swallow an awaited failure and go round again with
 * no pause: some path from the catch back round the loop to an `await` of its `try` meets no
 * pause (an awaited sleep or backoff), no signal or flag check and no test that can leave the
 * loop. Once the source is closed for good, every iteration then fails at once and the loop spins
 * at full speed. A sleep after the `try`, or a deadline check further down, breaks the spin; a
 * `continue` that jumps over them does not, nor does a check inside the `try` that this `catch`
 * swallows.
 */
export function findSpinningCatches(context: AnalysisContext, loop: LoopNode, paths: CodePaths): SpinningCatch[] {
  // A `for await` waits for its source's next item on every round: that is its pause.
  if (loop.type === AST_NODE_TYPES.ForOfStatement || !hasConstantTrueTest(context, loop) || !enclosingFunction(loop)) return [];
  if (!bodyRuns(paths, loop)) return [];
  const tries: TSESTree.TryStatement[] = [];
  walkOwnBody(loop.body, (node) => {
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler && containsAwait(node.block) && !handsErrorOn(node.handler)) {
      tries.push(node);
    }
  });
  if (tries.length === 0) return [];
  const shape = loopShape(loop, paths);
  const stoppers = new Set<TSESTree.Node>(shape.exitPoints);
  walkOwnBody(loop.body, (node) => {
    const awaited = awaitedBy(node);
    if ((awaited && isPause(context, awaited)) || isCheck(node)) stoppers.add(node);
    // A call, outside every `try` here, that throws once the collection it takes from runs out: the loop ends with it.
    if (node.type === AST_NODE_TYPES.CallExpression && !tries.some((statement) => isInside(node, statement.block)) && throwsWhenExhausted(context, node)) {
      stoppers.add(node);
    }
  });
  const spinning: SpinningCatch[] = [];
  for (const statement of tries) {
    const handler = statement.handler as TSESTree.CatchClause;
    const block = statement.block;
    // A check inside this `try` only throws into this very catch. A test of the caught error in the
    // catch (`if (!(e instanceof Busy)) throw e`) decides by the kind of failure, not by time or a
    // signal: a source that fails for good with the kind it lets round spins.
    // So does a wait inside it that can fail at once (a connect that rejects on 'error'): it pauses nothing then.
    const failsAtOnce = (node: TSESTree.Node): boolean => {
      const awaited = isInside(node, block) && stoppers.has(node) ? awaitedBy(node) : undefined;
      return awaited !== undefined && waitMayFailAtOnce(context, awaited);
    };
    const stops = (node: TSESTree.Node): boolean =>
      stoppers.has(node) && (!isCheck(node) || !isInside(node, block)) && !failsAtOnce(node) && !testsCaughtError(node, handler);
    const failsAgain = (node: TSESTree.Node): boolean =>
      isInside(node, block) &&
      ((awaitedBy(node) !== undefined && (!stoppers.has(node) || failsAtOnce(node))) ||
        (node.type === AST_NODE_TYPES.ForOfStatement && node.await));
    if (pathAround(paths, loop, handler, stops, failsAgain) && !retriesOnlyOwnErrors(context, handler)) spinning.push({ handler, loop });
  }
  return spinning;
}

/** An `if`/`?:`/`&&`/`||` in `handler` deciding on its caught error alone: `if (!(e instanceof Busy))`. */
function testsCaughtError(node: TSESTree.Node, handler: TSESTree.CatchClause): boolean {
  const param = handler.param;
  if (param?.type !== AST_NODE_TYPES.Identifier || !isInside(node, handler.body)) return false;
  const test = conditionTest(node);
  if (!test) return false;
  let readsError = false;
  let readsOther = false;
  walk(test, (child) => {
    // `(e as { code?: string }).code`: the type says nothing about what runs.
    if (child.parent && 'typeAnnotation' in child.parent && child.parent.typeAnnotation === child) return false;
    if (child.type === AST_NODE_TYPES.Identifier) {
      const isProperty = child.parent.type === AST_NODE_TYPES.MemberExpression && child.parent.property === child && !child.parent.computed;
      const isClass = child.parent.type === AST_NODE_TYPES.BinaryExpression && child.parent.operator === 'instanceof' && child.parent.right === child;
      if (child.name === param.name) readsError = true;
      // A counter or a clock read with it (`attempts > 5`) may bound the retries.
      else if (!isProperty && !isClass) readsOther = true;
    }
    return true;
  });
  return readsError && !readsOther;
}

/** What leaves a loop and where the decisions to leave it are taken. */
interface LoopShape {
  /** `break`/`continue` to a target outside the loop, `return`, and `throw` that no `try` in the loop catches. */
  exits: TSESTree.Node[];
  /** The `if`, `switch`, `?:` and `&&`/`||` around an exit: a path through them may leave the loop. */
  exitPoints: TSESTree.Node[];
}

function loopShape(loop: LoopNode, paths: CodePaths): LoopShape {
  const exits: TSESTree.Node[] = [];
  walkOwnBody(loop.body, (node) => {
    if (leavesLoop(node, loop)) exits.push(node);
  });
  const exitPoints = new Set<TSESTree.Node>();
  for (const exit of exits) {
    if (!isReachable(paths, exit)) continue;
    for (let current: TSESTree.Node | undefined = exit.parent; current && current !== loop; current = current.parent) {
      if (decisionTypes.has(current.type)) exitPoints.add(current);
    }
  }
  return { exits, exitPoints: [...exitPoints] };
}

const decisionTypes = new Set<string>([
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
]);

/** Code after a `return` or in `if (false)` never runs; without recorded paths, assume it does. */
function isReachable(paths: CodePaths, node: TSESTree.Node): boolean {
  const segments = paths.segmentsOf(node);
  return segments.length === 0 || segments.some((segment) => segment.reachable);
}

/** Whether the loop's body ever runs: not after an endless loop or a `return`. */
function bodyRuns(paths: CodePaths, loop: LoopNode): boolean {
  const segments = paths.startingAt(loop.body);
  return segments.length === 0 || segments.some((segment) => segment.reachable);
}

/**
 * Whether some path from `from` (a recorded node, or the start of the loop's body), staying
 * inside `loop`, goes round through the start of the body and then reaches a node for which
 * `arrives` holds (with no `arrives`: the start of the body itself), meeting no node for which
 * `stops` holds on the way. Walks ESLint's code path segments, node by node in the order they run.
 */
function pathAround(
  paths: CodePaths,
  loop: LoopNode,
  from: TSESTree.Node | 'bodyStart',
  stops: (node: TSESTree.Node) => boolean,
  arrives?: (node: TSESTree.Node) => boolean,
): boolean {
  interface Step {
    segment: Segment;
    index: number;
    round: boolean;
  }
  const todo: Step[] =
    from === 'bodyStart'
      ? paths.startingAt(loop.body).map((segment) => ({ segment, index: 0, round: false }))
      : paths.segmentsOf(from).map((segment) => ({ segment, index: paths.nodesIn(segment).indexOf(from) + 1, round: false }));
  const seen = new Set<string>();
  for (let step = todo.pop(); step; step = todo.pop()) {
    const { segment, index, round } = step;
    let blocked = false;
    for (const node of paths.nodesIn(segment).slice(index)) {
      if (round && arrives?.(node)) return true;
      if (stops(node)) {
        blocked = true;
        break;
      }
    }
    if (blocked) continue;
    for (const next of segment.nextSegments) {
      if (!paths.beginsInside(next, loop)) continue;
      // Each round starts with the segment that begins at the loop's body.
      const nextRound = round || paths.startOf(next) === loop.body;
      if (nextRound && !round && !arrives) return true;
      const key = `${next.id}:${nextRound}`;
      if (seen.has(key)) continue;
      seen.add(key);
      todo.push({ segment: next, index: 0, round: nextRound });
    }
  }
  return false;
}

/** The node types whose paths the loop judgements ask about: spread into the code path recorder. */
export const loopPathNodeTypes: readonly string[] = [
  AST_NODE_TYPES.CatchClause,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  ...decisionTypes,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ContinueStatement,
];

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
    // `String(error)` only reads it, as a log does.
    if (passesError && !isLoggingCall(node) && !isConversion(node)) handed = true;
  });
  return handed;
}

/** `String(error)`: a global conversion. */
function isConversion(call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && protocols.conversions.includes(callee.name);
}

/** `console.warn(…)`, `logger.error(…)`, `log(…)`. */
function isLoggingCall(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call);
  const receiver = methodCallParts(call)?.target;
  return (name !== undefined && logging.methods.has(name)) || (receiver?.type === AST_NODE_TYPES.Identifier && logging.globals.has(receiver.name));
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

interface BodyFacts {
  /** Signal and flag checks: `signal.aborted`, `this.closing`, a call handed a signal. */
  checks: Set<TSESTree.Node>;
  /** The first check of a signal that nothing aborts, which stops nothing. */
  neverAborted?: NeverAbortedSignal;
  firstAwait?: TSESTree.Node;
  sleepsWithoutSignal: { call: TSESTree.CallExpression; optionsIndex: number }[];
}

/** What a loop's own code does, without looking into functions it defines. */
function bodyFacts(context: AnalysisContext, loop: LoopNode, fn: TSESTree.Node): BodyFacts {
  const facts: BodyFacts = { checks: new Set(), sleepsWithoutSignal: [] };
  walkOwnBody(loop.body, (node) => {
    // A check of a signal that nothing aborts stops nothing.
    if (isCheck(node)) {
      const never = neverAbortedCheck(context, node, fn);
      if (never) facts.neverAborted ??= never;
      else facts.checks.add(node);
    }
    facts.firstAwait ??= awaitedBy(node);
    if (node.type === AST_NODE_TYPES.ForOfStatement && node.await) facts.firstAwait ??= node.right;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const takesSignal = trackedCalls(context).get(node)?.takesSignal;
      if (takesSignal?.sleep && typeof takesSignal.options === 'number' && !mentionsSignal(node.arguments[takesSignal.options])) {
        facts.sleepsWithoutSignal.push({ call: node, optionsIndex: takesSignal.options });
      }
    }
  });
  return facts;
}

/** `signal.aborted`, `signal.throwIfAborted()`, `this.closing`, `fetch(url, { signal })`. */
function isCheck(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression) return isSignalCheck(node);
  return node.type === AST_NODE_TYPES.CallExpression && node.arguments.some((argument) => mentionsSignal(argument));
}

/** Visits a loop body's own code: not functions defined in it, which run at other times. */
function walkOwnBody(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  walk(root, (node) => {
    if (node !== root && isFunctionNode(node)) return false;
    visit(node);
    return true;
  });
}

/**
 * Whether a jump leaves `loop`: `return`; a `throw` that no `try` inside the loop catches; a
 * `break` or `continue` whose target (the innermost loop or switch, or the statement it names)
 * lies outside the loop.
 */
function leavesLoop(node: TSESTree.Node, loop: LoopNode): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return true;
    case AST_NODE_TYPES.ThrowStatement:
      for (let child: TSESTree.Node = node; child !== loop && child.parent; child = child.parent) {
        const parent: TSESTree.Node = child.parent;
        if (parent.type === AST_NODE_TYPES.TryStatement && parent.handler && parent.block === child) return false;
      }
      return true;
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
        if (current === loop) {
          // A `continue` of the loop itself goes round again; a label beyond it is left behind.
          const ownLabel = loop.parent.type === AST_NODE_TYPES.LabeledStatement ? loop.parent.label.name : undefined;
          const targetsLoop = !node.label || node.label.name === ownLabel;
          return !targetsLoop || node.type === AST_NODE_TYPES.BreakStatement;
        }
        if (node.label) {
          if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === node.label.name) return !isInside(current, loop);
        } else if (ASTUtils.isLoop(current) || (node.type === AST_NODE_TYPES.BreakStatement && current.type === AST_NODE_TYPES.SwitchStatement)) {
          return false;
        }
      }
      return false;
    default:
      return false;
  }
}

/** Names of an object's own closing flags: `this.closing`, `client.closed` (a naming convention, not an API). */
const closingFlags: ReadonlySet<string> = new Set(['closing', 'closed', 'stopped', 'running', 'destroyed', 'shuttingDown']);

/** `signal.aborted`, `x.signal.aborted`, `signal.throwIfAborted()`, `this.closing`-style flags. */
function isSignalCheck(node: TSESTree.MemberExpression): boolean {
  if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return false;
  return abortChecks.has(node.property.name) || closingFlags.has(node.property.name);
}
