import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');

// What a user writes in an `eslint.config.ts`, typechecked by tsc against the built package's
// declarations (`npm run build` first), with ESLint 10's and ESLint 9's types and typescript-eslint's.
const configs: Record<string, string> = {
  'eslint10.config.ts': `
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import leaks from 'eslint-plugin-leaks';

export default defineConfig(
  leaks.configs.recommended,
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true } } },
  leaks.configs['recommended-type-checked'],
  { plugins: { leaks }, rules: { 'leaks/no-unbounded-loop': 'error' } },
);
`,
  'eslint10-array.config.ts': `
import type { Linter } from 'eslint';
import leaks from 'eslint-plugin-leaks';

const config: Linter.Config[] = [leaks.configs.recommended, { plugins: { leaks } }];
export default config;
`,
  'eslint9.config.ts': `
import { defineConfig } from 'eslint9/config';
import leaks from 'eslint-plugin-leaks';

export default defineConfig(leaks.configs.recommended, { plugins: { leaks }, rules: { 'leaks/no-unbounded-loop': 'error' } });
`,
  'typescript-eslint.config.ts': `
import tseslint from 'typescript-eslint';
import leaks from 'eslint-plugin-leaks';

export default tseslint.config(leaks.configs['recommended-type-checked'], { plugins: { leaks } });
`,
};

describe('the configs in an eslint.config.ts', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-config-types-'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const [file, text] of Object.entries(configs)) fs.writeFileSync(path.join(dir, file), text);
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          paths: { 'eslint-plugin-leaks': [path.join(root, 'dist', 'src', 'index.d.ts')] },
        },
        include: ['*.ts'],
      }),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('typecheck with defineConfig (ESLint 9 and 10), Linter.Config[] and tseslint.config', () => {
    expect(fs.existsSync(path.join(root, 'dist', 'src', 'index.d.ts'))).toBe(true);
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], {
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
