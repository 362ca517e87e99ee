// Lints the incident daemon with the built plugin (run `npm run build` first).
import tsParser from '@typescript-eslint/parser';

import leaks from '../../dist/src/index.js';

export default [
  {
    name: 'cronjob-daemon/typescript',
    files: ['**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  leaks.configs['recommended-type-checked'],
];
