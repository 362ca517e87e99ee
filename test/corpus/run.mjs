// The corpus run (`npm run corpus`): the plugin on real code nobody here wrote.
//
// test/corpus/package.json pins packages that ship their sources (TypeScript: rxjs, zod,
// @trpc/server, effect; JavaScript: bullmq, ioredis, kafkajs, nats, mqtt, @nestjs/microservices,
// socket.io, node-cron, cron, chokidar). They are installed once, without install scripts, into
// test/corpus/node_modules, and never executed. Then, with the built plugin (dist/):
//
//   crash   lints every file with `recommended` (untyped) and, for rxjs, zod and @trpc/server,
//           with `recommended-type-checked` (tsconfigs/<pkg>.json). An exception thrown by a
//           rule fails the run, with the file and the stack. Parsing errors are counted and
//           listed, not failures.
//   report  the same lint, then a table per package, mode and rule (files, lines, findings,
//           findings per 10k lines) and every finding in results/findings.json.
//   fixes   copies the packages to a temp dir, applies all fixes (`fix: true`), and requires that
//           every fixed file still parses, that a second fix pass changes nothing, that every
//           suggestion applied alone still parses, that no fix or suggestion makes a listener
//           end on its own signal (`signal.addEventListener('abort', f, { signal })` never runs
//           f), and (rxjs, zod, @trpc/server) that `tsc` reports no error on the fixed copy that
//           it did not report before.
//
// The application set (packages.mjs, `set: 'application'`, issue 10) adds 20 packages of
// long-running code: pm2, nodemon, moleculer, bull, bee-queue, pg-boss, graphile-worker, agenda,
// node-schedule, toad-scheduler, ws, socket.io-client, graphql-ws, subscriptions-transport-ws,
// graphql-redis-subscriptions, amqp-connection-manager, pg-listen, webpack-dev-server,
// browser-sync, watchpack. The report step judges every finding by test/corpus/verdicts.json
// (real / false / debatable, read by hand), lists the unjudged and prints precision per set.
// Mutation recall on the same files is test/corpus/mutate.mjs (`npm run corpus:mutate`).
// The fresh set (`set: 'fresh'`) is application-like code added after the plugin was tuned on
// the two sets above: node-resque, @hocuspocus/server, bree, primus, faye, sockjs,
// @socket.io/redis-adapter, forever-monitor, cote, aedes, rascal. The second fresh set
// (`set: 'fresh2'`), added the same way later: @grpc/grpc-js (typed too), mysql2, amqplib, nsqjs,
// generic-pool, bottleneck, opossum, thread-stream.
//
// Flags: --step crash|report|fixes (repeatable or comma-separated; default: all three)
//        --package NAME            (repeatable or comma-separated; npm name, or trpc, nestjs, ...)
//        --set library|application|fresh|fresh2 only the packages of that set
//        --skip NAME               leave a package out (CI: --skip effect)
//        --add-unjudged            add a stub to verdicts.json for each unjudged finding
//        --keep                    keep the fixed copy (its path is printed)
// Exit code 1 on a rule exception, an unsafe fix or suggestion, or a new tsc error; 2 on bad usage.

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import {
  PACKAGES,
  corpusDir,
  corpusModules,
  countLines,
  ensureInstalled,
  packageFiles,
  setOf,
  tsconfigDir,
} from './packages.mjs';
import { lintConfig, loadPlugin, repoRoot, requireFromRepo, tsParser } from './lint.mjs';
import { addStubs, judge, precisionLine, verdictsFile } from './verdicts.mjs';

const resultsFile = path.join(corpusDir, 'results', 'findings.json');
const { ESLint, Linter } = requireFromRepo('eslint');
const tscBin = requireFromRepo.resolve('typescript/bin/tsc');

// ---------------------------------------------------------------------------------------------
// Command line.

