import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../src/analysis/estree';
import type { CallLike } from '../src/analysis/ast';
import {
  containsAwait,
  enclosingFunction,
  enclosingStatement,
  isFunctionNode,
  isInside,
  referenceRoot,
  shortText,
} from '../src/analysis/ast';
import type { LeakScope } from '../src/analysis/findLeak';
import { withoutArticle } from '../src/analysis/leak';
import { judgeStart, judgeUntilOutlivingSignal } from '../src/analysis/findLeak';
import type { Start } from '../src/analysis/findStart';
import { findStart } from '../src/analysis/findStart';
import { isGuardedOnce } from '../src/analysis/guardedOnce';
import { mayConstructOwnClass } from '../src/analysis/ownClass';
import { readsOwnThis, repetitionAcrossElements, usesBindingDeclaredIn } from '../src/analysis/repetition';
import type { RepeatedScope } from '../src/analysis/repetition';
import { mayResolveCallee, resolveCallee } from '../src/analysis/resolveCallee';
import { mayReachStartInFile } from '../src/analysis/startHints';
import { findSignalInScope } from '../src/analysis/signalInScope';
import { describePath, signalEndingCall, summarizeCall } from '../src/analysis/summary';
import { createRule } from '../src/createRule';
import { endLeak } from '../src/fix/endLeak';
import { argumentsComputedPerRun, assignedSlotReadAfter, assignsSchedulerReceiver, hoistStatement, isWholeStatement, loopMovedOnByBody } from '../src/fix/hoistStatement';
import { canAddSignalParameter } from '../src/fix/addSignalParameter';
import { canEndWithPerRunController, threadSignalIntoCall } from '../src/fix/threadSignal';

export type MessageIds =
  | 'repeatedStart'
  | 'repeatedStartUntilSignal'
  | 'repeatedOverwrite'
  | 'repeatedCall'
  | 'repeatedCallUntilSignal'
  | 'hoist'
  | 'threadSignal';

