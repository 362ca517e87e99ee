import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import { endOfLifeEvents, oneShotListenerMethods } from '../apis';
import { findObjectProperty, stableReferenceText, staticMemberName } from '../ast';
import type { EndPlan } from '../endPlan';
import { removeListenerPlan } from '../endPlan';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import type { Judge, Leak } from '../leak';
import { endSearchScope, makeLeak, ownerReasons } from '../leak';
import { targetOwner } from '../lifetime';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';
import { listenerLabel } from './labels';
import { insideAny } from '../outlivingSignals';

/**
 * A listener on a target that outlives the function, never removed: `bus.on('x', f)` on a
 * parameter or a module's emitter, with no `off`, `{ once }` or `{ signal }`.
 */
export function judgeListener(judge: Judge): Leak | undefined {
  const { context, start, fn, inConstructor } = judge;
  const { object, listener } = start;
  // An abort listener runs at most once, when its signal aborts: the cleanup idiom itself.
  if (!object || !listener || start.event === 'abort') return undefined;
  const call = start.node as TSESTree.CallExpression;
  const api = objectApiOf(context, object.kind);
  if (!api) return undefined;
  const options = call.arguments[2];
  let oneShot = oneShotListenerMethods.has(object.method) && !object.kind.startsWith('custom:');
  if (options && !isBooleanLiteral(options)) {
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return undefined; // unknown options: stay quiet
    const signal = findObjectProperty(options, 'signal');
    if (signal && !judge.blind?.optionValues.has(signal.value)) return undefined;
    const once = findObjectProperty(options, 'once');
    if (once && !(once.value.type === AST_NODE_TYPES.Literal && once.value.value === false)) oneShot = true;
  }
  // A one-shot listener ends when its event fires; in a repetition, an event that only comes
  // when the target fails or ends may not come at all, and each run adds one more.
  if (oneShot && !(judge.repetition && start.event !== undefined && endOfLifeEvents.has(start.event))) return undefined;
  if (inConstructor) return undefined;
  const owner = targetOwner(context, object.target, judge.scope, { outerOutlives: judge.repetition });
  if (owner.owner !== 'outlives') return undefined;
  const targetText = stableReferenceText(object.target);
  if (targetText === undefined) return undefined;
  const within = endSearchScope(judge, owner.reason);
  const index = methodCallsByReceiver(context);
  const removals = findMethodCalls(index, targetText, api.removeListener, within).filter(
    (removal) => removesListener(context, removal.call, start) && !insideAny(removal.call, judge.blind?.abortListeners),
  );
  if (removals.length > 0) return undefined;
  if (!judge.repetition && listenerIsStored(context, listener)) return undefined;

  const eventText = oneShot ? `a one-shot '${start.event}' listener` : listenerLabel(start.event);
  const signalOption = api.starts[object.method]?.signalOptionIndex;
  let end: EndPlan | undefined;
  if (signalOption !== undefined) {
    end = { kind: 'passSignal', call, optionsIndex: signalOption };
  } else if (api.fixRemoveListener) {
    end = removeListenerPlan(call, object.target, api.fixRemoveListener, listener, start.event);
  }
  return makeLeak(
    context,
    start,
    fn,
    'listenerNotRemoved',
    { label: eventText, target: targetText, outlives: ownerReasons[owner.reason] },
    { targetParameter: owner.parameterIndex, end },
  );
}

/** `bus.off('x', onX)` removes `bus.on('x', onX)`; `bus.removeAllListeners()` removes everything. */
function removesListener(context: AnalysisContext, removal: TSESTree.CallExpression, start: Start): boolean {
  const [event, listener] = removal.arguments;
  if (!event) return true;
  const eventName = context.sourceCode.getText(event);
  const startArgument = (start.node as TSESTree.CallExpression).arguments[0];
  const startEvent = startArgument && context.sourceCode.getText(startArgument);
  if (!listener) return eventName === startEvent || start.event === undefined;
  const listenerText = context.sourceCode.getText(listener);
  return eventName === startEvent || (start.listener !== undefined && listenerText === context.sourceCode.getText(start.listener));
}

function isBooleanLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'boolean';
}

/**
 * The listener function is also kept where its owner can reach it to remove it later:
 * `this.listeners.push({ name, listener }); process.on(name, listener)` (webpack-dev-server's
 * signal handlers, removed one by one in `stop()`), `this.onExit = onExit`, `return onExit`.
 */
function listenerIsStored(context: AnalysisContext, listener: TSESTree.Node): boolean {
  if (listener.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(listener), listener);
  return (variable?.references ?? []).some((reference) => {
    const use = reference.identifier;
    if (reference.init || use === listener) return false;
    const parent = use.parent;
    switch (parent?.type) {
      case AST_NODE_TYPES.Property:
        return parent.value === use && parent.parent.type === AST_NODE_TYPES.ObjectExpression && isKept(parent.parent);
      case AST_NODE_TYPES.ArrayExpression:
        return isKept(parent);
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === use && parent.left.type === AST_NODE_TYPES.MemberExpression;
      case AST_NODE_TYPES.ReturnStatement:
        return true;
      case AST_NODE_TYPES.CallExpression:
        return isCollectionAdd(parent) && parent.arguments.some((argument) => argument === use);
      default:
        return false;
    }
  });
}

/** An object or array literal that is itself stored: pushed into a collection, assigned to a member, returned. */
function isKept(literal: TSESTree.Node): boolean {
  const parent = literal.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression) return isCollectionAdd(parent) && parent.arguments.includes(literal as TSESTree.Expression);
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.right === literal && parent.left.type === AST_NODE_TYPES.MemberExpression;
  return parent?.type === AST_NODE_TYPES.ReturnStatement;
}

/** `this.listeners.push(x)`, `this.handlers.add(x)`, `registry.set(key, x)`: into a collection something else holds. */
function isCollectionAdd(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.MemberExpression &&
    ['push', 'add', 'set', 'unshift'].includes(staticMemberName(callee) ?? '')
  );
}
