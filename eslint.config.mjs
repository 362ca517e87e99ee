// Lints the plugin's own code. (The incident example has its own config in examples/cronjob-daemon.)
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const typeScriptFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];

export default defineConfig(
  globalIgnores(
    [
      'dist/',
      'coverage/',
      '.demo-fix/',
      'test/fixtures/',
      'test/corpus/',
      // Probe programs, leaky on purpose, linted by their own runner against their own packages.
      'test/probes/',
      'bench/results/',
      // Leaky on purpose: it is what `npm run demo` lints with the plugin.
      'examples/cronjob-daemon/',
    ],
    'leaks/ignores',
  ),

  {
    name: 'leaks/javascript',
    extends: [js.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: globals.node },
  },

  // CommonJS config files at the root (package.json says "type": "commonjs").
  {
    name: 'leaks/commonjs',
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  {
    name: 'leaks/typescript',
    files: typeScriptFiles,
    extends: [tseslint.configs.strict],
    rules: {
      // `_`-prefixed parameters and destructured leftovers are deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
    },
  },

  {
    // The utils index loads scope-manager and the whole of utils at plugin load (~80 ms, 200 modules):
    // values come from src/analysis/estree.ts, types from anywhere.
    name: 'leaks/light-imports',
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@typescript-eslint/utils', message: 'Import values from src/analysis/estree.ts.', allowTypeImports: true }] },
      ],
    },
  },

  {
    name: 'leaks/rules',
    files: ['rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
  },

  {
    name: 'leaks/tests',
    files: ['test/**/*.test.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
  },
);
