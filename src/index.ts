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

/** The plugin as a config names it: what ESLint's `Plugin` and typescript-eslint's `FlatConfig.Plugin` both accept. */
interface ConfigPlugin {
  meta: { name: string; version: string };
  // ESLint's and typescript-eslint's rule types differ in their context and listener types; both accept this.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rules: Record<string, { create(context: any): any }>;
}

/**
 * A flat config object, typed so that both ESLint's `defineConfig(leaks.configs.recommended)` and
 * typescript-eslint's `tseslint.config(...)` accept it in an `eslint.config.ts`.
 */
interface LeaksConfig {
  name: string;
  plugins: { leaks: ConfigPlugin };
  rules: Readonly<Record<string, 'error'>>;
}

/**
 * Each rule as typescript-eslint types it, which is also callable the way ESLint's own `Plugin`
 * type calls it: so `plugins: { leaks }` typechecks in an `eslint.config.ts` for either.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rules = { [Name in RuleName]: (typeof rules)[Name] & { create(context: any): any } };

const plugin = {
  meta: readPackageMeta(),
  rules: rules as Rules,
  configs: {} as Record<'recommended' | 'recommended-type-checked', LeaksConfig>,
} satisfies TSESLint.FlatConfig.Plugin;

plugin.configs.recommended = {
  name: 'leaks/recommended',
  plugins: { leaks: plugin },
  rules: ruleEntries(false),
};
/**
 * Also the rules that need type information (none yet). It does not turn type information on:
 * `parserOptions.projectService` here would be a fatal parse error in every setup that already
 * sets `parserOptions.project`, and type information needs a parser these configs do not choose.
 * The `eslint-plugin-leaks` command sets both up for you.
 */
plugin.configs['recommended-type-checked'] = {
  name: 'leaks/recommended-type-checked',
  plugins: { leaks: plugin },
  rules: ruleEntries(true),
};

export = plugin;
