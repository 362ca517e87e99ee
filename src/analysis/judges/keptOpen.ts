import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from '../estree';
import type { ObjectApi } from '../apis';
import { isInside, referenceRoot, skipTypeWrappers, stableReferenceText } from '../ast';
import { onAbortPlan } from '../endPlan';
import type { Judge, Leak } from '../leak';
import { makeLeak } from '../leak';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { listenerLabel } from './labels';

/** An object kind that listening keeps open, with the method its fixes close it with. */
export type KeptOpenApi = ObjectApi & Required<Pick<ObjectApi, 'keptOpenBy' | 'fixClose'>>;

/**
 * A listener that keeps its own target open (a `MessagePort` refs itself while it has 'message'
 * listeners), on a target the function made: open, and the process alive, until one side of its
 * channel is closed. Legal when the function closes or unrefs it, removes the listener, or hands
 * the port on to an owner.
 *
 * ```ts
 * const { port1, port2 } = new MessageChannel();
 * worker.postMessage({ port: port2 }, [port2]);
 * port1.on('message', onProgress); // ← port1 stays open after each call
 * ```
 */
export function judgeKeptOpen(judge: Judge, api: KeptOpenApi): Leak | undefined {
  const { context, start, fn } = judge;
  const target = start.object?.target;
  const targetText = target && stableReferenceText(target);
  const root = target && referenceRoot(target);
  if (!target || targetText === undefined || root?.type !== AST_NODE_TYPES.Identifier || judge.inConstructor) return undefined;
  if (start.event === undefined || !api.keptOpenBy.events.includes(start.event)) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  const definition = variable?.defs[0];
  if (!variable || definition?.type !== 'Variable' || !isInside(definition.name, judge.scope) || !definition.node.init) return undefined;
  const init = skipTypeWrappers(definition.node.init);
  if (init.type !== AST_NODE_TYPES.NewExpression && init.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const index = methodCallsByReceiver(context);
  // Closing either side of a channel closes both.
  const siblings = siblingTexts(definition.node.id, root.name);
  if (findMethodCalls(index, targetText, [...api.keptOpenBy.endedBy, ...api.removeListener], judge.scope).length > 0) return undefined;
  if (siblings.some((sibling) => findMethodCalls(index, sibling, api.close, judge.scope).length > 0)) return undefined;
  if (variable.references.some((reference) => !reference.init && reference.identifier.type === AST_NODE_TYPES.Identifier && handsOn(reference.identifier, targetText))) return undefined;
  const end = onAbortPlan(start.node, { kind: 'method', receiver: { node: target }, method: api.fixClose.method, arguments: [], returnsPromise: api.fixClose.returnsPromise });
  return makeLeak(context, start, fn, 'keptOpen', { label: listenerLabel(start.event), target: targetText }, { end });
}

/** `const { port1, port2 } = …` → `port1`, `port2`; `const channel = …` → `channel.port1`, `channel.port2`. */
function siblingTexts(id: TSESTree.BindingName, rootName: string): string[] {
  if (id.type === AST_NODE_TYPES.ObjectPattern) {
    return id.properties.flatMap((property) =>
      property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier ? [property.value.name] : [],
    );
  }
  return [`${rootName}.port1`, `${rootName}.port2`];
}

/** A use of the port's binding other than calling its methods: returned, stored, passed or transferred. */
function handsOn(use: TSESTree.Identifier, targetText: string): boolean {
  let node: TSESTree.Node = use;
  // `channel.port1` stands for the port when the listener is on `channel.port1`.
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node && stableReferenceText(node) !== targetText) {
    node = node.parent;
  }
  if (stableReferenceText(node) !== targetText) return false;
  const parent = node.parent;
  return !(parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && parent.parent.type === AST_NODE_TYPES.CallExpression);
}
