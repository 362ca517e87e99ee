// The fix-safety harness (`npm run fixcheck`, issue 12): every `--fix` and every suggestion the
// plugin offers, applied to a copy, must leave a program that parses, typechecks as before, and is
// stable under a second `--fix`.
//
// What it checks, with the built plugin (dist/):
//   cases     every invalid case of the rule tests (test/rules/**), collected by loading the test
//             files under test/fixcheck/collect.ts, linted with the same rule, options and mode
//             (typed, untyped, JavaScript) as the test;
//   programs  the small leaky programs in test/fixtures/fixcheck (every rule, typed and untyped);
//   project   the multi-file fixture program test/fixtures/project (every rule, typed and untyped);
//   demo      the incident daemon, examples/cronjob-daemon/leaky (its own typed config).
// For each: `--fix` applied, and separately each suggestion alone, to a copy; then
//   (a) the changed file parses,
//   (b) `tsc --noEmit` (strict; JavaScript with checkJs) reports no error on the copy that it did
//       not report on the original: all copies are checked by one TypeScript program per
//       tsconfig, every file a module of its own, so callers in other files count too,
//   (c) a second `--fix` on the fixed file changes nothing.
// Then (d) the runtime suite (test/runtime/redis.test.ts) runs the demo's helper fixed by the
// plugin's own suggestion against a real redis-server: subscriptions stay bounded and drop to zero
// on abort. The corpus's fixes are checked by `node test/corpus/run.mjs --step fixes` (in CI);
// this run reports how many findings results/findings.json lists.
//
// One line per broken fix or suggestion, with the compiler's message; then a total.
// Flags: --no-runtime (skip d), --keep (keep the copies; their path is printed), --list (print
// every fix and suggestion checked). Exit code 1 when anything broke.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));
const { Linter } = requireFromRepo('eslint');
const tsParser = requireFromRepo('@typescript-eslint/parser');
const espree = requireFromRepo('espree');
const ts = requireFromRepo('typescript');
const vitestBin = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');

const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
const programsDir = path.join(fixturesDir, 'fixcheck');
const projectDir = path.join(fixturesDir, 'project');
const daemonDir = path.join(repoRoot, 'examples', 'cronjob-daemon');
const findingsFile = path.join(repoRoot, 'test', 'corpus', 'results', 'findings.json');

const args = new Set(process.argv.slice(2));
for (const arg of args)
  if (!['--no-runtime', '--keep', '--list'].includes(arg)) {
    console.error(`fixcheck: unknown argument ${arg}\nusage: node test/fixcheck/run.mjs [--no-runtime] [--keep] [--list]`);
    process.exit(2);
  }

const pluginEntry = path.join(repoRoot, 'dist', 'src', 'index.js');
if (!existsSync(pluginEntry)) {
  console.error('dist/src/index.js is missing: run `npm run build` first (or `npm run fixcheck`).');
  process.exit(1);
}
// Strict: an internal error must fail this run, not be skipped with a warning as it is for users.
process.env.ESLINT_PLUGIN_LEAKS_STRICT = '1';
const plugin = requireFromRepo(pluginEntry);

const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
const applyFix = (text, fix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
const isJavaScript = (file) => /\.[cm]?jsx?$/.test(file);

// ---------------------------------------------------------------------------------------------
// Lint configurations: one per mode, for a real directory (its tsconfig gives typed linting a program).

/** `mode`: typed | untyped | javascript; `rules`: ESLint rules config; `tsconfigDir` for typed. */
function lintConfig({ mode, rules, settings, tsconfigDir }) {
  const languageOptions =
    mode === 'javascript'
      ? { parser: espree, ecmaVersion: 'latest', sourceType: 'module' }
      : {
          parser: tsParser,
          ecmaVersion: 'latest',
          sourceType: 'module',
          parserOptions:
            mode === 'typed'
              ? { project: './tsconfig.json', tsconfigRootDir: tsconfigDir, disallowAutomaticSingleRunInference: true }
              : {},
        };
  return [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
      plugins: { leaks: plugin },
      languageOptions,
      rules,
      ...(settings && { settings }),
    },
  ];
}

const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`leaks/${name}`, 'error']));
const linter = new Linter({ configType: 'flat', cwd: repoRoot });

/** The first fatal message from parsing `text` as `file` (no rules), or undefined. */
function parseError(file, text) {
  const config = lintConfig({ mode: isJavaScript(file) ? 'javascript' : 'untyped', rules: {} });
  return linter.verify(text, config, { filename: file }).find((message) => message.fatal);
}

