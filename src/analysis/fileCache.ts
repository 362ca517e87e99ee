import type { TSESLint } from '@typescript-eslint/utils';

/** Any rule's context: the engine answers the same questions for every rule. */
export type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Wraps a per-file computation so it runs once per `SourceCode`, however many rules ask:
 * `const facts = perFile((context) => expensive(context)); facts(context)`.
 */
export function perFile<T>(compute: (context: AnyRuleContext) => T): (context: AnyRuleContext) => T {
  const cache = new WeakMap<object, T>();
  return (context) => {
    const key = context.sourceCode;
    if (cache.has(key)) return cache.get(key)!;
    const value = compute(context);
    cache.set(key, value);
    return value;
  };
}
