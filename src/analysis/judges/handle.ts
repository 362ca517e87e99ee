import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../estree';
import { findObjectProperty, skipTypeWrappers } from '../ast';
import type { EndPlan } from '../endPlan';
import { handleEndPlan } from '../endPlan';
import { signalApi } from '../families/abortSignal';
import { handleFate } from '../handleFate';
import type { Judge, Leak } from '../leak';
import { makeLeak } from '../leak';
import { objectApiOf } from '../objectApi';
import { targetOwner } from '../lifetime';
import { calledNames } from '../methodCallIndex';
import { neverAbortedOption } from '../neverAborted';
import type { SignalEnds } from '../outlivingSignals';
import { rearmStoppedByFlag } from '../rearmingTimer';
import { rxSubscriptionMayLeak } from '../rxjsFiniteness';
import { startEnds } from './connection';
import { handleWords, startLabel } from './labels';
import { judgeOverwrite } from './overwrite';
import { optionsArgument, optionsMayCarrySignal, refersToFunction } from '../signalArguments';

/**
 * A start that hands back its handle (a timer, a watcher, a Subscription, an observer): it leaks
 * when the handle is dropped or kept in a local that is never ended, returned or stored.
 */
export function judgeHandle(judge: Judge): Leak | undefined {
  const { context, start, fn } = judge;
  const call = start.node;
  const signalOption = start.call?.signalOption;
  const options = signalOption === undefined ? undefined : optionsArgument(call, signalOption, (argument) => refersToFunction(context, argument));
  // `{ signal: ac.signal }` of a controller that nothing aborts ends nothing.
  const neverAborted = neverAbortedOption(context, options, judge.scope);
  if (optionsMayCarrySignal(options) && !handsOnlyOutlivingSignal(options, judge.blind) && !neverAborted) return undefined;
  if (start.kind === 'rxSubscription' && !rxSubscriptionMayLeak(judge)) return undefined;
  if (start.kind === 'eventsIterator' && isForAwaitSource(call)) return undefined;
  const endFunction = start.call?.endFunction;
  if (endFunction && calledNames(context).has(endFunction)) return undefined;
  // A chain that re-arms only while a flag says so ends when the flag is set (a repetition still starts one more each run).
  if (!judge.repetition && call.type === AST_NODE_TYPES.CallExpression && rearmStoppedByFlag(context, call)) return undefined;
  // A subscription on an object this function made dies with it: judged on that object instead,
  // unless the subscription is what holds the object open.
  if (start.kind === 'subscription' && start.object && !objectApiOf(context, start.object.kind)?.starts[start.object.method]?.keepsTargetOpen) {
    const owner = targetOwner(context, start.object.target, judge.scope, { outerOutlives: judge.repetition });
    if (owner.owner !== 'outlives') return undefined;
  }
  const ends = startEnds(context, start);
  if (!ends) return undefined;
  const fate = handleFate(context, call, ends, judge.blind?.abortListeners);
  const words = handleWords[start.kind];
  const label = startLabel(context, start);
  if (fate.fate === 'ended') return undefined;
  if (fate.fate === 'handedOver') return judgeOverwrite(judge, ends, label);
  if (neverAborted) return makeLeak(context, start, fn, 'signalNeverAborted', { label, ...neverAborted }, { end: undefined });
  let end: EndPlan | undefined;
  if (signalOption !== undefined && call.type === AST_NODE_TYPES.CallExpression) {
    end = { kind: 'passSignal', call, optionsIndex: signalOption };
  } else if (!endFunction && !start.call?.onlyRearming) {
    // Not a timer that re-arms itself: an end on abort written beside it would add one more abort
    // listener on every re-arm (every turn of the event loop for `setImmediate`).
    end = handleEndPlan(call, fate, ends.fix, words?.name ?? 'handle');
  }
  // Ended by a function of its module (`unwatchFile(path)`, `unsubscribe(name, f)`), not through a handle.
  if (endFunction) return makeLeak(context, start, fn, 'endFunctionNeverCalled', { label, end: endFunction }, { end });
  if (fate.fate === 'dropped') return makeLeak(context, start, fn, 'handleDropped', { label }, { end });
  return makeLeak(context, start, fn, 'handleNotEnded', { label, handle: fate.variable.name, ended: words?.ended ?? 'ended' }, { end });
}

/** `{ signal: shutdown.signal }` where `shutdown.signal` outlives the judged code. */
function handsOnlyOutlivingSignal(options: TSESTree.Node | undefined, blind: SignalEnds | undefined): boolean {
  const inner = options && skipTypeWrappers(options);
  if (!blind || inner?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const signal = findObjectProperty(inner, signalApi.property);
  return signal !== undefined && blind.optionValues.has(signal.value);
}

function isForAwaitSource(call: TSESTree.Node): boolean {
  const parent = call.parent;
  return parent?.type === AST_NODE_TYPES.ForOfStatement && parent.await && parent.right === call;
}
