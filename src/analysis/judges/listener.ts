import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { endOfLifeEvents, oneShotListenerMethods } from '../apis';
import { findObjectProperty, stableReferenceText } from '../ast';
import type { EndPlan } from '../endPlan';
import { removeListenerPlan } from '../endPlan';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import type { Judge, Leak } from '../leak';
import { describeFunction, endSearchScope, makeLeak, ownerReasons } from '../leak';
import { targetOwner } from '../lifetime';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';
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

  const eventText = oneShot
    ? `a one-shot '${start.event}' listener`
    : start.event === undefined
      ? 'a listener'
      : `${/^[aeiou]/i.test(start.event) ? 'an' : 'a'} '${start.event}' listener`;
  const signalOption = api.starts[object.method]?.signalOptionIndex;
  let end: EndPlan | undefined;
  if (signalOption !== undefined) {
    end = { kind: 'passSignal', call, optionsIndex: signalOption };
  } else if (api.fixRemoveListener) {
    end = removeListenerPlan(call, object.target, api.fixRemoveListener, listener, start.event);
  }
  return makeLeak(context, start, fn, {
    targetParameter: owner.parameterIndex,
    action: `adds ${eventText} to \`${targetText}\`${oneShot ? ` (removed only if '${start.event}' fires)` : ''}`,
    why: `it is never removed, and \`${targetText}\` (${ownerReasons[owner.reason]}) outlives each call of ${describeFunction(fn)}`,
    end,
  });
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
