#!/usr/bin/env node
/**
 * `eslint-plugin-leaks [paths…]`: the plugin's rules over a whole repository with no config,
 * through ESLint's own Node API. Finds the tsconfigs and lints their programs with type
 * information (`recommended-type-checked`), everything else without (`recommended`); shows each
 * defect once with its call path; `--changed`/`--since` lint the changed files and every file
 * that imports them, so a pre-commit hook stays fast and still sees a job broken by a helper.
 */
import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import * as path from 'node:path';
import type * as TypeScriptParser from '@typescript-eslint/parser';

import { changedSince, listSources, loadTypeScript, programFiles, typeScriptFile, withImporters } from './cliFiles';
import type { Finding } from './cliReport';
import { formatJson, formatStylish, groupDefects } from './cliReport';
import { formatSarif } from './cliSarif';
import plugin from './index';

const usage = `Usage: eslint-plugin-leaks [options] [paths…]

Lints the paths (default: the current directory) with eslint-plugin-leaks' recommended rules:
with type information for the files of every tsconfig.json found, without for the rest.

Options:
  --format stylish|json|sarif   output format (default: stylish)
  --changed <files…>            lint these files and every file that imports them, transitively
  --since <git-ref>             lint the files changed since <git-ref> and every file that imports them
  --no-progress                 no progress lines on stderr
  -h, --help                    this help
  -v, --version                 the version

Exit code: 0 no findings, 1 findings, 2 usage error or a file that could not be linted.
`;

interface Options {
  format: 'stylish' | 'json' | 'sarif';
  targets: string[];
  changed: string[] | undefined;
  since: string | undefined;
  progress: boolean;
}

class UsageError extends Error {}

/** The start of ESLint 10's message on an `eslint-env` comment, which it reports as fatal. */
const eslintEnvNotice = '/* eslint-env */';

function parseArguments(args: readonly string[]): Options | 'help' | 'version' {
  const options: Options = { format: 'stylish', targets: [], changed: undefined, since: undefined, progress: true };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const value = (): string => {
      const next = args[++index];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '--no-progress') options.progress = false;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const format = arg.includes('=') ? arg.slice('--format='.length) : value();
      if (format !== 'stylish' && format !== 'json' && format !== 'sarif') throw new UsageError(`Unknown format: ${format}`);
      options.format = format;
    } else if (arg === '--since' || arg.startsWith('--since=')) options.since = arg.includes('=') ? arg.slice('--since='.length) : value();
    else if (arg === '--changed') {
      options.changed ??= [];
      while (index + 1 < args.length && !(args[index + 1] ?? '').startsWith('-')) options.changed.push(args[++index] ?? '');
    } else if (arg === '--') {
      options.targets.push(...args.slice(index + 1));
      break;
    } else if (arg.startsWith('-')) throw new UsageError(`Unknown option: ${arg}`);
    else options.targets.push(arg);
  }
  if (options.targets.length === 0) options.targets.push('.');
  return options;
}

/** Progress on stderr for runs long enough to need it: one line per tenth, or a live line on a terminal. */
function progressReporter(enabled: boolean, total: number): (done: number) => void {
  if (!enabled || total < 200) return () => {};
  const live = process.stderr.isTTY;
  let shown = 0;
  return (done) => {
    if (live) process.stderr.write(`\reslint-plugin-leaks: ${done}/${total} files${done === total ? '\n' : ''}`);
    else if (done === total || done - shown >= total / 10) {
      shown = done;
      process.stderr.write(`eslint-plugin-leaks: ${done}/${total} files\n`);
    }
  };
}

/** The deepest directory that contains all of `dirs`: `['/r/a/b', '/r/a/c']` → `/r/a`. */
function commonAncestor(dirs: readonly string[]): string {
  const split = dirs.map((dir) => path.resolve(dir).split(path.sep));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length])) length++;
  return first.slice(0, length).join(path.sep) || path.sep;
}

