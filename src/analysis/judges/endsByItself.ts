import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../estree';
import type { EndsByItself } from '../apis';
import { listenerMethods, oneShotListenerMethods } from '../apis';
import { staticMemberName, staticString } from '../ast';
import type { HandleFate } from '../handleFate';

/**
 * Whether a start that ends by itself when its work is done (a `Worker` whose script returns) is
 * left to do so: nothing keeps it waiting for more work, or the code waits for its end.
 *
 * ```ts
 * const worker = new Worker('./resize.js', { workerData: image }); // ends by itself
 * const worker = new Worker('./resize.js'); worker.postMessage(image); // ← waits for more, never ends
 * ```
 */
export function leftToEndByItself(fate: HandleFate, facts: EndsByItself): boolean {
  if (fate.fate !== 'kept') return true;
  let keptWaiting = false;
  for (const reference of fate.variable.references) {
    const use = reference.identifier;
    const parent = use.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use && parent.parent.type === AST_NODE_TYPES.CallExpression) {
      const method = staticMemberName(parent);
      if (method !== undefined && facts.keptWaitingBy.includes(method)) keptWaiting = true;
      if (method !== undefined && (listenerMethods.has(method) || oneShotListenerMethods.has(method)) && firesAtEnd(parent.parent.arguments[0], facts)) return true;
    }
    // `await once(worker, 'exit')`, `events.once(worker, 'exit')`
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === use && firesAtEnd(parent.arguments[1], facts)) return true;
  }
  return !keptWaiting;
}

function firesAtEnd(event: TSESTree.Node | undefined, facts: EndsByItself): boolean {
  const name = staticString(event);
  return name !== undefined && facts.endEvents.includes(name);
}
