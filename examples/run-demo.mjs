// The incident demo (`npm run demo`): lints the leaky and the fixed cron-job daemon in
// examples/cronjob-daemon with the built plugin, prints what the rules find, and shows what
// `--fix` (and the editor's quick fixes) would change, as unified diffs. Writes nothing.
//
// Exit code 0 when the leaky daemon has findings and the fixed daemon has none, 1 otherwise.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';

const repoRoot = path.resolve(import.meta.dirname, '..');
const daemonDir = path.join(repoRoot, 'examples', 'cronjob-daemon');
const configFile = path.join(daemonDir, 'eslint.config.mjs');

if (!existsSync(path.join(repoRoot, 'dist', 'src', 'index.js'))) {
  console.error('dist/src/index.js is missing: run `npm run build` first (or `npm run demo`).');
  process.exit(1);
}

const options = { cwd: daemonDir, overrideConfigFile: configFile };
const display = (file) => path.relative(repoRoot, file);

/** One finding per line, grouped under its file; fatal parse errors are findings too. */
function printResults(results) {
  let findings = 0;
  for (const result of [...results].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    const file = display(result.filePath);
    if (result.messages.length === 0) {
      console.log(`  ${file}: no findings`);
      continue;
    }
    console.log(`  ${file}`);
    for (const message of result.messages) {
      findings++;
      console.log(`    ${file}:${message.line}:${message.column}  ${message.ruleId ?? '(fatal)'}`);
      console.log(`      ${message.message}`);
      for (const suggestion of message.suggestions ?? []) console.log(`      suggestion: ${suggestion.desc}`);
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// A small line diff (longest common subsequence), printed as a unified diff with 3 lines of context.

function diffLines(a, b) {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    // ai/bi: 1-based line number of this line in a/b (for a '+', bi; for a '-', ai).
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', line: a[i++], ai: i, bi: ++j });
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: a[i++], ai: i, bi: j });
    else ops.push({ kind: '+', line: b[j++], ai: i, bi: j });
  }
  return ops;
}

/** Lines of `text`, each with its newline (the last one may have none). */
const splitLines = (text) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** A diff line: its marker and text, then git's note when the file does not end with a newline. */
const diffLine = (kind, line) =>
  line.endsWith('\n') ? `${kind}${line.slice(0, -1)}` : `${kind}${line}\n\\ No newline at end of file`;

function unifiedDiff(fileA, fileB, before, after, context = 3) {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- ${fileA}`, `+++ ${fileB}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === ' ') {
      k++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is at most 2 * context unchanged lines away.
    const start = Math.max(0, k - context);
    let end = k;
    let last = k;
    while (end < ops.length) {
      if (ops[end].kind !== ' ') last = end;
      else if (end - last > 2 * context) break;
      end++;
    }
    end = Math.min(ops.length, last + context + 1);
    const hunk = ops.slice(start, end);
    // 1-based first line of the hunk in each file, and line counts.
    const aStart = hunk.reduce((min, op) => (op.kind !== '+' ? Math.min(min, op.ai) : min), Infinity);
    const bStart = hunk.reduce((min, op) => (op.kind !== '-' ? Math.min(min, op.bi) : min), Infinity);
    const aCount = hunk.filter((op) => op.kind !== '+').length;
    const bCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(
      `@@ -${aCount ? aStart : ops[start].ai},${aCount} +${bCount ? bStart : ops[start].bi},${bCount} @@`,
      ...hunk.map((op) => diffLine(op.kind, op.line)),
    );
    k = end;
  }
  return out.join('\n');
}

/** `text` with one ESLint fix (`{ range, text }`) applied. */
const applyFix = (text, fix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

// ---------------------------------------------------------------------------------------------

const eslint = new ESLint(options);

console.log('== leaky/: the daemon as it ran in the incident ==');
const leaky = await eslint.lintFiles(['leaky/']);
const leakyFindings = printResults(leaky);

console.log('\n== fixed/: the daemon after the fix ==');
const fixed = await eslint.lintFiles(['fixed/']);
const fixedFindings = fixed.reduce((sum, result) => sum + result.messages.length, 0);
if (fixedFindings === 0) console.log(`  no findings (${fixed.length} files)`);
else printResults(fixed);

console.log('\n== what `eslint --fix` would change on leaky/ (nothing is written) ==');
const fixedByEslint = await new ESLint({ ...options, fix: true }).lintFiles(['leaky/']);
let changedFiles = 0;
for (const result of fixedByEslint.sort((a, b) => a.filePath.localeCompare(b.filePath))) {
  if (result.output === undefined) continue;
  const source = readFileSync(result.filePath, 'utf8');
  if (result.output === source) continue;
  changedFiles++;
  const file = display(result.filePath);
  console.log(unifiedDiff(`a/${file}`, `b/${file}`, source, result.output));
}
if (changedFiles === 0) console.log('  no safe fixes: nothing would change');

console.log('\n== editor quick fixes (suggestions) on leaky/, one at a time (not applied by --fix) ==');
let suggestions = 0;
for (const result of leaky) {
  const source = readFileSync(result.filePath, 'utf8');
  const file = display(result.filePath);
  for (const message of result.messages) {
    for (const suggestion of message.suggestions ?? []) {
      suggestions++;
      console.log(`${file}:${message.line}:${message.column}  ${suggestion.desc}`);
      console.log(unifiedDiff(`a/${file}`, `b/${file}`, source, applyFix(source, suggestion.fix)));
    }
  }
}
if (suggestions === 0) console.log('  none');

const fatal = [...leaky, ...fixed].some((result) => result.messages.some((message) => message.fatal));
const ok = leakyFindings > 0 && fixedFindings === 0 && !fatal;
console.log(
  `\n${ok ? 'OK' : 'FAILED'}: ${leakyFindings} finding(s) on the leaky daemon, ${fixedFindings} on the fixed one` +
    (fatal ? ', and a file failed to parse' : ''),
);
process.exitCode = ok ? 0 : 1;
