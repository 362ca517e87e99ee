import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../estree';
import { findObjectProperty, isFunctionNode, isInside, skipTypeWrappers, stableReferenceText, staticMemberName, walk } from '../ast';
import type { Judge, Leak } from '../leak';
import { endSearchScope, makeLeak, ownerReasons } from '../leak';
import { targetOwner } from '../lifetime';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';

/**
 * `src.pipe(dest)` adds 'unpipe', 'error', 'close' and 'finish' listeners to `dest`, removed when
 * `src` ends. Into a destination that outlives the function and stays open (`{ end: false }`,
 * `process.stdout`), each call leaves its listeners, and `src` with them, whenever `src` fails
 * or is destroyed before it ends: unless it is unpiped (`finished(src, () => src.unpipe(dest))`).
 * `stream.pipeline` is the idiom that cleans up on every path; a destination that `pipe` ends
 * goes with its source.
 *
 * ```ts
 * export function record(req: IncomingMessage, log: Writable) {
 *   req.pipe(log, { end: false }); // ← stays on `log` if the client aborts
 * }
 * ```
 */
export function judgePipe(judge: Judge): Leak | undefined {
  const { context, start, fn } = judge;
  const source = start.object?.target;
  const call = start.node;
  const [destination, options] = call.arguments;
  if (!source || call.type !== AST_NODE_TYPES.CallExpression || !destination || destination.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const sourceText = stableReferenceText(source);
  const destinationText = stableReferenceText(destination);
  const facts = start.object && objectApiOf(context, start.object.kind)?.starts[start.object.method];
  const piping = facts?.piping;
  if (sourceText === undefined || destinationText === undefined || judge.inConstructor || !piping) return undefined;
  if (!(piping.neverEnded.includes(destinationText) || keepsDestinationOpen(options, piping.endOption))) return undefined;
  // A child process's output ends when the child exits, however it exits.
  if (source.type === AST_NODE_TYPES.MemberExpression && piping.endWithTheirProcess.includes(staticMemberName(source) ?? '')) return undefined;
  const owner = targetOwner(context, destination, judge.scope, { outerOutlives: judge.repetition });
  if (owner.owner !== 'outlives') return undefined;
  const within = endSearchScope(judge, owner) ?? judge.scope;
  const index = methodCallsByReceiver(context);
  if (facts.endWith !== undefined && findMethodCalls(index, sourceText, [facts.endWith], within).length > 0) return undefined;
  if (findMethodCalls(index, destinationText, piping.destinationEnds, within).length > 0) return undefined;
  if (handedOn(source, within)) return undefined;
  return makeLeak(
    context,
    start,
    fn,
    'pipeLeftOpen',
    { label: 'a pipe', target: destinationText, outlives: ownerReasons[owner.reason], source: sourceText },
    { end: undefined },
  );
}

/** `{ end: false }`: the destination is not ended when the source ends. */
function keepsDestinationOpen(options: TSESTree.Node | undefined, endOption: string): boolean {
  const inner = options && skipTypeWrappers(options);
  if (inner?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const end = findObjectProperty(inner, endOption);
  return end?.value.type === AST_NODE_TYPES.Literal && end.value.value === false;
}

/** The source is given to something that may end or unpipe it: `pipeline(src, …)`, `finished(src, …)`, `track(src)`. */
function handedOn(source: TSESTree.Node, within: TSESTree.Node): boolean {
  const text = stableReferenceText(source);
  let found = false;
  walk(within, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    if (node.arguments.some((argument) => !isFunctionNode(argument) && stableReferenceText(argument) === text && !isInside(argument, source))) found = true;
    return undefined;
  });
  return found;
}
