import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, isCompiledAsync } from '../src/analysis/ast';
import { recordCodePaths } from '../src/analysis/codePaths';
import { describeFunction } from '../src/analysis/findLeak';
import type { LoopNode, UnboundedLoop } from '../src/analysis/loops';
import { findSpinningCatches, findUnboundedLoop, loopPathNodeTypes } from '../src/analysis/loops';
import type { SignalInScope } from '../src/analysis/signalInScope';
import { findSignalInScope } from '../src/analysis/signalInScope';
import { mayAwaitInLoopInFile } from '../src/analysis/startHints';
import { createRule } from '../src/createRule';
import { canAddSignalParameter, withNewSignalParameter } from '../src/fix/addSignalParameter';
import { endSourceOnAbort } from '../src/fix/endSourceOnAbort';
import { rethrowWhenAborted, sleepsWithNode, waitBeforeRetry } from '../src/fix/retryAfterFailure';
import { signalMayBeMissing } from '../src/fix/signalMayBeMissing';
import { stopLoopOnAbort } from '../src/fix/stopLoopOnAbort';

export type MessageIds =
  | 'unboundedLoop'
  | 'unboundedLoopUntilFailure'
  | 'endlessSource'
  | 'neverAbortedLoop'
  | 'spinningCatch'
  | 'addSignalParameter'
  | 'stopOnSignal'
  | 'rethrowWhenAborted'
  | 'waitBeforeRetry';

