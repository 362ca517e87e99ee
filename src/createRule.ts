import { ESLintUtils } from '@typescript-eslint/utils';

/** `meta.docs` of this plugin's rules; configs are derived from `recommended` and `requiresTypeChecking`. */
export interface LeaksRuleDocs {
  description: string;
  /** In the `recommended` config (and so in `recommended-type-checked`). */
  recommended?: boolean;
  /** Needs type information: only in `recommended-type-checked`. */
  requiresTypeChecking?: boolean;
}

export const repositoryUrl = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks';

export const createRule = ESLintUtils.RuleCreator<LeaksRuleDocs>(
  (name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`,
);
