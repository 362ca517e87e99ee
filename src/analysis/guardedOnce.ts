import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { FunctionNode } from './ast';
import { conditionTest, enclosingFunction, isFunctionNode, isInside, isReassigned, methodCallParts, skipTypeWrappers, stableReferenceText, staticMemberName, walk } from './ast';
import { enclosingClassBody } from './classMembers';
import type { AnalysisContext } from './fileCache';
import { eventEmitter } from './families/eventEmitter';

export interface GuardOptions {
  /** Count `this.started` as a guard: once per object, not once per program. */
  instanceState: boolean;
}

/**
 * Whether `fn` reaches `call` only once, however often it is called: it records that it did in
 * state that outlives the call (a module or outer variable, or `this.…` when `instanceState`),
 * and checks that state first, in its own body or in a callback of it that holds `call`; or it
 * stores the result in a slot with `??=`/`||=`.
 *
 * A listener added only when its emitter holds none for that event, or does not hold that very
 * function (a function that outlives the call), is added once per emitter whatever the state: the
 * emitter's listener list is the record.
 *
 * ```ts
 * let started = false;
 * function start() { if (started) return; started = true; bus.on('x', f); } // `bus.on` → true
 * function client() { return (cached ??= new Redis()); }                     // `new Redis()` → true
 * function attach(server) { if (server.listenerCount('x') > 0) return; server.on('x', f); } // → true
 * function attach(server) { if (!server.listeners('x').includes(f)) server.on('x', f); }  // → true
 * ```
 */
export function isGuardedOnce(
  context: AnalysisContext,
  fn: FunctionNode,
  call: TSESTree.Node,
  options: GuardOptions = { instanceState: true },
): boolean {
  for (let current = call.parent; current && current !== fn; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.AssignmentExpression &&
      (current.operator === '??=' || current.operator === '||=') &&
      outerStateText(context, fn, current.left, options) !== undefined
    ) {
      return true;
    }
  }
  const remembered = new Set<string>();
  const checked: string[] = [];
  const listener = listenerAdded(context, fn, call, options);
  let askedEmitter = false;
  walk(fn.body, (node) => {
    // A callback that holds the call runs its guard each time it runs: `doConnect() { pool.getConnection((err, c) => { if (!node.check) node.check = setInterval(…); }); }`.
    if (isFunctionNode(node) && !isInside(call, node)) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const text = outerStateText(context, fn, node.left, options);
      if (text !== undefined) remembered.add(text);
    }
    const test = conditionTest(node);
    const guarding = test !== undefined && guards(node, test, call);
    if (guarding && listener) askedEmitter ||= skippedWhenListened(node, test, call, listener);
    if (guarding) {
      walk(test, (part) => {
        const text = stableReferenceText(part) ?? keyedText(part);
        if (text !== undefined) checked.push(text);
        return text === undefined;
      });
    }
    return true;
  });
  return askedEmitter || checked.some((text) => remembered.has(text));
}

interface AddedListener {
  emitter: string;
  event: string;
  /** The function added, as text, when it is the same function on every call (declared outside it). */
  handler: string | undefined;
}

/** `server.on('x', f)` → the emitter and the event, as text; `'x'` and `EVENT` alike. */
function listenerAdded(context: AnalysisContext, fn: FunctionNode, call: TSESTree.Node, options: GuardOptions): AddedListener | undefined {
  const parts = methodCallParts(call);
  if (!parts || call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const emitter = stableReferenceText(parts.target);
  const event = call.arguments[0] && eventText(call.arguments[0]);
  const handler = call.arguments[1] && sameFunctionEachCall(context, fn, call.arguments[1], options);
  return emitter === undefined || event === undefined ? undefined : { emitter, event, handler };
}

/**
 * The function handed, as text, when every call of `fn` hands the same one: a variable declared
 * outside `fn` and never given another, or a `this` member only its constructor sets. One `fn`
 * makes anew (`onJob = () => …` before the check) is never in the list it searches.
 */
function sameFunctionEachCall(context: AnalysisContext, fn: FunctionNode, handed: TSESTree.Node, options: GuardOptions): string | undefined {
  const text = outerStateText(context, fn, handed, options);
  const inner = skipTypeWrappers(handed);
  if (text === undefined) return undefined;
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
    return variable && !isReassigned(variable) ? text : undefined;
  }
  const body = inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.ThisExpression ? enclosingClassBody(inner) : undefined;
  if (!body) return undefined;
  let setOutsideConstructor = false;
  walk(body, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && stableReferenceText(skipTypeWrappers(node.left)) === text) {
      const setter = enclosingFunction(node)?.parent;
      setOutsideConstructor = setter?.type !== AST_NODE_TYPES.MethodDefinition || setter.kind !== 'constructor';
    }
    return !setOutsideConstructor;
  });
  return setOutsideConstructor ? undefined : text;
}

