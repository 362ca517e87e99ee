// Load-independent cost: instructions executed, counted by valgrind, for machines where wall and
// CPU time are noise (a shared machine under load) and hardware counters are not available
// (`perf stat -e instructions` unsupported, as in most containers).
//
//   node bench/instructions.mjs [--set application] [--share 4] [--configs A,B] [--entry FILE]...
//
// Each configuration of bench/child.mjs (A the floor, B `recommended`, untyped; A', C typed) runs
// once, in a fresh process, under `valgrind --tool=cachegrind` with Node's `--single-threaded`
// (compilation and GC on the main thread, so that every instruction is counted once, in the
// same order) and `--predictable-gc-schedule` (heap growth fixed rather than timed, so that the
// GC work does not depend on how fast the machine happened to be). Two runs of the same
// configuration then differ by about 1 % (the order in which ESLint reads files still varies);
// ratios to the floor are read from the same run set. Valgrind makes a run ~50× slower: a
// quarter of the application set takes about 3 minutes for B, the whole set about 10.
//
// `--entry FILE` (repeatable) counts B again with another build of the plugin (its
// dist/src/index.js, e.g. a copy of a base commit's build), for before/after on the same inputs.
// The split per run (`cg_annotate`): V8's optimising compiler, its garbage collector, and the
// rest (the program itself, ESLint's and the plugin's code, builtins, the parser).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const benchDir = import.meta.dirname;
const tmpDir = path.join(benchDir, 'results', 'tmp');

const args = process.argv.slice(2);
const options = { set: 'application', share: 4, configs: ['A', 'B'], entries: [] };
for (let i = 0; i < args.length; i++) {
  const flag = args[i];
  const value = () => args[++i] ?? fail(`${flag} needs a value`);
  if (flag === '--set') options.set = value();
  else if (flag === '--share') options.share = Number(value());
  else if (flag === '--configs') options.configs = value().split(',');
  else if (flag === '--entry') options.entries.push(path.resolve(value()));
  else fail(`unknown argument: ${flag}`);
}

function fail(message) {
  console.error(`bench/instructions.mjs: ${message}`);
  console.error('usage: node bench/instructions.mjs [--set library|application] [--share N] [--configs A,B,...] [--entry FILE]...');
  process.exit(2);
}

if (spawnSync('valgrind', ['--version']).status !== 0) fail('valgrind is not installed (apt-get install valgrind)');

mkdirSync(tmpDir, { recursive: true });
const runs = [
  ...options.configs.map((config) => ({ name: config, spec: { config } })),
  ...options.entries.map((entry, i) => ({ name: `B@${i + 1}`, entry, spec: { config: 'B', pluginEntry: entry } })),
];

const results = [];
for (const run of runs) {
  const out = path.join(tmpDir, `instructions-${process.pid}-${run.name}.json`);
  const counts = path.join(tmpDir, `instructions-${process.pid}-${run.name}.cg`);
  const spec = { ...run.spec, set: options.set, share: options.share, out };
  const started = Date.now();
  const child = spawnSync(
    'valgrind',
    [
      '--tool=cachegrind',
      '--cache-sim=no',
      '--branch-sim=no',
      `--cachegrind-out-file=${counts}`,
      process.execPath,
      '--single-threaded',
      '--predictable-gc-schedule',
      path.join(benchDir, 'child.mjs'),
      JSON.stringify(spec),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(child.stderr)?.[1];
  if (child.status !== 0 || !refs || !existsSync(out)) {
    console.error(child.stdout + child.stderr);
    fail(`run ${run.name} failed`);
  }
  const measurement = JSON.parse(readFileSync(out, 'utf8'));
  const result = { name: run.name, entry: run.entry, instructions: Number(refs.replaceAll(',', '')), ...split(counts), findings: measurement.findings, followed: measurement.followed };
  results.push(result);
  rmSync(out);
  rmSync(counts);
  console.log(`${run.name}: ${(result.instructions / 1e9).toFixed(2)} G instructions (${((Date.now() - started) / 1000).toFixed(0)} s under valgrind)`);
}

/** Instructions in V8's optimising compiler and in its garbage collector, by symbol name. */
function split(file) {
  const annotated = spawnSync('cg_annotate', ['--threshold=0', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  let compiler = 0;
  let gc = 0;
  for (const line of annotated.stdout?.split('\n') ?? []) {
    const match = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/.exec(line);
    if (!match || match[2].includes('PROGRAM TOTALS')) continue;
    const count = Number(match[1].replaceAll(',', ''));
    if (/::compiler::|Turbofan|[Mm]aglev/.test(match[2])) compiler += count;
    else if (/Scaveng|Mark|Sweep|heap::|Heap::|Evacuat|Pretenur|Compactor|RememberedSet|SlotSet/.test(match[2])) gc += count;
  }
  return { compiler, gc };
}

const floor = results.find((result) => result.name === 'A' || result.name === "A'");
const g = (n) => (n / 1e9).toFixed(2);
console.log(`\n${options.set} set, 1/${options.share} of each package's files (Node ${process.version})\n`);
console.log('| run | instructions (G) | compiler | GC | rest | / floor | rest / floor rest | findings | followed parses |');
console.log('|---|--:|--:|--:|--:|--:|--:|---|--:|');
for (const result of results) {
  const rest = result.instructions - result.compiler - result.gc;
  const floorRest = floor && floor.instructions - floor.compiler - floor.gc;
  const ratio = floor && result !== floor ? (result.instructions / floor.instructions).toFixed(3) : '';
  const restRatio = floor && result !== floor ? (rest / floorRest).toFixed(3) : '';
  const findings = Object.entries(result.findings).map(([rule, n]) => `${rule.replace(/^leaks\//, '')} ${n}`).join(', ');
  console.log(`| ${result.name} | ${g(result.instructions)} | ${g(result.compiler)} | ${g(result.gc)} | ${g(rest)} | ${ratio} | ${restRatio} | ${findings} | ${result.followed?.parses ?? ''} |`);
}
for (const result of results) if (result.entry) console.log(`\n${result.name}: ${result.entry}`);
