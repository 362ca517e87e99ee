// The benchmark's corpus: which files of test/corpus/node_modules are linted, and how.
//
// The same packages and file selection as test/corpus/run.mjs (which owns the corpus and its
// tsconfigs), minus effect (half a million lines; the corpus is rxjs, zod, @trpc/server
// and the JavaScript packages). Shared by the parent (bench/run.mjs) and the children
// (bench/child.mjs), so both see the same files in the same order.

import { readFileSync } from 'node:fs';
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

/**
 * The corpus's library set without effect (half a million lines, untyped only in the corpus run);
 * the application set (issue 10) is left out so the recorded figures stay comparable.
 */
export const PACKAGES = CORPUS_PACKAGES.filter((pkg) => pkg.name !== 'effect' && setOf(pkg) === 'library');

export const TYPED_PACKAGES = PACKAGES.filter((pkg) => pkg.tsconfig);

export { countLines, packageFiles };

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
