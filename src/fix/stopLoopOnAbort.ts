import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction } from '../analysis/ast';
import { AST_NODE_TYPES } from '../analysis/estree';
import { signalApi } from '../analysis/families/abortSignal';
import type { UnboundedLoop } from '../analysis/loops';
import { indentationOf } from './indentation';
import { passSignal } from './passSignal';

/**
 * Makes an endless loop stop when `signal` aborts: `while (true)` → `while (!signal.aborted)`,
 * `for (;;)` → `for (; !signal.aborted; )`, `while (running)` → `while (running && !signal.aborted)`;
 * an endless `for await` source and the loop's sleeps get `{ signal }`. An `optional` signal is
 * checked as `!signal?.aborted`, so callers that pass none keep the loop they had. A loop that
 * ends a function declared to return something (`Promise<never>`, `Promise<Job>`) is followed by
 * `throw signal.reason;`, so the function's end stays unreachable and it still compiles.
 */
export function stopLoopOnAbort(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  unbounded: UnboundedLoop,
  signal: string,
  { optional = false }: { optional?: boolean } = {},
): TSESLint.RuleFix[] {
  const { loop } = unbounded;
  const fixes: TSESLint.RuleFix[] = [];
  const check = `!${signal}${optional ? '?.' : '.'}${signalApi.aborted}`;
  if (loop.type === AST_NODE_TYPES.ForOfStatement) {
    if (unbounded.source) {
      const fix = passSignal(fixer, sourceCode, unbounded.source.call, unbounded.source.optionsIndex, signal);
      if (fix) fixes.push(fix);
    }
  } else if (loop.type === AST_NODE_TYPES.ForStatement && loop.test === null) {
    const afterInit = loop.init?.range[1] ?? loop.range[0];
    const semicolon = sourceCode
      .getTokens(loop)
      .find((token) => token.value === ';' && token.range[0] >= afterInit && token.range[1] <= loop.body.range[0]);
    if (!semicolon) return [];
    const next = sourceCode.getTokenAfter(semicolon);
    const bare = !loop.init && !loop.update && next?.value === ';';
    fixes.push(
      bare
        ? fixer.replaceTextRange([semicolon.range[0], next.range[1]], `; ${check}; `)
        : fixer.insertTextAfter(semicolon, ` ${check}`),
    );
  } else if (loop.test?.type === AST_NODE_TYPES.Identifier) {
    fixes.push(fixer.insertTextAfter(loop.test, ` && ${check}`));
  } else if (loop.test) {
    fixes.push(fixer.replaceText(loop.test, check));
  }
  for (const sleep of unbounded.sleeps) {
    const fix = passSignal(fixer, sourceCode, sleep.call, sleep.optionsIndex, signal);
    if (fix) fixes.push(fix);
  }
  if (fixes.length > 0 && loop.type !== AST_NODE_TYPES.ForOfStatement && endsFunctionWithResult(loop)) {
    fixes.push(fixer.insertTextAfter(loop, `\n${indentationOf(sourceCode, loop)}throw ${signal}${optional ? '?.' : '.'}${signalApi.reason};`));
  }
  return fixes;
}

/**
 * Whether the loop is the last statement of a function whose declared result does not admit
 * ending without a value: once the loop can stop, the function would reach its end.
 *
 * `async function f(): Promise<never> { while (true) {…} }` → true; `(): Promise<void>` → false.
 */
function endsFunctionWithResult(loop: TSESTree.Node): boolean {
  const fn = enclosingFunction(loop);
  const annotation = fn?.returnType?.typeAnnotation;
  if (!fn || !annotation || fn.generator || fn.body?.type !== AST_NODE_TYPES.BlockStatement || fn.body.body.at(-1) !== loop) return false;
  return !admitsNoValue(fn.async ? promisedType(annotation) : annotation);
}

/** `Promise<T>` → `T`; anything else is left as it is. */
function promisedType(annotation: TSESTree.TypeNode): TSESTree.TypeNode {
  const argument = annotation.type === AST_NODE_TYPES.TSTypeReference ? annotation.typeArguments?.params[0] : undefined;
  return argument ?? annotation;
}

/** `void`, `undefined`, `any`, `unknown`, or a union with one of them: a function may end without a value. */
function admitsNoValue(type: TSESTree.TypeNode): boolean {
  if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.some(admitsNoValue);
  return [
    AST_NODE_TYPES.TSVoidKeyword,
    AST_NODE_TYPES.TSUndefinedKeyword,
    AST_NODE_TYPES.TSAnyKeyword,
    AST_NODE_TYPES.TSUnknownKeyword,
  ].includes(type.type);
}