function parseArgs(argv) {
  const options = { steps: [], packages: [], skip: [], sets: [], keep: false, addUnjudged: false };
  const lists = { '--step': options.steps, '--package': options.packages, '--skip': options.skip, '--set': options.sets };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') usage(0);
    if (flag === '--keep' && inline === undefined) {
      options.keep = true;
      continue;
    }
    if (flag === '--add-unjudged' && inline === undefined) {
      options.addUnjudged = true;
      continue;
    }
    const list = lists[flag];
    if (!list) usage(2, `unknown argument: ${argv[i]}`);
    const value = inline ?? argv[++i];
    if (value === undefined) usage(2, `${flag} needs a value`);
    list.push(...value.split(',').filter(Boolean));
  }
  for (const step of options.steps)
    if (!['crash', 'report', 'fixes'].includes(step)) usage(2, `unknown step: ${step}`);
  if (options.steps.length === 0) options.steps.push('crash', 'report', 'fixes');
  const find = (name) => {
    const names = (p) => [p.name, p.name.split('/').pop(), p.name.replace(/^@/, '').split('/')[0]];
    const pkg = PACKAGES.find((p) => names(p).includes(name));
    if (!pkg) usage(2, `unknown package: ${name} (one of ${PACKAGES.map((p) => p.name).join(', ')})`);
    return pkg;
  };
  for (const set of options.sets) if (!['library', 'application', 'fresh', 'fresh2'].includes(set)) usage(2, `unknown set: ${set}`);
  const chosen = (options.packages.length ? options.packages.map(find) : PACKAGES).filter(
    (p) => options.sets.length === 0 || options.sets.includes(setOf(p)),
  );
  const skipped = new Set(options.skip.map(find));
  return {
    steps: new Set(options.steps),
    packages: chosen.filter((p) => !skipped.has(p)),
    keep: options.keep,
    addUnjudged: options.addUnjudged,
  };
}

function usage(code, error) {
  if (error) console.error(`run.mjs: ${error}`);
  console.error(
    'usage: node test/corpus/run.mjs [--step crash|report|fixes]... [--package NAME]... [--skip NAME]... ' +
      '[--set library|application|fresh|fresh2]... [--keep] [--add-unjudged]',
  );
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// Helpers.

const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
const rel = (file) => path.relative(repoRoot, file);


const isParsingError = (message) => message.fatal && /^Parsing error\b/.test(message.message);
const isFinding = (message) => !message.fatal && message.ruleId?.startsWith('leaks/');

const modesOf = (pkg) => (pkg.tsconfig ? ['untyped', 'typed'] : ['untyped']);

function newESLint(pkg, mode, { cwd, tsconfigs, fix = false }) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    // The corpus lives in node_modules, which ESLint ignores by default.
    overrideConfig: [{ ignores: ['!**/node_modules/'] }, ...lintConfig(pkg, mode, tsconfigs)],
    fix,
  });
}

/**
 * Lints `files` one at a time, so that a rule that throws on one file is reported with its
 * file and stack and the others are still linted. Returns the results and the crashes.
 */
async function lintEach(eslint, files) {
  const results = [];
  const crashes = [];
  for (const file of files) {
    try {
      const [result] = await eslint.lintFiles([file]);
      const ignored = result.messages.find((m) => m.ruleId === null && /^File ignored\b/.test(m.message));
      if (ignored) throw new Error(`the corpus harness did not lint ${file}: ${ignored.message}`);
      for (const message of result.messages)
        if (message.fatal && !isParsingError(message))
          crashes.push({ file, error: `fatal message: ${message.message} (${message.line}:${message.column})` });
      results.push(result);
    } catch (error) {
      crashes.push({ file, error: error?.stack ?? String(error) });
    }
  }
  return { results, crashes };
}

/** Drops the TypeScript programs that typed linting built for a package (they are large). */
function dropPrograms() {
  tsParser.clearCaches?.();
}

// ---------------------------------------------------------------------------------------------
// Steps crash and report: lint every file in place.

