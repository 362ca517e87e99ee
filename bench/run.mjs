// The benchmark (`npm run bench`): what the plugin costs on top of ESLint, with and without type
// information, against `@typescript-eslint/no-floating-promises`, how that cost scales, and
// whether a long-lived process keeps its memory flat; on both corpora (bench/corpus.mjs).
//
// Corpora (sets): `library`, the corpus's library packages (rxjs, zod, @trpc/server and the
// JavaScript libraries; typed: the three TypeScript packages with test/corpus/tsconfigs), and
// `application`, the twenty packages of long-running JavaScript added for issue 10 (typed: one
// program with `allowJs` over exactly the linted files).
//
// Configurations, each linting a set with the real ESLint Node API:
//   A   zero rules, the same parser and settings, untyped           (the floor)
//   B   `recommended`, untyped
//   A'  zero rules, typed: parserOptions.project                    (the typed floor)
//   C   `recommended-type-checked`
//   D   @typescript-eslint/no-floating-promises alone, typed (library set only)
// Every typed configuration also enables a no-op rule that calls getParserServices() once per
// file, so that the typed floor provably builds the TypeScript program (bench/child.mjs).
//
// Every run is a fresh child process (no cache or program carries over) that reports its wall
// time since process start, CPU time (process.cpuUsage) and peak RSS
// (process.resourceUsage().maxRSS). After a warm-up (A and A', discarded: it fills the file
// cache), the configurations run in rounds, in an order that rotates from round to round;
// medians and min-max are reported, and ratios are taken within each round and then the median.
// Wall-clock runs leave ESLint's `stats` off; per-rule times come from separate runs with
// `stats: true` (marked ⏱), since timing every listener call has a cost of its own. D only
// serves as the per-rule anchor, so its runs are always timed.
// Scaling: A, B, A', C and the timed B⏱, C⏱ again on 1/4 and 1/2 of every package's files
// (every 4th / 2nd file of each package, sorted), per thousand non-blank lines.
// Long-lived: A and B lint the whole set 5 times in one process (`node --expose-gc`, one ESLint
// instance); the heap after a full GC after each pass must stay flat.
//
// Writes bench/results/latest.json and bench/results/latest.md, prints the tables.
//
// Flags: --quick           1 round, 1 timed round, 1 scaling round, 3 passes
//        --set NAME        library or application (comma-separated; default: both)
//        --rounds N        wall-clock rounds of A, B, A', C, D⏱ (default 4)
//        --timed-rounds N  rounds of B⏱, C⏱ (default 3)
//        --scaling-rounds N  rounds of the 1/4 and 1/2 runs (default 3; 0 leaves scaling out)
//        --passes N        passes of the long-lived mode (default 5; 0 or 1 leaves it out)
//        --budget SECONDS  per set: rounds beyond the first two, the first timed and the first
//                          scaling round are skipped when they would end after this (default 600 s)
//        --profile CONFIG  instead of benchmarking, run CONFIG once under `node --cpu-prof`, with
//                          a source-mapped build of the plugin, and print the top functions of
//                          src/ and rules/ by self time (profiles in bench/results/tmp/)
//        --package NAME    with --profile: only this package (repeatable; default: all of the
//                          configuration's packages)
//        --rules A,B       with --profile: only these rules of the configuration (diagnosis)
//        --no-write        print, but do not write bench/results/latest.*

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureInstalled } from '../test/corpus/packages.mjs';
import { corpusDir, PACKAGES, repoRoot, SETS, suiteFiles, suiteSize } from './corpus.mjs';

const benchDir = import.meta.dirname;
const resultsDir = path.join(benchDir, 'results');
const tmpDir = path.join(resultsDir, 'tmp');
const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));

const CONFIG_NAMES = ['A', 'B', "A'", 'C', 'D'];
const TYPED = new Set(["A'", 'C', 'D']);
const SET_DESCRIPTIONS = {
  library: 'rxjs, zod, @trpc/server and eleven JavaScript libraries; typed: the three TypeScript packages',
  application: 'twenty packages of long-running JavaScript: daemons, queues, schedulers, realtime servers; typed: one allowJs program',
};
const DESCRIPTIONS = {
  A: 'zero rules, untyped (floor)',
  B: '`recommended`, untyped',
  "A'": 'zero rules, typed (typed floor)',
  C: '`recommended-type-checked`',
  D: '`@typescript-eslint/no-floating-promises` alone, typed',
};
const TARGETS = { untypedWall: 1.05, typedWall: 1.1, memory: 1.1, flat: 0.2, longLived: 0.1 };

// ---------------------------------------------------------------------------------------------
// Command line.

