import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { functionValue, isFunctionNode, isInside, returnedValues, skipTypeWrappers, staticMemberName, stableReferenceText, type FunctionNode } from './ast';
import { enclosingClassBody } from './classMembers';
import { loopTypes } from './codePaths';
import { signalApi } from './families/abortSignal';
import type { AnalysisContext } from './fileCache';
import { trackedCalls } from './imports';

/** How deep getters and predicates are followed to the `aborted` they read. */
const maxDepth = 3;

/**
 * Whether `call` is a bounded pause (a KB sleep: it ends by itself) after which the code honours
 * `signalText` quietly: what runs next is a check of that signal's `aborted` (read directly, or
 * through a same-class getter, method or local function that returns it) that returns, or breaks
 * out of the loop holding the pause; or the pause ends a loop body whose test stops on that check.
 * Handed the signal, the pause would instead reject with an `AbortError` where the author returns
 * (homebridge-unifi-protect's `login()`, seen on the thirteenth unseen sample: a 30 s settle sleep,
 * then `if (this.#isShuttingDown()) return;`, its only caller `void controller.login()`).
 * `throwIfAborted()` is no quiet leave, and anything between the pause and the check may start
 * something the abort would not reach: both keep the finding.
 *
 * ```js
 * await sleep(30_000);                     // ← needs no signal
 * if (this.#isShuttingDown()) return;      // #isShuttingDown() { return this.signal.aborted; }
 *
 * while (!signal.aborted) { await poll(signal); await sleep(1000); } // ← the same
 * ```
 */
export function pauseThenQuietAbort(context: AnalysisContext, call: TSESTree.CallExpression, signalText: string): boolean {
  if (!trackedCalls(context).get(call)?.takesSignal?.sleep) return false;
  const awaited = call.parent;
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression || awaited.parent.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const next = runsNext(awaited.parent);
  if (!next) return false;
  const signal = canonicalText(call, signalText);
  const isCheck = (node: TSESTree.Node): boolean => readsAborted(context, call, node, signal, 0);
  if (next.type === 'loopTest') return continuesOnlyUnaborted(next.test, isCheck);
  const statement = next.statement;
  return statement.type === AST_NODE_TYPES.IfStatement && leavesWhenAborted(statement.test, isCheck) && leavesQuietly(statement.consequent, awaited.parent);
}

type Next = { type: 'statement'; statement: TSESTree.Statement } | { type: 'loopTest'; test: TSESTree.Expression };

/** What runs right after `statement` completes normally: the next statement, or the test of the loop whose body it ends. */
function runsNext(statement: TSESTree.Statement): Next | undefined {
  const parent = statement.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.BlockStatement) {
    const index = parent.body.indexOf(statement);
    const following = parent.body[index + 1];
    if (following) return { type: 'statement', statement: following };
    return isFunctionNode(parent.parent) ? undefined : runsNext(parent);
  }
  if (parent.type === AST_NODE_TYPES.IfStatement) return runsNext(parent);
  if (parent.type !== AST_NODE_TYPES.WhileStatement && parent.type !== AST_NODE_TYPES.DoWhileStatement && parent.type !== AST_NODE_TYPES.ForStatement) return undefined;
  return parent.test && parent.body === statement ? { type: 'loopTest', test: parent.test } : undefined;
}

/** `if (check) …`, `if (a || check) …`: the branch runs whenever the signal has aborted. */
function leavesWhenAborted(test: TSESTree.Expression, isCheck: (node: TSESTree.Node) => boolean): boolean {
  const inner = skipTypeWrappers(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '||') return leavesWhenAborted(inner.left, isCheck) || leavesWhenAborted(inner.right, isCheck);
  return isCheck(inner);
}

/** `while (!check)`, `while (running && !check)`: the loop goes round only while the signal has not aborted. */
function continuesOnlyUnaborted(test: TSESTree.Expression, isCheck: (node: TSESTree.Node) => boolean): boolean {
  const inner = skipTypeWrappers(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '&&') return continuesOnlyUnaborted(inner.left, isCheck) || continuesOnlyUnaborted(inner.right, isCheck);
  return inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!' && isCheck(inner.argument);
}

