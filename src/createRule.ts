import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';

import { leaksSettings } from './analysis/settings';

/** `meta.docs` of this plugin's rules; configs are derived from `recommended` and `requiresTypeChecking`. */
export interface LeaksRuleDocs {
  description: string;
  /** In the `recommended` config (and so in `recommended-type-checked`). */
  recommended?: boolean;
  /** Needs type information: only in `recommended-type-checked`. */
  requiresTypeChecking?: boolean;
}

export const repositoryUrl = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks';

const ruleCreator = ESLintUtils.RuleCreator<LeaksRuleDocs>((name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`);

/**
 * Tests, the corpus run and `ESLINT_PLUGIN_LEAKS_STRICT=1` let an internal error fail the lint;
 * everywhere else one bad file must not take the user's whole lint run down with it.
 */
const strict = process.env['ESLINT_PLUGIN_LEAKS_STRICT'] === '1' || process.env['VITEST'] !== undefined;

/**
 * Creates a rule with its docs URL; checks `settings.leaks` before it runs, so a bad setting
 * fails every lint with a clear message instead of silently doing nothing; and guards its
 * listeners, so an internal error skips the rest of that file with a warning instead of a crash.
 */
export const createRule: typeof ruleCreator = (rule) =>
  ruleCreator({
    ...rule,
    create(context, options) {
      leaksSettings(context);
      const listeners = rule.create(context, options);
      if (strict) return listeners;
      let failed = false;
      const guarded: TSESLint.RuleListener = {};
      for (const [selector, listener] of Object.entries(listeners)) {
        if (typeof listener !== 'function') continue;
        // Code path listeners take segments first and the node last: `(segment, node)`.
        guarded[selector] = (...args: unknown[]) => {
          if (failed) return;
          try {
            (listener as (...args: unknown[]) => void)(...args);
          } catch (error) {
            failed = true;
            const node = args.at(-1) as TSESTree.Node | undefined;
            process.emitWarning(
              `eslint-plugin-leaks: ${rule.name} skipped the rest of ${context.filename} after an internal error at line ${node?.loc?.start.line ?? '?'}: ${String(error)}. Please report it.`,
            );
          }
        };
      }
      return guarded;
    },
  });
