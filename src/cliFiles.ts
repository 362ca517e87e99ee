import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ts from 'typescript';

import { typescriptProblem } from './analysis/otherFiles';

/** What the command lints: JavaScript and TypeScript sources, not declarations. */
const sourceFile = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const declarationFile = /\.d\.[cm]?ts$|\.d\.[^.]+\.ts$/;
export const typeScriptFile = /\.(?:[cm]?ts|tsx)$/;

export function isSource(file: string): boolean {
  return sourceFile.test(file) && !declarationFile.test(file);
}

/** TypeScript's JavaScript API when a supported version is installed where the parser finds it, else `undefined`. */
export function loadTypeScript(): typeof ts | undefined {
  try {
    const parserDir = path.dirname(require.resolve('@typescript-eslint/typescript-estree'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the copy the parser loads, only when there is one
    const typescript = require(require.resolve('typescript', { paths: [parserDir] })) as typeof ts;
    return typescriptProblem(typescript) ? undefined : typescript;
  } catch {
    return undefined;
  }
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/**
 * Source files under the targets (files or directories): those git tracks or would track (so
 * build output and `.gitignore`d files stay out) but for `node_modules`, or, outside a repository,
 * all but `node_modules` and hidden directories. `lintTargets(['src'])` → `['/repo/src/a.ts', …]`.
 */
export function listSources(targets: readonly string[]): string[] {
  const files = new Set<string>();
  for (const target of targets) {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) throw new Error(`No such file or directory: ${target}`);
    if (stat.isFile()) {
      files.add(path.resolve(target));
      continue;
    }
    const listed = git(target, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '.']);
    const top = listed === undefined ? undefined : git(target, ['rev-parse', '--show-toplevel'])?.trim();
    const sources = (listed ?? '')
      .split('\0')
      .filter(Boolean)
      .map((name) => path.join(top ?? '', name))
      // Untracked dependencies a repository forgot to ignore: ESLint would only say it skips them.
      .filter((file) => isSource(file) && !file.split(path.sep).includes('node_modules') && fs.existsSync(file));
    // Outside a repository, or a directory git ignores that was asked for by name: every file in it.
    if (top && sources.length > 0) for (const file of sources) files.add(file);
    else walk(path.resolve(target), files);
  }
  return [...files].sort();
}

function walk(dir: string, files: Set<string>): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files);
    else if (entry.isFile() && isSource(full)) files.add(full);
  }
}

/** The nearest `tsconfig.json` at or above `dir`, below the filesystem root. */
export function nearestTsconfig(dir: string, cache = new Map<string, string | undefined>()): string | undefined {
  if (cache.has(dir)) return cache.get(dir);
  const candidate = path.join(dir, 'tsconfig.json');
  const parent = path.dirname(dir);
  const found = fs.existsSync(candidate) ? candidate : parent === dir ? undefined : nearestTsconfig(parent, cache);
  cache.set(dir, found);
  return found;
}

/**
 * The files of every program the tsconfigs found for `files` describe (references followed):
 * the files the command lints with type information.
 */
export function programFiles(typescript: typeof ts, files: readonly string[]): { tsconfigs: string[]; covered: Set<string> } {
  const cache = new Map<string, string | undefined>();
  const tsconfigs = new Set<string>();
  for (const file of files) {
    const tsconfig = nearestTsconfig(path.dirname(file), cache);
    if (tsconfig) tsconfigs.add(tsconfig);
    if (path.basename(file) === 'tsconfig.json') tsconfigs.add(file);
  }
  const covered = new Set<string>();
  const seen = new Set<string>();
  const visit = (tsconfig: string): void => {
    if (seen.has(tsconfig)) return;
    seen.add(tsconfig);
    const parsed = parseTsconfig(typescript, tsconfig);
    for (const name of parsed?.fileNames ?? []) covered.add(path.resolve(name));
    for (const reference of parsed?.projectReferences ?? []) {
      visit(reference.path.endsWith('.json') ? reference.path : path.join(reference.path, 'tsconfig.json'));
    }
  };
  for (const tsconfig of tsconfigs) visit(tsconfig);
  return { tsconfigs: [...tsconfigs].sort(), covered };
}

