import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { findLeak } from '../src/analysis/findLeak';
import { mayBeStart } from '../src/analysis/findStart';
import type { LeakReason } from '../src/analysis/leak';
import { defaultEntryFunctions } from '../src/analysis/lifetime';
import { mayStartInFile } from '../src/analysis/startHints';
import { findSignalInScope } from '../src/analysis/signalInScope';
import { createRule } from '../src/createRule';
import { canAddSignalParameter } from '../src/fix/addSignalParameter';
import { endLeak, endLeakWithNewSignalParameter } from '../src/fix/endLeak';
import { signalMayBeMissing } from '../src/fix/signalMayBeMissing';

export type MessageIds = LeakReason | 'addSignalParameter' | 'endOnSignal' | 'endOnSignalUnheard' | 'endInTeardown';
export type Options = [{ entryFunctions?: string[] }];

export default createRule<Options, MessageIds>({
  name: 'no-leaked-subscription',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow subscriptions, listeners, intervals, watchers and connections that outlive the function that starts them with nothing to end them',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      handleDropped: '`{{code}}` starts {{label}} and drops its handle: nothing can end it.',
      endFunctionNeverCalled: '`{{code}}` starts {{label}}, and nothing in this file calls `{{end}}()` to end it.',
      handleNotEnded: '`{{code}}` starts {{label}}, but `{{handle}}` is never {{ended}}, returned or stored.',
      connectionDropped: '`{{code}}` opens {{label}} and drops it: nothing can close it.',
      connectionNotClosed: '`{{code}}` opens {{label}}, but `{{handle}}` is never closed, returned or stored.',
      connectionInCallback: '`{{code}}` opens {{label}}, and its callback never closes, returns or stores it.',
      subscriptionConnectionNotClosed:
        '`{{code}}` starts {{label}} on `{{connection}}`, which is never closed, returned or stored.',
      notUnsubscribed: '`{{code}}` starts {{label}} on `{{target}}` ({{outlives}}), and nothing unsubscribes it.',
      listenerNotRemoved: '`{{code}}` adds {{label}} to `{{target}}` ({{outlives}}), and nothing removes it.',
      listenerRemovedWithNewFunction:
        '`{{code}}` adds {{label}} to `{{target}}` ({{outlives}}), but the removal on line {{line}} is handed a new function, which removes nothing.',
      listenerLeftByWaiter:
        '`{{code}}` adds {{label}} to `{{target}}` ({{outlives}}) while {{owner}} waits, and leaves it there {{when}}: each call leaves one more.',
      listenerPerInstance:
        '`{{code}}` adds {{label}} to `{{target}}` ({{outlives}}) for every instance, and nothing removes it.',
      storedNotEnded: '`{{code}}` is stored in `{{member}}`, but `{{teardown}}()` never ends it.',
      storedNotEndedInherited:
        '`{{code}}` is stored in `{{member}}`, but `{{teardown}}()`, inherited from `{{base}}`, never ends it.',
      entryMemberNotEnded: '`{{code}}` is stored in `{{member}}` of each entry of `{{collection}}`, and nothing in this file ends it.',
      storedOnlyCleared: '`{{code}}` is stored in `{{member}}`, but `{{release}}()` only clears it and never ends it.',
      storedDroppedOnEvent:
        "`{{code}}` is stored in `{{member}}`, but its '{{event}}' listener (line {{line}}) takes it out without ending it.",
      storedRestartable:
        '`{{code}}` is stored in `{{member}}`; `{{reset}}()` resets `{{flag}}` so `{{again}}()` can run again, and nothing ends it.',
      storedNoTeardown: '`{{code}}` is stored in `{{member}}`, but the component has no `{{teardown}}()` to end it when it goes.',
      storedRunsAgain: '`{{code}}` is stored in `{{member}}`, and `{{again}}()` runs again {{every}} without ending it.',
      abortListenerLeftOn: '`{{code}}` adds an \'abort\' listener to `{{target}}` ({{outlives}}) and leaves it there when {{settles}}.',
      keptOpen: '`{{code}}` adds {{label}} to `{{target}}`, which keeps it and the process alive, and nothing closes it.',
      pipeLeftOpen:
        '`{{code}}` pipes into `{{target}}` ({{outlives}}), left open: if `{{source}}` fails first, pipe()\'s listeners stay on it.',
      overwritten: '`{{code}}` is stored in `{{slot}}` without ending the one already there.',
      signalNeverAborted:
        '`{{code}}` is given `{{signal}}` to end {{label}}, but nothing ever aborts `{{controller}}`: it is never ended.',
      addSignalParameter: 'Add an optional `signal?: AbortSignal` parameter to {{owner}} and end this when it aborts.',
      endOnSignal: 'End this when `{{signal}}` aborts (if it is an AbortSignal: only its name says so).',
      endOnSignalUnheard:
        "End this when `{{signal}}` aborts, and listen for the '{{event}}' ending it may emit: nothing here does, and an unheard '{{event}}' crashes the process.",
      endInTeardown: 'End it in `{{teardown}}()` (if that ends the object: only its name says so).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          entryFunctions: {
            type: 'array',
            description:
              'Names of functions that run once for the whole program (like `main`), whose subscriptions are meant to live as long as it.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ entryFunctions: [...defaultEntryFunctions] }],
  },
  create(context, [{ entryFunctions = [...defaultEntryFunctions] }]) {
    // Cheapest first: a file whose text names no start method, start module or global start.
    if (!mayStartInFile(context)) return {};
    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      // Cheap name and import checks before any scope or type query.
      if (!mayBeStart(context, node)) return;
      const leak = findLeak(context, node, { entryFunctions });
      // A helper that forwards its caller's target, event and listener: the caller's to remove.
      if (!leak || leak.callerOwned) return;
      // Ending it in the class's own teardown needs no signal.
      const teardown = leak.end?.kind === 'inTeardown' ? leak.end : undefined;
      const inTeardown = teardown !== undefined;
      const endInTeardown = (fixer: TSESLint.RuleFixer) => endLeak(context, fixer, leak, '');
      const signal = leak.end && !inTeardown ? findSignalInScope(context, node) : undefined;
      const endOnSignal = signal
        ? (fixer: TSESLint.RuleFixer) => endLeak(context, fixer, leak, signal.text, { optional: signalMayBeMissing(context, signal) })
        : null;
      // A fix rests on a signal with evidence; one known by its name alone is only suggested. So is
      // an end that may emit an event nothing listens to (it would crash the process).
      const unheard = leak.end?.kind === 'onAbort' ? leak.end.unheard : undefined;
      const strong = signal?.evidence === 'strong' && unheard === undefined;
      context.report({
        node: leak.node,
        messageId: leak.reason,
        data: leak.data,
        // A teardown known by its name only is suggested; one that already ends something is fixed.
        fix: teardown ? (teardown.byNameOnly ? null : endInTeardown) : strong ? endOnSignal : null,
        suggest: [
          ...(teardown?.byNameOnly ? [{ messageId: 'endInTeardown' as const, data: { teardown: context.sourceCode.getText(teardown.teardown.key) }, fix: endInTeardown }] : []),
          ...(signal && endOnSignal && unheard !== undefined
            ? [{ messageId: 'endOnSignalUnheard' as const, data: { signal: signal.text, event: unheard }, fix: endOnSignal }]
            : signal && endOnSignal && !strong
              ? [{ messageId: 'endOnSignal' as const, data: { signal: signal.text }, fix: endOnSignal }]
              : []),
          ...(!signal && !inTeardown && leak.end && canAddSignalParameter(context, leak.fn)
            ? [
                {
                  messageId: 'addSignalParameter' as const,
                  data: { owner: leak.owner },
                  fix: (fixer: TSESLint.RuleFixer) => endLeakWithNewSignalParameter(context, fixer, leak),
                },
              ]
            : []),
        ],
      });
    }
    return { CallExpression: check, NewExpression: check };
  },
});