function eventText(node: TSESTree.Node): string | undefined {
  const inner = skipTypeWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') return JSON.stringify(inner.value);
  return stableReferenceText(inner);
}

const countQuestions: readonly string[] = eventEmitter.emitterUses.listenersOf.count;
const listQuestions: readonly string[] = eventEmitter.emitterUses.listenersOf.list;
const unwrappedLists: readonly string[] = eventEmitter.emitterUses.listenersOf.unwrapped;

/**
 * Whether the decision `node` keeps `call` from running once the emitter holds a listener for the
 * event: `if (server.listenerCount('x') > 0) return;`, `if (!server.listeners('x').length) server.on(…)`.
 * Asked the other way round (`if (server.listenerCount('x') > 0) server.on(…)`), or with another
 * operand that may let it through (`… > 0 && verbose`), it is added again on every call.
 */
function skippedWhenListened(node: TSESTree.Node, test: TSESTree.Node, call: TSESTree.Node, listener: AddedListener): boolean {
  const runsWhen = testLettingRun(node, call);
  const value = truthWithOneListener(test, listener);
  return runsWhen !== undefined && value !== undefined && value !== runsWhen;
}

/** The value of the decision's test under which `call` runs: `if (t) call()` → true, `if (t) return; call()` → false. */
function testLettingRun(node: TSESTree.Node, call: TSESTree.Node): boolean | undefined {
  if (node.type === AST_NODE_TYPES.LogicalExpression) {
    return node.operator === '??' || !isInside(call, node.right) ? undefined : node.operator === '&&';
  }
  if (node.type !== AST_NODE_TYPES.IfStatement && node.type !== AST_NODE_TYPES.ConditionalExpression) return undefined;
  if (isInside(call, node.consequent)) return true;
  if (node.alternate && isInside(call, node.alternate)) return false;
  // `if (…) return;` before the call.
  return node.type === AST_NODE_TYPES.IfStatement && leavesFunction(node.consequent) ? false : true;
}

/** The truth of `test` when the emitter holds one listener for the event; undefined when it cannot be told. */
function truthWithOneListener(test: TSESTree.Node, listener: AddedListener): boolean | undefined {
  const node = skipTypeWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = truthWithOneListener(node.argument, listener);
    return inner === undefined ? undefined : !inner;
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    const left = truthWithOneListener(node.left, listener);
    const right = truthWithOneListener(node.right, listener);
    const decisive = node.operator === '||';
    if (left === decisive || right === decisive) return decisive;
    return left === undefined || right === undefined ? undefined : !decisive;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    const left = numberWithOneListener(node.left, listener);
    const right = numberWithOneListener(node.right, listener);
    return left === undefined || right === undefined ? undefined : compare(node.operator, left, right);
  }
  // An array of listeners is truthy, empty or not; with one listener, the one added, it includes that.
  if (listenerQuestion(node, listener) !== undefined) return true;
  if (searchedListener(node, listener, 'includes')) return true;
  const count = numberWithOneListener(node, listener);
  return count === undefined ? undefined : count !== 0;
}

/** `server.listenerCount('x')`, `server.listeners('x').length` → 1; a number written out → itself. */
function numberWithOneListener(operand: TSESTree.Node, listener: AddedListener): number | undefined {
  const node = skipTypeWrappers(operand);
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'number' ? node.value : undefined;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-') {
    const negated = numberWithOneListener(node.argument, listener);
    return negated === undefined ? undefined : -negated;
  }
  if (searchedListener(node, listener, 'indexOf')) return 0;
  if (node.type === AST_NODE_TYPES.MemberExpression && staticMemberName(node) === 'length') {
    return listenerQuestion(skipTypeWrappers(node.object), listener) === 'list' ? 1 : undefined;
  }
  return listenerQuestion(node, listener) === 'count' ? 1 : undefined;
}

