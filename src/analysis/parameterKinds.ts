import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import type { ObjectKind } from './apis';
import type { FunctionNode } from './ast';
import { isFunctionNode } from './ast';
import type { AnalysisContext } from './fileCache';
import { constructionsOf, usesOf } from './lifetime';

/** Parameters taken, for the call being followed, to be of the kind of the argument it passes. */
const assumedKinds = new Map<TSESTree.Node, ObjectKind>();
/** Parameters whose call sites are being read: a function that passes its parameter to itself. */
const active = new Set<TSESTree.Node>();

/**
 * The kind of an untyped parameter from the calls that run its function, when this file shows every
 * one of them (the function is neither exported nor handed on) and each passes an argument of the
 * same known kind; or the kind of the argument of the call being followed (`withArgumentKinds`).
 * A provenance, never a name: a function exported to callers we cannot see, a parameter given
 * different kinds, or one reassigned in the body, has no kind.
 *
 * ```js
 * function listen(client, channel) { const sub = client.duplicate(); … } // `client`: an ioredis client
 * const redis = new Redis();
 * cron.schedule('* * * * *', () => listen(redis, 'x'));
 * ```
 *
 * @param kindOf the kind of an argument, in this file (injected: `objectKind` asks this module).
 */
export function callSiteParameterKind(
  context: AnalysisContext,
  fn: TSESTree.Node,
  parameter: TSESLint.Scope.Variable,
  kindOf: (argument: TSESTree.Node) => ObjectKind | undefined,
): ObjectKind | undefined {
  const name = parameter.defs[0]?.name;
  if (!name || !isFunctionNode(fn) || parameter.references.some((reference) => reference.isWrite())) return undefined;
  const assumed = assumedKinds.get(name);
  if (assumed) return assumed;
  const index = fn.params.indexOf(name as TSESTree.Parameter);
  if (index < 0 || active.has(name)) return undefined;
  // A constructor's parameter is what each `new` of its class passes: `new Reporter(bus)`.
  const constructions = constructionsOf(context, fn);
  const uses = constructions ? { calls: constructions, exported: false } : usesOf(context, fn);
  if (!uses || uses.exported || uses.calls.length === 0) return undefined;
  active.add(name);
  try {
    let kind: ObjectKind | undefined;
    for (const call of uses.calls) {
      const argument = argumentAt(call, index);
      const found = argument && kindOf(argument);
      if (!found || (kind !== undefined && found !== kind)) return undefined;
      kind = found;
    }
    return kind;
  } finally {
    active.delete(name);
  }
}

/** The argument a call passes at `index`, when no spread before it hides which one that is. */
export function argumentAt(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): TSESTree.Expression | undefined {
  for (const [position, argument] of call.arguments.entries()) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (position === index) return argument;
  }
  return undefined;
}

/**
 * Runs `compute` with `fn`'s plain parameters taken to be of the kinds a call passes them
 * (`kinds[i]` for the `i`-th; `undefined`: unknown). Answers computed meanwhile hold for that call
 * only: caches of answers that depend on kinds are bypassed while `isAssumingKinds()`.
 *
 * `listen(redis, 'x')` with `redis = new Redis()` → `listen`'s `client` is an ioredis client.
 */
export function withArgumentKinds<T>(fn: FunctionNode, kinds: readonly (ObjectKind | undefined)[], compute: () => T): T {
  const added: TSESTree.Node[] = [];
  for (const [index, parameter] of fn.params.entries()) {
    const kind = kinds[index];
    if (kind === undefined || parameter.type !== AST_NODE_TYPES.Identifier || assumedKinds.has(parameter)) continue;
    assumedKinds.set(parameter, kind);
    added.push(parameter);
  }
  try {
    return compute();
  } finally {
    for (const parameter of added) assumedKinds.delete(parameter);
  }
}

/** Whether some parameter's kind is taken from the call being followed: cached answers may not hold. */
export function isAssumingKinds(): boolean {
  return assumedKinds.size > 0;
}