export async function main(args: readonly string[], cwd = process.cwd()): Promise<number> {
  let options: Options | 'help' | 'version';
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`eslint-plugin-leaks: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${plugin.meta.version}\n`);
    return 0;
  }

  const targets = options.targets.map((target) => path.resolve(cwd, target));
  let files = listSources(targets);
  const typescript = loadTypeScript();
  if (options.changed || options.since !== undefined) {
    const changed = [
      ...(options.changed ?? []).map((file) => path.resolve(cwd, file)),
      ...(options.since === undefined ? [] : changedSince(options.since, cwd)),
    ];
    files = withImporters(files, changed, typescript);
  }
  const { covered, tsconfigs } = typescript ? programFiles(typescript, files) : { covered: new Set<string>(), tsconfigs: [] };
  const typed = files.filter((file) => covered.has(file));
  const untypedTs = files.filter((file) => !covered.has(file) && typeScriptFile.test(file));
  if (!typescript && untypedTs.length > 0) {
    process.stderr.write(
      `eslint-plugin-leaks: ${untypedTs.length} TypeScript file(s) skipped: no supported TypeScript (>=5.0.0 <6.1.0) is installed to parse them.\n`,
    );
    files = files.filter((file) => !typeScriptFile.test(file));
  }
  if (options.progress && tsconfigs.length > 0 && files.length >= 200) {
    process.stderr.write(`eslint-plugin-leaks: ${typed.length} file(s) with type information from ${tsconfigs.length} tsconfig(s)\n`);
  }

  // ESLint lints nothing outside its base path (it warns "outside of base path" and moves on), so
  // the base is above the current directory and every path asked for: `cli /tmp/x.js` run from a repo.
  const lintRoot = commonAncestor([cwd, ...targets]);
  const config: Linter.Config[] = [
    { name: 'eslint-plugin-leaks/cli/files', files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'] },
    // Directives in the code are for the project's own setup: not ours to judge.
    { name: 'eslint-plugin-leaks/cli/directives', linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  if (typescript) {
    // Only with a supported TypeScript: the parser loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsParser = require('@typescript-eslint/parser') as typeof TypeScriptParser;
    config.push({ name: 'eslint-plugin-leaks/cli/parser', languageOptions: { parser: tsParser } });
    if (typed.length > 0) {
      const typedFiles = new Set(typed);
      config.push({
        name: 'eslint-plugin-leaks/cli/type-information',
        // A function, not a list of paths: no glob to escape, and no cost per file that grows with the
        // list. ESLint 9 and 10 match `files` with @eslint/config-array, which takes functions; ESLint's
        // types only name strings.
        files: [(file: string) => typedFiles.has(path.resolve(lintRoot, file))] as unknown as string[],
        // The project service looks for each file's tsconfig up to this directory: above them all.
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: commonAncestor([lintRoot, ...tsconfigs.map((file) => path.dirname(file))]) } },
      });
    }
  }
  const leaks = plugin.configs[typed.length > 0 ? 'recommended-type-checked' : 'recommended'];
  config.push(leaks);
  const eslint = new ESLint({ cwd: lintRoot, overrideConfigFile: true, overrideConfig: config, errorOnUnmatchedPattern: false });

  const findings: Finding[] = [];
  const report = progressReporter(options.progress, files.length);
  const batch = 50;
  for (let start = 0; start < files.length; start += batch) {
    const results = await eslint.lintFiles(files.slice(start, start + batch));
    for (const result of results) {
      for (const message of result.messages) {
        // ESLint 10 flags an `eslint-env` comment as fatal, yet lints the file: a notice, not a file left unread.
        const unread = message.fatal === true && !message.message.startsWith(eslintEnvNotice);
        // ESLint's own notice that it left a file out ("File ignored …"): say so, never a silent pass.
        if (!unread && message.ruleId === null) process.stderr.write(`eslint-plugin-leaks: ${path.relative(cwd, result.filePath)}: ${message.message}\n`);
        if (!unread && !message.ruleId?.startsWith('leaks/')) continue;
        findings.push({
          file: result.filePath,
          // A file the parser could not read may come without a position.
          line: message.line ?? 1,
          column: message.column ?? 1,
          endLine: message.endLine,
          endColumn: message.endColumn,
          ruleId: unread ? null : message.ruleId,
          messageId: message.messageId,
          message: message.message,
          severity: message.severity === 2 ? 'error' : 'warning',
        });
      }
    }
    report(Math.min(start + batch, files.length));
  }

  const defects = groupDefects(findings, files, cwd);
  if (options.format === 'json') process.stdout.write(formatJson(defects, cwd, files.length));
  else if (options.format === 'sarif') {
    const rules = Object.entries(plugin.rules).map(([name, rule]) => ({
      id: `leaks/${name}`,
      description: rule.meta.docs?.description ?? name,
      url: rule.meta.docs?.url,
    }));
    process.stdout.write(formatSarif(defects, cwd, rules, plugin.meta.version));
  } else process.stdout.write(formatStylish(defects, cwd, files.length));
  if (findings.some((finding) => finding.ruleId === null)) return 2;
  return defects.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`eslint-plugin-leaks: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
