import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { protocols } from './families/language';
import type { HandleEnd } from './apis';
import { arrayIterationMethods, chainingMethods } from './apis';
import type { FunctionNode } from './ast';
import { calleeName, enclosingFunction, isFunctionNode, isInside, isTopLevelScope, methodCallParts, outermostWrapper, skipTypeWrappers, stableReferenceText, staticMemberName, walk } from './ast';
import { isReturnDropped } from './droppedReturn';
import type { AnalysisContext } from './fileCache';
import { handOverMayEnd } from './handOver';

/**
 * What becomes of the value a start returns (a timer, a watcher, a connection, a Subscription):
 * - `dropped`: thrown away, nothing can ever end it (`setInterval(tick, 1000);`);
 * - `kept`: held in a local that is used but never ended (`const sub = client.duplicate(); sub.subscribe(…)`);
 * - `ended`: ended where it is held (`clearInterval(h)`, `sub.quit()`, `using`);
 * - `handedOver`: returned, stored on an object or outer variable, or passed on: its owner ends it.
 */
export type HandleFate =
  | { fate: 'dropped' }
  | { fate: 'kept'; variable: TSESLint.Scope.Variable; declarator: TSESTree.VariableDeclarator }
  | { fate: 'ended' }
  | { fate: 'handedOver' };


/**
 * The outermost expression whose value is still the handle `start` made: through `await`, type
 * wrappers and methods that return their receiver (`http.createServer(app).listen(0)`, `setInterval(f, ms).unref()`).
 */
export function heldValue(start: TSESTree.Node): TSESTree.Node {
  let value = outermostWrapper(start, { throughAwait: true });
  for (;;) {
    const member = value.parent;
    const method = member?.type === AST_NODE_TYPES.MemberExpression && member.object === value ? staticMemberName(member) : undefined;
    if (method === undefined || !chainingMethods.has(method) || member?.parent?.type !== AST_NODE_TYPES.CallExpression || member.parent.callee !== member) return value;
    value = outermostWrapper(member.parent, { throughAwait: true });
  }
}

export function handleFate(
  context: AnalysisContext,
  start: TSESTree.Node,
  ends: HandleEnd,
  /** Code whose ends do not count (the abort listeners of a signal that outlives the judged code). */
  ignore?: readonly TSESTree.Node[],
): HandleFate {
  const value = heldValue(start);
  const parent = value.parent;
  if (!parent) return { fate: 'handedOver' };
  if (
    parent.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === value &&
    parent.parent.type === AST_NODE_TYPES.CallExpression &&
    parent.parent.callee === parent
  ) {
    const method = staticMemberName(parent);
    if (method !== undefined && ends.methods.includes(method)) return { fate: 'ended' };
    // `connect().then((client) => { this.client = client; })`: handed to the callback, as by `await`.
    const callback = parent.parent.arguments[0];
    if (method === protocols.promiseValue && callback && isFunctionNode(callback)) return { fate: callbackHandleFate(context, callback, ends, 'value') };
    return { fate: 'dropped' };
  }
  switch (parent.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return { fate: 'dropped' };
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'void' ? { fate: 'dropped' } : { fate: 'handedOver' };
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      // `cron.schedule(…, () => connectTo(host))`: the scheduler drops what its callback returns.
      return isReturnDropped(context, value) ? { fate: 'dropped' } : { fate: 'handedOver' };
    case AST_NODE_TYPES.VariableDeclarator: {
      const declaration = parent.parent;
      if (declaration.kind === 'using' || declaration.kind === 'await using') return { fate: 'ended' };
      if (parent.id.type !== AST_NODE_TYPES.Identifier) return { fate: 'handedOver' };
      const variable = context.sourceCode.getDeclaredVariables(parent)[0];
      if (!variable) return { fate: 'handedOver' };
      if (isTopLevelScope(variable.scope)) return { fate: 'handedOver' };
      return localHandleFate(context, variable, parent, ends, ignore);
    }
    case AST_NODE_TYPES.AssignmentExpression: {
      const left = skipTypeWrappers(parent.left);
      if (parent.right !== value || left.type !== AST_NODE_TYPES.Identifier) return { fate: 'handedOver' };
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(left), left) ?? undefined;
      const declarator = variable?.defs[0]?.node;
      // An outer `let` is a slot its owner can clear later; a local of this function is followed.
      if (variable && declarator?.type === AST_NODE_TYPES.VariableDeclarator && variable.scope.variableScope.block === enclosingFunction(start)) {
        return localHandleFate(context, variable, declarator, ends, ignore);
      }
      return { fate: 'handedOver' };
    }
    case AST_NODE_TYPES.CallExpression:
      // `this.track(net.connect(port))`: handed to a function that only uses it is dropped.
      return parent.callee !== value && !handOverMayEnd(context, value, ends) ? { fate: 'dropped' } : { fate: 'handedOver' };
    default:
      return { fate: 'handedOver' };
  }
}

