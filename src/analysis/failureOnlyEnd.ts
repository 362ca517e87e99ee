import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import { closedEvents, endOfLifeEvents, failureHandlerProperties, listenerMethods, oneShotListenerMethods } from './apis';
import { enclosingFunction, methodCallParts, staticMemberName, stableReferenceText } from './ast';

/** Events that fire only when an object fails: its end-of-life events that are not a close (`'error'`). */
const failureEvents: ReadonlySet<string> = new Set([...endOfLifeEvents].filter((event) => !closedEvents.has(event)));

/**
 * Whether an end of a handle (`use`, its receiver) is written in a handler of that same handle's
 * failure, so it runs only if the handle fails: a handle that works is never ended there.
 *
 * ```js
 * socket.onerror = () => socket.close();        // → true for `socket` in `socket.close()`
 * conn.on('error', () => conn.destroy());       // → true
 * conn.on('message', () => conn.destroy());     // → false: a message is no failure
 * ```
 */
export function endsOnlyOnItsFailure(use: TSESTree.Node): boolean {
  const handle = stableReferenceText(use);
  const handler = enclosingFunction(use);
  if (handle === undefined || !handler) return false;
  const registration = handler.parent;
  // `socket.onerror = function () { … }`: an EventTarget's handler property for the event.
  if (registration.type === AST_NODE_TYPES.AssignmentExpression && registration.right === handler && registration.left.type === AST_NODE_TYPES.MemberExpression) {
    const property = staticMemberName(registration.left);
    return property !== undefined && failureHandlerProperties.has(property) && stableReferenceText(registration.left.object) === handle;
  }
  // `conn.on('error', () => { … })`, `conn.once('error', …)`, `socket.addEventListener('error', …)`.
  const parts = methodCallParts(registration);
  if (!parts || !(listenerMethods.has(parts.method) || oneShotListenerMethods.has(parts.method))) return false;
  const [event, listener] = (registration as TSESTree.CallExpression).arguments;
  return (
    listener === handler &&
    event?.type === AST_NODE_TYPES.Literal &&
    typeof event.value === 'string' &&
    failureEvents.has(event.value) &&
    stableReferenceText(parts.target) === handle
  );
}