function parseArgs(argv) {
  const options = {
    rounds: 4,
    timedRounds: 3,
    scalingRounds: 3,
    budget: 600,
    quick: false,
    profile: undefined,
    packages: [],
    write: true,
    sets: undefined,
    passes: 5,
  };
  const number = (flag, value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) usage(2, `${flag} needs a whole number`);
    return n;
  };
  const set = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? usage(2, `${flag} needs a value`);
    if (flag === '--help' || flag === '-h') usage(0);
    else if (flag === '--quick') options.quick = true;
    else if (flag === '--no-write') options.write = false;
    else if (flag === '--rounds') set.rounds = number(flag, value());
    else if (flag === '--timed-rounds') set.timedRounds = number(flag, value());
    else if (flag === '--scaling-rounds') set.scalingRounds = number(flag, value());
    else if (flag === '--budget') set.budget = number(flag, value());
    else if (flag === '--profile') options.profile = value();
    else if (flag === '--package') options.packages.push(value());
    else if (flag === '--rules') options.rules = value().split(',').filter(Boolean);
    else if (flag === '--set') options.sets = value().split(',').filter(Boolean);
    else if (flag === '--passes') set.passes = number(flag, value());
    else usage(2, `unknown argument: ${argv[i]}`);
  }
  if (options.quick) Object.assign(options, { rounds: 1, timedRounds: 1, scalingRounds: 1, passes: 3 });
  Object.assign(options, set);
  if (options.rounds < 1) usage(2, '--rounds must be at least 1');
  if (options.profile !== undefined && !CONFIG_NAMES.includes(options.profile))
    usage(2, `--profile takes one of ${CONFIG_NAMES.join(', ')}`);
  options.sets ??= options.profile ? ['library'] : SETS;
  for (const name of options.sets) if (!SETS.includes(name)) usage(2, `unknown set: ${name} (${SETS.join(', ')})`);
  for (const name of options.packages)
    if (!PACKAGES.some((pkg) => pkg.name === name)) usage(2, `unknown package: ${name}`);
  return options;
}

function usage(code, error) {
  if (error) console.error(`bench/run.mjs: ${error}`);
  console.error(
    'usage: node bench/run.mjs [--quick] [--set NAME] [--passes N] [--rounds N] [--timed-rounds N] [--scaling-rounds N] [--budget S] [--no-write]\n' +
      '       node bench/run.mjs --profile A|B|A\'|C|D [--set NAME] [--package NAME]... [--rules A,B]',
  );
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// Helpers.

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const stat = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length });
const round = (value, digits = 3) => Number(value.toFixed(digits));
const s = (ms) => (ms / 1000).toFixed(2);
const elapsed = (start) => `${((performance.now() - start) / 1000).toFixed(0)} s`;


/** The commit the plugin was built from (read before the runs: the code may change meanwhile). */
function currentCommit() {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'rules'], { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim();
  return git ? `${git}${dirty ? ' with src/ or rules/ modified' : ''}` : 'unknown';
}
const commitAtStart = currentCommit();

