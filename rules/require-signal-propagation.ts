import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../src/analysis/estree';
import { enclosingFunction, methodCallParts, shortText } from '../src/analysis/ast';
import { abortedEarlierInFunction, inCleanupPath } from '../src/analysis/cleanupPath';
import { describeFunction, findLeak } from '../src/analysis/findLeak';
import { importedName } from '../src/analysis/imports';
import { combinedWithSignal, endedOnAbort, racedAgainstAbort, waitsForCloseEndedOnAbort } from '../src/analysis/racedAgainstAbort';
import { pauseUnderOwnDeadline } from '../src/analysis/pauseUnderOwnDeadline';
import { pauseThenQuietAbort } from '../src/analysis/pauseThenQuietAbort';
import { removedByHand } from '../src/analysis/removedByHand';
import { signalUnread } from '../src/analysis/unreadSignal';
import { findSignalInScope, mayHaveSignal, signalDeadAfterTeardown } from '../src/analysis/signalInScope';
import { endedByItsConsumer, endedWithItsRun, loneArgumentMayBeOptions, optionsAreKnownObject, signalIsGiven, signalParameterOf } from '../src/analysis/signalParameter';
import { createRule } from '../src/createRule';
import { giveSignal } from '../src/fix/giveSignal';
import { listenedWhereMade } from '../src/analysis/listenedWhereMade';

export type MessageIds = 'missingSignal' | 'missingSignalByName' | 'passSignal' | 'passSignalUnheard';

type AllowEntry = string | { from: 'package'; package: string; name: string };
export type Options = [{ allow?: AllowEntry[] }];

export default createRule<Options, MessageIds>({
  name: 'require-signal-propagation',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require passing the AbortSignal in scope to calls that accept one',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      missingSignal:
        '`{{call}}` takes an AbortSignal but is not given `{{signal}}`, so aborting {{owner}} does not stop it.',
      missingSignalByName:
        '`{{call}}` takes an AbortSignal but is not given `{{signal}}` (one by its name only), so aborting {{owner}} may not stop it.',
      passSignal: 'Pass `{{signal}}` to `{{call}}`.',
      passSignalUnheard:
        "Pass `{{signal}}` to `{{call}}`, and listen for the '{{event}}' its abort emits on what it returns: nothing here does, and an unheard '{{event}}' crashes the process.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            description:
              'Calls that deliberately run detached from the signal in scope: a callee as written (`"fetch"`, `"audit.flush"`), or an export of a package (`{ "from": "package", "package": "undici", "name": "request" }`).',
            items: {
              oneOf: [
                { type: 'string', minLength: 1 },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['from', 'package', 'name'],
                  properties: {
                    from: { type: 'string', enum: ['package'] },
                    package: { type: 'string', minLength: 1 },
                    name: { type: 'string', minLength: 1 },
                  },
                },
              ],
            },
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow = [] }]) {
    // Cheap pre-filter: a file that never mentions a signal has none in scope.
    if (!mayHaveSignal(context.sourceCode.text)) return {};

    return {
      CallExpression(call) {
        if (!enclosingFunction(call) || isAllowed(call) || inCleanupPath(context, call)) return;
        // The signal first: it is cached per scope, while a call's signature is a type query.
        const signal = findSignalInScope(context, call);
        // A teardown that has aborted the signal's controller already would fail the call with it.
        if (!signal || abortedEarlierInFunction(call, signal.text)) return;
        const parameter = signalParameterOf(context, call);
        if (!parameter || signalIsGiven(context, call, parameter, signal.text) || endedByItsConsumer(context, call)) return;
        if (racedAgainstAbort(context, call, signal.text) || endedWithItsRun(context, call)) return;
        // A signal made here and then combined with the one in scope follows it through the combination.
        if (combinedWithSignal(context, call, signal.text)) return;
        // A pause under the function's own deadline, which it watches itself, ends before it matters.
        if (pauseUnderOwnDeadline(context, call, signal.text)) return;
        // A pause that ends by itself, right before a check of the signal that returns quietly: handed
        // the signal, it would reject where the author returns.
        if (pauseThenQuietAbort(context, call, signal.text)) return;
        // What the abort ends, or a wait the abort settles by ending its handle, needs no signal of its own.
        if (endedOnAbort(context, call, signal.text) || waitsForCloseEndedOnAbort(context, call, signal.text)) return;
        // A callee that never reads the signal it is typed to take would do the same with it.
        if (signalUnread(context, call, parameter)) return;
        // A listener left on a long-lived target is no-leaked-subscription's finding, with its own fix.
        if (findLeak(context, call)) return;
        // A listener the code removes itself, with the same function, has its end already.
        if (removedByHand(context, call)) return;
        const data = { call: shortText(context.sourceCode, call), signal: signal.text, owner: describeFunction(enclosingFunction(call)) };
        // A copy of a stream or controller with `signal` added would lose its methods, and options
        // added after a lone argument that may be the options already would be ignored: no fix then.
        const fix = optionsAreKnownObject(context, call, parameter) || loneArgumentMayBeOptions(context, call, parameter)
          ? undefined
          : (fixer: TSESLint.RuleFixer) => giveSignal(fixer, context.sourceCode, call, parameter, signal.text);
        // An abort that emits 'error' on a child nothing listens to would crash the process: offered
        // with that said, never written unattended.
        const unheard = parameter.kind === 'options' ? parameter.abortEmits : undefined;
        if (fix && unheard !== undefined && !listenedWhereMade(context, call, unheard)) {
          const messageId = signal.evidence === 'strong' ? 'missingSignal' : 'missingSignalByName';
          context.report({ node: call, messageId, data, suggest: [{ messageId: 'passSignalUnheard', data: { call: data.call, signal: data.signal, event: unheard }, fix }] });
        }
        // Only evidence earns a fix; a signal known by its name alone is offered, not written. So is
        // one a teardown aborts for good, which a restart would hand on already aborted.
        else if (signal.evidence === 'strong' && fix && signalDeadAfterTeardown(context, call, signal.text)) {
          context.report({ node: call, messageId: 'missingSignal', data, suggest: [{ messageId: 'passSignal', data, fix }] });
        } else if (signal.evidence === 'strong') context.report({ node: call, messageId: 'missingSignal', data, fix });
        else if (!fix) context.report({ node: call, messageId: 'missingSignalByName', data });
        else context.report({ node: call, messageId: 'missingSignalByName', data, suggest: [{ messageId: 'passSignal', data, fix }] });
      },
    };

    function isAllowed(call: TSESTree.CallExpression): boolean {
      if (allow.length === 0) return false;
      const callee = context.sourceCode.getText(call.callee);
      const root = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee;
      const imported = root.type === AST_NODE_TYPES.Identifier ? importedName(context.sourceCode, root) : undefined;
      const member = methodCallParts(call)?.method;
      return allow.some((entry) =>
        typeof entry === 'string'
          ? entry === callee
          : imported?.module === entry.package.replace(/^node:/, '') &&
            (imported.name === entry.name || (member === entry.name && ['*', 'default'].includes(imported.name))),
      );
    }
  },
});
