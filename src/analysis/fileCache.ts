import type { TSESLint } from '@typescript-eslint/utils';

/**
 * What the engine reads of a file: any rule's context, or a context the engine builds itself for
 * another file of the program when it follows a call there.
 */
export interface AnalysisContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly filename: string;
  /** The configuration's shared settings: `settings.leaks` extends the knowledge base. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** ESLint's working directory (`context.cwd`), where `settings.leaks` file paths start. */
  readonly cwd?: string;
}

/**
 * Wraps a per-file computation so it runs once per `SourceCode`, however many rules ask:
 * `const facts = perFile((context) => expensive(context)); facts(context)`.
 */
export function perFile<T>(compute: (context: AnalysisContext) => T): (context: AnalysisContext) => T {
  const cache = new WeakMap<object, T>();
  return (context) => {
    const key = context.sourceCode;
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(context);
    cache.set(key, value);
    return value;
  };
}
