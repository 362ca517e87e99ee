import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A consumer project that installs the package the way the README says until it is published:
// `npm pack`, then `npm install` of the .tgz, with ESLint 10, TypeScript 6 and typescript-eslint
// from the npm registry. Needs `npm run build` first and the registry (or npm's cache).

const root = path.join(__dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'ESLINT_PLUGIN_LEAKS_STRICT'));
}

describe('the packed package in a consumer project', () => {
  let consumer: string;
  const inConsumer = (command: string, args: string[]) =>
    spawnSync(command, args, { cwd: consumer, env: cleanEnv(), encoding: 'utf8', timeout: 240_000 });

  beforeAll(() => {
    consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-consumer-'));
    const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', consumer], { cwd: root, encoding: 'utf8' }).trim();
    fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    fs.mkdirSync(path.join(consumer, 'src'));
    fs.writeFileSync(path.join(consumer, 'src', 'cron.js'), "import { watch } from './watch.js';\n\nsetInterval(() => {\n  watch();\n}, 60_000);\n");
    fs.writeFileSync(path.join(consumer, 'src', 'watch.js'), 'export function watch() {\n  setInterval(() => {}, 1000);\n}\n');
    // A JavaScript job calling a TypeScript helper: followed through the TypeScript parser.
    fs.writeFileSync(path.join(consumer, 'src', 'tick.js'), "import { poll } from './poll.ts';\n\nsetInterval(() => {\n  poll();\n}, 60_000);\n");
    fs.writeFileSync(path.join(consumer, 'src', 'poll.ts'), 'export function poll(): void {\n  setInterval(() => {}, 1000);\n}\n');
    fs.writeFileSync(
      path.join(consumer, 'eslint.config.ts'),
      "import { defineConfig } from 'eslint/config';\nimport leaks from 'eslint-plugin-leaks';\n\nexport default defineConfig(leaks.configs.recommended, { plugins: { leaks } });\n",
    );
    fs.writeFileSync(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['eslint.config.ts'] }),
    );
    const install = inConsumer(npm, ['install', ...quiet, path.join(consumer, tarball), 'eslint@^10', 'typescript@~6.0.3', 'typescript-eslint@^8.72.0']);
    expect(install.stderr).toBe('');
    expect(install.status).toBe(0);
  }, 300_000);
  afterAll(() => fs.rmSync(consumer, { recursive: true, force: true }));

  it('shares one copy of typescript-estree with typescript-eslint', () => {
    const listed = inConsumer(npm, ['ls', '@typescript-eslint/typescript-estree', '--all', '--parseable']);
    expect(new Set(listed.stdout.trim().split('\n'))).toEqual(new Set([path.join(consumer, 'node_modules', '@typescript-eslint', 'typescript-estree')]));
  });

  it('typechecks defineConfig(leaks.configs.recommended) in eslint.config.ts', () => {
    const result = inConsumer(process.execPath, [path.join(consumer, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs `npx eslint-plugin-leaks`, with one grouped finding', () => {
    const result = inConsumer(npm, ['exec', '--offline', '--', 'eslint-plugin-leaks']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('path: src/cron.js:4:3 watch() → src/watch.js:2:3');
    expect(result.stdout).toContain('path: src/tick.js:4:3 poll() → src/poll.ts:2:3');
  });

  it('with TypeScript 7, follows calls into JavaScript files with ESLint\'s own parser, and warns once that TypeScript files are not followed', () => {
    const install = inConsumer(npm, ['install', ...quiet, '--legacy-peer-deps', 'typescript@7.0.2']);
    expect(install.status).toBe(0);
    const result = inConsumer(process.execPath, [
      path.join(consumer, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--no-config-lookup',
      '--plugin',
      'leaks',
      '--rule',
      'leaks/no-repeated-subscription: error',
      'src',
    ]);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('ESLINT_PLUGIN_LEAKS_TYPESCRIPT'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/TypeScript 7/);
    // cron.js → watch.js is still found; tick.js → poll.ts is what the warning says is lost.
    expect(result.stdout).toMatch(/cron\.js[\s\S]*leaks\/no-repeated-subscription/);
    expect(result.stdout).not.toContain('tick.js');
    expect(result.status).toBe(1);
  });
});