async function lintCorpus(packages) {
  const runs = [];
  for (const pkg of packages) {
    const root = path.join(corpusModules, pkg.name);
    const files = packageFiles(pkg, root);
    const lines = files.reduce((sum, file) => sum + countLines(readFileSync(file, 'utf8')), 0);
    const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
    for (const mode of modesOf(pkg)) {
      const start = performance.now();
      const eslint = newESLint(pkg, mode, { cwd: corpusDir, tsconfigs: tsconfigDir });
      const { results, crashes } = await lintEach(eslint, files);
      if (mode === 'typed') dropPrograms();
      const findings = [];
      const parsingErrors = [];
      for (const result of results) {
        const file = path.relative(root, result.filePath);
        for (const message of result.messages) {
          if (isParsingError(message))
            parsingErrors.push({ file: `${file}:${message.line}:${message.column}`, message: message.message });
          else if (isFinding(message))
            findings.push({
              file: `${file}:${message.line}:${message.column}`,
              rule: message.ruleId.replace(/^leaks\//, ''),
              message: message.message,
              fix: Boolean(message.fix),
              suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
            });
        }
      }
      const time = (performance.now() - start) / 1000;
      const run = { pkg, version, mode, files: files.length, lines, findings, parsingErrors, crashes, time };
      runs.push(run);
      console.log(
        `  ${pkg.name}@${version} ${mode}: ${files.length} files, ${lines} lines, ${findings.length} findings, ` +
          `${parsingErrors.length} parsing errors, ${crashes.length} rule exceptions (${time.toFixed(1)} s)`,
      );
    }
  }
  return runs;
}

function printCrashes(runs) {
  let count = 0;
  for (const run of runs)
    for (const crash of run.crashes) {
      count++;
      console.log(`\nRULE EXCEPTION ${run.pkg.name} (${run.mode}) ${rel(crash.file)}\n${crash.error}`);
    }
  for (const run of runs)
    for (const error of run.parsingErrors)
      console.log(`  parsing error (not a failure): ${run.pkg.name} (${run.mode}) ${error.file} ${error.message}`);
  return count;
}

function printReport(runs) {
  const rules = Object.keys(loadPlugin().rules);
  const rows = [['package', 'mode', 'rule', 'files', 'lines', 'findings', 'per 10k lines']];
  const totals = new Map();
  for (const run of runs)
    for (const rule of rules) {
      const n = run.findings.filter((f) => f.rule === rule).length;
      rows.push([
        `${run.pkg.name}@${run.version}`,
        run.mode,
        rule,
        String(run.files),
        String(run.lines),
        String(n),
        ((n / run.lines) * 10_000).toFixed(2),
      ]);
      const key = `${setOf(run.pkg)}\0${run.mode}\0${rule}`;
      const total = totals.get(key) ?? { files: 0, lines: 0, n: 0 };
      totals.set(key, { files: total.files + run.files, lines: total.lines + run.lines, n: total.n + n });
    }
  for (const [key, total] of totals) {
    const [set, mode, rule] = key.split('\0');
    rows.push([
      `all ${set}`,
      mode,
      rule,
      String(total.files),
      String(total.lines),
      String(total.n),
      ((total.n / total.lines) * 10_000).toFixed(2),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => (i >= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w, i) => (i >= 3 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

/** Judges the findings (verdicts.json), lists the unjudged, and prints precision per set. */
function printVerdicts(runs, addUnjudged) {
  const { counts, unjudged } = judge(runs, setOf);
  for (const { run, finding } of unjudged)
    console.log(`  UNJUDGED ${run.pkg.name} (${run.mode}) ${finding.file} ${finding.rule}: ${finding.message}`);
  console.log('');
  for (const [set, count] of Object.entries(counts))
    console.log(`${set} set: ${count.findings} findings, ${precisionLine(count)}`);
  if (addUnjudged && unjudged.length)
    console.log(`Added stubs for the unjudged to ${rel(verdictsFile)} (${addStubs(unjudged)} entries): fill in verdict and reason`);
}

/** Writes results/findings.json; a run limited to some packages replaces only their entries. */
function writeFindings(runs) {
  let previous = { packages: [] };
  try {
    previous = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    // first run
  }
  const key = (entry) => `${entry.package}\0${entry.mode}`;
  const fresh = runs.map((run) => ({
    package: run.pkg.name,
    set: setOf(run.pkg),
    version: run.version,
    mode: run.mode,
    files: run.files,
    lines: run.lines,
    parsingErrors: run.parsingErrors,
    findings: [...run.findings].sort((a, b) => a.file.localeCompare(b.file, 'en', { numeric: true })),
  }));
  const replaced = new Set(fresh.map(key));
  const order = (entry) => PACKAGES.findIndex((p) => p.name === entry.package) * 2 + (entry.mode === 'typed' ? 1 : 0);
  const packages = [...previous.packages.filter((entry) => !replaced.has(key(entry))), ...fresh].sort(
    (a, b) => order(a) - order(b),
  );
  const plugin = loadPlugin();
  // Verdicts per set over the whole file (a run limited to some packages keeps the others').
  const verdicts = {};
  for (const entry of packages) {
    const count = (verdicts[entry.set ?? 'library'] ??= { findings: 0, real: 0, false: 0, debatable: 0, unjudged: 0 });
    for (const finding of entry.findings) {
      count.findings++;
      count[finding.verdict ?? 'unjudged']++;
    }
  }
  const json = {
    plugin: `${plugin.meta.name}@${plugin.meta.version}`,
    eslint: ESLint.version,
    typescript: requireFromRepo('typescript/package.json').version,
    verdicts,
    packages,
  };
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(json, null, 2)}\n`);
  const count = packages.reduce((sum, entry) => sum + entry.findings.length, 0);
  const size = Buffer.byteLength(JSON.stringify(json, null, 2));
  console.log(`\nWrote ${rel(resultsFile)}: ${count} findings, ${(size / 1024).toFixed(1)} KB`);
}

// ---------------------------------------------------------------------------------------------
// Step fixes: fix a copy, then check it.

/**
 * A temp dir laid out like test/corpus (tsconfigs/ beside node_modules/), where the packages
 * being fixed are copies and every other installed package is a symlink to the corpus.
 */
function makeCopy(packages) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'leaks-corpus-'));
  cpSync(tsconfigDir, path.join(root, 'tsconfigs'), { recursive: true });
  const copied = new Set(packages.map((p) => p.name));
  const link = (name) => {
    const target = path.join(root, 'node_modules', name);
    mkdirSync(path.dirname(target), { recursive: true });
    if (!copied.has(name)) return symlinkSync(path.join(corpusModules, name), target);
    // Only what is linted, and package.json.
    const pkg = packages.find((p) => p.name === name);
    for (const include of [...pkg.include, 'package.json'])
      cpSync(path.join(corpusModules, name, include), path.join(target, include), { recursive: true, dereference: true });
  };
  for (const entry of readdirSync(corpusModules, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@') && entry.isDirectory())
      for (const scoped of readdirSync(path.join(corpusModules, entry.name))) link(`${entry.name}/${scoped}`);
    else link(entry.name);
  }
  return root;
}

/** tsc's errors on a tsconfig, as a multiset keyed by file, code and message (no positions). */
function tscErrors(tsconfig, root) {
  const run = spawnSync(process.execPath, [tscBin, '-p', tsconfig, '--pretty', 'false'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const errors = new Map();
  let current;
  const add = () => {
    if (current) errors.set(current.key(), [...(errors.get(current.key()) ?? []), current.shown()]);
  };
  const normalize = (text) => text.split(root).join('<root>');
  for (const line of run.stdout.split('\n')) {
    const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (match) {
      add();
      const file = normalize(path.resolve(root, match[1]));
      const where = `${path.relative(root, path.resolve(root, match[1]))}:${match[2]}:${match[3]}`;
      const entry = { file, code: match[4], message: normalize(match[5]), where };
      entry.key = () => `${entry.file} ${entry.code} ${entry.message}`;
      entry.shown = () => `${entry.where} ${entry.code} ${entry.message}`;
      current = entry;
    } else if (current && /^\s+\S/.test(line)) current.message += `\n${normalize(line.trim())}`;
    else if (/error TS\d+/.test(line)) {
      add();
      const entry = { message: normalize(line) };
      entry.key = () => entry.message;
      entry.shown = () => entry.message;
      current = entry;
    }
  }
  add();
  if (run.status !== 0 && errors.size === 0) throw new Error(`tsc failed without errors:\n${run.stdout}${run.stderr}`);
  return errors;
}

/** Errors in `after` that `before` does not have (as many times as they are new). */
function newErrors(before, after) {
  const found = [];
  for (const [key, wheres] of after) {
    const had = before.get(key)?.length ?? 0;
    if (wheres.length > had) found.push(...wheres.slice(had));
  }
  return found;
}

/**
 * A listener that a fix made to end on the very signal it listens to:
 * `signal.addEventListener('abort', f, { signal })` removes `f` when `signal` aborts, before
 * 'abort' is dispatched, so `f` never runs. tsc cannot see it; this check can.
 */
const selfCancellingListener = {
  meta: { type: 'problem', schema: [], messages: { self: 'a listener on `{{target}}` that ends on `{{target}}` itself never runs' } },
  create(context) {
    // The text of an expression, seen through `const` aliases: `signal` after
    // `const signal = opts.signal` reads `opts.signal`.
    const text = (node, depth = 0) => {
      if (node.type === 'Identifier' && depth < 5) {
        let scope = context.sourceCode.getScope(node);
        while (scope) {
          const variable = scope.set.get(node.name);
          if (variable) {
            const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
            const declarator = definition?.node;
            if (definition?.type === 'Variable' && declarator.id.type === 'Identifier' && declarator.init &&
                definition.parent?.kind === 'const')
              return text(declarator.init, depth + 1);
            break;
          }
          scope = scope.upper;
        }
      }
      if (node.type === 'MemberExpression' && !node.computed && depth < 5)
        return `${text(node.object, depth + 1)}.${node.property.name}`;
      return context.sourceCode.getText(node);
    };
    return {
      CallExpression(node) {
        const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'addEventListener') return;
        const options = node.arguments[2];
        if (options?.type !== 'ObjectExpression') return;
        for (const property of options.properties)
          if (
            property.type === 'Property' &&
            !property.computed &&
            (property.key.name ?? property.key.value) === 'signal' &&
            text(property.value) === text(callee.object)
          )
            context.report({ node, messageId: 'self', data: { target: text(callee.object) } });
      },
    };
  },
};

/**
 * Parses `text` as `file` would be parsed in `pkg`, and checks it for listeners that end on
 * their own signal: `{ fatal, selfCancelling }` (a fatal message or undefined, and a count).
 */
function checkText(pkg, file, text) {
  // cwd: the file system root, so that `files` matches wherever the file is.
  const linter = new Linter({ configType: 'flat', cwd: path.parse(file).root });
  const ts = pkg.language === 'ts';
  const sourceType = ts || file.endsWith('.mjs') ? 'module' : file.endsWith('.cjs') ? 'commonjs' : pkg.sourceType;
  const config = {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    plugins: { corpus: { rules: { 'self-cancelling-listener': selfCancellingListener } } },
    rules: { 'corpus/self-cancelling-listener': 'error' },
    // The file's own eslint comments name rules that are not loaded here.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    languageOptions: { ecmaVersion: 'latest', sourceType, ...(ts ? { parser: tsParser } : {}) },
  };
  const messages = linter.verify(text, [{ ignores: ['!**/node_modules/'] }, config], { filename: file });
  const unmatched = messages.find(
    (m) => m.ruleId === null && !m.fatal && !/has no effect because you have 'noInlineConfig'/.test(m.message),
  );
  if (unmatched) throw new Error(`the corpus harness did not check ${file}: ${unmatched.message}`);
  return {
    fatal: messages.find((m) => m.fatal),
    selfCancelling: messages.filter((m) => m.ruleId === 'corpus/self-cancelling-listener').map((m) => m.line),
  };
}

/** `text` with an ESLint fix (one `{ range, text }`) applied. */
const applyFix = (text, fix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

/** A unified diff of a fixed file against its original text (diff(1), 3 lines of context). */
function unifiedDiff(original, file, label) {
  const before = `${file}.corpus-original`;
  writeFileSync(before, original);
  try {
    const run = spawnSync('diff', ['-u', '--label', `a/${label}`, '--label', `b/${label}`, before, file], {
      encoding: 'utf8',
    });
    return run.stdout || run.stderr;
  } finally {
    rmSync(before, { force: true });
  }
}

async function checkFixes(packages, keep) {
  const problems = [];
  const summaries = [];
  for (const mode of ['untyped', 'typed']) {
    const inMode = packages.filter((pkg) => modesOf(pkg).includes(mode));
    if (inMode.length === 0) continue;
    const root = makeCopy(inMode);
    const tsconfigs = path.join(root, 'tsconfigs');
    try {
      for (const pkg of inMode) {
        const start = performance.now();
        const pkgRoot = path.join(root, 'node_modules', pkg.name);
        const files = packageFiles(pkg, pkgRoot);
        const originals = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

        // 1. every suggestion, applied alone, still parses (what a quick fix in the editor does)
        // 2. --fix, written to the copy
        const fixer = newESLint(pkg, mode, { cwd: root, tsconfigs, fix: true });
        const first = await lintEach(fixer, files);
        for (const crash of first.crashes) problems.push(`${pkg.name} (${mode}) rule exception while fixing ${crash.file}\n${crash.error}`);
        let suggestions = 0;
        for (const result of first.results) {
          const source = originals.get(result.filePath);
          for (const message of result.messages)
            for (const suggestion of message.suggestions ?? []) {
              suggestions++;
              const where = `${message.ruleId} at ${path.relative(pkgRoot, result.filePath)}:${message.line}`;
              const after = checkText(pkg, result.filePath, applyFix(source, suggestion.fix));
              if (after.fatal)
                problems.push(
                  `${pkg.name} (${mode}) suggestion "${suggestion.desc}" for ${where} does not parse: ` +
                    `${after.fatal.message} (${after.fatal.line}:${after.fatal.column})`,
                );
              else if (after.selfCancelling.length > checkText(pkg, result.filePath, source).selfCancelling.length)
                problems.push(
                  `${pkg.name} (${mode}) suggestion "${suggestion.desc}" for ${where} makes a listener end on ` +
                    `its own signal, so it never runs (line ${after.selfCancelling.join(', ')})`,
                );
            }
        }
        const fixed = first.results.filter((r) => r.output !== undefined).map((r) => r.filePath);
        if (mode === 'typed') dropPrograms();
        // tsc on the copy as it was, only when there is something to compare
        const before = pkg.tsconfig && fixed.length ? tscErrors(path.join(tsconfigs, pkg.tsconfig), root) : undefined;
        await ESLint.outputFixes(first.results);

        // 3. fixed files still parse, and a second pass changes nothing
        if (fixed.length) {
          const again = await lintEach(newESLint(pkg, mode, { cwd: root, tsconfigs, fix: true }), fixed);
          if (mode === 'typed') dropPrograms();
          for (const crash of again.crashes) problems.push(`${pkg.name} (${mode}) rule exception on fixed ${crash.file}\n${crash.error}`);
          for (const result of again.results) {
            const file = path.relative(pkgRoot, result.filePath);
            const fatal = result.messages.find((m) => m.fatal);
            if (fatal) problems.push(`${pkg.name} (${mode}) fixed file ${file} does not parse: ${fatal.message} (${fatal.line}:${fatal.column})`);
            else if (result.output !== undefined) problems.push(`${pkg.name} (${mode}) a second --fix pass changes ${file}`);
          }
          for (const file of fixed) {
            const before = checkText(pkg, file, originals.get(file)).selfCancelling.length;
            const after = checkText(pkg, file, readFileSync(file, 'utf8')).selfCancelling;
            if (after.length > before)
              problems.push(
                `${pkg.name} (${mode}) --fix made a listener end on its own signal, so it never runs: ` +
                  `${path.relative(pkgRoot, file)} line ${after.join(', ')}`,
              );
          }
        }

        // 4. no new tsc errors
        let tsc = '';
        if (pkg.tsconfig && fixed.length) {
          const after = tscErrors(path.join(tsconfigs, pkg.tsconfig), root);
          const added = newErrors(before, after);
          for (const error of added) problems.push(`${pkg.name} (${mode}) new tsc error after fixing: ${error}`);
          tsc = `, tsc: ${[...before.values()].flat().length} errors before, ${[...after.values()].flat().length} after, ${added.length} new`;
        } else if (pkg.tsconfig) tsc = ', tsc: not run (nothing fixed)';
        const summary = `  ${pkg.name} ${mode}: ${fixed.length} files fixed, ${suggestions} suggestions checked${tsc} (${seconds(start)})`;
        summaries.push(summary);
        console.log(summary);
        for (const file of fixed) {
          const label = `${pkg.name}/${path.relative(pkgRoot, file)}`;
          console.log(unifiedDiff(originals.get(file), file, label).replace(/^/gm, '    ').trimEnd());
        }
      }
    } finally {
      if (keep) console.log(`  kept the ${mode} copy in ${root}`);
      else rmSync(root, { recursive: true, force: true });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

const { steps, packages, keep, addUnjudged } = parseArgs(process.argv.slice(2));
ensureInstalled();
loadPlugin();
const total = performance.now();
let failed = false;

if (steps.has('crash') || steps.has('report')) {
  const start = performance.now();
  console.log(`Linting ${packages.length} packages (${[...steps].filter((s) => s !== 'fixes').join(' and ')})`);
  const runs = await lintCorpus(packages);
  const crashes = printCrashes(runs);
  console.log(`Lint: ${crashes} rule exceptions (${seconds(start)})`);
  if (crashes) failed = true;
  if (steps.has('report')) {
    console.log('');
    printReport(runs);
    printVerdicts(runs, addUnjudged);
    writeFindings(runs);
  }
}

if (steps.has('fixes')) {
  const start = performance.now();
  console.log(`\nFixing a copy of ${packages.length} packages`);
  const problems = await checkFixes(packages, keep);
  for (const problem of problems) console.log(`\nUNSAFE FIX ${problem}`);
  console.log(`Fixes: ${problems.length} problems (${seconds(start)})`);
  if (problems.length) failed = true;
}

console.log(`\nCorpus ${failed ? 'FAILED' : 'passed'} in ${seconds(total)}`);
process.exitCode = failed ? 1 : 0;
