// How the corpus is linted, shared by test/corpus/run.mjs and test/corpus/mutate.mjs: the built
// plugin, and the flat config for a package in a mode. Importing it runs nothing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { corpusDir } from './packages.mjs';

export const repoRoot = path.resolve(corpusDir, '..', '..');

// Tools come from the plugin's own devDependencies, never from the corpus (which has its own
// `typescript` as a peer of @trpc/server).
export const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));
export const tsParser = requireFromRepo('@typescript-eslint/parser');
const globals = requireFromRepo('globals');

/** The flat config for one package in one mode; `tsconfigs` is where the tsconfigs are. */
export function lintConfig(pkg, mode, tsconfigs) {
  const plugin = loadPlugin();
  const shared = plugin.configs[mode === 'typed' ? 'recommended-type-checked' : 'recommended'];
  const base = {
    plugins: shared.plugins,
    rules: shared.rules,
    // Corpus files carry their own eslint comments for rules that are not loaded here.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
  };
  if (pkg.language === 'ts')
    return [
      {
        ...base,
        name: `corpus/${pkg.name}/${mode}`,
        files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
        languageOptions: {
          parser: tsParser,
          ecmaVersion: 'latest',
          sourceType: 'module',
          globals: globals.node,
          parserOptions:
            mode === 'typed' ? { project: path.join(tsconfigs, pkg.tsconfig), tsconfigRootDir: tsconfigs } : {},
        },
      },
    ];
  return [
    {
      ...base,
      name: `corpus/${pkg.name}/${mode}`,
      files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
      languageOptions: { ecmaVersion: 'latest', sourceType: pkg.sourceType, globals: globals.node },
    },
    { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
}

let pluginCache;
export function loadPlugin() {
  if (pluginCache) return pluginCache;
  const entry = path.join(repoRoot, 'dist', 'src', 'index.js');
  if (!existsSync(entry)) {
    console.error('dist/src/index.js is missing: run `npm run build` first (or `npm run corpus`).');
    process.exit(1);
  }
  // Strict: an internal error must fail this run, not be skipped with a warning as it is for users.
  process.env.ESLINT_PLUGIN_LEAKS_STRICT = '1';
  pluginCache = requireFromRepo(entry);
  return pluginCache;
}