/**
 * What a callback does with the handle it is handed: `connect().then((client) => …)` (`value`:
 * every parameter) or `client.monitor((err, monitor) => …)` (`errorFirst`: the first is the error).
 * `ended` when it ends it or calls a handed `release()`, `handedOver` when it stores, returns or
 * passes it on, `dropped` when it only uses it.
 */
export function callbackHandleFate(
  context: AnalysisContext,
  callback: FunctionNode,
  ends: HandleEnd,
  convention: 'value' | 'errorFirst',
): 'ended' | 'handedOver' | 'dropped' {
  const parameters = convention === 'errorFirst' && callback.params.length > 1 ? callback.params.slice(1) : callback.params;
  let handedOver = false;
  for (const parameter of parameters) {
    if (parameter.type !== AST_NODE_TYPES.Identifier) {
      handedOver = true; // destructured or defaulted: not followed
      continue;
    }
    const variable = context.sourceCode.getDeclaredVariables(callback).find((candidate) => candidate.name === parameter.name);
    for (const reference of variable?.references ?? []) {
      if (reference.init || reference.isWrite()) continue;
      const use = reference.identifier;
      if (use.parent.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) return 'ended'; // `release()`
      const fate = handleUse(use, ends);
      if (fate === 'ended') return 'ended';
      if (fate === 'handedOver' && handOverMayEnd(context, use, ends)) handedOver = true;
    }
  }
  return handedOver ? 'handedOver' : 'dropped';
}

/**
 * Follows every use of a local that holds a handle. Passed to a function whose code is seen
 * (`this.resolveMaster(client)`, a helper of the file), it is handed over only if that function
 * ends it or hands it on in turn (handOver.ts): a helper that only uses it owns nothing.
 */
function localHandleFate(
  context: AnalysisContext,
  variable: TSESLint.Scope.Variable,
  declarator: TSESTree.VariableDeclarator,
  ends: HandleEnd,
  ignore: readonly TSESTree.Node[] | undefined,
): HandleFate {
  let handedOver = false;
  for (const reference of variable.references) {
    if (reference.init || reference.isWrite()) continue;
    if (ignore?.some((region) => isInside(reference.identifier, region))) continue;
    const use = handleUse(reference.identifier, ends);
    if (use === 'ended') return { fate: 'ended' };
    if (use === 'handedOver' && handOverMayEnd(context, reference.identifier, ends)) handedOver = true;
  }
  return handedOver ? { fate: 'handedOver' } : { fate: 'kept', variable, declarator };
}

/**
 * What one use of a handle does with it: `h.quit()`, `clearInterval(h)` → `ended`; returned,
 * stored, passed on, iterated (`hs.forEach((h) => h.close())`, `for (const h of hs)`) →
 * `handedOver`; a test, a read, a write to it (`if (h)`, `h.unref()`, `h = null`) → `used`.
 *
 * `clearInterval(this.timer)` → `'ended'`; `this.timer = null` → `'used'`.
 */
export function handleUse(identifier: TSESTree.Node, ends: HandleEnd): 'ended' | 'handedOver' | 'used' {
  const node = outermostWrapper(identifier);
  const parent = node.parent;
  if (!parent) return 'used';
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return 'used';
      const method = staticMemberName(parent);
      if (method !== undefined && ends.methods.includes(method)) return 'ended';
      const call = parent.parent;
      // `observer.unobserve(el)` when every `observer.observe(…)` names `el`.
      const perTarget = ends.perTarget;
      if (perTarget && method === perTarget.end && call.type === AST_NODE_TYPES.CallExpression && releasesEveryTarget(node, call, perTarget.start)) return 'ended';
      // `return server.listen(port)`: a method that returns its receiver hands the handle on as its result.
      // Only a value returned or kept as it is: an arrow's value may be dropped by whoever calls it
      // (`new Promise((r) => worker.once('message', r))`), and an awaited one is a promise's.
      if (method !== undefined && chainingMethods.has(method) && call.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
        return chainedResultKept(call) ? 'handedOver' : 'used';
      }
      // `this.clients.forEach((c) => c.quit())`: each element is handed to the callback.
      if (
        method !== undefined &&
        arrayIterationMethods.has(method) &&
        call.type === AST_NODE_TYPES.CallExpression &&
        call.callee === parent &&
        call.arguments.length > 0
      ) {
        return 'handedOver';
      }
      return 'used';
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      // A disposer ends what it was handed back for when called: `const off = bus.subscribe(f); off();`.
      if (parent.callee === node) return ends.fix.kind === 'call' ? 'ended' : 'used';
      // `Boolean(timer)`: a global conversion only reads it.
      const callee = skipTypeWrappers(parent.callee);
      if (parent.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.Identifier && protocols.conversions.includes(callee.name)) return 'used';
      const name = calleeName(parent);
      if (name !== undefined && ends.functions.includes(name)) return 'ended';
      return name !== undefined && ends.borrowedBy?.includes(name) ? 'used' : 'handedOver';
    }
    case AST_NODE_TYPES.AssignmentExpression:
      // `h = null` writes the slot; `other = h` hands it on.
      return parent.left === node ? 'used' : 'handedOver';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.SwitchStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return 'used';
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ConditionalExpression:
      // `h && h.readyState === OPEN`: its value is `h` only when `h` is empty, else the right side.
      if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.left === node) return 'used';
      return parent.parent.type === AST_NODE_TYPES.IfStatement || (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === node) || onlyTested(parent)
        ? 'used'
        : 'handedOver';
    default:
      // Returned, stored, put in an object or array, yielded, exported, passed on.
      return 'handedOver';
  }
}