let runCounter = 0;
/** One fresh child process; its measurements, plus the load average when it started. */
function runChild(spec, { execArgv = [], quiet = false } = {}) {
  mkdirSync(tmpDir, { recursive: true });
  const out = path.join(tmpDir, `run-${process.pid}-${runCounter++}.json`);
  const load = os.loadavg()[0];
  const child = spawnSync(
    process.execPath,
    [...execArgv, path.join(benchDir, 'child.mjs'), JSON.stringify({ ...spec, out })],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (child.status !== 0 || !existsSync(out)) {
    console.error(`\nrun ${JSON.stringify(spec)} failed (exit ${child.status ?? child.signal})`);
    console.error(child.stdout + child.stderr);
    process.exit(1);
  }
  const output = (child.stdout + child.stderr).trim();
  if (output && !quiet) console.log(`  (output of ${spec.config}: ${output.split('\n')[0]})`);
  const measurement = { ...JSON.parse(readFileSync(out, 'utf8')), load1: round(load, 2) };
  rmSync(out);
  return measurement;
}

const label = (config, stats) => `${config}${stats ? '⏱' : ''}`;
const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

function progress(measurement) {
  const rules = measurement.ruleMs
    ? `, rules ${s(Object.entries(measurement.ruleMs).filter(([r]) => r !== 'bench/type-information').reduce((t, [, ms]) => t + ms, 0))} s`
    : '';
  console.log(
    `  ${label(measurement.config, measurement.stats).padEnd(3)} 1/${measurement.share}: wall ${s(measurement.wallMs)} s, ` +
      `cpu ${s(measurement.cpuMs)} s, peak ${measurement.maxRssMB.toFixed(0)} MB${rules} (load ${measurement.load1})`,
  );
}

const leaksMs = (m) =>
  Object.entries(m.ruleMs ?? {})
    .filter(([rule]) => rule.startsWith('leaks/'))
    .reduce((sum, [, ms]) => sum + ms, 0);

// ---------------------------------------------------------------------------------------------
// The benchmark.

function benchmark(options, set) {
  const start = performance.now();
  const runs = [];
  const run = (config, share, stats = false) => {
    const measurement = runChild({ config, share, stats, set });
    runs.push(measurement);
    progress(measurement);
    return measurement;
  };

  const sizes = {};
  for (const share of [1, 2, 4])
    for (const suite of ['untyped', 'typed']) sizes[`${suite}/${share}`] = suiteSize(suite, share, set);
  const size = (config, share) => sizes[`${TYPED.has(config) ? 'typed' : 'untyped'}/${share}`];
  console.log(
    `\n${set} set: untyped ${sizes['untyped/1'].files} files, ${sizes['untyped/1'].lines} lines; ` +
      `typed ${sizes['typed/1'].files} files, ${sizes['typed/1'].lines} lines`,
  );

  // Phases: the first ones are always run; the extra rounds after them only while the time
  // budget allows (estimated from the last phase of the same kind), so that a busy machine still
  // finishes in time. Skipped phases are listed in the results.
  // D anchors the per-rule comparison; once is enough (the library set).
  const main = set === 'library' ? ['A', 'B', "A'", 'C', 'D'] : ['A', 'B', "A'", 'C'];
  const scalingConfigs = options.quick
    ? [['B', true], ['C', true]]
    : [['A'], ['B'], ["A'"], ['C'], ['B', true], ['C', true]];
  const phase = (kind, r, share, list) => ({
    kind: `${kind} 1/${share}`,
    title: `${kind === 'main' ? 'Round' : kind === 'timed' ? 'Timed round' : `Scaling 1/${share}, round`} ${r + 1}`,
    // D only anchors the per-rule comparison, so its runs are timed.
    runs: rotate(list, r).map(([config, stats]) => [config, share, stats]),
  });
  const mainPhase = (r) => phase('main', r, 1, main.map((config) => [config, config === 'D']));
  const timedPhase = (r) => phase('timed', r, 1, [['B', true], ['C', true]]);
  const scalingPhases = (r) => [4, 2].map((share) => phase('scaling', r, share, scalingConfigs));
  const required = [];
  const extra = [];
  for (let r = 0; r < options.rounds; r++) (r < 2 ? required : extra).push(mainPhase(r));
  for (let r = 0; r < options.timedRounds; r++) (r < 1 ? required : extra).push(timedPhase(r));
  for (let r = 0; r < options.scalingRounds; r++) (r < 1 ? required : extra).push(...scalingPhases(r));
  // Extra rounds alternate between kinds: main 3, timed 2, scaling 2, main 4, ...
  extra.sort((a, b) => Number(/\d+$/.exec(a.title)[0]) - Number(/\d+$/.exec(b.title)[0]));

  console.log(`\nWarm-up (discarded) (time budget ${options.budget} s)`);
  for (const config of ['A', "A'"]) progress(runChild({ config, share: 1, set }));
  const durations = new Map();
  const skipped = [];
  for (const current of [...required, ...extra]) {
    const estimate = durations.get(current.kind);
    const spent = (performance.now() - start) / 1000;
    if (!required.includes(current) && estimate !== undefined && spent + estimate > options.budget) {
      skipped.push(current.title);
      console.log(`\nSkipped ${current.title}: ${spent.toFixed(0)} s spent, about ${estimate.toFixed(0)} s more would pass the ${options.budget} s budget`);
      continue;
    }
    console.log(`\n${current.title} (${elapsed(start)})`);
    const phaseStart = performance.now();
    for (const [config, share, stats = false] of current.runs) run(config, share, stats);
    durations.set(current.kind, (performance.now() - phaseStart) / 1000);
  }

  // Summaries.
  const pick = (config, share, stats) => runs.filter((m) => m.config === config && m.share === share && m.stats === stats);
  const summary = {};
  const summarize = (config, share, stats) => {
    const list = pick(config, share, stats);
    if (list.length === 0) return undefined;
    const { files, lines } = size(config, share);
    const entry = {
      config,
      share,
      stats,
      files,
      lines,
      runs: list.length,
      wallMs: stat(list.map((m) => m.wallMs)),
      cpuMs: stat(list.map((m) => m.cpuMs)),
      maxRssMB: stat(list.map((m) => m.maxRssMB)),
      findings: list[0].findings,
    };
    if (stats) {
      const rules = new Set(list.flatMap((m) => Object.keys(m.ruleMs)));
      entry.ruleMs = Object.fromEntries([...rules].map((rule) => [rule, stat(list.map((m) => m.ruleMs[rule] ?? 0))]));
      entry.leaksMs = stat(list.map(leaksMs));
      entry.parseMs = stat(list.map((m) => m.parseMs));
    }
    return entry;
  };
  for (const share of [1, 2, 4])
    for (const config of CONFIG_NAMES)
      for (const stats of [false, true]) {
        const entry = summarize(config, share, stats);
        if (entry) summary[`${label(config, stats)} 1/${share}`] = entry;
      }

  // Ratios within each round, then the median of those.
  const paired = (numerator, denominator, metric) => {
    const ratios = [];
    const nums = pick(numerator, 1, false);
    const dens = pick(denominator, 1, false);
    for (let i = 0; i < Math.min(nums.length, dens.length); i++) ratios.push(nums[i][metric] / dens[i][metric]);
    return ratios.length ? stat(ratios) : undefined;
  };
  const ratios = {
    'B/A wall': paired('B', 'A', 'wallMs'),
    'B/A cpu': paired('B', 'A', 'cpuMs'),
    'B/A peak memory': paired('B', 'A', 'maxRssMB'),
    "C/A' wall": paired('C', "A'", 'wallMs'),
    "C/A' cpu": paired('C', "A'", 'cpuMs'),
    "C/A' peak memory": paired('C', "A'", 'maxRssMB'),
  };
  const typedLeaks = pick('C', 1, true).map(leaksMs);
  const floating = pick('D', 1, true).map((m) => m.ruleMs['@typescript-eslint/no-floating-promises'] ?? 0);
  const untypedLeaks = pick('B', 1, true).map(leaksMs);
  const ruleTimes = {
    untypedLeaksMs: untypedLeaks.length ? stat(untypedLeaks) : undefined,
    typedLeaksMs: typedLeaks.length ? stat(typedLeaks) : undefined,
    noFloatingPromisesMs: floating.length ? stat(floating) : undefined,
  };
  if (ruleTimes.typedLeaksMs && ruleTimes.noFloatingPromisesMs)
    ratios['leaks rules (C) / no-floating-promises (D)'] = {
      median: ruleTimes.typedLeaksMs.median / ruleTimes.noFloatingPromisesMs.median,
    };

  // Scaling, per thousand non-blank lines.
  const perKloc = (ms, lines) => ms / (lines / 1000);
  const scaling = [];
  for (const share of [4, 2, 1]) {
    const get = (config, stats = false) => summary[`${label(config, stats)} 1/${share}`];
    const row = { share: `1/${share}`, untyped: sizes[`untyped/${share}`], typed: sizes[`typed/${share}`] };
    for (const config of ['A', 'B', "A'", 'C']) {
      const entry = get(config);
      if (entry) row[`${config} wall ms/kLOC`] = perKloc(entry.wallMs.median, entry.lines);
    }
    if (get('A') && get('B'))
      row['B-A ms/kLOC'] = perKloc(get('B').wallMs.median - get('A').wallMs.median, row.untyped.lines);
    if (get("A'") && get('C'))
      row["C-A' ms/kLOC"] = perKloc(get('C').wallMs.median - get("A'").wallMs.median, row.typed.lines);
    if (get('B', true)) row['leaks untyped ms/kLOC'] = perKloc(get('B', true).leaksMs.median, row.untyped.lines);
    if (get('C', true)) row['leaks typed ms/kLOC'] = perKloc(get('C', true).leaksMs.median, row.typed.lines);
    scaling.push(row);
  }
  // The same files linted alone and within the whole corpus: if the plugin's cost per file grew
  // with the number of files linted (a pass over the program per file, summaries recomputed),
  // the 1/4 files would cost more within the whole corpus than alone. Unlike the per-kLOC rows,
  // this does not depend on the mix of code in each share.
  const sameFiles = [];
  for (const [mode, config] of [['untyped', 'B'], ['typed', 'C']])
    for (const share of [4, 2]) {
      const files = suiteFiles(mode, share, set).flatMap((entry) => entry.files.map((file) => path.relative(corpusDir, file)));
      const kloc = sizes[`${mode}/${share}`].lines / 1000;
      const within = pick(config, 1, true).map((m) => files.reduce((sum, file) => sum + (m.fileLeaksMs[file] ?? 0), 0) / kloc);
      const alone = pick(config, share, true).map((m) => leaksMs(m) / kloc);
      if (within.length && alone.length)
        sameFiles.push({ mode, files: `1/${share}`, aloneMsPerKloc: stat(alone), withinAllMsPerKloc: stat(within) });
    }

  // Flat: max/min − 1 over the three shares (which also moves with the mix of code in each).
  const valuesOf = (key) => scaling.map((row) => row[key]);
  const spreadOf = (key) => {
    const values = valuesOf(key);
    return values.every((v) => v !== undefined) ? Math.max(...values) / Math.min(...values) - 1 : undefined;
  };

  const targets = [
    { target: `B/A wall ≤ ${TARGETS.untypedWall}`, value: ratios['B/A wall']?.median, limit: TARGETS.untypedWall },
    { target: `C/A' wall ≤ ${TARGETS.typedWall}`, value: ratios["C/A' wall"]?.median, limit: TARGETS.typedWall },
    { target: `B/A peak memory ≤ ${TARGETS.memory}`, value: ratios['B/A peak memory']?.median, limit: TARGETS.memory },
    { target: `C/A' peak memory ≤ ${TARGETS.memory}`, value: ratios["C/A' peak memory"]?.median, limit: TARGETS.memory },
    // CPU time moves less with the other work on a shared machine than wall time does.
    { target: `B/A cpu ≤ ${TARGETS.untypedWall} (the wall bound, on CPU time)`, value: ratios['B/A cpu']?.median, limit: TARGETS.untypedWall },
    { target: `C/A' cpu ≤ ${TARGETS.typedWall} (the wall bound, on CPU time)`, value: ratios["C/A' cpu"]?.median, limit: TARGETS.typedWall },
    {
      target: 'leaks rules in C / no-floating-promises in D (per-rule time) < 1',
      value: ratios['leaks rules (C) / no-floating-promises (D)']?.median,
      limit: 0.999999,
    },
  ];
  for (const [mode, key] of [['untyped', 'leaks untyped ms/kLOC'], ['typed', 'leaks typed ms/kLOC']]) {
    const same = sameFiles.filter((row) => row.mode === mode);
    targets.push(
      { target: `leaks ${mode} rule time per kLOC, 1/4 to all: max/min − 1 ≤ ${TARGETS.flat}`, value: spreadOf(key), limit: TARGETS.flat },
      {
        target: `leaks ${mode} rule time per kLOC of the same files, within all / alone − 1 ≤ ${TARGETS.flat}`,
        value: same.length ? Math.max(...same.map((row) => row.withinAllMsPerKloc.median / row.aloneMsPerKloc.median)) - 1 : undefined,
        limit: TARGETS.flat,
      },
    );
  }
  const longLived = options.passes > 1 ? longLivedRuns(options, set) : undefined;
  if (longLived)
    for (const entry of longLived)
      targets.push({
        target: `long-lived ${entry.config}: heap after each of ${entry.passes.length} passes, max / after the first − 1 ≤ ${TARGETS.longLived}`,
        value: entry.growth,
        limit: TARGETS.longLived,
      });
  for (const entry of targets)
    entry.status = entry.value === undefined ? 'not measured' : entry.value <= entry.limit ? 'met' : 'MISSED';

  const loads = runs.map((m) => m.load1);
  return {
    meta: {
      ...environment(options, performance.now() - start, { min: Math.min(...loads), max: Math.max(...loads) }),
      set,
      skipped,
    },
    corpus: sizes,
    longLived,
    summary,
    ratios,
    ruleTimes,
    scaling,
    sameFiles,
    targets,
    runs: runs.map((m) => ({ ...m, findings: undefined, fileLeaksMs: undefined })),
  };
}

/**
 * The long-lived mode: one process lints the set `passes` times with the same ESLint instance
 * (`node --expose-gc`), untyped floor and `recommended`; the heap after a full GC after each pass.
 * Flat: the largest heap after a later pass over the heap after the first, minus one.
 */
function longLivedRuns(options, set) {
  console.log(`\nLong-lived, ${options.passes} passes in one process (${set} set)`);
  return ['A', 'B'].map((config) => {
    const measurement = runChild({ config, share: 1, stats: false, set, passes: options.passes }, { execArgv: ['--expose-gc'] });
    const heaps = measurement.passes.map((pass) => pass.heapMB);
    console.log(
      `  ${config} passes: ${measurement.passes.map((pass) => `${s(pass.ms)} s, heap ${pass.heapMB.toFixed(0)} MB, rss ${pass.rssMB.toFixed(0)} MB`).join('; ')}`,
    );
    return {
      config,
      passes: measurement.passes,
      maxRssMB: measurement.maxRssMB,
      followed: measurement.followed,
      growth: Math.max(...heaps.slice(1)) / heaps[0] - 1,
    };
  });
}

function environment(options, durationMs, load) {
  const version = (name) => {
    try {
      return requireFromRepo(`${name}/package.json`).version;
    } catch {
      return undefined;
    }
  };
  return {
    date: new Date().toISOString(),
    commit: commitAtStart,
    plugin: JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version,
    node: process.version,
    eslint: version('eslint'),
    typescript: version('typescript'),
    typescriptEslint: version('typescript-eslint'),
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    options: {
      quick: options.quick,
      rounds: options.rounds,
      timedRounds: options.timedRounds,
      scalingRounds: options.scalingRounds,
      budgetS: options.budget,
    },
    durationS: round(durationMs / 1000, 0),
    loadAverage1m: load,
  };
}

// ---------------------------------------------------------------------------------------------
// Output.

/** A Markdown table; columns from `rightFrom` up to (not including) `leftFrom` are right-aligned. */
function table(rows, rightFrom = 1, leftFrom = Infinity) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  const right = (i) => i >= rightFrom && i < leftFrom;
  const line = (row) =>
    `| ${row.map((cell, i) => (right(i) ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

const range = (st, format) => (st.n > 1 ? `${format(st.median)} (${format(st.min)}–${format(st.max)})` : format(st.median));

function render(result) {
  const { meta, summary, ratios, ruleTimes, scaling, targets } = result;
  const out = [];
  out.push(
    `Node ${meta.node}, ESLint ${meta.eslint}, TypeScript ${meta.typescript}, typescript-eslint ${meta.typescriptEslint}, ` +
      `eslint-plugin-leaks ${meta.plugin} (${meta.commit}); ${meta.cpus}; ${meta.date.slice(0, 10)}; ` +
      `${meta.options.rounds} rounds + ${meta.options.timedRounds} timed, ${meta.durationS} s in all; ` +
      `1-minute load average ${meta.loadAverage1m.min.toFixed(1)}–${meta.loadAverage1m.max.toFixed(1)} at the runs' starts.` +
      (meta.skipped.length ? ` Skipped for the time budget: ${meta.skipped.join(', ')}.` : ''),
  );
  out.push('');
  out.push(
    'Whole corpus, one fresh `node` process per run; median (min–max). Wall and CPU from process start ' +
      '(Node, loading ESLint and the plugin, linting); ⏱ = with `stats: true` (per-rule times).',
  );
  out.push('');
  const rows = [['config', 'what', 'files', 'lines', 'runs', 'wall s', 'CPU s', 'peak RSS MB', 'rules ms']];
  for (const config of CONFIG_NAMES)
    for (const stats of [false, true]) {
      const entry = summary[`${label(config, stats)} 1/1`];
      if (!entry) continue;
      const ruleMs =
        config === 'D' && entry.ruleMs
          ? `${entry.ruleMs['@typescript-eslint/no-floating-promises'].median.toFixed(0)} (no-floating-promises)`
          : entry.leaksMs
            ? `${entry.leaksMs.median.toFixed(0)} (leaks/*)`
            : '';
      rows.push([
        label(config, stats),
        DESCRIPTIONS[config],
        entry.files,
        entry.lines,
        entry.runs,
        range(entry.wallMs, s),
        range(entry.cpuMs, s),
        range(entry.maxRssMB, (v) => v.toFixed(0)),
        ruleMs,
      ]);
    }
  out.push(table(rows, 2));
  out.push('');
  out.push(
    "A', C and D include a no-op rule that calls `getParserServices()` on every file, so that the typed floor " +
      'builds the TypeScript program (the runs check that every file had one).',
  );
  out.push('');
  const ratioRows = [['ratio', 'median (min–max over rounds)']];
  for (const [name, value] of Object.entries(ratios))
    if (value) ratioRows.push([name, range(value, (v) => v.toFixed(3))]);
  out.push(table(ratioRows, 1));
  out.push('');
  const perRule = [];
  for (const [key, config] of [['B⏱ 1/1', 'B'], ['C⏱ 1/1', 'C'], ['D⏱ 1/1', 'D']]) {
    const entry = summary[key];
    if (!entry) continue;
    for (const [rule, st] of Object.entries(entry.ruleMs))
      if (rule !== 'bench/type-information') perRule.push([config, rule, st.median.toFixed(0)]);
    perRule.push([config, '(parse, incl. building the program)', entry.parseMs.median.toFixed(0)]);
  }
  if (perRule.length) {
    out.push(table([['config', 'rule (ESLint stats, median ms)', 'ms'], ...perRule], 2));
    out.push('');
  }
  if (ruleTimes.typedLeaksMs && ruleTimes.noFloatingPromisesMs)
    out.push(
      `Our rules, typed: ${ruleTimes.typedLeaksMs.median.toFixed(0)} ms; no-floating-promises alone: ` +
        `${ruleTimes.noFloatingPromisesMs.median.toFixed(0)} ms.`,
      '',
    );
  const scaleKeys = ['A wall ms/kLOC', 'B wall ms/kLOC', 'B-A ms/kLOC', 'leaks untyped ms/kLOC', "A' wall ms/kLOC", 'C wall ms/kLOC', "C-A' ms/kLOC", 'leaks typed ms/kLOC'];
  const present = scaleKeys.filter((key) => scaling.some((row) => row[key] !== undefined));
  out.push(
    'Scaling: every 4th / 2nd / every file of each package; milliseconds per thousand non-blank lines (medians). ' +
      "The typed floor builds the whole program whatever share is linted, so A' and C per kLOC fall as the share grows; " +
      "what must stay flat is the plugin's own cost.",
  );
  out.push('');
  out.push(
    table(
      [
        ['share', 'untyped kLOC', 'typed kLOC', ...present],
        ...scaling.map((row) => [
          row.share,
          (row.untyped.lines / 1000).toFixed(1),
          (row.typed.lines / 1000).toFixed(1),
          ...present.map((key) => (row[key] === undefined ? '' : row[key].toFixed(1))),
        ]),
      ],
      1,
    ),
  );
  out.push('');
  if (result.sameFiles.length) {
    out.push(
      "The same files' rule time linted alone and within the whole corpus (ms per kLOC, median (min–max)): " +
        'a cost that grew with the number of files linted would show here, whatever the mix of code.',
    );
    out.push('');
    out.push(
      table(
        [
          ['mode', 'files', 'alone', 'within the whole corpus'],
          ...result.sameFiles.map((row) => [
            row.mode,
            row.files,
            range(row.aloneMsPerKloc, (v) => v.toFixed(1)),
            range(row.withinAllMsPerKloc, (v) => v.toFixed(1)),
          ]),
        ],
        2,
      ),
    );
    out.push('');
  }
  if (result.longLived) {
    out.push(
      `Long-lived: one process lints the whole set ${result.longLived[0].passes.length} times with the same ESLint instance; ` +
        'after each pass, the heap after a full GC and the RSS (MB), and the pass time (s).',
    );
    out.push('');
    out.push(
      table(
        [
          ['config', ...result.longLived[0].passes.map((_, i) => `pass ${i + 1}`), 'growth'],
          ...result.longLived.map((entry) => [
            entry.config,
            ...entry.passes.map((pass) => `${pass.heapMB.toFixed(0)} / ${pass.rssMB.toFixed(0)} (${s(pass.ms)} s)`),
            `${(entry.growth * 100).toFixed(1)} %`,
          ]),
        ],
        1,
      ),
    );
    out.push('');
  }
  out.push(
    table(
      [
        ['target', 'measured', 'status'],
        ...targets.map((t) => [t.target, t.value === undefined ? '' : t.value.toFixed(3), t.status]),
      ],
      1,
    ),
  );
  return out.join('\n');
}

