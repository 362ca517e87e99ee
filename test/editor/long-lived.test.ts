import { ESLint } from 'eslint';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { clearCaches } from '@typescript-eslint/typescript-estree';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index';

// An editor or a watch tool lints for hours in one process. A helper two calls down from a cron
// job is fixed (or broken) on disk: the next lint, with the same or a new ESLint instance, must
// see it. Written as an untyped and a typed project, each in its own temp directory.
//
// Typed, our caches live and die with the program. typescript-eslint's project service itself keeps
// the program it built for files that are not linted (it does not watch them): a new program,
// here by clearing its caches, as a restart of the editor's ESLint server or a new CLI run gives,
// is what brings the change in. Untyped, nothing needs clearing.

const root = path.join(__dirname, '..', '..');
const leakyWatch = 'export function watch() {\n  setInterval(() => {}, 1000);\n}\n';
// Fixed: the helper ends its interval itself (handing it back would only move the leak to `tick()`, which drops it).
const fixedWatch = 'export function watch() {\n  const timer = setInterval(() => {}, 1000);\n  clearInterval(timer);\n}\n';

function makeProject(typed: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-long-lived-'));
  const ext = typed ? 'ts' : 'js';
  fs.writeFileSync(
    path.join(dir, `daemon.${ext}`),
    "import cron from 'node-cron';\nimport { tick } from './jobs.js';\n\ncron.schedule('* * * * *', () => {\n  tick();\n});\n",
  );
  fs.writeFileSync(path.join(dir, `jobs.${ext}`), "import { watch } from './watch.js';\n\nexport function tick() {\n  watch();\n}\n");
  fs.writeFileSync(path.join(dir, `watch.${ext}`), leakyWatch);
  if (typed) {
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, noEmit: true, types: [] }, include: ['*.ts'] }),
    );
    fs.writeFileSync(path.join(dir, 'node-cron.d.ts'), "declare module 'node-cron' { const cron: { schedule(e: string, f: () => void): void }; export default cron; }\n");
  }
  return dir;
}

function makeESLint(dir: string, typed: boolean): ESLint {
  return new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: typed
      ? [
          { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: dir } } },
          plugin.configs['recommended-type-checked'],
        ]
      : [plugin.configs.recommended],
  });
}

async function findings(eslint: ESLint, file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
}

describe.each([false, true])('in one process (typed: %s)', (typed) => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject(typed);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sees a change two calls away with the same and a new ESLint instance', async () => {
    const ext = typed ? 'ts' : 'js';
    const daemon = `daemon.${ext}`;
    const watch = path.join(dir, `watch.${ext}`);
    const first = makeESLint(dir, typed);
    const reported = ['5:3 leaks/no-repeated-subscription'];
    expect(await findings(first, daemon)).toEqual(reported);

    const change = (text: string) => {
      fs.writeFileSync(watch, text);
      if (typed) clearCaches();
    };
    change(fixedWatch);
    expect(await findings(first, daemon)).toEqual([]);
    expect(await findings(makeESLint(dir, typed), daemon)).toEqual([]);

    change(leakyWatch);
    expect(await findings(first, daemon)).toEqual(reported);
    expect(await findings(makeESLint(dir, typed), daemon)).toEqual(reported);
  });

  // Fixed by a helper whose text names no start: it is not even parsed, and the caller's answer
  // must still be computed again when the start comes back.
  it('sees a start come back in a helper whose text named none', async () => {
    const ext = typed ? 'ts' : 'js';
    const daemon = `daemon.${ext}`;
    const watch = path.join(dir, `watch.${ext}`);
    const first = makeESLint(dir, typed);
    const reported = ['5:3 leaks/no-repeated-subscription'];
    const change = (text: string) => {
      fs.writeFileSync(watch, text);
      if (typed) clearCaches();
    };
    change(leakyWatch);
    expect(await findings(first, daemon)).toEqual(reported);
    change('export function watch() {\n  setTimeout(() => {}, 1000);\n}\n');
    expect(await findings(first, daemon)).toEqual([]);
    change(leakyWatch);
    expect(await findings(first, daemon)).toEqual(reported);
    expect(await findings(makeESLint(dir, typed), daemon)).toEqual(reported);
  });
});

describe('a thousand lints in one process', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject(false);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // A child process with --expose-gc, running the built plugin: heap after a full GC, measured
  // after a warm-up and again after a thousand more lints, each of which changes the helper on
  // disk (a new version to parse and summarise every time) and lints under a new configuration.
  // Not a timing test: heap and the cache's own byte counter only.
  const script = `
    const fs = require('node:fs');
    const path = require('node:path');
    const { Linter } = require(${JSON.stringify(require.resolve('eslint'))});
    const plugin = require('./dist/src/index.js');
    const { followedFilesCache } = require('./dist/src/analysis/otherFiles.js');
    const dir = process.argv[1];
    const daemon = path.join(dir, 'daemon.js');
    const text = fs.readFileSync(daemon, 'utf8');
    const linter = new Linter({ cwd: dir });
    let found = 0;
    const lint = (i) => {
      fs.writeFileSync(path.join(dir, 'watch.js'), 'export function watch() {\\n  setInterval(() => {}, ' + i + ');\\n}\\n');
      const config = [{ ...plugin.configs.recommended, settings: { leaks: { subscriptions: [] }, run: i } }];
      found += linter.verify(text, config, daemon).length;
    };
    const heap = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed; };
    for (let i = 0; i < 600; i++) lint(i);
    const before = heap();
    for (let i = 600; i < 1600; i++) lint(i);
    const after = heap();
    console.log(JSON.stringify({ before, after, found, cache: followedFilesCache() }));
  `;

  it('keeps the heap flat and the followed-file cache within its budget', () => {
    const result = spawnSync(process.execPath, ['--expose-gc', '-e', script, dir], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const { before, after, found, cache } = JSON.parse(result.stdout) as {
      before: number;
      after: number;
      found: number;
      cache: { files: number; bytes: number; budget: number };
    };
    // Every lint saw the leak: each version of the helper was read and followed.
    expect(found).toBe(1600);
    // Two files followed (jobs.js, watch.js), one version each.
    expect(cache.files).toBe(2);
    expect(cache.bytes).toBeLessThan(cache.budget);
    // After a warm-up (compiled code, ESLint's own caches), the heap moves by a few hundred KB
    // either way, up to 1.5 MB on a loaded machine (more code optimised late); a thousand
    // versions of the helper kept parsed would be over 5 MB.
    expect(after - before).toBeLessThan(2.5 * 1024 * 1024);
  });
});
