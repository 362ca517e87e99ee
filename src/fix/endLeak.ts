import type { TSESLint } from '@typescript-eslint/utils';

import type { AnalysisContext } from '../analysis/fileCache';
import type { Leak } from '../analysis/findLeak';
import { withNewSignalParameter } from './addSignalParameter';
import { endInTeardown } from './endInTeardown';
import { endOnAbort } from './endOnAbort';
import { passSignal } from './passSignal';

/** Ends a leak with a signal already in scope: pass it where the API takes one, else end on `abort`. */
export function endLeak(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  leak: Leak,
  signal: string,
  options: { optional?: boolean } = {},
): TSESLint.RuleFix[] {
  const plan = leak.end;
  if (!plan) return [];
  if (plan.kind === 'inTeardown') return endInTeardown(context, fixer, plan);
  if (plan.kind === 'passSignal') {
    const fix = passSignal(fixer, context.sourceCode, plan.call, plan.optionsIndex, signal);
    return fix ? [fix] : [];
  }
  return endOnAbort(context, fixer, plan, signal, options);
}

/**
 * The suggestion when no signal is in scope: give the function an optional signal parameter, then
 * end the leak with it (`signal?.addEventListener('abort', …)`).
 */
export function endLeakWithNewSignalParameter(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  leak: Leak,
): TSESLint.RuleFix[] {
  if (!leak.fn) return [];
  return withNewSignalParameter(context, fixer, leak.fn, (signal) => endLeak(context, fixer, leak, signal, { optional: true }))?.fixes ?? [];
}