export default createRule<[], MessageIds>({
  name: 'no-unbounded-loop',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow endless `await` loops that nothing can stop, and `catch` blocks that make them spin when their source fails',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unboundedLoop: '`{{head}}` awaits `{{awaited}}` forever: it has no exit and checks no signal or flag.',
      unboundedLoopUntilFailure:
        '`{{head}}` awaits `{{awaited}}` until it fails: its only exit rethrows a failure, and it checks no signal or flag.',
      endlessSource: '`{{head}}` waits on an endless source with no exit, and checks no signal or flag.',
      neverAbortedLoop:
        '`{{head}}` runs until `{{signal}}` aborts, but nothing ever aborts `{{controller}}`: the loop never stops.',
      spinningCatch: 'This `catch` retries at once: when the source fails for good, the loop spins at full speed.',
      addSignalParameter: 'Add an optional `signal?: AbortSignal` parameter to {{owner}} and stop the loop when it aborts.',
      stopOnSignal: 'Stop the loop when `{{signal}}` aborts (if it is an AbortSignal: only its name says so).',
      rethrowWhenAborted: 'Rethrow when `{{signal}}` has aborted, so an abort ends the loop.',
      waitBeforeRetry: 'Wait a second before retrying{{withSignal}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (!mayAwaitInLoopInFile(context)) return {};
    // Paths round a loop decide both questions: ESLint hands them over while it walks the file.
    const { paths, listeners } = recordCodePaths(loopPathNodeTypes);

    function check(loop: LoopNode): void {
      const unbounded = findUnboundedLoop(context, loop, paths);
      const spinning = findSpinningCatches(context, loop, paths);
      if (!unbounded && spinning.length === 0) return;
      // Compiled code (`__awaiter(…, function* () { … })`) is reported for its source's author; an edit here would be lost.
      const compiled = isCompiledAsync(enclosingFunction(loop));
      // Only now: with types, finding a signal asks for the types of the variables in scope.
      const signal = findSignalInScope(context, loop);
      const optional = signal !== undefined && signalMayBeMissing(context, signal);
      if (unbounded) reportUnbounded(unbounded, signal, optional, compiled);
      for (const { handler } of spinning) {
        context.report({
          node: handler,
          loc: context.sourceCode.getFirstToken(handler)?.loc ?? handler.loc,
          messageId: 'spinningCatch',
          suggest: compiled ? [] : [
            ...(signal
              ? [
                  {
                    messageId: 'rethrowWhenAborted' as const,
                    data: { signal: signal.text },
                    fix: (fixer: TSESLint.RuleFixer) => rethrowWhenAborted(context, fixer, handler, signal.text, { optional }),
                  },
                ]
              : []),
            {
              messageId: 'waitBeforeRetry' as const,
              // The platform-neutral wait a file that may run in a browser gets does not take the signal.
              data: { withSignal: signal && sleepsWithNode(context) ? ` (cut short when \`${signal.text}\` aborts)` : '' },
              fix: (fixer: TSESLint.RuleFixer) => waitBeforeRetry(context, fixer, handler, signal?.text),
            },
          ],
        });
      }
    }

    function reportUnbounded(unbounded: UnboundedLoop, signal: SignalInScope | undefined, optional: boolean, compiled: boolean): void {
      if (unbounded.neverAborted) {
        // Its own controller's signal is the one in scope: what is missing is an abort(), which only the author can place.
        const data = { head: unbounded.head, ...unbounded.neverAborted };
        context.report({ node: unbounded.loop, loc: headLocation(unbounded.loop), messageId: 'neverAbortedLoop', data });
        return;
      }
      const fn = enclosingFunction(unbounded.loop);
      // A callback's parameters belong to whoever calls it: no new parameter there.
      const canAddParameter = !compiled && canAddSignalParameter(context, fn);
      const stop = signal && !compiled ? (fixer: TSESLint.RuleFixer) => stopLoop(fixer, unbounded, signal.text, optional) : null;
      // A fix rests on a signal with evidence; one known by its name alone is only suggested.
      const strong = signal?.evidence === 'strong';
      context.report({
        node: unbounded.loop,
        loc: headLocation(unbounded.loop),
        ...(unbounded.awaited === undefined
          ? { messageId: 'endlessSource', data: { head: unbounded.head } }
          : {
              messageId: unbounded.leavesOnFailure ? 'unboundedLoopUntilFailure' : 'unboundedLoop',
              data: { head: unbounded.head, awaited: unbounded.awaited },
            }),
        fix: strong ? stop : null,
        suggest: [
          ...(signal && stop && !strong ? [{ messageId: 'stopOnSignal' as const, data: { signal: signal.text }, fix: stop }] : []),
          ...(!signal && canAddParameter
            ? [
                {
                  messageId: 'addSignalParameter' as const,
                  data: { owner: describeFunction(fn) },
                  // A parameter nothing uses would stop nothing.
                  fix: (fixer: TSESLint.RuleFixer) =>
                    withNewSignalParameter(context, fixer, fn, (name) => stopLoop(fixer, unbounded, name, true))?.fixes ?? [],
                },
              ]
            : []),
        ],
      });
    }

    /** Stops the loop on abort: its condition, its source's `{ signal }` and sleeps, or its source's end. */
    function stopLoop(fixer: TSESLint.RuleFixer, unbounded: UnboundedLoop, signal: string, optional: boolean): TSESLint.RuleFix[] {
      return [
        ...stopLoopOnAbort(fixer, context.sourceCode, unbounded, signal, { optional }),
        ...endSourceOnAbort(context, fixer, unbounded, signal, { optional }),
      ];
    }

    /** From the loop keyword to the end of its head: `while (true)`, not the whole body. */
    function headLocation(loop: LoopNode): TSESTree.SourceLocation {
      const end =
        loop.type === 'DoWhileStatement'
          ? context.sourceCode.getLastToken(loop, { filter: (token) => token.value === ')' })?.loc.end
          : context.sourceCode.getTokenBefore(loop.body)?.loc.end;
      const start = loop.type === 'DoWhileStatement' ? (context.sourceCode.getTokenAfter(loop.body)?.loc.start ?? loop.loc.start) : loop.loc.start;
      return { start, end: end ?? loop.loc.end };
    }

    return {
      ...listeners,
      'WhileStatement:exit': check,
      'DoWhileStatement:exit': check,
      'ForStatement:exit': check,
      'ForOfStatement:exit': check,
    };
  },
});