// ---------------------------------------------------------------------------------------------
// Units: a world of files (relative path → text) in one tsconfig group, and the files of it to lint.

/**
 * @typedef {{ label: string, group: string, world: Map<string, string>, lint: string[],
 *   config: (file: string) => object[], home: string }} Unit
 * `home` is the real directory the world's relative paths are linted in (for typed linting).
 */

/** @type {Unit[]} */
const units = [];

const readDir = (dir, filter = () => true) =>
  new Map(
    readdirSync(dir)
      .filter((name) => /\.[cm]?[jt]sx?$/.test(name) && filter(name))
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );

function collectRuleTestCases() {
  const start = performance.now();
  const outDir = mkdtempSync(path.join(repoRoot, 'test', 'fixcheck', '.tmp-cases-'));
  try {
    const run = spawnSync(
      process.execPath,
      [vitestBin, 'run', '--config', 'test/fixcheck/vitest.config.mts'],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, FIXCHECK_CASES_DIR: outDir } },
    );
    if (run.status !== 0) {
      console.error(`collecting the rule tests' cases failed:\n${run.stdout}${run.stderr}`);
      process.exit(1);
    }
    const suites = readdirSync(outDir)
      .map((name) => JSON.parse(readFileSync(path.join(outDir, name), 'utf8')))
      .sort((a, b) => a.name.localeCompare(b.name));
    let count = 0;
    for (const suite of suites)
      suite.cases.forEach((testCase, index) => {
        count++;
        const file = testCase.filename ?? (suite.mode === 'javascript' ? 'file.js' : 'file.ts');
        const world = new Map([[file, testCase.code]]);
        // A case that imports its neighbours (or is one of them) brings the fixture program along.
        if (file.startsWith('project/') || /(?:from|require\(|import\()\s*['"]\.\.?\//.test(testCase.code)) {
          for (const [name, text] of readDir(projectDir)) {
            const rel = `project/${name}`;
            if (!world.has(rel)) world.set(rel, text);
          }
        }
        units.push({
          label: `${suite.name} #${index + 1} (line ${firstCodeLine(testCase.code)})`,
          group: suite.mode === 'javascript' ? 'javascript' : 'fixtures',
          world,
          lint: [file],
          home: fixturesDir,
          config: () =>
            lintConfig({
              mode: suite.mode,
              rules: { [`leaks/${suite.rule}`]: ['error', ...(testCase.options ?? [])] },
              settings: testCase.settings,
              tsconfigDir: fixturesDir,
            }),
        });
      });
    console.log(`Collected ${count} invalid cases from ${suites.length} rule-test suites (${seconds(start)})`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The first non-empty line of a case, to tell cases apart in the report. */
function firstCodeLine(code) {
  const line = code.split('\n').find((candidate) => candidate.trim() && !candidate.trim().startsWith('import'));
  return JSON.stringify((line ?? '').trim().slice(0, 50));
}

function addPrograms() {
  for (const [name, text] of readDir(programsDir)) {
    const modes = isJavaScript(name) ? ['javascript'] : ['typed', 'untyped'];
    for (const mode of modes)
      units.push({
        label: `test/fixtures/fixcheck/${name} (${mode})`,
        group: mode === 'javascript' ? 'programs-js' : 'programs',
        world: new Map([[name, text]]),
        lint: [name],
        home: programsDir,
        config: () => lintConfig({ mode, rules: allRules, tsconfigDir: programsDir }),
      });
  }
}

function addProject() {
  const world = new Map([...readDir(projectDir)].map(([name, text]) => [`project/${name}`, text]));
  for (const mode of ['typed', 'untyped'])
    units.push({
      label: `test/fixtures/project (${mode})`,
      group: 'fixtures',
      world,
      lint: [...world.keys()],
      home: fixturesDir,
      config: () => lintConfig({ mode, rules: allRules, tsconfigDir: fixturesDir }),
    });
}

function addDemo() {
  const world = new Map([...readDir(path.join(daemonDir, 'leaky'))].map(([name, text]) => [`leaky/${name}`, text]));
  units.push({
    label: 'examples/cronjob-daemon/leaky (typed)',
    group: 'daemon',
    world,
    lint: [...world.keys()],
    home: daemonDir,
    config: () => lintConfig({ mode: 'typed', rules: allRules, tsconfigDir: daemonDir }),
  });
}

// ---------------------------------------------------------------------------------------------
// Linting a unit: its fixes and suggestions, as variants of its world.

/** @typedef {{ unit: Unit, what: string, world: Map<string, string>, changed: string[] }} Variant */

const problems = [];
const counts = { units: 0, fixes: 0, suggestions: 0 };

/** Lints one unit; returns its variants (the original first) and records parse and stability problems. */
function variantsOf(unit) {
  counts.units++;
  const original = { unit, what: 'original', world: unit.world, changed: [] };
  const variants = [original];
  const fixedWorld = new Map(unit.world);
  const fixedFiles = [];
  for (const file of unit.lint) {
    const filename = path.join(unit.home, file);
    const text = unit.world.get(file);
    const config = unit.config(file);
    let messages;
    try {
      messages = linter.verify(text, config, { filename });
    } catch (error) {
      problems.push(`${unit.label}: a rule threw on ${file}: ${error?.stack ?? error}`);
      continue;
    }
    const fatal = messages.find((message) => message.fatal);
    if (fatal) {
      problems.push(`${unit.label}: ${file} does not parse before any fix: ${fatal.message}`);
      continue;
    }
    for (const message of messages)
      for (const suggestion of message.suggestions ?? []) {
        counts.suggestions++;
        const after = applyFix(text, suggestion.fix);
        const what = `suggestion "${suggestion.desc}" (${message.ruleId} at ${file}:${message.line}:${message.column})`;
        const broken = parseError(filename, after);
        if (broken) problems.push(`${unit.label}: ${what} does not parse: ${broken.message} (${broken.line}:${broken.column})`);
        else variants.push({ unit, what, world: new Map(unit.world).set(file, after), changed: [file] });
      }
    const fixed = linter.verifyAndFix(text, config, { filename });
    if (!fixed.fixed) continue;
    counts.fixes += messages.filter((message) => message.fix).length;
    const fatalAfter = fixed.messages.find((message) => message.fatal);
    if (fatalAfter) {
      problems.push(`${unit.label}: --fix leaves ${file} unparsable: ${fatalAfter.message} (${fatalAfter.line}:${fatalAfter.column})`);
      continue;
    }
    const again = linter.verifyAndFix(fixed.output, config, { filename });
    if (again.fixed) problems.push(`${unit.label}: a second --fix changes ${file} again:\n${diffLines(fixed.output, again.output)}`);
    fixedWorld.set(file, fixed.output);
    fixedFiles.push(file);
  }
  if (fixedFiles.length > 0) variants.push({ unit, what: `--fix (${fixedFiles.join(', ')})`, world: fixedWorld, changed: fixedFiles });
  return variants;
}

/** The lines of `b` that `a` does not have, as a short `+` list. */
function diffLines(a, b) {
  const had = new Set(a.split('\n'));
  return b
    .split('\n')
    .filter((line) => !had.has(line))
    .map((line) => `    + ${line}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// TypeScript: every variant of a group in one program.

/** Compiler options of a group: its tsconfig, every file a module, JavaScript checked too. */
const groups = {
  fixtures: { tsconfig: fixturesDir },
  programs: { tsconfig: programsDir },
  daemon: { tsconfig: daemonDir },
  // JavaScript has no annotations: an implicit `any` is its normal state, not an error a fix adds.
  javascript: { tsconfig: fixturesDir, javascript: true },
  'programs-js': { tsconfig: programsDir, javascript: true },
};

function groupOptions(group) {
  const { tsconfig, javascript } = groups[group];
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(tsconfig, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  return {
    ...parsed.options,
    noEmit: true,
    allowJs: true,
    checkJs: true,
    moduleDetection: ts.ModuleDetectionKind.Force,
    // JSX in react.tsx cases: typecheck it rather than fail on a missing setting.
    jsx: parsed.options.jsx ?? ts.JsxEmit.Preserve,
    ...(javascript && { noImplicitAny: false }),
  };
}

/** Writes each variant under `root/<group>/<n>/` and returns, per variant, its errors as `file code message` → locations. */
function typecheck(root, variants) {
  const byGroup = new Map();
  variants.forEach((variant, index) => {
    const list = byGroup.get(variant.unit.group) ?? [];
    list.push(index);
    byGroup.set(variant.unit.group, list);
  });
  const errors = variants.map(() => new Map());
  for (const [group, indexes] of byGroup) {
    const groupDir = path.join(root, group);
    const owner = new Map();
    const rootNames = [];
    for (const index of indexes) {
      const dir = path.join(groupDir, String(index));
      for (const [rel, text] of variants[index].world) {
        const file = path.join(dir, rel);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
        rootNames.push(file);
      }
      owner.set(dir, index);
    }
    const program = ts.createProgram({ rootNames, options: groupOptions(group) });
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const fileName = diagnostic.file?.fileName;
      const relToGroup = fileName ? path.relative(groupDir, fileName) : '';
      const [variantDir, ...rest] = relToGroup.split(path.sep);
      const index = fileName && !relToGroup.startsWith('..') ? owner.get(path.join(groupDir, variantDir)) : undefined;
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (index === undefined) {
        problems.push(`tsc (${group}): ${fileName ?? ''} TS${diagnostic.code} ${message}`);
        continue;
      }
      const rel = rest.join('/');
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      // TypeScript stops offering spellings ("Did you mean …?", TS2552/TS2551) after ten per program,
      // so the same error in an original and its copy may come with and without one: compared without.
      const [code, text] = spellingFree(diagnostic.code, message);
      const key = `${rel} TS${code} ${text}`;
      const where = errors[index].get(key) ?? [];
      where.push(`${rel}:${line + 1}:${character + 1} TS${code} ${text.split('\n')[0]}`);
      errors[index].set(key, where);
    }
  }
  return errors;
}

/** TS2552 "Cannot find name 'x'. Did you mean 'y'?" → TS2304, TS2551 → TS2339, without the spelling. */
function spellingFree(code, message) {
  const plain = { 2552: 2304, 2551: 2339 }[code];
  return plain === undefined ? [code, message] : [plain, message.replace(/ Did you mean .*$/s, '')];
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

// ---------------------------------------------------------------------------------------------

const total = performance.now();
collectRuleTestCases();
addPrograms();
addProject();
addDemo();

let start = performance.now();
const variants = [];
for (const unit of units) variants.push(...variantsOf(unit));
console.log(
  `Linted ${counts.units} cases and programs: ${counts.fixes} fixes, ${counts.suggestions} suggestions (${seconds(start)})`,
);

start = performance.now();
const tmpRoot = mkdtempSync(path.join(repoRoot, 'test', 'fixcheck', '.tmp-'));
try {
  const errors = typecheck(tmpRoot, variants);
  const originals = new Map();
  variants.forEach((variant, index) => {
    if (variant.what === 'original') originals.set(variant.unit, errors[index]);
  });
  let checked = 0;
  variants.forEach((variant, index) => {
    if (variant.what === 'original') return;
    checked++;
    const added = newErrors(originals.get(variant.unit), errors[index]);
    if (args.has('--list')) console.log(`  ${added.length ? 'BROKEN' : 'ok'} ${variant.unit.label}: ${variant.what}`);
    for (const error of added) problems.push(`${variant.unit.label}: ${variant.what} adds ${error}`);
  });
  console.log(`Typechecked ${checked} fixed copies against ${originals.size} originals (${seconds(start)})`);
} finally {
  if (args.has('--keep')) console.log(`Kept the copies in ${path.relative(repoRoot, tmpRoot)}`);
  else rmSync(tmpRoot, { recursive: true, force: true });
}

// (d) the demo's plugin-fixed helper against a real Redis.
if (!args.has('--no-runtime')) {
  start = performance.now();
  const run = spawnSync(
    process.execPath,
    [vitestBin, 'run', 'test/runtime/redis.test.ts', '--reporter=dot'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (run.status !== 0) problems.push(`runtime: the plugin-fixed demo helper failed against Redis:\n${run.stdout}${run.stderr}`);
  else console.log(`Runtime: the plugin-fixed demo helper stays bounded and ends on abort against Redis (${seconds(start)})`);
}

try {
  const findings = JSON.parse(readFileSync(findingsFile, 'utf8')).packages.flatMap((entry) => entry.findings);
  const fixable = findings.filter((finding) => finding.fix || finding.suggestions.length > 0).length;
  console.log(
    `Corpus: ${findings.length} findings in ${path.relative(repoRoot, findingsFile)}, ${fixable} with a fix or suggestion ` +
      '(their fixes are checked by `node test/corpus/run.mjs --step fixes`)',
  );
} catch {
  console.log('Corpus: no findings file');
}

for (const problem of problems) console.log(`BROKEN ${problem}`);
const minimum = 150;
if (counts.suggestions < minimum) {
  console.log(`BROKEN too few suggestions checked: ${counts.suggestions} < ${minimum}; add cases to test/fixtures/fixcheck`);
  problems.push('too few suggestions');
}
console.log(
  `\nfixcheck: ${counts.fixes} fixes and ${counts.suggestions} suggestions checked, ${problems.length} broken (${seconds(total)})`,
);
process.exitCode = problems.length > 0 ? 1 : 0;
