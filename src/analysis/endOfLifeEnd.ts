import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import { endOfLifeEvents, endOfLifeHandlerProperties, listenerMethods, oneShotListenerMethods } from './apis';
import type { FunctionNode } from './ast';
import { enclosingFunction, methodCallParts, staticMemberName, stableReferenceText } from './ast';

/**
 * Whether an end of a handle (`use`, its receiver) is written in a handler of that same handle's
 * end of life (it fails, or the other side closes it), so it runs only once the handle is ending
 * anyway: a handle that works and stays open is never ended there.
 *
 * ```js
 * socket.onerror = () => socket.close();        // → true for `socket` in `socket.close()`
 * conn.on('error', () => conn.destroy());       // → true
 * conn.on('end', () => conn.destroy());         // → true: only once the peer has ended its side
 * conn.on('message', () => conn.destroy());     // → false: a message is no end of life
 * ```
 */
export function endsOnlyAtItsEnd(use: TSESTree.Node): boolean {
  const handle = stableReferenceText(use);
  const handler = enclosingFunction(use);
  if (handle === undefined || !handler) return false;
  const target = endOfLifeTarget(handler);
  return target !== undefined && stableReferenceText(target) === handle;
}

/**
 * The object whose end of life `handler` is registered for (it fails, or the other side closes
 * it), or `undefined` when it handles no such event.
 *
 * ```js
 * socket.onerror = () => …;               // → socket
 * conn.on('close', () => …);              // → conn
 * conn.on('message', () => …);            // → undefined
 * ```
 */
export function endOfLifeTarget(handler: FunctionNode): TSESTree.Node | undefined {
  const registration = handler.parent;
  // `socket.onerror = function () { … }`: an EventTarget's handler property for such an event.
  if (registration.type === AST_NODE_TYPES.AssignmentExpression && registration.right === handler && registration.left.type === AST_NODE_TYPES.MemberExpression) {
    const property = staticMemberName(registration.left);
    return property !== undefined && endOfLifeHandlerProperties.has(property) ? registration.left.object : undefined;
  }
  // `conn.on('error', () => { … })`, `conn.once('close', …)`, `socket.addEventListener('error', …)`.
  const parts = methodCallParts(registration);
  if (!parts || !(listenerMethods.has(parts.method) || oneShotListenerMethods.has(parts.method))) return undefined;
  const [event, listener] = (registration as TSESTree.CallExpression).arguments;
  const endOfLife = listener === handler && event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && endOfLifeEvents.has(event.value);
  return endOfLife ? parts.target : undefined;
}
