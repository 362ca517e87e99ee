import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { globalStarts } from './apis';
import { calleeName, enclosingFunction, findObjectProperty, isInside, skipTypeWrappers, staticString } from './ast';
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
  const timer = installs.length > 0 ? globalTimerName(context, call) : undefined;
  if (timer === undefined) return false;
  return installs.some((install) => {
    if (install.range[1] > call.range[0] || !fakes(install, timer)) return false;
    const around = enclosingFunction(install);
    if (!around) return true;
    if (isInside(call, around)) return true;
    // A callback handed to a setup hook (`beforeAll`, `beforeEach`): it counts where the hook is
    // registered, around the timer. Not a test's own body, whose clock is its own.
    const registration = around.parent;
    if (registration?.type !== AST_NODE_TYPES.CallExpression || !setupHooks.has(calleeName(registration) ?? '')) return false;
    const registeredIn = enclosingFunction(registration);
    return !registeredIn || isInside(call, registeredIn);
  });
}

/** Test runners' hooks that run before the tests (their fake clock stays for them). */
const setupHooks = new Set(['before', 'beforeAll', 'beforeEach']);

/**
 * Whether an install fakes `timer`: with no options, or options listing it (`{ toFake: ['setInterval'] }`,
 * node:test's `{ apis: ['setInterval'] }`) and not leaving it out (`doNotFake`). `{ toFake: ['Date'] }` does not.
 */
function fakes(install: TSESTree.Node, timer: string): boolean {
  const options = install.type === AST_NODE_TYPES.CallExpression ? install.arguments[0] : undefined;
  if (!options) return true;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const listed = (name: string): boolean | undefined => {
    const value = findObjectProperty(options, name)?.value;
    if (!value) return undefined;
    return value.type === AST_NODE_TYPES.ArrayExpression && value.elements.some((element) => element !== null && staticString(element) === timer);
  };
  const only = listed('toFake') ?? listed('apis');
  return only !== false && listed('doNotFake') !== true;
}

/** `setInterval` for `setInterval(…)` of the global scope, which a fake clock replaces (not `import { setInterval } from 'timers'`). */
function globalTimerName(context: AnalysisContext, call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !Object.hasOwn(globalStarts, callee.name)) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee);
  return !variable || variable.defs.length === 0 ? callee.name : undefined;
}
