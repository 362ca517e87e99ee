// The benchmark's corpus: which files of test/corpus/node_modules are linted, and how.
//
// The same packages and file selection as test/corpus/run.mjs (which owns the corpus and its
// tsconfigs), minus effect (half a million lines; the corpus is rxjs, zod, @trpc/server
// and the JavaScript packages). Shared by the parent (bench/run.mjs) and the children
// (bench/child.mjs), so both see the same files in the same order.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const corpusDir = path.join(repoRoot, 'test', 'corpus');
export const corpusModules = path.join(corpusDir, 'node_modules');
export const tsconfigDir = path.join(corpusDir, 'tsconfigs');

const TS_FILE = /\.(?:ts|mts|cts|tsx)$/;
const DECLARATION_FILE = /\.d\.(?:ts|mts|cts)$/;
const JS_FILE = /\.(?:js|mjs|cjs)$/;

/** TypeScript packages are linted untyped (A, B) and typed with their tsconfig (A', C, D). */
export const PACKAGES = [
  { name: 'rxjs', language: 'ts', include: ['src'], tsconfig: 'rxjs.json' },
  { name: 'zod', language: 'ts', include: ['src'], tsconfig: 'zod.json' },
  { name: '@trpc/server', language: 'ts', include: ['src'], tsconfig: 'trpc-server.json' },
  { name: 'bullmq', language: 'js', include: ['dist/esm'], sourceType: 'module' },
  { name: 'ioredis', language: 'js', include: ['built'], sourceType: 'commonjs' },
  { name: 'kafkajs', language: 'js', include: ['src'], sourceType: 'commonjs' },
  { name: 'nats', language: 'js', include: ['index.js', 'lib', 'examples'], sourceType: 'commonjs' },
  { name: 'mqtt', language: 'js', include: ['build'], sourceType: 'commonjs' },
  { name: '@nestjs/microservices', language: 'js', include: ['.'], sourceType: 'module' },
  { name: 'socket.io', language: 'js', include: ['dist', 'wrapper.mjs'], sourceType: 'commonjs' },
  { name: 'node-cron', language: 'js', include: ['dist'], exclude: /\.cjs$/, sourceType: 'module' },
  { name: 'cron', language: 'js', include: ['dist'], sourceType: 'commonjs' },
  { name: 'chokidar', language: 'js', include: ['.'], sourceType: 'module' },
];

export const TYPED_PACKAGES = PACKAGES.filter((pkg) => pkg.tsconfig);

/** Every file of a package that the corpus lints, sorted (as test/corpus/run.mjs selects them). */
export function packageFiles(pkg) {
  const root = path.join(corpusModules, pkg.name);
  const wanted = (file) =>
    pkg.language === 'ts'
      ? TS_FILE.test(file) && !DECLARATION_FILE.test(file)
      : JS_FILE.test(file) && !file.endsWith('.min.js') && !(pkg.exclude?.test(file) ?? false);
  const files = [];
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) {
        if (item.name !== 'node_modules') walk(full);
      } else if (item.isFile() && wanted(full)) files.push(full);
    }
  };
  for (const include of pkg.include) {
    const full = path.join(root, include);
    if (!existsSync(full)) throw new Error(`${pkg.name}: ${include} is missing in ${root}`);
    if (readdirSync(path.dirname(full), { withFileTypes: true }).find((d) => d.name === path.basename(full))?.isFile())
      files.push(full);
    else walk(full);
  }
  return [...new Set(files)].sort();
}

/** Lines that are not blank. */
export const countLines = (text) => text.split('\n').filter((line) => line.trim() !== '').length;

/**
 * The deterministic share of a package's files for scaling runs: of the sorted files, every
 * `denominator`-th one (1/4: files 0, 4, 8, ...; 1/2: 0, 2, 4, ...), so that 1/4 ⊂ 1/2 ⊂ all
 * and every share samples the whole package rather than its first directories.
 */
export const share = (files, denominator) => files.filter((_, i) => i % denominator === 0);

/** `{ pkg, files }` for a suite ('untyped': every package; 'typed': the tsconfig packages). */
export function suiteFiles(suite, denominator = 1) {
  const packages = suite === 'typed' ? TYPED_PACKAGES : PACKAGES;
  return packages.map((pkg) => ({ pkg, files: share(packageFiles(pkg), denominator) }));
}

/** Files and non-blank lines of a suite's share. */
export function suiteSize(suite, denominator = 1) {
  let files = 0;
  let lines = 0;
  for (const entry of suiteFiles(suite, denominator)) {
    files += entry.files.length;
    for (const file of entry.files) lines += countLines(readFileSync(file, 'utf8'));
  }
  return { files, lines };
}
