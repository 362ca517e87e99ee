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
 * Creates a rule with its docs URL, and checks `settings.leaks` before it runs, so a bad
 * setting fails every lint with a clear message instead of silently doing nothing.
 */
export const createRule: typeof ruleCreator = (rule) =>
  ruleCreator({
    ...rule,
    create(context, options) {
      leaksSettings(context);
      return rule.create(context, options);
    },
  });
