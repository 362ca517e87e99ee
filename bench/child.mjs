// One benchmark run, in a fresh process: `node bench/child.mjs '<json spec>'`.
//
// The spec says which configuration (A, B, A', C, D), which corpus (`set`: library or
// application), which share of it (1 = all, 2 = half, 4 = a quarter; optionally only some
// packages), whether to collect ESLint's per-rule times (`stats: true`, which wraps every rule
// listener in a timer, so the wall-clock runs leave it off), how many times to lint it in this
// one process (`passes`, the long-lived mode: memory after a full GC after each pass), and where
// to write the measurements as JSON. Only what the configuration needs is loaded: the floor does
// not even require the plugin, so that its load time counts against the plugin.

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { corpusDir, repoRoot, suiteFiles, typedTsconfig, writeApplicationTsconfig } from './corpus.mjs';

const spec = JSON.parse(process.argv[2]);
const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));

/** The configurations. `typed`: parserOptions.project with the corpus tsconfigs. */
const CONFIGS = {
  A: { typed: false, rules: () => ({}) },
  B: { typed: false, leaks: 'recommended' },
  "A'": { typed: true, rules: () => ({}) },
  C: { typed: true, leaks: 'recommended-type-checked' },
  D: {
    typed: true,
    rules: () => ({ '@typescript-eslint/no-floating-promises': 'error' }),
    plugins: () => ({ '@typescript-eslint': requireFromRepo('typescript-eslint').plugin }),
  },
};

const startLoad = performance.now();
const { ESLint } = requireFromRepo('eslint');
// Loaded only for the packages that need it: it loads TypeScript (60 MB), which ESLint alone on
// JavaScript (the application set, untyped) never does, so neither may the floor.
let tsParserModule;
const tsParser = () => (tsParserModule ??= requireFromRepo('@typescript-eslint/parser'));
const globals = requireFromRepo('globals');

const config = CONFIGS[spec.config];
if (!config) throw new Error(`unknown configuration ${spec.config}`);

