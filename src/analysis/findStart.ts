import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { CallStart, ObjectKind, StartKind } from './apis';
import type { CallLike } from './ast';
import { methodCallParts, skipTypeWrappers, staticString } from './ast';
import { ownClassStart } from './classResource';
import { isReturnDropped } from './droppedReturn';
import { factoryStart, mayCallFactory } from './factoryStart';
import { setUnderFakeClock } from './fakeTimers';
import type { AnalysisContext } from './fileCache';
import { trackedCalls } from './imports';
import { rearmedFunction, rearmsOnlyAtAnEnd } from './rearmingTimer';
import { isStartMethodName, objectApiOf } from './objectApi';
import { objectKindOf } from './objectKind';
import { isOpenedInFile } from './openedInFile';
import { mayConstructOwnClass } from './ownClass';
import { meetsStartCondition } from './startCondition';

/** A call that leaves something running after it returns. */
export interface Start {
  node: CallLike;
  kind: StartKind;
  /** For starts on an object: `sub.subscribe('x')` → ioredis, `sub`, `subscribe`. */
  object?: { kind: ObjectKind; target: TSESTree.Expression; method: string };
  /** For import-tracked functions and constructors: `setInterval`, `new Redis()`, `fs.watch`. */
  call?: CallStart;
  /** For listeners: the event name when static, and the listener argument. */
  event?: string;
  listener?: TSESTree.Node;
}

/**
 * The cheap pre-filter before `findStart`, by names and imports only: a start method's name
 * (`x.subscribe(…)`), an import-tracked call (`new Redis()`), or a call of a function written in
 * the file or imported from a relative path (`connectTo(host)`, which may hand back a start).
 */
export function mayBeStart(context: AnalysisContext, node: CallLike): boolean {
  const method = methodCallParts(node)?.method;
  if (method !== undefined && isStartMethodName(context, method)) return true;
  if (trackedCalls(context).has(node)) return true;
  return node.type === AST_NODE_TYPES.CallExpression ? mayCallFactory(context, node) : mayConstructOwnClass(context, node);
}

/**
 * Whether `node` starts something long-lived, and what:
 * `process.on('message', f)` → a listener on an emitter; `setInterval(f, 1000)` → an interval.
 * Calls whose method name matches but whose receiver is not known to be the right kind of
 * object (`store.subscribe(f)` on an unknown store) are not starts.
 */
export function findStart(context: AnalysisContext, node: TSESTree.Node): Start | undefined {
  return startAt(context, node, false);
}

/** {@link findStart} for a value a factory returns or a class keeps: it is the start asked about. */
function findReturnedStart(context: AnalysisContext, node: TSESTree.Node): Start | undefined {
  return startAt(context, node, true);
}

/** `new Cron(expr, job)`, `new Cron(expr, options, job)`: a last argument after the first that is not an options literal. */
function givenJob(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const argument = node.arguments.length > 1 ? node.arguments.at(-1) : undefined;
  const last = argument && skipTypeWrappers(argument);
  return last !== undefined && last.type !== AST_NODE_TYPES.ObjectExpression && !(last.type === AST_NODE_TYPES.Identifier && last.name === 'undefined');
}

function startAt(context: AnalysisContext, node: TSESTree.Node, returned: boolean): Start | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const tracked = trackedCalls(context).get(node);
  if (tracked?.start) {
    // `http.createServer(app)` holds nothing until something calls `listen()` on it.
    const openedBy = tracked.start.openedBy;
    if (openedBy && !isOpenedInFile(context, node, openedBy)) return undefined;
    // `setTimeout(f, ms)` runs once; only one that re-arms the function it is in runs on, and not
    // one that re-arms only when something fails or closes (a reconnect).
    if (tracked.start.onlyRearming) {
      const rearmed = rearmedFunction(context, node);
      if (!rearmed || rearmsOnlyAtAnEnd(node, rearmed)) return undefined;
    }
    // `new Agent()` keeps no socket; `new Agent({ keepAlive: true })` does.
    if (tracked.start.onlyWith && !meetsStartCondition(context, node, tracked.start.onlyWith)) return undefined;
    if (tracked.start.unlessWith && meetsStartCondition(context, node, tracked.start.unlessWith)) return undefined;
    if (tracked.start.onlyWithJob && !givenJob(node)) return undefined;
    if (setUnderFakeClock(context, node)) return undefined;
    return { node, kind: tracked.start.kind, call: tracked.start };
  }
  const parts = methodCallParts(node);
  if (!parts || !isStartMethodName(context, parts.method)) return startHandedBack(context, node, returned);
  const kind = objectKindOf(context, parts.target);
  if (!kind) return undefined;
  const methodStart = objectApiOf(context, kind)?.starts[parts.method];
  if (!methodStart) return undefined;
  if (methodStart.firstArgument) {
    const first = (node as TSESTree.CallExpression).arguments[0];
    const text = first && staticString(first);
    if (text === undefined || !methodStart.firstArgument.test(text)) return undefined;
  }
  if (methodStart.unlessWith && meetsStartCondition(context, node, methodStart.unlessWith)) return undefined;
  const start: Start = {
    node,
    kind: methodStart.kind,
    object: { kind, target: parts.target, method: parts.method },
  };
  if (methodStart.kind === 'listener') {
    const [event, listener] = (node as TSESTree.CallExpression).arguments;
    if (!event || !listener || listener.type === AST_NODE_TYPES.SpreadElement) return undefined;
    start.event = staticString(event);
    start.listener = listener;
  }
  return start;
}

/**
 * `connectTo(host)` where `connectTo` hands back a connection it opened, or `new Client(url)` of a
 * class of ours that holds one open until its `close()`: its caller's start.
 */
function startHandedBack(context: AnalysisContext, node: CallLike, returned: boolean): Start | undefined {
  // Returned or thrown as it is made: its caller's to end, not worth reading another file for
  // (a factory's own return is asked about by its callers, through findReturnedStart).
  if (!returned && passedStraightOut(context, node)) return undefined;
  const start =
    node.type === AST_NODE_TYPES.CallExpression ? factoryStart(context, node, findReturnedStart) : ownClassStart(context, node, findReturnedStart);
  // A class of ours that is opened by a method (`listen()`): a start only where this file calls it.
  if (start?.openedBy && !isOpenedInFile(context, node, start.openedBy)) return undefined;
  return start && { node, kind: start.kind, call: start };
}

/**
 * `return new Client(url)`, `() => connectTo(host)`, `throw new BusyError()`: the value leaves as
 * made, unless it leaves a scheduler's or listener's callback, whose caller drops it.
 */
function passedStraightOut(context: AnalysisContext, node: CallLike): boolean {
  let value: TSESTree.Node = node;
  while (value.parent?.type === AST_NODE_TYPES.AwaitExpression || (value.parent && skipTypeWrappers(value.parent) !== value.parent)) value = value.parent;
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ThrowStatement) return true;
  const returned = parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value);
  return returned && !isReturnDropped(context, value);
}
