import type { TSESLint } from '@typescript-eslint/utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { rules } from '../rules/index';

/** The package's own name and version, read where it is installed (from `src/` or `dist/src/`). */
function readPackageMeta(): { name: string; version: string } {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const meta = JSON.parse(readFileSync(join(__dirname, relative), 'utf8')) as { name?: string; version?: string };
      if (meta.name === 'eslint-plugin-leaks' && meta.version) return { name: meta.name, version: meta.version };
    } catch {
      // not this one
    }
  }
  return { name: 'eslint-plugin-leaks', version: '0.0.0' };
}

type RuleName = keyof typeof rules;
type RuleEntries = Partial<Record<`leaks/${RuleName}`, 'error'>>;

/** Rule entries for a config, derived from each rule's `meta.docs`, never kept by hand. */
function ruleEntries(includeTypeChecked: boolean): RuleEntries {
  const entries: RuleEntries = {};
  for (const [name, rule] of Object.entries(rules) as [RuleName, (typeof rules)[RuleName]][]) {
    const docs = rule.meta.docs;
    if (!docs?.recommended) continue;
    if (docs.requiresTypeChecking && !includeTypeChecked) continue;
    entries[`leaks/${name}`] = 'error';
  }
  return entries;
}

const plugin = {
  meta: readPackageMeta(),
  rules,
  configs: {} as Record<'recommended' | 'recommended-type-checked', TSESLint.FlatConfig.Config>,
} satisfies TSESLint.FlatConfig.Plugin;

plugin.configs.recommended = {
  name: 'leaks/recommended',
  plugins: { leaks: plugin },
  rules: ruleEntries(false),
};
plugin.configs['recommended-type-checked'] = {
  name: 'leaks/recommended-type-checked',
  plugins: { leaks: plugin },
  rules: ruleEntries(true),
};

export = plugin;
