// The benchmark's corpus: which files of test/corpus/node_modules are linted, and how.
//
// The same packages and file selection as test/corpus/run.mjs (which owns the corpus and its
// tsconfigs), minus effect (half a million lines), in its two sets: the library set (rxjs, zod,
// @trpc/server and the JavaScript libraries) and the application set (daemons, queues,
// schedulers, realtime servers; JavaScript only). Shared by the parent (bench/run.mjs) and the
// children (bench/child.mjs), so both see the same files in the same order.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
  PACKAGES as CORPUS_PACKAGES,
  corpusDir,
  corpusModules,
  countLines,
  packageFiles,
  setOf,
  tsconfigDir,
} from '../test/corpus/packages.mjs';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export { corpusDir, corpusModules, tsconfigDir };

/** The two corpora: the library set (primitives) and the application set (issue 10: long-running code). */
export const SETS = ['library', 'application'];

/**
 * Every benchmarked package: the corpus without effect (half a million lines, untyped only in the
 * corpus run). Each belongs to one set (`setOf`).
 */
export const PACKAGES = CORPUS_PACKAGES.filter((pkg) => pkg.name !== 'effect');

/**
 * The typed suite of a set: the library set's packages with a tsconfig of the corpus
 * (rxjs, zod, @trpc/server); the application set, which ships JavaScript only, as one program
 * with `allowJs` (bench/tsconfigs/application.json).
 */
export const typedTsconfig = (pkg) =>
  pkg.tsconfig ? path.join(tsconfigDir, pkg.tsconfig) : setOf(pkg) === 'application' ? applicationTsconfig : undefined;
export const applicationTsconfig = path.join(import.meta.dirname, 'results', 'tmp', 'application.tsconfig.json');

/**
 * Writes the application set's tsconfig: the corpus's lenient base settings with `allowJs`, and
 * exactly the files the benchmark lints (so it never drifts from test/corpus/packages.mjs).
 */
export function writeApplicationTsconfig() {
  const files = PACKAGES.filter((pkg) => setOf(pkg) === 'application').flatMap((pkg) => packageFiles(pkg));
  const dir = path.dirname(applicationTsconfig);
  mkdirSync(dir, { recursive: true });
  const config = {
    extends: path.join(tsconfigDir, 'base.json'),
    compilerOptions: { allowJs: true, checkJs: false, noEmit: true },
    files: files.map((file) => path.relative(dir, file)),
  };
  const text = `${JSON.stringify(config, null, 2)}\n`;
  if (!existsSync(applicationTsconfig) || readFileSync(applicationTsconfig, 'utf8') !== text) writeFileSync(applicationTsconfig, text);
}

export { setOf };

export { countLines, packageFiles };

/**
 * The deterministic share of a package's files for scaling runs: of the sorted files, every
 * `denominator`-th one (1/4: files 0, 4, 8, ...; 1/2: 0, 2, 4, ...), so that 1/4 ⊂ 1/2 ⊂ all
 * and every share samples the whole package rather than its first directories.
 */
export const share = (files, denominator) => files.filter((_, i) => i % denominator === 0);

/**
 * `{ pkg, files }` for a suite of a set ('untyped': every package of the set; 'typed': those with
 * a typed program, see {@link typedTsconfig}).
 */
export function suiteFiles(suite, denominator = 1, set = 'library') {
  const packages = PACKAGES.filter((pkg) => setOf(pkg) === set && (suite !== 'typed' || typedTsconfig(pkg)));
  return packages.map((pkg) => ({ pkg, files: share(packageFiles(pkg), denominator) }));
}

/** Files and non-blank lines of a suite's share. */
export function suiteSize(suite, denominator = 1, set = 'library') {
  let files = 0;
  let lines = 0;
  for (const entry of suiteFiles(suite, denominator, set)) {
    files += entry.files.length;
    for (const file of entry.files) lines += countLines(readFileSync(file, 'utf8'));
  }
  return { files, lines };
}