export default createRule<[], MessageIds>({
  name: 'no-repeated-subscription',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow starting subscriptions, listeners, intervals, watchers and connections in code that runs again and again, directly or through the functions it calls',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      repeatedStart: '`{{code}}` runs {{every}} and leaves one more {{started}} running.',
      repeatedStartUntilSignal: '`{{code}}` runs {{every}} and leaves one more {{started}} running until `{{signal}}` aborts.',
      repeatedOverwrite: '`{{code}}` runs {{every}} and replaces `{{slot}}` without ending the one there.',
      repeatedCall: '`{{callee}}()` is called {{every}} and leaves one more {{started}} running: {{path}}.',
      repeatedCallUntilSignal:
        '`{{callee}}()` is called {{every}} and leaves one more {{started}} running until `{{signal}}` aborts: {{path}}.',
      hoist: 'Start it once, before {{scheduler}}.',
      threadSignal: 'Give `{{callee}}` a signal and end what it starts {{when}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!mayReachStartInFile(context)) return {};
    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      // A call that cannot be followed into a function matters only if it starts something: asked
      // first, as it is cheaper than the repetition around the call, unless it is a `new` of a
      // class of ours, whose start is read from the class's file (a parse).
      const followable = mayResolveCallee(context, node);
      const repetitionFirst = followable || (node.type === AST_NODE_TYPES.NewExpression && mayConstructOwnClass(context, node));
      const startFirst = repetitionFirst ? undefined : findStart(context, node);
      if (!repetitionFirst && !startFirst) return;
      const repeated = repetitionAcrossElements(context, node);
      if (!repeated) return;
      const start = repetitionFirst ? findStart(context, node) : startFirst;
      if (!followable && !start) return;
      if (start) {
        // `if (started) return; started = true;` in the repeated code: it starts this once.
        if (isFunctionNode(repeated.scope) && isGuardedOnce(context, repeated.scope, node)) return;
        const fn = isFunctionNode(repeated.scope) ? repeated.scope : enclosingFunction(node);
        const scope = { fn, scope: repeated.scope, inConstructor: false, repetition: true };
        const leak = judgeStart(context, start, scope);
        if (!leak) {
          reportUntilOutlivingSignal(node, start, scope, repeated);
          return;
        }
        const perRunSignal = perRunSignalAt(node, repeated);
        context.report({
          node: leak.node,
          ...(leak.reason === 'overwritten'
            ? { messageId: 'repeatedOverwrite', data: { code: leak.code, every: repeated.repetition.every, slot: leak.data.slot } }
            : { messageId: 'repeatedStart', data: { code: leak.code, every: repeated.repetition.every, started: withoutArticle(leak.label) } }),
          suggest: [
            ...hoistSuggestion(node, repeated),
            ...(perRunSignal && leak.end
              ? [
                  {
                    messageId: 'threadSignal' as const,
                    data: { callee: leak.code, when: `when \`${perRunSignal}\` aborts` },
                    fix: (fixer: TSESLint.RuleFixer) => endLeak(context, fixer, leak, perRunSignal),
                  },
                ]
              : []),
          ],
        });
        return;
      }
      // Cheap AST checks before any call is resolved or summarised.
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = resolveCallee(context, node);
      if (!callee) return;
      const summary = summarizeCall(context, node, callee);
      if (!summary) return;
      // The helper subscribes to what it is handed: a fresh object per repetition (made there, or
      // made by the call itself: `watch(new EventEmitter())`) dies with it.
      const handed = summary.parameterIndex === undefined ? undefined : node.arguments[summary.parameterIndex];
      if (summary.parameterIndex !== undefined && (!handed || !referenceRoot(handed) || usesBindingDeclaredIn(context, handed, repeated.scope))) return;
      // What it starts lives as long as its receiver, made in this repetition (`const w = new Worker(); w.watch()`): it goes with it.
      if (summary.onReceiver && node.callee.type === AST_NODE_TYPES.MemberExpression && usesBindingDeclaredIn(context, node.callee.object, repeated.scope)) return;
      const endingSignal = summary.untilSignal && signalEndingCall(context, node, summary.untilSignal, repeated.scope);
      if (endingSignal === 'perRun') return;
      if (endingSignal !== undefined && endingSignal !== 'none') {
        context.report({
          node: node.callee,
          messageId: 'repeatedCallUntilSignal',
          data: {
            callee: callee.name,
            every: repeated.repetition.every,
            started: withoutArticle(summary.leak.label),
            path: describePath(summary),
            signal: endingSignal,
          },
          suggest: hoistSuggestion(node, repeated),
        });
        return;
      }
      const perRunSignal = perRunSignalAt(node, repeated);
      // A per-run signal can be passed anywhere; a per-run controller only where the run awaits the work.
      const canThread =
        callee.context === context &&
        summary.via.length === 0 &&
        summary.leak.end !== undefined &&
        canAddSignalParameter(context, callee.fn) &&
        (perRunSignal !== undefined || canEndWithPerRunController(node, callee, summary.leak));
      context.report({
        node: node.callee,
        messageId: 'repeatedCall',
        data: {
          callee: callee.name,
          every: repeated.repetition.every,
          started: withoutArticle(summary.leak.label),
          path: describePath(summary),
        },
        suggest: [
          ...hoistSuggestion(node, repeated),
          ...(canThread
            ? [
                {
                  messageId: 'threadSignal' as const,
                  data: {
                    callee: callee.name,
                    when: perRunSignal ? `when \`${perRunSignal}\` aborts` : `when this ${repeated.repetition.unit} ends`,
                  },
                  fix: (fixer: TSESLint.RuleFixer) =>
                    threadSignalIntoCall(context, fixer, node, callee, summary.leak, perRunSignal),
                },
              ]
            : []),
        ],
      });
    }

    /** A start ended only when a signal that outlives the repetition aborts (a shutdown signal). */
    function reportUntilOutlivingSignal(node: CallLike, start: Start, scope: LeakScope, repeated: RepeatedScope): void {
      const ended = judgeUntilOutlivingSignal(context, start, scope);
      if (!ended) return;
      context.report({
        node: ended.leak.node,
        messageId: 'repeatedStartUntilSignal',
        data: {
          code: ended.leak.code,
          every: repeated.repetition.every,
          started: withoutArticle(ended.leak.label),
          signal: ended.signals[0]?.text ?? 'the signal',
        },
        suggest: hoistSuggestion(node, repeated),
      });
    }

    /** "Start it once, before the job": only when nothing the call uses is made by the repetition. */
    function hoistSuggestion(node: TSESTree.CallExpression | TSESTree.NewExpression, repeated: RepeatedScope) {
      const statement = enclosingStatement(node);
      const before = enclosingStatement(repeated.scheduler);
      const body = isFunctionNode(repeated.scope) ? repeated.scope.body : (repeated.scope as { body?: TSESTree.Node }).body;
      // Only a statement run unconditionally by each repetition, using nothing the repetition makes.
      if (
        statement?.type !== AST_NODE_TYPES.ExpressionStatement ||
        statement.parent !== body ||
        // A statement doing more with the call's result (`void sync().then(report)`) moves that work too.
        !isWholeStatement(node, statement) ||
        !before ||
        // Before a React effect is in the render, which runs at least as often as the effect.
        repeated.repetition.oncePerSchedulingCall === true ||
        // Before a decorated method (`@Cron(…) sync() {…}`) is its class, not a place to start things.
        repeated.scheduler.type === AST_NODE_TYPES.Decorator ||
        loopMovedOnByBody(repeated.scope) ||
        argumentsComputedPerRun(node) ||
        usesBindingDeclaredIn(context, statement, repeated.scope) ||
        readsOwnThis(statement, repeated.scope) ||
        assignedSlotReadAfter(statement, body) ||
        assignsSchedulerReceiver(statement, repeated.scheduler) ||
        // An `await` outside an async function would not compile where the statement moves to.
        (containsAwait(statement) && !enclosingFunction(before)?.async)
      ) {
        return [];
      }
      return [
        {
          messageId: 'hoist' as const,
          data: { scheduler: `\`${shortText(context.sourceCode, repeated.scheduler, 40)}\`` },
          fix: (fixer: TSESLint.RuleFixer) => hoistStatement(fixer, context.sourceCode, statement, before),
        },
      ];
    }

    /** A signal made for this one repetition (a per-run controller's, the job's own). */
    function perRunSignalAt(node: TSESTree.Node, repeated: RepeatedScope): string | undefined {
      const signal = findSignalInScope(context, node);
      return signal?.declaredAt && isInside(signal.declaredAt, repeated.scope) ? signal.text : undefined;
    }

    return { CallExpression: check, NewExpression: check };
  },
});