/** `return`, or a `break` out of a loop that holds the pause: the run ends without an error. */
function leavesQuietly(branch: TSESTree.Statement, pause: TSESTree.Node): boolean {
  const only = branch.type === AST_NODE_TYPES.BlockStatement && branch.body.length === 1 ? (branch.body[0] as TSESTree.Statement) : branch;
  if (only.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (only.type !== AST_NODE_TYPES.BreakStatement) return false;
  for (let current: TSESTree.Node | undefined = only.parent; current && !isFunctionNode(current); current = current.parent) {
    if (only.label) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === only.label.name) return isLoop(current.body) && isInside(pause, current.body);
    } else if (isLoop(current)) return isInside(pause, current);
    else if (current.type === AST_NODE_TYPES.SwitchStatement) return false;
  }
  return false;
}

function isLoop(node: TSESTree.Node): boolean {
  return loopTypes.includes(node.type);
}

/**
 * Whether `node` reads the signal's `aborted`: `signal.aborted`, `signal?.aborted`, a same-class
 * getter (`this.stopping`) or argument-less method (`this.#isShuttingDown()`) or a local function
 * (`stopped()`) that returns such a read.
 */
function readsAborted(context: AnalysisContext, anchor: TSESTree.Node, node: TSESTree.Node, signal: string, depth: number): boolean {
  let inner = skipTypeWrappers(node);
  if (inner.type === AST_NODE_TYPES.ChainExpression) inner = inner.expression;
  if (depth > maxDepth) return false;
  const returnsCheck = (fn: FunctionNode | undefined): boolean => {
    const values = fn ? returnedValues(fn) : [];
    return values.length > 0 && values.every((value) => readsAborted(context, anchor, value, signal, depth + 1));
  };
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    if (staticMemberName(inner) === signalApi.aborted && canonical(anchor, inner.object, 0) === signal) return true;
    return returnsCheck(ownMember(anchor, inner, 'get'));
  }
  if (inner.type !== AST_NODE_TYPES.CallExpression || inner.arguments.length > 0) return false;
  const callee = skipTypeWrappers(inner.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return returnsCheck(ownMember(anchor, callee, 'method'));
  return returnsCheck(functionValue(context.sourceCode, callee));
}

/** The function of the class around `anchor` that `this.name` reads as a getter or calls as a method. */
function ownMember(anchor: TSESTree.Node, member: TSESTree.MemberExpression, kind: 'get' | 'method'): FunctionNode | undefined {
  if (skipTypeWrappers(member.object).type !== AST_NODE_TYPES.ThisExpression || member.computed) return undefined;
  const name = member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : staticMemberName(member);
  return name === undefined ? undefined : ownMemberNamed(anchor, name, kind);
}

/** A non-static getter or method `name` (`#name` if private) of the class around `anchor`. */
function ownMemberNamed(anchor: TSESTree.Node, name: string, kind: 'get' | 'method'): FunctionNode | undefined {
  const keyName = (key: TSESTree.Node): string | undefined =>
    key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : key.type === AST_NODE_TYPES.Identifier ? key.name : undefined;
  const found = enclosingClassBody(anchor)?.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === AST_NODE_TYPES.MethodDefinition && !element.static && !element.computed && element.kind === kind && keyName(element.key) === name,
  );
  return found?.value.type === AST_NODE_TYPES.FunctionExpression ? found.value : undefined;
}

/** The reference a signal expression stands for, through same-class getters: `this.signal` → `this.#controller.signal`. */
function canonical(anchor: TSESTree.Node, node: TSESTree.Node, depth: number): string | undefined {
  const inner = skipTypeWrappers(node);
  if (depth < maxDepth && inner.type === AST_NODE_TYPES.MemberExpression) {
    const getter = ownMember(anchor, inner, 'get');
    const values = getter ? returnedValues(getter) : [];
    const [only] = values;
    if (values.length === 1 && only) return canonical(anchor, only, depth + 1);
  }
  return stableReferenceText(inner);
}

/** `canonical` for the signal in scope, known by its text: `this.name` may be a getter too. */
function canonicalText(anchor: TSESTree.Node, text: string): string {
  const name = /^this\.(#?[A-Za-z_$][\w$]*)$/.exec(text)?.[1];
  const getter = name === undefined ? undefined : ownMemberNamed(anchor, name, 'get');
  const values = getter ? returnedValues(getter) : [];
  const [only] = values;
  return values.length === 1 && only ? (canonical(anchor, only, 1) ?? text) : text;
}
