import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';

import type { StartKind } from '../apis';
import { findObjectProperty, skipTypeWrappers } from '../ast';
import type { EndPlan } from '../endPlan';
import { handleEndPlan } from '../endPlan';
import { handleFate } from '../handleFate';
import type { Judge, Leak } from '../leak';
import { describeFunction, makeLeak } from '../leak';
import { targetOwner } from '../lifetime';
import { calledNames } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';
import type { SignalEnds } from '../outlivingSignals';
import { rxSubscriptionMayLeak } from '../rxjsFiniteness';
import { startEnds } from './connection';
import { judgeOverwrite } from './overwrite';
import { optionsArgument, optionsMayCarrySignal } from '../signalArguments';

/** How messages and fixes name each kind of handle. */
const handleWords: Partial<Record<StartKind, { label: string; ended: string; name: string }>> = {
  interval: { label: 'an interval', ended: 'cleared', name: 'interval' },
  rxSubscription: { label: 'an RxJS subscription', ended: 'unsubscribed', name: 'subscription' },
  watcher: { label: 'a file watcher', ended: 'closed', name: 'watcher' },
  eventsIterator: { label: 'an events.on() iterator', ended: 'returned', name: 'iterator' },
  subscription: { label: 'a subscription', ended: 'unsubscribed', name: 'subscription' },
  observer: { label: 'an observer', ended: 'disconnected', name: 'observer' },
};

/**
 * A start that hands back its handle (a timer, a watcher, a Subscription, an observer): it leaks
 * when the handle is dropped or kept in a local that is never ended, returned or stored.
 */
export function judgeHandle(judge: Judge): Leak | undefined {
  const { context, start, fn } = judge;
  const call = start.node;
  const signalOption = start.call?.signalOption;
  const options = signalOption === undefined ? undefined : optionsArgument(call, signalOption);
  if (optionsMayCarrySignal(options) && !handsOnlyOutlivingSignal(options, judge.blind)) return undefined;
  if (start.kind === 'rxSubscription' && !rxSubscriptionMayLeak(judge)) return undefined;
  if (start.kind === 'eventsIterator' && isForAwaitSource(call)) return undefined;
  const endFunction = start.call?.endFunction;
  if (endFunction && calledNames(context).has(endFunction)) return undefined;
  const method = start.object && objectApiOf(context, start.object.kind)?.starts[start.object.method];
  // A subscription on an object this function made dies with it: judged on that object instead.
  if (start.kind === 'subscription' && start.object) {
    const owner = targetOwner(context, start.object.target, judge.scope, { outerOutlives: judge.repetition });
    if (owner.owner !== 'outlives') return undefined;
  }
  const ends = startEnds(context, start);
  if (!ends) return undefined;
  const fate = handleFate(context, call, ends, judge.blind?.abortListeners);
  const words = handleWords[start.kind];
  const label = start.call?.label ?? method?.label ?? words?.label ?? 'something long-lived';
  if (fate.fate === 'ended') return undefined;
  if (fate.fate === 'handedOver') return judgeOverwrite(judge, ends, `starts ${label}`);
  let end: EndPlan | undefined;
  if (signalOption !== undefined && call.type === AST_NODE_TYPES.CallExpression) {
    end = { kind: 'passSignal', call, optionsIndex: signalOption };
  } else if (!endFunction) {
    end = handleEndPlan(call, fate, ends.fix, words?.name ?? 'handle');
  }
  return makeLeak(context, start, fn, {
    action: `starts ${label}`,
    why:
      fate.fate === 'dropped'
        ? `its handle is dropped, so nothing can end it once ${describeFunction(fn)} returns`
        : `\`${fate.variable.name}\` is never ${words?.ended ?? 'ended'}, returned or stored, so it outlives each call of ${describeFunction(fn)}`,
    end,
  });
}

/** `{ signal: shutdown.signal }` where `shutdown.signal` outlives the judged code. */
function handsOnlyOutlivingSignal(options: TSESTree.Node | undefined, blind: SignalEnds | undefined): boolean {
  const inner = options && skipTypeWrappers(options);
  if (!blind || inner?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const signal = findObjectProperty(inner, 'signal');
  return signal !== undefined && blind.optionValues.has(signal.value);
}

function isForAwaitSource(call: TSESTree.Node): boolean {
  const parent = call.parent;
  return parent?.type === AST_NODE_TYPES.ForOfStatement && parent.await && parent.right === call;
}
