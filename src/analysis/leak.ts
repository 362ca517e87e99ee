import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FunctionNode } from './ast';
import { enclosingClassBody } from './classMembers';
import { functionName, shortText } from './ast';
import type { EndPlan } from './endPlan';
import type { AnalysisContext } from './fileCache';
import type { Start } from './findStart';
import type { OutlivesReason } from './lifetime';
import type { SignalEnds } from './outlivingSignals';

/** A start that outlives the function that made it, with nothing to end it. */
export interface Leak {
  start: Start;
  /** The node to report. */
  node: TSESTree.Node;
  /** The function it is started in; `undefined` at module level (a loop there). */
  fn: FunctionNode | undefined;
  /** `subscribeNewTaskMsgIfAvailable` or a description of an anonymous function. */
  owner: string;
  /** "sub.subscribe('new-task')" */
  code: string;
  /** "starts a Redis subscription" */
  action: string;
  /** "`sub.subscribe('new-task')` starts a Redis subscription". */
  what: string;
  /** "the connection opened by `client.duplicate()` is never closed, returned or stored". */
  why: string;
  end: EndPlan | undefined;
  /** When what it subscribes to is the function's own parameter: which one (its caller decides whose object that is). */
  targetParameter?: number;
}

/** What a start must not outlive. */
export interface LeakScope {
  /** The function the start is written in (none at module level): named in messages, given the new parameter by suggestions. */
  fn: FunctionNode | undefined;
  /** What it must not outlive: that function, or one repetition of a loop body or scheduled callback. */
  scope: TSESTree.Node;
  inConstructor: boolean;
  /** In a repetition, anything declared outside `scope` outlives it, and ends must happen inside it. */
  repetition: boolean;
  /** Judge as if these signals never aborted: they outlive `scope`, so their abort is no end for it. */
  blind?: SignalEnds;
}

/** One start being judged against its scope: what every judge gets. */
export interface Judge extends LeakScope {
  context: AnalysisContext;
  start: Start;
}

/** Why a target outlives the function, for messages. */
export const ownerReasons: Readonly<Record<OutlivesReason, string>> = {
  parameter: 'a parameter',
  module: 'shared at module scope',
  global: 'a global',
  import: 'imported',
  outer: 'declared outside it',
  given: 'given to the object, not made by it',
};

/** Where an end must be found to count: inside the repetition, the function, the class that was given the target, or anywhere in the file. */
export function endSearchScope(judge: Judge, reason: OutlivesReason): TSESTree.Node | undefined {
  if (judge.repetition) return judge.scope;
  if (reason === 'given') return enclosingClassBody(judge.scope);
  return reason === 'parameter' ? judge.fn : undefined;
}

/** "`helper()`", "the function", "the module". */
export function describeFunction(fn: FunctionNode | undefined): string {
  if (!fn) return 'the module';
  const name = functionName(fn);
  return name === undefined ? 'the function' : `\`${name}()\``;
}

/** The leak a judge found, with the report's node and words. */
export function makeLeak(
  context: AnalysisContext,
  start: Start,
  fn: FunctionNode | undefined,
  details: { action: string; why: string; end: EndPlan | undefined; targetParameter?: number | undefined },
): Leak {
  const node = start.node.type === AST_NODE_TYPES.CallExpression ? start.node.callee : start.node;
  const code = shortText(context.sourceCode, start.node);
  const { targetParameter, ...rest } = details;
  return {
    start,
    node,
    fn,
    owner: describeFunction(fn),
    code,
    what: `\`${code}\` ${details.action}`,
    ...rest,
    ...(targetParameter !== undefined && { targetParameter }),
  };
}
