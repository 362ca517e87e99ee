import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { isFunctionNode, methodCallParts, staticString } from './ast';
import { signalApi } from './families/abortSignal';

/**
 * Whether `node` runs in a cleanup path, where the signal may already have aborted and passing it
 * would cancel the cleanup: a `finally` block, an `abort` listener, an `onabort` handler.
 */
export function inCleanupPath(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.parent?.type === AST_NODE_TYPES.TryStatement && current.parent.finalizer === current) return true;
    if (isFunctionNode(current)) {
      const registration = current.parent;
      if (
        registration.type === AST_NODE_TYPES.CallExpression &&
        methodCallParts(registration)?.method === signalApi.addListener &&
        staticString(registration.arguments[0]) === signalApi.event
      ) {
        return true;
      }
      return registration.type === AST_NODE_TYPES.AssignmentExpression && sourceCode.getText(registration.left).endsWith(`.${signalApi.handlerProperty}`);
    }
  }
  return false;
}