function parseTsconfig(typescript: typeof ts, tsconfig: string): ts.ParsedCommandLine | undefined {
  return typescript.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...typescript.sys, onUnRecoverableConfigFileDiagnostic: () => {} }) ?? undefined;
}

/** Files changed since a git ref (committed, staged, unstaged and untracked), as absolute paths. */
export function changedSince(ref: string, cwd: string): string[] {
  const top = git(cwd, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) throw new Error(`--since needs a git repository: ${cwd} is not in one`);
  const diff = git(top, ['diff', '--name-only', '-z', ref, '--']);
  if (diff === undefined) throw new Error(`--since: git cannot compare with ${JSON.stringify(ref)}`);
  const untracked = git(top, ['ls-files', '-z', '--others', '--exclude-standard']) ?? '';
  return [...diff.split('\0'), ...untracked.split('\0')].filter(Boolean).map((name) => path.join(top, name));
}

const relativeExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** `./helper` or `./helper.js` from `from`: the source file it names, without TypeScript. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const withoutJs = base.replace(/\.[cm]?jsx?$/, '');
  const candidates = [
    base,
    ...relativeExtensions.map((extension) => withoutJs + extension),
    ...relativeExtensions.map((extension) => path.join(base, `index${extension}`)),
  ];
  return candidates.find((candidate) => fs.statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

const importPattern = /\b(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a file names: imports, re-exports, `require()` and `import()`. */
function specifiers(typescript: typeof ts | undefined, text: string): string[] {
  if (typescript) return typescript.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName);
  return [...text.matchAll(importPattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? '').filter(Boolean);
}

/**
 * The changed files plus every file that imports one of them, directly or through other files,
 * among `files`: what a partial run must lint so that a finding in an unchanged caller of a
 * changed helper is not missed. Imports are resolved as TypeScript resolves them (tsconfig
 * `paths` included) when it is installed, else relative imports only.
 *
 * `withImporters(['/r/cron.ts', '/r/helper.ts'], ['/r/helper.ts'])` → `['/r/cron.ts', '/r/helper.ts']`
 */
export function withImporters(files: readonly string[], changed: readonly string[], typescript: typeof ts | undefined): string[] {
  const importers = new Map<string, string[]>();
  const tsconfigCache = new Map<string, string | undefined>();
  const options = new Map<string, ts.CompilerOptions>();
  const optionsFor = (file: string): ts.CompilerOptions => {
    const tsconfig = typescript && nearestTsconfig(path.dirname(file), tsconfigCache);
    if (!typescript || !tsconfig) return {};
    let found = options.get(tsconfig);
    if (!found) options.set(tsconfig, (found = parseTsconfig(typescript, tsconfig)?.options ?? {}));
    return found;
  };
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const specifier of specifiers(typescript, text)) {
      const resolved = typescript
        ? typescript.resolveModuleName(specifier, file, optionsFor(file), typescript.sys).resolvedModule
        : undefined;
      const target =
        resolved && !resolved.isExternalLibraryImport ? path.resolve(resolved.resolvedFileName) : specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined;
      if (!target) continue;
      const list = importers.get(target);
      if (list) list.push(file);
      else importers.set(target, [file]);
    }
  }
  const known = new Set(files);
  const result = new Set<string>();
  const queue = changed.map((file) => path.resolve(file));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (result.has(file)) continue;
    if (known.has(file)) result.add(file);
    else if (!fs.existsSync(file)) continue;
    else result.add(file);
    for (const importer of importers.get(file) ?? []) if (!result.has(importer)) queue.push(importer);
  }
  return [...result].filter(isSource).sort();
}