let plugins;
let rules;
let followedCache;
if (config.leaks) {
  // --profile points at a source-mapped build of the same sources.
  const entry = spec.pluginEntry ?? path.join(repoRoot, 'dist', 'src', 'index.js');
  const leaks = requireFromRepo(entry);
  followedCache = requireFromRepo(path.join(path.dirname(entry), 'analysis', 'otherFiles.js')).followedFilesCache;
  // Diagnosis: another byte budget for the files followed into.
  if (spec.followedBudget !== undefined) followedCache(spec.followedBudget);
  plugins = { ...leaks.configs[config.leaks].plugins };
  rules = { ...leaks.configs[config.leaks].rules };
  // Diagnosis: only some of the rules (`--rules` of bench/run.mjs).
  if (spec.rules) rules = Object.fromEntries(Object.entries(rules).filter(([rule]) => spec.rules.includes(rule.replace(/^leaks\//, ''))));
} else {
  plugins = config.plugins?.() ?? {};
  rules = config.rules();
}

// Typed runs: a no-op rule that asks for the parser services once per file. With
// parserOptions.project the parser builds the TypeScript program anyway; this rule makes sure
// of it (getParserServices throws when there is no program) and counts the files that had one,
// so that the typed floor A' really includes building the program.
let typedFiles = 0;
if (config.typed) {
  const { ESLintUtils } = requireFromRepo('@typescript-eslint/utils');
  plugins.bench = {
    rules: {
      'type-information': {
        meta: { type: 'problem', schema: [], messages: {} },
        create(context) {
          const services = ESLintUtils.getParserServices(context);
          if (services.program) typedFiles++;
          return {};
        },
      },
    },
  };
  rules['bench/type-information'] = 'error';
}

const suite = config.typed ? 'typed' : 'untyped';
const set = spec.set ?? 'library';
if (config.typed && set === 'application') writeApplicationTsconfig();
const entries = suiteFiles(suite, spec.share, set).filter((entry) => !spec.packages || spec.packages.includes(entry.pkg.name));
if (entries.length === 0) throw new Error(`no ${suite} package among ${spec.packages}`);
const overrideConfig = [
  // The corpus lives in node_modules, which ESLint ignores by default.
  { ignores: ['!**/node_modules/'] },
  {
    name: 'bench/rules',
    plugins,
    rules,
    // Corpus files carry eslint comments for rules that are not loaded here.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
  },
];
for (const { pkg } of entries) {
  const base = `node_modules/${pkg.name}/`;
  const project = config.typed ? { project: typedTsconfig(pkg), tsconfigRootDir: path.dirname(typedTsconfig(pkg)) } : undefined;
  if (pkg.language === 'ts' || project)
    overrideConfig.push({
      name: `bench/${pkg.name}`,
      // Typed, the application set's JavaScript goes through the TypeScript parser and program too.
      files: (pkg.language === 'ts' ? ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'] : ['**/*.js', '**/*.mjs', '**/*.cjs']).map(
        (glob) => base + glob,
      ),
      languageOptions: {
        parser: tsParser(),
        ecmaVersion: 'latest',
        sourceType: pkg.language === 'ts' ? 'module' : pkg.sourceType,
        globals: globals.node,
        parserOptions: project ?? {},
      },
    });
  else
    overrideConfig.push(
      {
        name: `bench/${pkg.name}`,
        files: ['**/*.js', '**/*.mjs', '**/*.cjs'].map((glob) => base + glob),
        languageOptions: { ecmaVersion: 'latest', sourceType: pkg.sourceType, globals: globals.node },
      },
      { files: [`${base}**/*.mjs`], languageOptions: { sourceType: 'module' } },
      { files: [`${base}**/*.cjs`], languageOptions: { sourceType: 'commonjs' } },
    );
}
const files = entries.flatMap((entry) => entry.files);
const loadMs = performance.now() - startLoad;

const cpuBefore = process.cpuUsage();
const startLint = performance.now();
const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig, stats: Boolean(spec.stats) });
let results = await eslint.lintFiles(files);
const lintMs = performance.now() - startLint;
const lintCpu = process.cpuUsage(cpuBefore);

// Long-lived mode: the same process and ESLint instance lint the corpus again, as an editor or a
// watcher would; after each pass, the heap after a full GC (`node --expose-gc`) and the RSS.
const passes = [];
const afterPass = (ms) => {
  globalThis.gc?.();
  const memory = process.memoryUsage();
  passes.push({ ms, heapMB: memory.heapUsed / 2 ** 20, rssMB: memory.rss / 2 ** 20 });
};
if ((spec.passes ?? 1) > 1) {
  if (!globalThis.gc) throw new Error('the long-lived mode needs node --expose-gc');
  results = undefined;
  afterPass(lintMs);
  for (let pass = 1; pass < spec.passes; pass++) {
    const start = performance.now();
    results = await eslint.lintFiles(files);
    const ms = performance.now() - start;
    if (pass < spec.passes - 1) results = undefined;
    afterPass(ms);
  }
}

const ruleMs = {};
// Our rules' time per file (stats runs): lets the parent compare the same files linted alone
// and within the whole corpus.
const fileLeaksMs = {};
let parseMs = 0;
let parsingErrors = 0;
let ignored = 0;
const findings = {};
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal && /^Parsing error\b/.test(message.message)) parsingErrors++;
    else if (message.ruleId === null && /^File ignored\b/.test(message.message)) ignored++;
    else if (message.fatal) throw new Error(`${result.filePath}: ${message.message}`);
    else if (message.ruleId) findings[message.ruleId] = (findings[message.ruleId] ?? 0) + 1;
  }
  let fileLeaks = 0;
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [rule, time] of Object.entries(pass.rules ?? {})) {
      ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
      if (rule.startsWith('leaks/')) fileLeaks += time.total;
    }
  }
  if (spec.stats) fileLeaksMs[path.relative(corpusDir, result.filePath)] = fileLeaks;
}
if (ignored) throw new Error(`${ignored} files were not linted (no matching configuration)`);
if (config.typed && typedFiles !== files.length)
  throw new Error(`type information on ${typedFiles} of ${files.length} files`);

const cpu = process.cpuUsage();
const measurement = {
  config: spec.config,
  set,
  share: spec.share,
  ...(passes.length ? { passes } : {}),
  stats: Boolean(spec.stats),
  files: results.length,
  typedFiles,
  parsingErrors,
  findings,
  // Since the process started: Node's startup, loading ESLint, the parser and the plugin, linting.
  wallMs: performance.now(),
  loadMs,
  lintMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  lintCpuMs: (lintCpu.user + lintCpu.system) / 1000,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  ...(spec.stats ? { ruleMs, parseMs, fileLeaksMs } : {}),
  // What the plugin keeps of files it followed calls into (untyped), at the end.
  ...(config.leaks ? { followed: followedCache?.() } : {}),
};
writeFileSync(spec.out, JSON.stringify(measurement));
