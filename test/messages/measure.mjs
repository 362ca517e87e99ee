// Measures every message the rule tests state (reports and suggestions apart): `node
// test/messages/measure.mjs [--list]` prints the count, median and longest; test/messages.test.ts
// holds the median under its bound. The messages come from the fix check's collection pass
// (test/fixcheck/collect.ts), which loads the rule tests without running them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Every stated message of the rule tests: `{ rule, messageId, text, suggestion }`. */
export function collectMessages() {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'leaks-messages-'));
  try {
    const run = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/fixcheck/vitest.config.mts'],
      { cwd: repoRoot, encoding: 'utf8', env: { ...outsideVitest(process.env), FIXCHECK_CASES_DIR: outDir } },
    );
    if (run.status !== 0) throw new Error(`collecting the rule tests failed:\n${run.stdout}${run.stderr}`);
    return readdirSync(outDir).flatMap((file) => {
      const suite = JSON.parse(readFileSync(path.join(outDir, file), 'utf8'));
      return suite.messages.map((message) => ({ rule: suite.rule, ...message }));
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The environment without the variables a running vitest sets, so the collection pass is a run of its own. */
function outsideVitest(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)));
}

/** Count, median and longest length of distinct message texts. */
export function lengths(messages) {
  const texts = [...new Set(messages.map((message) => message.text))];
  const sorted = texts.map((text) => text.length).sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { count: texts.length, median, max: sorted.at(-1) ?? 0, longest: texts.find((text) => text.length === sorted.at(-1)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const messages = collectMessages();
  const reports = messages.filter((message) => !message.suggestion);
  const suggestions = messages.filter((message) => message.suggestion);
  for (const [name, group] of [['reports', reports], ['suggestions', suggestions]]) {
    const { count, median, max, longest } = lengths(group);
    console.log(`${name}: ${count} distinct, median ${median}, max ${max}\n  longest: ${longest}`);
  }
  if (process.argv.includes('--list')) {
    for (const text of [...new Set(reports.map((message) => `${message.rule}\t${message.messageId}\t${message.text.length}\t${message.text}`))].sort()) console.log(text);
  }
}