/** Whether `node` asks the listener's emitter about its listeners of that event: for their count, or for their list. */
function listenerQuestion(node: TSESTree.Node, listener: AddedListener): 'count' | 'list' | undefined {
  const parts = methodCallParts(node);
  const kind = parts && (countQuestions.includes(parts.method) ? 'count' : listQuestions.includes(parts.method) ? 'list' : undefined);
  if (!parts || !kind || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const event = node.arguments[0] && eventText(node.arguments[0]);
  return stableReferenceText(parts.target) === listener.emitter && event === listener.event ? kind : undefined;
}

/** `server.listeners('x').includes(f)` (`method` 'includes') or `.indexOf(f)`, with `f` the function added. */
function searchedListener(node: TSESTree.Node, listener: AddedListener, method: 'includes' | 'indexOf'): boolean {
  const parts = methodCallParts(node);
  if (!parts || parts.method !== method || node.type !== AST_NODE_TYPES.CallExpression || listener.handler === undefined) return false;
  const list = skipTypeWrappers(parts.target);
  const listParts = methodCallParts(list);
  const searched = node.arguments[0] && stableReferenceText(skipTypeWrappers(node.arguments[0]));
  return listParts !== undefined && unwrappedLists.includes(listParts.method) && listenerQuestion(list, listener) === 'list' && searched === listener.handler;
}

function compare(operator: string, left: number, right: number): boolean | undefined {
  switch (operator) {
    case '>': return left > right;
    case '>=': return left >= right;
    case '<': return left < right;
    case '<=': return left <= right;
    case '===': case '==': return left === right;
    case '!==': case '!=': return left !== right;
    default: return undefined;
  }
}

/**
 * Whether the decision `node` decides if `call` runs: `call` is in one of its branches, or it is
 * an `if` with a branch that leaves the function (`if (started) return;`) and `call` comes after.
 * `if (!child) child = spawn(…); child.on('exit', f)`: the `if` does not guard `child.on`.
 */
function guards(node: TSESTree.Node, test: TSESTree.Node, call: TSESTree.Node): boolean {
  if (isInside(call, node) && !isInside(call, test)) return true;
  if (node.type !== AST_NODE_TYPES.IfStatement || node.range[1] > call.range[0]) return false;
  return leavesFunction(node.consequent) || (node.alternate != null && leavesFunction(node.alternate));
}

/** `return`, `throw`, or a block that ends with one. */
function leavesFunction(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body.at(-1);
  return last !== undefined && leavesFunction(last);
}

/** `seen[event]`: an entry of a map keyed by a variable, as text (`seen[event]`). */
function keyedText(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || !node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = stableReferenceText(node.object);
  return object === undefined ? undefined : `${object}[${node.property.name}]`;
}

/**
 * `this.sub`, a variable declared outside `fn` or a member of one (`state.attached`), or an entry
 * of one keyed by a variable (`if (!seen[event]) { seen[event] = true; … }`: once per key): state
 * that survives the call.
 */
function outerStateText(context: AnalysisContext, fn: FunctionNode, target: TSESTree.Node, options: GuardOptions): string | undefined {
  const keyed = skipTypeWrappers(target);
  if (keyedText(keyed) !== undefined && keyed.type === AST_NODE_TYPES.MemberExpression) {
    return outerStateText(context, fn, keyed.object, options) === undefined ? undefined : keyedText(keyed);
  }
  const inner = skipTypeWrappers(target);
  const text = stableReferenceText(inner);
  if (text === undefined) return undefined;
  if (text.startsWith('this.')) return options.instanceState ? text : undefined;
  // `state.attached` of a module-level `state` object: the member lives as long as its root.
  let root: TSESTree.Node = inner;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTypeWrappers(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  const definition = variable?.defs[0];
  return definition && !isInside(definition.name, fn) ? text : undefined;
}
