import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { globalStarts } from './apis';
import { enclosingFunction, isInside, skipTypeWrappers } from './ast';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';
import { trackedCalls } from './imports';

/** The file's calls that put the global timers under a test's fake clock (`vi.useFakeTimers()`). */
const fakeClockInstalls = perFile((context): readonly TSESTree.Node[] =>
  [...trackedCalls(context)].flatMap(([call, tracked]) => (tracked.fakesTimers ? [call] : [])),
);

/**
 * Whether `call` sets a global timer (`setInterval(tick, 1000)`) after a test's fake clock replaced
 * the timers: made earlier in the same function or one around it (`beforeEach(() => { vi.useFakeTimers();
 * setInterval(…) })`), or in a callback registered before it there (`beforeAll(() => vi.useFakeTimers())`).
 * Such a timer is an entry of a clock the test runner throws away, not a timer the process keeps.
 */
export function setUnderFakeClock(context: AnalysisContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const installs = fakeClockInstalls(context);
  if (installs.length === 0 || !isGlobalTimer(context, call)) return false;
  return installs.some((install) => {
    if (install.range[1] > call.range[0]) return false;
    const around = enclosingFunction(install);
    if (!around) return true;
    if (isInside(call, around)) return true;
    // A callback handed to a hook: it counts where the hook is registered, around the timer.
    const registration = around.parent;
    const registeredIn = registration?.type === AST_NODE_TYPES.CallExpression ? enclosingFunction(registration) : undefined;
    return registration?.type === AST_NODE_TYPES.CallExpression && (!registeredIn || isInside(call, registeredIn));
  });
}

/** `setInterval(…)` of the global scope, which a fake clock replaces (not `import { setInterval } from 'timers'`). */
function isGlobalTimer(context: AnalysisContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !Object.hasOwn(globalStarts, callee.name)) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee);
  return !variable || variable.defs.length === 0;
}