/** `return server.listen(port)`, `const s = server.listen(port)`, `this.server = server.listen(port)`. */
function chainedResultKept(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return (
    parent.type === AST_NODE_TYPES.ReturnStatement ||
    (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === call) ||
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === call)
  );
}

/** `h && clearInterval(h);`, `!h || h.unref()`: a logical expression whose value nobody takes. */
function onlyTested(node: TSESTree.LogicalExpression | TSESTree.ConditionalExpression): boolean {
  let current: TSESTree.Node = node;
  while (current.parent?.type === AST_NODE_TYPES.LogicalExpression || current.parent?.type === AST_NODE_TYPES.ConditionalExpression) {
    current = current.parent;
  }
  const parent = current.parent;
  return (
    parent?.type === AST_NODE_TYPES.ExpressionStatement ||
    parent?.type === AST_NODE_TYPES.IfStatement ||
    parent?.type === AST_NODE_TYPES.WhileStatement ||
    (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator !== 'delete')
  );
}

/**
 * Whether the local a start is kept in is ended in a `finally` of the function that made it, after
 * the start: its life is that function's run however the run ends, so a signal the function is
 * given ends it through the waits that get the signal.
 *
 * ```js
 * const socket = net.connect({ host, port }); // ← needs no signal of its own
 * try { await once(socket, 'data', { signal }); } finally { socket.destroy(); }
 * ```
 */
export function endedInFinally(context: AnalysisContext, start: TSESTree.Node, ends: HandleEnd): boolean {
  const value = outermostWrapper(start, { throughAwait: true });
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const fn = enclosingFunction(start);
  const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
  return (variable?.references ?? []).some((reference) => {
    const use = reference.identifier;
    if (reference.isWrite() || enclosingFunction(use) !== fn || handleUse(use, ends) !== 'ended') return false;
    for (let node: TSESTree.Node = use; node.parent && node !== fn; node = node.parent) {
      const tryStatement: TSESTree.Node = node.parent;
      if (tryStatement.type === AST_NODE_TYPES.TryStatement && tryStatement.finalizer === node && start.range[1] <= tryStatement.block.range[1]) return true;
    }
    return false;
  });
}

/**
 * `this.observer.unobserve(this.element)` where every `this.observer.observe(…)` of the class (or
 * the file) names `this.element`: the handle is left watching nothing. One observe of another
 * target, or a target that is no member of `this` (the same text `el` may name another element in
 * each callback or loop), and it is not.
 */
function releasesEveryTarget(handle: TSESTree.Node, release: TSESTree.CallExpression, startMethod: string): boolean {
  const handleText = stableReferenceText(handle);
  const released = release.arguments[0] && stableReferenceText(release.arguments[0]);
  if (handleText === undefined || !released?.startsWith('this.')) return false;
  let root: TSESTree.Node = release;
  while (root.parent && root.type !== AST_NODE_TYPES.ClassBody) root = root.parent;
  let starts = 0;
  let other = false;
  walk(root, (node) => {
    if (other) return false;
    const parts = node.type === AST_NODE_TYPES.CallExpression ? methodCallParts(node) : undefined;
    if (parts?.method !== startMethod || stableReferenceText(parts.target) !== handleText) return undefined;
    starts++;
    const target = (node as TSESTree.CallExpression).arguments[0];
    if (!target || stableReferenceText(target) !== released) other = true;
    return undefined;
  });
  return starts > 0 && !other;
}
