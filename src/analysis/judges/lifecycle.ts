import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { stableReferenceText } from '../ast';
import type { EndCall, EndPlan } from '../endPlan';
import { handleEndCall } from '../endPlan';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import type { Leak } from '../leak';
import { makeLeak, ownerReasons } from '../leak';
import { targetOwner } from '../lifetime';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';
import { rxSubscriptionMayLeak } from '../rxjsFiniteness';
import { optionsArgument, optionsMayCarrySignal } from '../signalArguments';
import type { Teardown } from '../teardown';
import { storedOnThis, storedThroughFactory, teardownOf } from '../teardown';
import { startEnds } from './connection';
import { listenerLabel, startLabel } from './labels';

/**
 * A start in a class method judged against the class's lifecycle: what another method keeps on
 * `this` must be ended by the teardown (`stop`, `ngOnDestroy`, `componentWillUnmount`, …), and a
 * listener a constructor adds to something that outlives the instance must be removed.
 * `'fine'` when the lifecycle accounts for it, `undefined` when it does not apply.
 *
 * ```ts
 * class Poller {
 *   start() { this.timer = setInterval(poll, 1000); } // ← leak: stop() never clears it
 *   stop() { console.log('stopped'); }
 * }
 * ```
 */
export function judgeLifecycle(
  context: AnalysisContext,
  start: Start,
  method: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression },
): Leak | 'fine' | undefined {
  const body = method.parent as TSESTree.ClassBody;
  const teardown = teardownOf(context, body);
  if (teardown?.method === method) return undefined;
  if (method.kind === 'constructor' && start.kind === 'listener') return judgeConstructorListener(context, start, method);
  const stored = storedOnThis(start.node) ?? storedThroughFactory(start.node, method);
  if (!stored || !teardown) return undefined;
  if (teardown.reaches.has(stored.name) || !mayRunOn(context, start, method)) return 'fine';
  const ends = startEnds(context, start);
  const fn = method.value;
  const end: EndCall | undefined = ends && { ...handleEndCall({ node: stored.member }, ends.fix), ...(ends.fix.kind === 'method' && { optional: true }) };
  const plan: EndPlan | undefined = end && teardown.own ? { kind: 'inTeardown', teardown: teardown.method, end } : undefined;
  const label = startLabel(context, start);
  const member = `this.${stored.name}`;
  const base = inheritedFrom(teardown);
  return base === undefined
    ? makeLeak(context, start, fn, 'storedNotEnded', { label, member, teardown: teardown.name }, { end: plan })
    : makeLeak(context, start, fn, 'storedNotEndedInherited', { label, member, teardown: teardown.name, base }, { end: plan });
}

/** Whether the start, stored on `this`, would run until ended: not one made finite or given a signal. */
function mayRunOn(context: AnalysisContext, start: Start, method: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression }): boolean {
  const signalOption = start.call?.signalOption;
  if (signalOption !== undefined && optionsMayCarrySignal(optionsArgument(start.node, signalOption))) return false;
  if (start.kind === 'rxSubscription') {
    return rxSubscriptionMayLeak({ context, start, fn: method.value, scope: method.value, inConstructor: false, repetition: false });
  }
  return true;
}

/** A listener added once per instance to `process`, a global or a module's singleton, never removed. */
function judgeConstructorListener(
  context: AnalysisContext,
  start: Start,
  method: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression },
): Leak | 'fine' | undefined {
  const { object, listener } = start;
  if (!object || !listener || start.event === 'abort') return undefined;
  const call = start.node as TSESTree.CallExpression;
  const options = call.arguments[2];
  if (options && !(options.type === AST_NODE_TYPES.Literal && typeof options.value === 'boolean')) return undefined;
  const owner = targetOwner(context, object.target, method.value);
  // Listeners on parameters are judged by the target's lifetime, which the caller knows.
  if (owner.owner !== 'outlives' || owner.reason === 'parameter') return undefined;
  const targetText = stableReferenceText(object.target);
  const api = objectApiOf(context, object.kind);
  if (targetText === undefined || !api) return undefined;
  if (findMethodCalls(methodCallsByReceiver(context), targetText, api.removeListener, undefined).length > 0) return 'fine';
  return makeLeak(
    context,
    start,
    method.value,
    'listenerPerInstance',
    { label: listenerLabel(start.event), target: targetText, outlives: ownerReasons[owner.reason] },
    { end: undefined },
  );
}

/** `Service` when the teardown is inherited from it, `undefined` when the class has its own. */
function inheritedFrom(teardown: Teardown): string | undefined {
  return teardown.own ? undefined : (teardown.method.parent.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression).id?.name;
}