/**
 * JSON with milliseconds to 0.1 and ratios to 0.001, and every object or array that holds no
 * other object (a run, a median with its range) on one line: small, and a readable diff.
 */
function compactJson(value, indent = '') {
  const rounded = (_key, v) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, Math.abs(v) >= 100 ? 1 : 3) : v);
  if (value === null || typeof value !== 'object') return JSON.stringify(value, rounded);
  const entries = Array.isArray(value)
    ? value.map((v) => [undefined, v])
    : Object.entries(value).filter(([, v]) => v !== undefined);
  const flat = entries.every(([, v]) => v === null || typeof v !== 'object' || Object.values(v).every((w) => typeof w !== 'object'));
  if (flat && JSON.stringify(value, rounded).length <= 400) return JSON.stringify(value, rounded);
  const inner = `${indent}  `;
  const items = entries.map(([key, v]) => `${inner}${key === undefined ? '' : `${JSON.stringify(key)}: `}${compactJson(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return items.length ? `${open}\n${items.join(',\n')}\n${indent}${close}` : `${open}${close}`;
}

// ---------------------------------------------------------------------------------------------
// Profiling: one run under --cpu-prof, with a source-mapped build, summarized.

function profile(options) {
  const build = path.join(tmpDir, 'profile-build');
  rmSync(build, { recursive: true, force: true });
  console.log(`Building a source-mapped copy of the plugin in ${path.relative(repoRoot, build)}`);
  const tsc = spawnSync(
    process.execPath,
    [requireFromRepo.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', build, '--sourceMap', '--declaration', 'false'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (tsc.status !== 0) process.exit(1);
  const profileDir = path.join(tmpDir, 'profiles');
  mkdirSync(profileDir, { recursive: true });
  const before = new Set(readdirSync(profileDir));
  const spec = {
    config: options.profile,
    share: 1,
    stats: false,
    pluginEntry: path.join(build, 'src', 'index.js'),
    packages: options.packages.length ? options.packages : undefined,
    rules: options.rules,
    set: options.sets[0],
  };
  console.log(`Profiling ${options.profile} on ${spec.packages?.join(', ') ?? 'all its packages'}`);
  const measurement = runChild(spec, { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=500'] });
  progress(measurement);
  const file = readdirSync(profileDir).find((name) => !before.has(name) && name.endsWith('.cpuprofile'));
  console.log(`Profile: ${path.relative(repoRoot, path.join(profileDir, file))}\n`);
  console.log(summarizeProfile(JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')), build));
}

/** Top functions of our code by self time, and by time spent below them outside our code. */
function summarizeProfile(prof, build) {
  const maps = new Map();
  const sourceMapOf = (file) => {
    if (!maps.has(file)) {
      let map;
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        map = undefined;
      }
      maps.set(file, map);
    }
    return maps.get(file);
  };
  const ours = (url) => url.startsWith('file://') && fileURLToPath(url).startsWith(build + path.sep);
  /** src/…ts:line of a frame of our code (callFrame lines and columns are 0-based). */
  const where = (frame) => {
    const file = fileURLToPath(frame.url);
    const entry = sourceMapOf(file)?.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry?.originalSource) {
      const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
      return `${path.relative(repoRoot, source)}:${entry.originalLine + 1}`;
    }
    return `${path.relative(build, file)}:${frame.lineNumber + 1}`;
  };
  const category = ({ url, functionName }) => {
    if (!url) return ['(garbage collector)', '(program)', '(idle)'].includes(functionName) ? functionName : '(native)';
    if (ours(url)) return fileURLToPath(url).includes(`${path.sep}rules${path.sep}`) ? 'plugin rules/' : 'plugin src/';
    if (/node_modules\/typescript\//.test(url)) return 'typescript';
    if (/node_modules\/(?:@typescript-eslint|ts-api-utils)\//.test(url)) return '@typescript-eslint';
    if (/node_modules\/(?:eslint|espree|acorn|@eslint|eslint-scope|esrecurse|esquery|eslint-visitor-keys)\//.test(url))
      return 'eslint, espree, eslint-scope';
    if (url.startsWith('node:')) return 'node';
    return 'other';
  };

  const nodes = new Map(prof.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of prof.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfMs = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

  const byFunction = new Map(); // key → { name, where, self, below, rules: Map }
  const byCategory = new Map();
  const add = (map, key, init) => {
    if (!map.has(key)) map.set(key, init());
    return map.get(key);
  };
  const ruleOf = (id) => {
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = nodes.get(cur).callFrame;
      const match = ours(frame.url) && /[/\\]rules[/\\]([^/\\]+)\.js$/.exec(fileURLToPath(frame.url));
      if (match && match[1] !== 'index') return match[1];
    }
    return '(engine, outside a rule frame)';
  };
  const entryOf = (frame) =>
    add(byFunction, `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`, () => ({
      name: frame.functionName || (frame.lineNumber === 0 && frame.columnNumber === 0 ? '(module top level)' : '(anonymous)'),
      where: where(frame),
      self: 0,
      below: 0,
      rules: new Map(),
      apis: new Map(),
      belowRules: new Map(),
    }));
  for (const [id, ms] of selfMs) {
    const frame = nodes.get(id).callFrame;
    const cat = category(frame);
    add(byCategory, cat, () => ({ ms: 0 })).ms += ms;
    if (ours(frame.url)) {
      const entry = entryOf(frame);
      entry.self += ms;
      const rule = ruleOf(id);
      entry.rules.set(rule, (entry.rules.get(rule) ?? 0) + ms);
    } else {
      // Time in TypeScript, ESLint, ... is charged to the nearest frame of our code above it,
      // with the function of theirs that it called (the API: getTypeAtLocation, parse, ...).
      for (let prev = id, cur = parent.get(id); cur !== undefined; prev = cur, cur = parent.get(cur)) {
        const above = nodes.get(cur).callFrame;
        if (ours(above.url)) {
          const entry = entryOf(above);
          entry.below += ms;
          const api = nodes.get(prev).callFrame.functionName || '(anonymous)';
          entry.apis.set(api, (entry.apis.get(api) ?? 0) + ms);
          const rule = ruleOf(cur);
          entry.belowRules.set(rule, (entry.belowRules.get(rule) ?? 0) + ms);
          add(byCategory, `  of which called from the plugin: ${cat}`, () => ({ ms: 0 })).ms += ms;
          break;
        }
      }
    }
  }
  const pct = (ms) => `${((ms / total) * 100).toFixed(1)}%`;
  const lines = [];
  lines.push(`Sampled ${(total / 1000).toFixed(1)} s.\n`);
  lines.push(
    table(
      [
        ['where the time went (self time, by package)', 'ms', 'share'],
        ...[...byCategory].sort((a, b) => b[1].ms - a[1].ms).map(([cat, { ms }]) => [cat, ms.toFixed(0), pct(ms)]),
      ],
      1,
    ),
  );
  const functions = [...byFunction.values()];
  const top = (map, of) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, ms]) => `${name} ${Math.round((ms / of) * 100)}%`)
      .join(', ');
  const rulesText = (entry) => top(entry.rules, entry.self);
  lines.push('\nTop functions of the plugin by self time:\n');
  lines.push(
    table(
      [
        ['function', 'source', 'self ms', 'share', 'below ms (outside the plugin)', 'rules on the stack'],
        ...functions
          .sort((a, b) => b.self - a.self)
          .slice(0, 15)
          .map((e) => [e.name, e.where, e.self.toFixed(0), pct(e.self), e.below.toFixed(0), rulesText(e)]),
      ],
      2,
      5,
    ),
  );
  lines.push('\nTop functions of the plugin by time spent in TypeScript, ESLint, ... directly below them:\n');
  lines.push(
    table(
      [
        ['function', 'source', 'below ms', 'share', 'self ms', 'calls into', 'rules on the stack'],
        ...functions
          .sort((a, b) => b.below - a.below)
          .slice(0, 15)
          .map((e) => [
            e.name,
            e.where,
            e.below.toFixed(0),
            pct(e.below),
            e.self.toFixed(0),
            top(e.apis, e.below),
            top(e.belowRules, e.below),
          ]),
      ],
      2,
      5,
    ),
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

const options = parseArgs(process.argv.slice(2));
ensureInstalled();
if (!existsSync(path.join(repoRoot, 'dist', 'src', 'index.js'))) {
  console.error('dist/src/index.js is missing: run `npm run build` first (or `npm run bench`).');
  process.exit(1);
}

if (options.profile) profile(options);
else {
  const results = {};
  for (const set of options.sets) results[set] = benchmark(options, set);
  const markdown = options.sets
    .map((set) => `## The ${set} set (${SET_DESCRIPTIONS[set]})\n\n${render(results[set])}`)
    .join('\n\n');
  console.log(`\n${markdown}`);
  if (options.write) {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'latest.json'), `${compactJson(results)}\n`);
    writeFileSync(
      path.join(resultsDir, 'latest.md'),
      `# Benchmark results\n\n\`npm run bench\` (bench/run.mjs)${options.quick ? ' with --quick' : ''}.\n\n${markdown}\n`,
    );
    console.log(`\nWrote ${path.relative(repoRoot, resultsDir)}/latest.json and latest.md`);
  }
}
